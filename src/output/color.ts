// The one colour decision: only on a terminal, only for tables, never with NO_COLOR.
import { Chalk, type ChalkInstance } from 'chalk';

export function useColor(stream: NodeJS.WriteStream, format: string): boolean {
  return !!stream.isTTY && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') && format === 'table';
}

export function chalkFor(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 1 : 0 });
}
