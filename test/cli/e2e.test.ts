// The built binary, end to end, on the seed documents.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, iom, fixture, tempDir } from '../helpers.js';

const t = tempDir();
afterAll(t.cleanup);

interface Row {
  id: string;
  title: string;
  donors: string[];
  donor_codes: (string | null)[];
  countries: string[];
  start: string | null;
  end: string | null;
  source: string;
  [k: string]: unknown;
}
const json = (s: string) => JSON.parse(s) as Row[];

describe('iom on the five seeds', () => {
  let first: ReturnType<typeof iom>;
  beforeAll(() => {
    first = iom(['ingest', fixture('seeds')], { db: t.db });
  }, 120_000);

  test('ingest stores every seed and reports each file on stderr, nothing on stdout', () => {
    expect(first.stderr).toBe(first.stderr); // printed below on failure
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toMatch(/003_905411b0d1b2955d\.txt: activity sheet, 13 records/);
    expect(first.stderr).toMatch(/000_7d4a42574226c896\.txt: project sheet, 1 record/);
    expect(first.stderr).toMatch(/5 files: 5 stored/);
  });

  test('--donor UE lists exactly the seven EU-funded projects of the activity sheet', () => {
    const r = iom(['query', '--donor', 'UE', '--json'], { db: t.db });
    expect(r.code, r.stderr).toBe(0);
    const rows = json(r.stdout);
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      expect(row.source).toMatch(/003_905411b0d1b2955d\.txt$/);
      expect(row.donor_codes).toContain('EU');
    }
    expect(rows.map((x) => x.acronym)).toEqual(expect.arrayContaining(['ICMD', 'MOTUSE', 'SALEMM']));
  });

  test.each(['EU', 'Union européenne', 'European Union', 'union europeenne'])('--donor %s finds the same projects as UE', (alias) => {
    const ue = json(iom(['query', '--donor', 'UE', '--json'], { db: t.db }).stdout).map((x) => x.id);
    const r = iom(['query', '--donor', alias, '--json'], { db: t.db });
    expect(r.code, r.stderr).toBe(0);
    expect(json(r.stdout).map((x) => x.id)).toEqual(ue);
  });

  test('re-ingesting the same files changes nothing', () => {
    const before = iom(['query', '--json'], { db: t.db }).stdout;
    const again = iom(['ingest', fixture('seeds')], { db: t.db });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/5 unchanged/);
    expect(iom(['query', '--json'], { db: t.db }).stdout).toBe(before);
  });

  test('query output formats: json, ndjson, csv; table in a pipe when asked', () => {
    const all = json(iom(['query', '--json'], { db: t.db }).stdout);
    // 13 + 3 + 2 + 1 + 1 records; seed 001's project is also on the activity sheet: 19 projects
    expect(all).toHaveLength(19);
    expect(json(iom(['query', '--json', '--unmerged'], { db: t.db }).stdout)).toHaveLength(20);
    const nd = iom(['query', '--format', 'ndjson'], { db: t.db }).stdout.trim().split('\n');
    expect(nd).toHaveLength(all.length);
    expect(JSON.parse(nd[0]!).id).toBe(all[0]!.id);
    const csv = iom(['query', '--format', 'csv', '--fields', 'id,title,donors'], { db: t.db }).stdout;
    expect(csv.split('\n')[0]).toBe('id,title,donors');
    const table = iom(['query', '--donor', 'Suisse', '--format', 'table'], { db: t.db });
    expect(table.stdout).toMatch(/Migration Mainstreaming|Initiative Conjointe/);
    expect(table.stdout).not.toMatch(/\u001b\[/); // no colour outside a terminal
  });

  test('JSON is the default in a pipe; no match gives [] and exit 0', () => {
    const r = iom(['query', '--donor', 'Finlande', '--year', '1990'], { db: t.db });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('[]\n');
    expect(r.stderr).toMatch(/no project matches/);
  });

  test('--year uses the period a project was active', () => {
    const rows = json(iom(['query', '--year', '2017', '--json'], { db: t.db }).stdout);
    const titles = rows.map((x) => x.title).join('\n');
    expect(titles).toMatch(/FORSATY|Favorable Opportunities/);
    expect(titles).toMatch(/Promotion de la santé/);
    expect(titles).not.toMatch(/SALEMM|Solidarité avec les Enfants/); // ended December 2015
  });

  test('show prints one record with its source and raw text', () => {
    const [row] = json(iom(['query', '--text', 'Autonomisation', '--json'], { db: t.db }).stdout);
    expect(row).toBeDefined();
    const r = iom(['show', row!.id, '--json'], { db: t.db });
    expect(r.code, r.stderr).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p.project_id).toBe('LM.0416');
    expect(p.budget_usd).toBe(300000);
    expect(p.members[0].raw.budget).toBe('300000.00');
    expect(p.members[0].source.path).toMatch(/000_7d4a42574226c896\.txt$/);
  });

  test('sources and info', () => {
    const s = JSON.parse(iom(['sources', '--json'], { db: t.db }).stdout);
    expect(s).toHaveLength(5);
    const info = JSON.parse(iom(['info', '--json'], { db: t.db }).stdout);
    expect(info.sources).toBe(5);
    expect(info.path).toBe(t.db);
  });

  test('bad filter values are usage errors (exit 2) with a one-line message', () => {
    for (const args of [['--year', 'abc'], ['--from', '2016', '--to', '2014'], ['--format', 'xml'], ['--donor', 'Unoin europeene']]) {
      const r = iom(['query', ...args], { db: t.db });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stdout).toBe('');
    }
    expect(iom(['query', '--donor', 'Unoin europeene'], { db: t.db }).stderr).toMatch(/did you mean/);
  });

  test.each(['"unclosed', 'traite AND', '(migration'])('a malformed search %s is a usage error, not an SQL message', (text) => {
    const r = iom(['query', '--text', text], { db: t.db });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^iom: cannot search for/);
    expect(r.stderr).not.toMatch(/SqliteError|at /);
  });

  test('a filter value is bound, never pasted into SQL', () => {
    const r = iom(['query', '--source', "x'; DROP TABLE projects; --", '--json'], { db: t.db });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('[]\n');
    expect(json(iom(['query', '--json'], { db: t.db }).stdout).length).toBeGreaterThan(0);
  });

  test('donors: the registry with project counts; a government includes its agencies', () => {
    const rows = JSON.parse(iom(['donors', '--json'], { db: t.db }).stdout) as { code: string; projects: number }[];
    const n = (code: string) => rows.find((r) => r.code === code)?.projects;
    expect(n('EU')).toBe(7);
    expect(n('US')).toBe(2); // FORSATY (USAID) and the PRM programme
    expect(n('BE')).toBe(3); // AVRR, Amuddu (Coopération belge), Chemin de la réussite (Enabel)
    const us = json(iom(['query', '--donor', 'États-Unis', '--json'], { db: t.db }).stdout);
    expect(us.flatMap((r) => r.donor_codes).sort()).toEqual(['PRM', 'USAID']);
    const unknown = iom(['donors', '--unknown', '--json'], { db: t.db });
    expect(unknown.code).toBe(0);
    expect(JSON.parse(unknown.stdout)).toEqual([]);
  });

  const hasJq = spawnSync('jq', ['--version']).status === 0;
  test.skipIf(!hasJq)('a real jq pipe: iom query --donor UE --json | jq', () => {
    const r = spawnSync('sh', ['-c', `node ${BIN} query --donor UE --json | jq -r '.[].acronym // empty'`], {
      env: { ...process.env, IOM_DB: t.db },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').sort()).toEqual(['AVRR', 'AVRR', 'ICMD', 'MOTUSE', 'SALEMM']);
  });

  test('CSV round trip: every field of every row comes back as written', () => {
    const rows = json(iom(['query', '--json'], { db: t.db }).stdout);
    const csv = iom(['query', '--format', 'csv', '--fields', 'id,title,summary,donors,start'], { db: t.db }).stdout;
    const table = parseCsv(csv);
    expect(table[0]).toEqual(['id', 'title', 'summary', 'donors', 'start']);
    expect(table.slice(1)).toEqual(rows.map((r) => [r.id, r.title, (r.summary as string | null) ?? '', r.donors.join('; '), r.start ?? '']));
  });
});

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}
