// Runs the built `iom` as a user would: a real process, a temporary database, stdout, stderr
// and the exit code checked together. `npm test` builds first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'iom.js');
export const fixture = (p: string) => join(ROOT, 'fixtures', p);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function iom(args: string[], opts: { db?: string; input?: string; env?: Record<string, string>; cwd?: string } = {}): Run {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: '1', ...opts.env };
  delete env.IOM_DB;
  if (opts.db) env.IOM_DB = opts.db;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env,
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'iom-test-'): { dir: string; db: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, db: join(dir, 'iom.sqlite'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
