// `iom sources --remove PATH…`: forget sources and their records. Every path is checked first:
// one that names no source is a usage error and nothing is removed.
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { openDb, resolveDbPath } from '../store/db.js';
import { removeSource } from '../store/records.js';
import type { Globals, logger as makeLogger } from './options.js';

export function removeSources(paths: string[], g: Globals, log: ReturnType<typeof makeLogger>): void {
  const db = openDb(resolveDbPath(g.db), { create: false });
  try {
    const stored = new Set(db.prepare('SELECT path FROM sources').pluck().all() as string[]);
    const targets = paths.map((p) => (stored.has(p) ? p : resolve(p)));
    const missing = targets.filter((p) => !stored.has(p));
    if (missing.length) {
      throw new UsageError(`no source ${missing.map((p) => `'${p}'`).join(', ')} in the database ('iom sources' lists them); nothing removed`);
    }
    let records = 0;
    for (const p of new Set(targets)) records += removeSource(db, p) ?? 0;
    const n = new Set(targets).size;
    log.info(`removed ${n} source${n === 1 ? '' : 's'} and ${records} record${records === 1 ? '' : 's'}`);
  } finally {
    db.close();
  }
}
