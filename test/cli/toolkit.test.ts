// The analyst's toolkit end to end: the built binary on the five seeds ingested into a temp db.
// stdout, stderr and the exit code are checked together. `npm test` builds first.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { iom, fixture, tempDir } from '../helpers.js';
import { validateIati } from '../export/xmllint.js';

const t = tempDir('iom-toolkit-e2e-');
afterAll(t.cleanup);

interface Stat {
  key: string | number | null;
  count: number;
  sum_budget_usd?: number | null;
}

/** One line on stderr, "iom: …", nothing on stdout, exit 2. */
function expectUsageError(r: ReturnType<typeof iom>, message: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^iom: [^\n]+\n$/);
  expect(r.stderr).toMatch(message);
}

describe('the analyst toolkit on the five seeds', () => {
  beforeAll(() => {
    const r = iom(['ingest', fixture('seeds')], { db: t.db });
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);

  test.each(['stats', 'facets', 'export', 'sql', 'completion'])('iom %s --help shows examples', (name) => {
    const r = iom([name, '--help']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\nExamples:\n {2}\$ /);
  });

  test('stats --by donor counts the seven EU projects and sums known budgets', () => {
    const r = iom(['stats', '--by', 'donor', '--json'], { db: t.db });
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Stat[];
    expect(rows.find((x) => x.key === 'Union européenne')?.count).toBe(7);
    const eu = JSON.parse(iom(['stats', '--by', 'status', '--donor', 'UE', '--json'], { db: t.db }).stdout) as Stat[];
    expect(eu.reduce((n, x) => n + x.count, 0)).toBe(7);
    const sums = JSON.parse(iom(['stats', '--by', 'type', '--sum', 'budget_usd', '--json'], { db: t.db }).stdout) as Stat[];
    expect(sums).toContainEqual({ key: 'Migration de main-d’œuvre', count: 1, sum_budget_usd: 300000 });
  });

  test('stats: the total per status is the number of projects query lists', () => {
    const projects = JSON.parse(iom(['query', '--json'], { db: t.db }).stdout) as unknown[];
    const rows = JSON.parse(iom(['stats', '--by', 'status', '--json'], { db: t.db }).stdout) as Stat[];
    expect(rows.reduce((n, x) => n + x.count, 0)).toBe(projects.length);
  });

  test('stats --by year: a timeline with bars in a table, plain numbers in CSV', () => {
    const table = iom(['stats', '--by', 'year', '--format', 'table'], { db: t.db });
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/│ 2015 +│ +\d+ │ █/);
    expect(table.stdout).not.toMatch(/\u001b\[/);
    const csv = iom(['stats', '--by', 'year', '--format', 'csv'], { db: t.db });
    expect(csv.stdout.split('\n')[0]).toBe('key,count');
    const years = csv.stdout.trim().split('\n').slice(1).map((l) => l.split(',')[0]).filter(Boolean).map(Number);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => years[0]! + i)); // no hole
    const nd = iom(['stats', '--by', 'country', '--format', 'ndjson'], { db: t.db });
    expect(JSON.parse(nd.stdout.split('\n')[0]!)).toMatchObject({ key: 'MA', name: 'Maroc' });
  });

  test('stats: bad --by and --sum are one-line usage errors naming the valid values', () => {
    expectUsageError(iom(['stats', '--by', 'bailleur'], { db: t.db }), /use --by donor\|country\|year\|status\|type\|section/);
    expectUsageError(iom(['stats', '--sum', 'budget'], { db: t.db }), /use --sum budget_usd/);
    expectUsageError(iom(['stats', '--year', '20x5'], { db: t.db }), /--year expects a four-digit year/);
  });

  test('facets: every field at once; filters apply', () => {
    const r = iom(['facets', '--json'], { db: t.db });
    expect(r.code, r.stderr).toBe(0);
    const f = JSON.parse(r.stdout) as Record<string, { value: unknown; count: number }[]>;
    expect(Object.keys(f)).toEqual(['donor', 'country', 'status', 'type', 'year', 'section', 'kind', 'source']);
    expect(f.donor).toContainEqual({ value: 'Union européenne', count: 7 });
    const eu = JSON.parse(iom(['facets', '--donor', 'UE', '--json'], { db: t.db }).stdout) as typeof f;
    expect(eu.kind).toEqual([{ value: 'iom-activity-sheet', count: 7 }]);
    const table = iom(['facets', '--format', 'table'], { db: t.db });
    for (const field of Object.keys(f)) expect(table.stdout).toMatch(new RegExp(`│ ${field} +│ count │`));
    const csv = iom(['facets', '--format', 'csv'], { db: t.db });
    expect(csv.stdout.split('\n')[0]).toBe('field,value,count');
  });

  test('export --format iati -o: a file valid against the IATI 2.03 schema', async () => {
    const file = join(t.dir, 'oim.xml');
    const r = iom(['export', '-o', file], { db: t.db });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/wrote \d+ IATI activit(y|ies) to .*oim\.xml/);
    const xml = readFileSync(file, 'utf8');
    const v = await validateIati(xml);
    expect(v.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(xml).toContain('<iati-identifier>XM-DAC-47066-LM.0416</iati-identifier>');
    expect(xml).toContain('<other-identifier ref="MA10P0517" type="A1">');
  }, 120_000);

  test('export honours filters and writes to stdout by default', async () => {
    const r = iom(['export', '--donor', 'UE', '--format', 'iati'], { db: t.db });
    expect(r.code, r.stderr).toBe(0);
    // The seven EU projects: each an activity, or left out with a warning (no known date).
    const left = r.stderr.match(/left out of the IATI file: no known date/g) ?? [];
    expect((r.stdout.match(/<iati-activity /g) ?? []).length + left.length).toBe(7);
    expect(r.stdout).toContain('ref="XI-IATI-EC_INTPA"');
    expect((await validateIati(r.stdout)).valid).toBe(true);
    const csv = iom(['export', '--country', 'Maroc', '--format', 'csv'], { db: t.db });
    expect(csv.stdout.split('\n')[0]).toMatch(/^id,title,acronym,status,/);
    expectUsageError(iom(['export', '--format', 'xml'], { db: t.db }), /use --format iati\|csv\|json\|ndjson/);
  }, 120_000);

  test('query output validates against schema/project.schema.json', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schema/project.schema.json', import.meta.url), 'utf8')) as object;
    const validate = new Ajv2020({ strict: true }).compile(schema);
    const rows = JSON.parse(iom(['query', '--json'], { db: t.db }).stdout) as unknown[];
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(validate(row), JSON.stringify(validate.errors)).toBe(true);
  });

  test('sql: rows in every format; writes and SQL errors are one-line usage errors', () => {
    const n = JSON.parse(iom(['sql', 'SELECT count(*) AS n FROM projects', '--json'], { db: t.db }).stdout) as { n: number }[];
    expect(n[0]!.n).toBeGreaterThanOrEqual(20);
    const csv = iom(['sql', "SELECT code, name FROM project_donors WHERE code = 'EU' LIMIT 1", '--format', 'csv'], { db: t.db });
    expect(csv.stdout).toBe('code,name\nEU,Union européenne\n');
    const nd = iom(['sql', 'SELECT 1 AS a UNION ALL SELECT 2', '--format', 'ndjson'], { db: t.db });
    expect(nd.stdout).toBe('{"a":1}\n{"a":2}\n');
    const table = iom(['sql', 'SELECT 1 AS a', '--format', 'table'], { db: t.db });
    expect(table.stdout).toMatch(/│ a │/);
    const stdin = iom(['sql', '-', '--format', 'csv'], { db: t.db, input: 'SELECT 42 AS answer' });
    expect(stdin.stdout).toBe('answer\n42\n');
    expectUsageError(iom(['sql', 'DELETE FROM projects'], { db: t.db }), /only reads/);
    expectUsageError(iom(['sql', 'SELEC 1'], { db: t.db }), /SQL error: near "SELEC": syntax error/);
    expect(JSON.parse(iom(['sql', 'SELECT count(*) AS n FROM projects', '--json'], { db: t.db }).stdout)).toEqual(n);
  });

  test('completion: a bash script that parses and knows the toolkit; unknown shells are usage errors', () => {
    const r = iom(['completion', 'bash']);
    expect(r.code, r.stderr).toBe(0);
    expect(spawnSync('bash', ['-n'], { input: r.stdout, encoding: 'utf8' }).status).toBe(0);
    for (const word of ['stats', 'facets', 'export', 'sql', 'completion', '--by', 'iati']) expect(r.stdout).toContain(word);
    expect(iom(['completion', 'zsh']).stdout).toMatch(/^#compdef iom\n/);
    expect(iom(['completion', 'fish']).stdout).toContain('complete -c iom');
    expectUsageError(iom(['completion', 'tcsh']), /use iom completion bash\|zsh\|fish/);
  });
});
