// iom export: format from --format or from the -o file's extension; files replaced in one step.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { exportFormat, runExport } from '../../src/cli/export-run.js';
import { IomError, UsageError } from '../../src/errors.js';
import { buildDb } from '../query/records.js';
import { validateIati } from './xmllint.js';

const t = buildDb();
const out = mkdtempSync(join(tmpdir(), 'iom-export-'));
afterAll(() => {
  t.cleanup();
  rmSync(out, { recursive: true, force: true });
});

function run(flags: Record<string, string>) {
  const messages: string[] = [];
  const log = {
    info: (m: string) => void messages.push(m),
    warn: (m: string) => void messages.push(`warning: ${m}`),
    error: (m: string) => messages.push(m) > 0,
  };
  runExport(flags, { db: t.path }, log);
  return messages;
}

describe('iom export', () => {
  test.each([
    [undefined, 'oim.xml', 'iati'],
    [undefined, 'projets.CSV', 'csv'],
    [undefined, 'p.ndjson', 'ndjson'],
    [undefined, 'p.jsonl', 'ndjson'],
    [undefined, 'p.json', 'json'],
    [undefined, 'p.txt', 'json'],
    [undefined, undefined, 'json'],
    ['csv', 'oim.xml', 'csv'],
  ])('--format %s -o %s -> %s', (format, output, expected) => {
    expect(exportFormat(format, output)).toBe(expected);
  });

  test('an unknown format is a usage error naming the valid ones', () => {
    expect(() => exportFormat('xml', undefined)).toThrow(UsageError);
    expect(() => exportFormat('xml', undefined)).toThrow("cannot export as 'xml'; use --format iati|csv|json|ndjson");
  });

  test('-o file.xml writes a valid IATI file, says so on the log, and warns about projects left out', async () => {
    const file = join(out, 'oim.xml');
    const messages = run({ output: file });
    expect(messages).toEqual([
      'warning: e5f6a7b80001 left out of the IATI file: no known date (IATI needs at least one activity-date)',
      `wrote 10 IATI activities to ${file}`, // 11 projects, less the NGO article
    ]);
    const xml = readFileSync(file, 'utf8');
    expect((await validateIati(xml)).valid).toBe(true);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  test('filters apply: --donor Suisse --format csv', () => {
    const file = join(out, 'suisse.csv');
    run({ donor: 'Suisse', output: file });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id,title,acronym,status,/);
    expect(lines).toHaveLength(1 + 3); // Migration Mainstreaming, ICMD, AVRR
    expect(lines.join('\n')).toContain('Union européenne; Suisse');
  });

  test('json and ndjson hold the same rows as query', () => {
    run({ output: join(out, 'all.json') });
    run({ output: join(out, 'all.ndjson') });
    const json = JSON.parse(readFileSync(join(out, 'all.json'), 'utf8')) as { id: string }[];
    const nd = readFileSync(join(out, 'all.ndjson'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string });
    expect(json).toHaveLength(11); // 13 records, 11 projects (ICMD and FM.0390 merged)
    expect(nd.map((r) => r.id)).toEqual(json.map((r) => r.id));
  });

  test('IATI with nothing to write is an error, and no file is left behind', () => {
    const file = join(out, 'none.xml');
    expect(() => run({ year: '1990', output: file })).toThrow(IomError);
    expect(() => run({ year: '1990', output: file })).toThrow(/no project matches these filters, and an IATI file needs at least one activity/);
    expect(existsSync(file)).toBe(false);
  });

  test('a file that cannot be written is a one-line error', () => {
    expect(() => run({ output: join(out, 'missing-dir', 'x.csv') })).toThrow(/^cannot write .*x\.csv: ENOENT$/);
  });
});
