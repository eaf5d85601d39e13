// Option sets shared by commands, defined once, and the stderr logger.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { FORMATS, type Format } from '../output/formats.js';
import { visible } from '../output/safe.js';

export function formatOption(): Option {
  return new Option('-f, --format <format>', 'output format (default: table on a terminal, json in a pipe)').choices(FORMATS);
}

export function jsonOption(): Option {
  return new Option('--json', 'short for --format json');
}

/** table on a terminal, JSON when stdout is a pipe or a file. */
export function pickFormat(opts: { format?: Format; json?: boolean }): Format {
  if (opts.json) return 'json';
  return opts.format ?? (process.stdout.isTTY ? 'table' : 'json');
}

export interface Globals {
  db?: string;
  quiet?: boolean;
  debug?: boolean;
}

export function globals(cmd: Command): Globals {
  return cmd.optsWithGlobals() as Globals;
}

/** Messages for people go to stderr, and not at all with -q. */
export function logger(g: Globals) {
  return {
    info: (msg: string) => {
      if (!g.quiet) process.stderr.write(`${visible(msg)}\n`);
    },
    warn: (msg: string) => {
      if (!g.quiet) process.stderr.write(`iom: warning: ${visible(msg)}\n`);
    },
    /** Errors are shown even with -q. */
    error: (msg: string) => process.stderr.write(`iom: ${visible(msg)}\n`),
  };
}

/** A whole number from min to max (default: the largest integer SQLite and JavaScript share exactly). */
export function intOption(name: string, min = 0, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} expects a whole number from ${min} to ${max}, not '${value}'`);
    }
    return n;
  };
}

/** Writes to stdout and ends quietly if the reader went away (`iom query | head -1`). */
export function writeOut(text: string): void {
  process.stdout.write(text);
}
