// Issue 15, with the real binary: ids that do not depend on where files lie, the same content
// stored once, sources forgotten on request, bad limits and SQL parameters as usage errors,
// --jobs capped, read-only databases, and export -o that replaces only regular files.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { BIN, fixture, iom, ROOT, tempDir } from '../helpers.js';

const t = tempDir();
afterAll(t.cleanup);
const ids = (db: string) => JSON.parse(iom(['query', '--unmerged', '--fields', 'id', '--json'], { db }).stdout).map((r: { id: string }) => r.id).sort();
const count = (db: string, sql: string) => {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).pluck().get() as number;
  } finally {
    d.close();
  }
};

describe('ids and sources follow content, not paths', () => {
  test('the same pages in two folders give the same ids in two databases', () => {
    const a = join(t.dir, 'here', 'seeds');
    const b = join(t.dir, 'there', 'deeper', 'copie des seeds');
    cpSync(fixture('seeds'), a, { recursive: true });
    cpSync(fixture('seeds'), b, { recursive: true });
    const db1 = join(t.dir, 'ids1.sqlite');
    const db2 = join(t.dir, 'ids2.sqlite');
    expect(iom(['-q', 'ingest', a], { db: db1 }).code).toBe(0);
    expect(iom(['-q', 'ingest', b], { db: db2 }).code).toBe(0);
    expect(ids(db1)).toHaveLength(20);
    expect(ids(db1)).toEqual(ids(db2));
  });

  test('a copy of a folder is not stored twice; a moved folder keeps its records under the new path', () => {
    const db = join(t.dir, 'copies.sqlite');
    const a = join(t.dir, 'corpus-a');
    cpSync(fixture('seeds'), a, { recursive: true });
    iom(['-q', 'ingest', a], { db });
    const before = ids(db);
    const projects = JSON.parse(iom(['query', '--json'], { db }).stdout).length;
    cpSync(join(a, '004_78dbbd9aacb2e536.txt'), join(a, 'care (1).txt'));
    const copy = iom(['ingest', a], { db });
    expect(copy.code, copy.stderr).toBe(0);
    expect(copy.stderr).toMatch(/care \(1\)\.txt: the same content as .*004_78dbbd9aacb2e536\.txt, stored once/);
    const b = join(t.dir, 'corpus-b');
    renameSync(a, b);
    const moved = iom(['ingest', b], { db });
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stderr).toMatch(/moved from .*corpus-a/);
    expect(ids(db)).toEqual(before);
    expect(JSON.parse(iom(['query', '--json'], { db }).stdout)).toHaveLength(projects);
    const paths = JSON.parse(iom(['sources', '--json'], { db }).stdout).map((s: { path: string }) => s.path);
    expect(paths.every((p: string) => p.startsWith(b))).toBe(true);
    expect(paths).toHaveLength(5);
    // the same with more files than the thread pool's threshold (parsed on threads, then stored)
    const c = join(t.dir, 'corpus-c');
    cpSync(b, c, { recursive: true });
    cpSync(fixture('text'), join(c, 'text'), { recursive: true });
    const r = iom(['ingest', '--jobs', '2', c], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(count(db, `SELECT count(*) FROM sources WHERE path LIKE '%corpus-b%'`)).toBe(5);
    expect(count(db, 'SELECT count(*) FROM sources')).toBe(5 + readdirTxt(fixture('text')));
  });

  test('iom sources --remove forgets a source and its records, and refuses an unknown path', () => {
    const db = join(t.dir, 'remove.sqlite');
    iom(['-q', 'ingest', fixture('seeds')], { db });
    const before = count(db, 'SELECT count(*) FROM projects');
    const bad = iom(['sources', '--remove', 'fixtures/seeds/nope.txt'], { db });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no source .*nope\.txt.* nothing removed/);
    expect(count(db, 'SELECT count(*) FROM projects')).toBe(before);
    const r = iom(['sources', '--remove', 'fixtures/seeds/003_905411b0d1b2955d.txt'], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('removed 1 source and 13 records\n');
    expect(r.stdout).toBe('');
    expect(count(db, 'SELECT count(*) FROM projects')).toBe(before - 13);
    expect(JSON.parse(iom(['sources', '--json'], { db }).stdout).some((s: { path: string }) => s.path.includes('003_'))).toBe(false);
    expect(iom(['check'], { db }).code).toBe(0);
  });
});

const readdirTxt = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.txt')).length;

describe('usage errors, not crashes', () => {
  const db = join(t.dir, 'usage.sqlite');
  test.each([
    [['query', '--limit', '99999999999999999999'], /--limit expects a whole number from 0 to 9007199254740991/],
    [['query', '--limit', '-1'], /--limit expects a whole number/],
    [['query', '--offset', '1e3'], /--offset expects a whole number/],
    [['ingest', '--max-size', '999999999999', 'x'], /--max-size expects a whole number from 1 to 2048/],
  ])('%j is a one-line usage error with a hint', (args, message) => {
    iom(['-q', 'ingest', fixture('seeds')], { db });
    const r = iom(args, { db });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(message);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`run 'iom ${args[0]} --help'`));
    expect(r.stderr).not.toMatch(/SqliteError|internal error/);
  });

  test('iom sql -p binds named parameters, as sqlite-utils does; a missing one is named', () => {
    iom(['-q', 'ingest', fixture('seeds')], { db });
    const id = JSON.parse(iom(['query', '--unmerged', '--json', '--fields', 'id,title'], { db }).stdout)[0];
    const ok = iom(['sql', 'SELECT title FROM projects WHERE id = :id', '-p', 'id', id.id, '--json'], { db });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([{ title: id.title }]);
    const before = iom(['sql', '-p', 'n', '2', 'SELECT count(*) AS n FROM projects WHERE budget_usd > :n', '--json'], { db });
    expect(before.code, before.stderr).toBe(0);
    expect(JSON.parse(before.stdout)[0].n).toBeGreaterThan(0);
    for (const [sql, message] of [
      ['SELECT :id', /parameter :id has no value: give -p id VALUE/],
      ['SELECT $x, @a', /parameters \$x, @a have no value/],
      ['SELECT ?', /has a \? parameter: name it/],
    ] as const) {
      const r = iom(['sql', sql], { db });
      expect(r.code, sql).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
    expect(iom(['sql', "SELECT ':id' AS s"], { db }).code).toBe(0); // in a string, not a parameter
    expect(iom(['sql', 'SELECT 1', '-p', 'x', '1'], { db }).stderr).toMatch(/no parameter :x/);
    expect(iom(['sql', 'SELECT :x', '-p', 'x'], { db }).stderr).toMatch(/-p x has no value/);
  });

  test('--jobs above the core count is capped, and says so', () => {
    const cores = availableParallelism();
    const r = iom(['ingest', '--jobs', '1000', fixture('text')], { db: join(t.dir, 'jobs.sqlite') });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`--jobs 1000 is more than this machine's ${cores} core`);
    expect(iom(['ingest', '--jobs', '99999', fixture('text')], { db: join(t.dir, 'jobs.sqlite') }).code).toBe(2);
  });
});

describe('read-only databases', () => {
  // root writes anywhere: as root, iom runs as nobody (uid 65534) against root's files
  const asRoot = process.getuid?.() === 0;
  // …which needs the checkout readable by nobody: a clone inside a private folder (mktemp -d makes
  // it 0700) is not, and the tests are skipped there, saying why, rather than failing.
  const nobodyReaches = !asRoot || spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)}, require('fs').constants.R_OK)`], { uid: 65534, gid: 65534 }).status === 0;
  if (!nobodyReaches) console.warn(`read-only tests skipped: running as root, and uid 65534 cannot read ${BIN} (a parent folder is private)`);
  const run = (args: string[], db: string) => {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', IOM_DB: db },
      encoding: 'utf8',
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
  const setup = (name: string, lockFolder: boolean) => {
    const dir = join(t.dir, name);
    mkdirSync(dir);
    const db = join(dir, 'iom.sqlite');
    expect(iom(['-q', 'ingest', fixture('seeds')], { db }).code).toBe(0);
    chmodSync(t.dir, 0o755);
    chmodSync(db, 0o444);
    if (lockFolder) chmodSync(dir, 0o555);
    return db;
  };

  test.skipIf(!nobodyReaches).each([
    ['a read-only database file', false],
    ['a read-only folder', true],
  ])('%s: writing says "read-only: …", reading works, iom check finds no fault', (_, lockFolder) => {
    const db = setup(lockFolder ? 'ro-folder' : 'ro-file', lockFolder as boolean);
    const w = run(['ingest', fixture('text')], db);
    expect(w.code).toBe(1);
    expect(w.stderr).toMatch(/^iom: read-only: .*iom\.sqlite cannot be written .*commands that only read .* still work$/m);
    expect(w.stderr).not.toMatch(/internal error|SqliteError/);
    const rm = run(['sources', '--remove', fixture('seeds/000_7d4a42574226c896.txt')], db);
    expect(rm.code).toBe(1);
    expect(rm.stderr).toMatch(/read-only:/);
    const q = run(['query', '--fields', 'id', '--json'], db);
    expect(q.code, q.stderr).toBe(0);
    expect(JSON.parse(q.stdout).length).toBeGreaterThan(10);
    for (const args of [['sql', 'SELECT count(*) AS n FROM projects'], ['info'], ['stats', '--by', 'donor', '--json'], ['sources', '--json']]) {
      const r = run(args, db);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const c = run(['check', '--json'], db);
    expect(c.code, c.stdout + c.stderr).toBe(0);
    expect(JSON.parse(c.stdout).find((x: { name: string }) => x.name === 'full-text index')).toMatchObject({ ok: true });
    expect(run(['check', '--rebuild-fts'], db).stderr).toMatch(/read-only: .*--rebuild-fts writes/);
  });
});

describe('export -o replaces only regular files', () => {
  const db = join(t.dir, 'export.sqlite');
  test('a symbolic link is followed: its target is written, the link stays a link', () => {
    iom(['-q', 'ingest', fixture('seeds')], { db });
    const target = join(t.dir, 'real.json');
    writeFileSync(target, 'old');
    const link = join(t.dir, 'link.json');
    symlinkSync(target, link);
    const r = iom(['export', '-o', link], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(JSON.parse(readFileSync(target, 'utf8')).length).toBeGreaterThan(10);
    const dangling = join(t.dir, 'dangling.json');
    symlinkSync(join(t.dir, 'nothing-here.json'), dangling);
    const d = iom(['export', '-o', dangling], { db });
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/symbolic link to a file that does not exist/);
    expect(existsSync(join(t.dir, 'nothing-here.json'))).toBe(false);
  });

  test('a named pipe is written to, not replaced', () => {
    const fifo = join(t.dir, 'out.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // a reader on the pipe: the shell reads it while iom writes
    const r = spawnSync('sh', ['-c', `cat "${fifo}" > "${fifo}.read" & node ${BIN} export --format csv -o "${fifo}"; wait`], { env: { ...process.env, IOM_DB: db }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(`${fifo}.read`, 'utf8')).toMatch(/^id,title,/);
  });

  test('a device is written to, never replaced; a folder is refused', () => {
    const r = iom(['export', '-o', '/dev/null'], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    if (existsSync('/dev/full')) {
      const full = iom(['export', '-o', '/dev/full'], { db });
      expect(full.code).toBe(1);
      expect(full.stderr).toMatch(/cannot write \/dev\/full: ENOSPC/);
      expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
    }
    const dir = iom(['export', '-o', t.dir], { db });
    expect(dir.code).toBe(1);
    expect(dir.stderr).toMatch(/it is a folder/);
  });
});

describe('messages only where they apply', () => {
  test('the "≠" note is printed for a table with a marked column, not for JSON, CSV or --fields id', () => {
    const db = join(t.dir, 'note.sqlite');
    iom(['-q', 'ingest', fixture('seeds')], { db });
    const note = /merged from sources that disagree/;
    expect(iom(['query', '--format', 'table'], { db }).stderr).toMatch(note);
    for (const args of [['--json'], ['--format', 'csv'], ['--format', 'ndjson'], ['--format', 'table', '--fields', 'id,title']]) {
      const r = iom(['query', ...args], { db });
      expect(r.code).toBe(0);
      expect(r.stderr, args.join(' ')).not.toMatch(note);
    }
  });
});

describe('terminal safety', () => {
  test('escape sequences in a page are not stored; a file name with escapes and a newline is printed escaped', () => {
    const dir = join(t.dir, 'esc');
    mkdirSync(dir);
    const seed = readFileSync(fixture('seeds/000_7d4a42574226c896.txt'), 'utf8');
    writeFileSync(join(dir, 'page.txt'), seed.replace('Autonomisation des femmes', 'Autonomisation \u001b[31mdes\u001b[0m femmes\u001b]0;pwned\u0007\u0007'));
    const badName = `bad\u001b[2Jname\nx.txt`;
    writeFileSync(join(dir, badName), seed.replace('LM.0416', 'LM.9999').replace('Autonomisation des femmes', 'Autre projet des femmes'));
    const db = join(t.dir, 'esc.sqlite');
    const r = iom(['ingest', dir], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stderr).toContain('bad\\x1b[2Jname\\nx.txt: project sheet');
    const d = new Database(db, { readonly: true });
    const titles = d.prepare('SELECT title || summary || text || raw FROM projects').pluck().all() as string[];
    d.close();
    expect(titles.join('')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const table = iom(['query', '--format', 'table', '--wide'], { db });
    expect(table.stdout).toMatch(/Autonomisation des femmes/);
    expect(table.stdout).not.toMatch(/\u001b|\u0007/);
  });

  test('cells from an older database that hold controls are shown escaped in tables and iom show', () => {
    const db = join(t.dir, 'esc-old.sqlite');
    iom(['-q', 'ingest', fixture('seeds/000_7d4a42574226c896.txt')], { db });
    const d = new Database(db);
    const id = d.prepare('SELECT id FROM projects').pluck().get() as string;
    d.prepare(`UPDATE projects SET title = 'Titre ' || char(27) || '[31mrouge' || char(7) WHERE id = ?`).run(id);
    d.close();
    const table = iom(['query', '--format', 'table', '--fields', 'id,title'], { db });
    expect(table.stdout).toContain('Titre \\x1b[31mrouge\\x07');
    const show = iom(['show', id, '--format', 'table'], { db });
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).not.toMatch(/\u001b|\u0007/);
    expect(show.stdout).toContain('Titre \\x1b[31mrouge\\x07');
  });
});

describe('CSV for spreadsheets', () => {
  test('lists joined with "; ", the budget as amount and currency columns, no JSON in any cell', () => {
    const db = join(t.dir, 'csv.sqlite');
    iom(['-q', 'ingest', fixture('seeds')], { db });
    for (const args of [['query', '--format', 'csv'], ['export', '--format', 'csv']]) {
      const r = iom(args, { db });
      expect(r.code, r.stderr).toBe(0);
      const header = r.stdout.split('\n')[0]!.split(',');
      expect(header).toContain('budget_amount');
      expect(header).toContain('budget_currency');
      expect(header).not.toContain('budget');
      expect(r.stdout).not.toMatch(/[{[]"/); // no JSON object or array in a cell
      expect(r.stdout).toMatch(/,300000,USD,/);
      expect(r.stdout).toMatch(/end: 2024 ≠ 2016-06/);
    }
  });
});

describe('clear usage messages', () => {
  const db = join(t.dir, 'messages.sqlite');
  test.each([
    [['query', '--from', '2014-02-31'], /--from: 2014-02-31 is not a date \(no day 31 in that month\)/],
    [['query', '--to', '2015-02-29'], /--to: 2015-02-29 is not a date/],
    [['query', '--fields', ''], /--fields needs at least one field/],
    [['query', '--fields', ' , '], /--fields needs at least one field/],
    [['query', '--text', 'a:b'], /'a:' is FTS5 syntax for a column.*quote them: --text '"a:b"'/],
    [['query', '--country', 'Marocco'], /unknown country 'Marocco'; did you mean 'Maroc'/],
  ])('%j: one line, exit 2', (args, message) => {
    iom(['-q', 'ingest', fixture('seeds')], { db });
    const r = iom(args, { db });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  test('a leap day is a date; a 0-byte database file is "empty", with no option that does not exist', () => {
    iom(['-q', 'ingest', fixture('seeds')], { db });
    expect(iom(['query', '--from', '2016-02-29', '--json'], { db }).code).toBe(0);
    const zero = join(t.dir, 'zero.sqlite');
    writeFileSync(zero, '');
    const r = iom(['query'], { db: zero });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`iom: ${zero} is empty, not yet an iom database: run 'iom ingest' first, or pass --db\n`);
    expect(r.stderr).not.toMatch(/--readonly/);
  });

  test('ingest and info count records and projects apart, as query does', () => {
    const r = iom(['ingest', fixture('seeds')], { db: join(t.dir, 'counts.sqlite') });
    expect(r.stderr).toMatch(/5 files: 5 stored \(20 records\)/);
    const info = JSON.parse(iom(['info', '--json'], { db: join(t.dir, 'counts.sqlite') }).stdout);
    const listed = JSON.parse(iom(['query', '--json'], { db: join(t.dir, 'counts.sqlite') }).stdout).length;
    expect(info).toMatchObject({ records: 20, projects: listed });
  });
});

describe('IATI export', () => {
  test('comments name source files, never a local folder', () => {
    const db = join(t.dir, 'iati.sqlite');
    iom(['-q', 'ingest', fixture('seeds')], { db });
    const r = iom(['export', '--format', 'iati'], { db });
    expect(r.code, r.stderr).toBe(0);
    const comments = [...r.stdout.matchAll(/<!--(.*?)-->/g)].map((m) => m[1]!);
    expect(comments.some((c) => /003_905411b0d1b2955d\.txt/.test(c))).toBe(true);
    expect(comments.filter((c) => c.includes('/') || c.includes(ROOT))).toEqual([]);
  });
});

describe('one count per donor everywhere', () => {
  test('iom donors, stats --by donor, facets and query --donor count the same projects (a government with its agencies)', () => {
    const db = join(t.dir, 'donor-counts.sqlite');
    iom(['-q', 'ingest', fixture('seeds'), fixture('pdf'), fixture('html'), fixture('text')], { db });
    const donors = JSON.parse(iom(['donors', '--json'], { db }).stdout) as { code: string; name: string; projects: number; kind: string }[];
    const stats = new Map((JSON.parse(iom(['stats', '--by', 'donor', '--json'], { db }).stdout) as { key: string; count: number }[]).map((r) => [r.key, r.count]));
    const facets = new Map((JSON.parse(iom(['facets', '--json'], { db }).stdout).donor as { value: string; count: number }[]).map((r) => [r.value, r.count]));
    expect(donors.some((d) => d.code === 'US' && d.projects === 2)).toBe(true);
    for (const d of donors) {
      const listed = JSON.parse(iom(['query', '--donor', d.code, '--json'], { db }).stdout).length;
      expect({ donor: d.code, donors: d.projects, stats: stats.get(d.name), facets: facets.get(d.name) }).toEqual({ donor: d.code, donors: listed, stats: listed, facets: listed });
    }
  }, 120_000);
});

describe('memory bound on huge pages', () => {
  test('HTML and text over 10 MB are refused by default (one line, nothing stored); --max-size raises the cap', () => {
    const dir = join(t.dir, 'huge');
    mkdirSync(dir);
    const seed = readFileSync(fixture('seeds/000_7d4a42574226c896.txt'), 'utf8');
    const big = join(dir, 'big.txt');
    writeFileSync(big, seed + 'La migration de main-d’œuvre au Maroc est un enjeu pour les travailleuses migrantes.\n'.repeat(130_000));
    expect(lstatSync(big).size).toBeGreaterThan(10 * 1024 * 1024);
    // eight other pages, so that the files are parsed on threads as well
    for (let i = 0; i < 8; i++) writeFileSync(join(dir, `p${i}.txt`), seed.replace('LM.0416', `LM.${7000 + i}`).replace('Autonomisation des femmes', `Projet ${i} des femmes`));
    const db = join(t.dir, 'huge.sqlite');
    for (const args of [['ingest', big], ['ingest', '--jobs', '2', dir]]) {
      const r = iom(args, { db });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/big\.txt: too large for an HTML or text page \(1\d\.\d MB > 10 MB, the cap that bounds memory for these; --max-size raises it\)/);
    }
    expect(count(db, `SELECT count(*) FROM sources WHERE path LIKE '%big.txt'`)).toBe(0);
    const raised = iom(['ingest', '--max-size', '20', big], { db });
    expect(raised.code, raised.stderr).toBe(0);
    expect(count(db, `SELECT count(*) FROM sources WHERE path LIKE '%big.txt'`)).toBe(1);
  }, 120_000);
});

describe('iom repair on a huge page', () => {
  test('the same cap as ingest, the file named in the one-line error', () => {
    const big = join(t.dir, 'repair-big.txt');
    writeFileSync(big, 'La migraon des travailleuses.\n'.repeat(400_000)); // 12 MB
    const r = iom(['repair', big]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`iom: ${big}: too large for an HTML or text page (11.4 MB > 10 MB, the cap that bounds memory for these; --max-size raises it)\n`);
    const bad = iom(['repair', fixture('bad/encrypted.pdf')]);
    expect(bad.stderr).toBe(`iom: ${fixture('bad/encrypted.pdf')}: encrypted PDF (password required)\n`);
  });
});

describe('merged values are values a source gave', () => {
  test('FM.0390: its period is the activity sheet\'s, whole; the project sheet\'s end is a conflict, not half of a new period', () => {
    const db = join(t.dir, 'period.sqlite');
    iom(['-q', 'ingest', fixture('seeds')], { db });
    const rows = JSON.parse(iom(['query', '--json', '--text', 'subsistance'], { db }).stdout) as { project_id: string; start: string; end: string; conflicts: { field: string; values: { value: string }[] }[] }[];
    const fm = rows.find((r) => r.project_id === 'FM.0390')!;
    expect([fm.start, fm.end]).toEqual(['2014-07', '2016-06']);
    expect(fm.conflicts.find((c) => c.field === 'end')!.values.map((v) => v.value).sort()).toEqual(['2016-06', '2024']);
  });
});
