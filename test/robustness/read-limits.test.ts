// Files iom cannot read, and HTML too deep to parse quickly. Each unreadable path must give one
// line, "iom: <path>: <reason>", exit 1, and leave the database as it was; nothing may hang.
//
// Tests run as root here, and root reads a file whatever its mode: chmod 000 is tested only when
// it stops this process reading. What stops root too: /proc/self/mem (reading at offset 0 fails
// with EIO), a named pipe (reading it would wait for a writer), a device (/dev/zero never ends),
// a dangling or looping symbolic link, a path through a file.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, fixture, tempDir } from '../helpers.js';
import { InputError } from '../../src/errors.js';
import { readDocument } from '../../src/read/index.js';
import { flattenDeep, htmlToText, MAX_HTML_DEPTH } from '../../src/read/html.js';
import { chmodDoesNotStopReading, dumpDb } from './lib.js';

const t = tempDir('iom-unreadable-');
afterAll(t.cleanup);

const GOOD = fixture('seeds/000_7d4a42574226c896.txt');
const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;
const linux = existsSync('/proc/self/mem');

/** Made at load time: it.skipIf needs to know whether chmod 000 stops this process. */
const locked = join(t.dir, 'locked.txt');
writeFileSync(locked, readFileSync(GOOD));
chmodSync(locked, 0o000);
const rootReadsAnything = chmodDoesNotStopReading(locked);

const fifo = join(t.dir, 'pipe.txt');
const folder = join(t.dir, 'folder');
const dangling = join(t.dir, 'dangling.txt');
const loop = join(t.dir, 'loop.txt');
const big = join(t.dir, 'big.txt');

beforeAll(() => {
  mkdirSync(folder);
  writeFileSync(join(folder, 'page.txt'), readFileSync(GOOD));
  symlinkSync(join(t.dir, 'nowhere.txt'), dangling);
  symlinkSync(join(t.dir, 'loop-2.txt'), loop);
  symlinkSync(loop, join(t.dir, 'loop-2.txt'));
  writeFileSync(big, `${readFileSync(GOOD, 'utf8')}\n${'x'.repeat(1_600_000)}\n`);
  if (hasMkfifo) {
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // a pipe with a name iom walks (.html) and a dangling link, inside a folder with a good page
    expect(spawnSync('mkfifo', [join(folder, 'pipe.html')]).status).toBe(0);
    symlinkSync(join(t.dir, 'nowhere.html'), join(folder, 'dangling.html'));
  }
});

/** The built iom, killed after 30 s: a read that waits forever must fail the test, not hang it. */
function ingest(args: string[], db: string) {
  const r = spawnSync(process.execPath, [BIN, 'ingest', ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', IOM_DB: db },
    encoding: 'utf8',
    timeout: 30_000,
    killSignal: 'SIGKILL',
  });
  return { code: r.status, signal: r.signal, stderr: r.stderr };
}

/** A database holding one page, to see that a bad file leaves it as it was. */
function seededDb(name: string): string {
  const db = join(t.dir, `${name}.sqlite`);
  expect(ingest([GOOD], db).code).toBe(0);
  return db;
}
const omit = { sources: ['ingested_at'] };

const cases: Array<{ name: string; path: () => string; reason: RegExp; skip?: boolean }> = [
  { name: 'chmod 000 (when that stops this process)', path: () => locked, reason: /^permission denied$/, skip: rootReadsAnything },
  { name: '/proc/self/mem: EIO even for root', path: () => '/proc/self/mem', reason: /^cannot read \(input\/output error, EIO\)$/, skip: !linux },
  { name: 'a named pipe', path: () => fifo, reason: /^not a regular file \(named pipe\)/, skip: !hasMkfifo },
  { name: 'a character device that never ends', path: () => '/dev/zero', reason: /^not a regular file \(character device\)/, skip: !existsSync('/dev/zero') },
  { name: 'a dangling symbolic link', path: () => dangling, reason: /^symbolic link to a missing file$/ },
  { name: 'a symbolic link loop', path: () => loop, reason: /^symbolic link loop$/ },
  { name: 'a path through a file', path: () => join(folder, 'page.txt', 'x.txt'), reason: /^no such file/ },
  { name: 'a missing file', path: () => join(t.dir, 'missing.txt'), reason: /^no such file or folder$/ },
];

describe('paths iom cannot read: one line naming the path, exit 1, database unchanged, no hang', () => {
  for (const c of cases) {
    it.skipIf(c.skip)(`iom ingest: ${c.name}`, () => {
      const db = seededDb(c.name.replace(/\W+/g, '-'));
      const before = dumpDb(db, omit);
      const path = c.path();
      const r = ingest([path], db);
      expect(r.signal, `killed: iom hung on ${path}`).toBeNull();
      expect(r.code, r.stderr).toBe(1);
      const errors = r.stderr.split('\n').filter((l) => l.startsWith('iom: '));
      expect(errors, r.stderr).toHaveLength(1);
      const m = /^iom: (.+?): (.+)$/.exec(errors[0]!);
      expect(m?.[1], r.stderr).toBe(path);
      expect(m?.[2], r.stderr).toMatch(c.reason);
      expect(r.stderr).not.toMatch(/^\s+at |Error:|internal error/m);
      expect(dumpDb(db, omit)).toEqual(before);
    });
  }

  it.skipIf(!hasMkfifo)('a folder holding a named pipe and a dangling link beside a page: the page is stored, nothing hangs', () => {
    const db = join(t.dir, 'folder.sqlite');
    const r = ingest([folder], db);
    expect(r.signal, 'killed: iom hung on the pipe').toBeNull();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^1 file: 1 stored/m);
  });

  it('a file over --max-size is refused before it is read', () => {
    const db = seededDb('max-size');
    const r = ingest(['--max-size', '1', big], db);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`iom: ${big}: file too large (1.5 MB > 1.0 MB; raise --max-size)`);
  });
});

describe('readDocument: every read failure is an InputError naming the path, in one line', () => {
  const paths: Array<[string, () => string, boolean]> = [
    ['a folder', () => folder, false],
    ['a named pipe', () => fifo, !hasMkfifo],
    ['/dev/zero', () => '/dev/zero', !existsSync('/dev/zero')],
    ['/proc/self/mem', () => '/proc/self/mem', !linux],
    ['a dangling link', () => dangling, false],
    ['a link loop', () => loop, false],
    ['a path through a file', () => join(folder, 'page.txt', 'x'), false],
    ['chmod 000', () => locked, rootReadsAnything],
  ];
  for (const [name, path, skip] of paths) {
    it.skipIf(skip)(name, async () => {
      const err = await readDocument(path()).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).path).toBe(path());
      expect((err as InputError).message).toMatch(/^[^\n]{3,200}$/);
    }, 30_000);
  }
});

describe('HTML nested deeper than the parser can take quickly', () => {
  it('real pages are parsed as written (nothing to flatten)', () => {
    for (const f of ['html/oim-maroc-projet-lm0416.html', 'bad/error-page.html']) {
      expect(flattenDeep(readFileSync(fixture(f), 'utf8'), MAX_HTML_DEPTH), f).toBeNull();
    }
    // optional end tags, void elements, self-closing SVG, tags inside scripts and comments: not nesting
    const many = (s: string) => s.repeat(3 * MAX_HTML_DEPTH);
    const page = `<html><body><ul>${many('<li>a')}</ul>${many('<p>b')}${many('<br><img src=x>')}<svg>${many('<path d="M0"/>')}</svg>` +
      `<script>${many('<div>')}</script><!-- ${many('<div>')} --><textarea>${many('<b>')}</textarea></body></html>`;
    expect(flattenDeep(page, MAX_HTML_DEPTH)).toBeNull();
  });

  it('25,000 levels of <div><i> read in seconds, with their text, line by line', () => {
    const n = 25_000;
    const html = `<html><body><h1>Projet profond</h1>${'<div><i>'.repeat(n)}Date de début<div>2014</div>${'</i></div>'.repeat(n)}<p>fin</p></body></html>`;
    const t0 = performance.now();
    const { text, flattened } = htmlToText(html);
    const ms = performance.now() - t0;
    expect(flattened).toBe(true);
    expect(text.split('\n')).toEqual(['Projet profond', 'Date de début', '2014', 'fin']);
    expect(ms).toBeLessThan(15_000); // ~1 s; parsing it as written took 20-30 s
  }, 60_000);

  it('the depth limit keeps the structure above it', () => {
    const html = `${'<div>'.repeat(MAX_HTML_DEPTH - 2)}<h2>Statut</h2><ul><li>Achevé</li></ul>${'</div>'.repeat(MAX_HTML_DEPTH - 2)}`;
    expect(flattenDeep(html, MAX_HTML_DEPTH)).toBeNull();
    expect(htmlToText(html).text).toBe('Statut\n- Achevé');
    expect(flattenDeep(`<div><div><div><b>x</b></div></div></div>`, 2)).toBe('<div><div><br>x<br></div></div>');
  });
});
