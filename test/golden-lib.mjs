// Shared by the golden test and scripts/update-golden.mjs: which fixtures have golden records,
// and how a record is made comparable (no id, which depends on the absolute path; no full text).
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Derived statuses depend on today's date: the golden files are made as of this day. */
export const TODAY = new Date('2026-11-01T00:00:00Z');

export function goldenInputs() {
  const out = [];
  for (const dir of ['seeds', 'pdf', 'html', 'text']) {
    for (const name of readdirSync(join(ROOT, 'fixtures', dir)).sort()) {
      if (/\.(txt|pdf|html)$/.test(name)) out.push(join('fixtures', dir, name));
    }
  }
  return out;
}

export const expectedPath = (input) => join(ROOT, input.replace(/\.(txt|pdf|html)$/, '.expected.json'));

export async function goldenRecords(input) {
  const { parseFile } = await import(join(ROOT, 'dist/ingest/index.js'));
  const { records } = await parseFile(join(ROOT, input), { today: TODAY });
  return records.map(({ id, text, ...rest }) => rest);
}

export const rel = (p) => relative(ROOT, p);
