// `iom report` on the seeds' database, checked in a real browser: Debian's Chromium
// (/usr/bin/chromium) driven by puppeteer-core, with the flags this machine needs (no sandbox as
// root, no background networking). The page must load with no console error and no request
// beyond itself, draw one timeline bar per dated project, filter its table as one types, sort it,
// and show Morocco with its count on the map. Screenshots of each part go to
// test-output/report/ for a person to look at (docs/report.png is one of them).
// Without /usr/bin/chromium the browser tests are skipped with a message; .ci/run installs it.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, fixture, iom, ROOT, tempDir } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SHOTS = join(ROOT, 'test-output', 'report');

const t = tempDir('iom-report-');
const report = join(t.dir, 'report.html');
type Row = { id: string; title: string; start: string | null; countries: string[]; donors: string[] };
let rows: Row[] = [];

beforeAll(() => {
  const ing = iom(['ingest', fixture('seeds')], { db: t.db });
  expect(ing.code, ing.stderr).toBe(0);
  rows = JSON.parse(iom(['query', '--json'], { db: t.db }).stdout);
  const r = iom(['report', '-o', report], { db: t.db });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(new RegExp(`^wrote a report of ${rows.length} projects to .*report\\.html \\(\\d+ KB\\)\\n$`));
}, 120_000);
afterAll(t.cleanup);

describe('iom report: the file', () => {
  test('one self-contained file: scripts and data inline, nothing loaded from elsewhere', () => {
    const html = readFileSync(report, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|url\(http/i);
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
    expect(html).toContain('"title":"Favorable Opportunities to Reinforce Self-Advancement'); // the data
    expect(html).toMatch(/Plot|d3/); // the chart library
    expect(Buffer.byteLength(html)).toBeLessThan(1.5 * 1024 * 1024);
  });

  test('the filters select the projects, and are named in the page', () => {
    const r = iom(['report', '--donor', 'UE'], { db: t.db });
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(/<script type="application\/json" id="iom-data">(.*?)<\/script>/s.exec(r.stdout)![1]!);
    expect(data.projects).toHaveLength(JSON.parse(iom(['query', '--json', '--donor', 'UE'], { db: t.db }).stdout).length);
    expect(data.filters).toBe('--donor UE');
    expect(r.stdout).toContain('Filters: --donor UE.');
  });

  test('bad input: one line, non-zero exit, no file written', () => {
    const out = join(t.dir, 'bad.html');
    let r = iom(['report', '--year', 'abc', '-o', out], { db: t.db });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
    r = iom(['report', '-o', join(t.dir, 'no-such-folder', 'r.html')], { db: t.db });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^iom: cannot write .*no-such-folder\/r\.html: ENOENT\n$/);
  });
});

test.skipIf(!existsSync('/usr/bin/script'))('iom report without -o on a terminal: one line, exit 2, no page poured onto the screen', () => {
  const r = spawnSync('/usr/bin/script', ['-qec', `${process.execPath} ${BIN} report`, '/dev/null'], { env: { ...process.env, IOM_DB: t.db, NO_COLOR: '1' }, encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stdout.trim()).toBe('iom: iom report writes an HTML page: give -o report.html, or redirect stdout to a file');
});

if (!hasChromium) {
  process.stderr.write(`\n[report browser tests skipped: ${CHROMIUM} is absent; install it with: apt-get install -y chromium]\n\n`);
}

describe.skipIf(!hasChromium)('iom report in headless Chromium', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let browser: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let page: any;
  const problems: string[] = [];
  const profile = mkdtempSync(join(tmpdir(), 'iom-chromium-'));

  beforeAll(async () => {
    const { default: puppeteer } = await import('puppeteer-core');
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      userDataDir: profile,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    page.on('console', (m: { type: () => string; text: () => string }) => {
      if (m.type() === 'error' || m.type() === 'warn') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e: Error) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r: { url: () => string }) => problems.push(`request failed: ${r.url()}`));
    page.on('request', (r: { url: () => string }) => {
      if (!/^(file|data):/.test(r.url())) problems.push(`request to ${r.url()}`);
    });
    await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
    mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  const shot = async (id: string) => {
    const el = await page.$(`#${id}`);
    await el.screenshot({ path: join(SHOTS, `${id}.png`) });
  };

  test('loads with no console error and no request beyond the file', async () => {
    expect(await page.$$eval('#timeline svg, #donors svg, #map svg', (s: Element[]) => s.length)).toBeGreaterThanOrEqual(3);
    expect(problems).toEqual([]);
    // the page from its top to the table, as README shows it
    const tableTop = await page.$eval('#projects', (e: Element) => e.getBoundingClientRect().top + window.scrollY);
    await page.screenshot({ path: join(SHOTS, 'report.png'), clip: { x: 0, y: 0, width: 1200, height: Math.ceil(tableTop + 420) } });
  });

  test('the timeline: one bar per project with a start date, labelled with its title; the others named below it', async () => {
    const dated = rows.filter((r) => r.start);
    expect(dated.length).toBeGreaterThan(10);
    const bars = await page.$$eval('#timeline g[aria-label="bar"] rect', (rs: Element[]) => rs.map((r) => r.querySelector('title')?.textContent ?? ''));
    expect(bars).toHaveLength(dated.length);
    for (const r of dated) expect(bars.filter((b: string) => b.startsWith(`${r.title}\n`)), r.title).toHaveLength(1);
    const undated = rows.length - dated.length;
    expect(await page.$eval('#undated', (e: Element) => e.textContent)).toMatch(new RegExp(`^${undated} projects with no start date are not on the timeline`));
    await shot('timeline');
  });

  test('funding by donor: agencies under their government', async () => {
    const titles: string[] = await page.$$eval('#donors g[aria-label="bar"] rect title', (ts: Element[]) => ts.map((t) => t.textContent));
    const eu = rows.filter((r) => r.donors.includes('Union européenne')).length;
    expect(titles).toContain(`Union européenne: ${eu} projects`);
    expect(titles).toContain('Agence des États-Unis pour le développement international (États-Unis): 1 project');
    expect(titles).toContain('Enabel (Belgique): 1 project');
    await shot('donors');
  });

  test('the map shows Morocco with its count', async () => {
    const morocco = rows.filter((r) => r.countries.includes('MA')).length;
    expect(morocco).toBe(rows.length);
    const titles: string[] = await page.$$eval('#map g[aria-label="geo"] path title', (ts: Element[]) => ts.map((t) => t.textContent));
    expect(titles).toContain(`Maroc: ${morocco} projects`);
    // the count is written on the map too, and Morocco is the darkest country
    const labels: string[] = await page.$$eval('#map g[aria-label="text"] text', (ts: Element[]) => ts.map((t) => t.textContent));
    expect(labels).toContain(String(morocco));
    await shot('map');
  });

  test('the table: one row per project, search filters the rows, headers sort them, sources are links', async () => {
    const visible = () => page.$$eval('#table tbody tr', (trs: HTMLElement[]) => trs.filter((tr) => !tr.hidden).map((tr) => tr.querySelector('td')!.textContent));
    expect(await visible()).toHaveLength(rows.length);
    await page.type('#search', 'forsaty');
    expect(await visible()).toEqual([rows.find((r) => /FORSATY/.test(r.title))!.title]);
    expect(await page.$eval('#count', (e: Element) => e.textContent)).toBe(`1 of ${rows.length} projects`);
    // accents and case ignored, every word must match
    await page.$eval('#search', (e: HTMLInputElement) => (e.value = ''));
    await page.type('#search', 'union europeenne');
    const eu = rows.filter((r) => r.donors.includes('Union européenne')).map((r) => r.title);
    expect((await visible()).sort()).toEqual(eu.sort());
    await page.$eval('#search', (e: HTMLInputElement) => {
      e.value = '';
      e.dispatchEvent(new Event('input'));
    });
    expect(await visible()).toHaveLength(rows.length);
    // sort by start: earliest first, projects without a start last
    await page.click('#table th[data-key="start"]');
    const starts: string[] = await page.$$eval('#table tbody tr td:nth-child(2)', (tds: Element[]) => tds.map((td) => td.textContent));
    const known = rows.map((r) => r.start).filter(Boolean).sort() as string[];
    expect(starts.slice(0, known.length)).toEqual(known);
    expect(starts.slice(known.length).every((s) => s === '')).toBe(true);
    expect(await page.$eval('#table th[data-key="start"]', (e: Element) => e.getAttribute('aria-sort'))).toBe('ascending');
    // sources link to the files; a project read from two sources shows where they disagree
    const merged = await page.$$eval('#table tbody tr', (trs: Element[]) =>
      trs.filter((tr) => tr.querySelectorAll('td:nth-child(8) a').length > 1).map((tr) => ({ links: [...tr.querySelectorAll('td:nth-child(8) a')].map((a) => a.getAttribute('href')), conflict: tr.querySelector('td:nth-child(9)')!.textContent })),
    );
    expect(merged).toHaveLength(1);
    expect(merged[0].links.every((h: string) => h.startsWith('file:///') && h.includes('/fixtures/seeds/'))).toBe(true);
    expect(merged[0].conflict).toMatch(/^≠ end: 2024 \(001_8173445587e2aa87\.txt\) \/ 2016-06 \(003_905411b0d1b2955d\.txt\)/);
    await shot('projects');
    expect(problems).toEqual([]);
  });

  test('open ends are drawn open: faded, dashed, with an arrow to the report date', async () => {
    const { renderReport } = await import(pathToFileURL(join(ROOT, 'dist/report/html.js')).href);
    const { buildReportData } = await import(pathToFileURL(join(ROOT, 'dist/report/data.js')).href);
    const base = { acronym: null, status_derived: false, type: null, section: null, activity_start: null, activity_end: null, budget: null, budget_usd: null, countries: ['MA'], partners: [], implementers: [], places: [], beneficiaries: [], coverage: null, year: null, idf_region: null, prima_id: null, project_id: null, kind: 'iom-project-sheet', summary: null, source: '/x', repairs: 0, sources: ['https://example.org/p'], records: [], conflicts: [] };
    const data = buildReportData(
      [
        { ...base, id: 'a', title: 'Closed', start: '2015', end: '2017-06', end_open: false, status: 'completed', donors: ['Suisse'], donor_codes: ['CH'] },
        { ...base, id: 'b', title: 'Since 2019', start: '2019', end: null, end_open: true, status: 'ongoing', donors: ['Enabel'], donor_codes: ['ENABEL'] },
      ],
      { today: new Date('2026-11-01T00:00:00Z'), version: 'test', filters: '' },
    );
    expect(data.projects[1]).toMatchObject({ open: true, x1: '2019-01-01', x2: '2026-11-01', group: 'Belgique' });
    const file = join(t.dir, 'open.html');
    (await import('node:fs')).writeFileSync(file, renderReport(data));
    const p2 = await browser.newPage();
    const errors: string[] = [];
    p2.on('pageerror', (e: Error) => errors.push(e.message));
    p2.on('console', (m: { type: () => string; text: () => string }) => m.type() === 'error' && errors.push(m.text()));
    await p2.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const bars = await p2.$$eval('#timeline g[aria-label="bar"]', (gs: Element[]) =>
      gs.map((g) => ({ dash: g.getAttribute('stroke-dasharray'), opacity: g.getAttribute('fill-opacity'), titles: [...g.querySelectorAll('title')].map((x) => x.textContent!.split('\n')[0]) })),
    );
    expect(bars).toEqual([
      { dash: null, opacity: null, titles: ['Closed'] },
      { dash: '4 3', opacity: '0.3', titles: ['Since 2019'] },
    ]);
    expect(await p2.$$eval('#timeline g[aria-label="text"] text', (ts: Element[]) => ts.map((x) => x.textContent))).toEqual(['→']);
    expect(errors).toEqual([]);
    await p2.close();
  });

  test('10,000 projects: a file of a few MB; every bar drawn, the table lists 500 until "Show all"', async () => {
    const { renderReport } = await import(pathToFileURL(join(ROOT, 'dist/report/html.js')).href);
    const { buildReportData } = await import(pathToFileURL(join(ROOT, 'dist/report/data.js')).href);
    const rows10k = Array.from({ length: 10_000 }, (_, i) => ({
      id: i.toString(16).padStart(12, '0'), title: `Projet ${i} pour la réintégration durable des migrants de retour`, acronym: null, status: 'completed', status_derived: false,
      type: null, section: null, start: `${2000 + (i % 25)}-0${1 + (i % 9)}`, end: i % 7 ? `${2002 + (i % 25)}` : null, end_open: i % 7 === 0, activity_start: null, activity_end: null,
      budget: i % 3 ? null : { amount: 100_000 + i, currency: 'USD' }, budget_usd: null, countries: [['MA', 'TN', 'SN', 'ES', 'EG'][i % 5]!],
      donors: [['Union européenne', 'Suisse', 'Enabel'][i % 3]!], donor_codes: [['EU', 'CH', 'ENABEL'][i % 3]!], partners: [], implementers: [], places: [], beneficiaries: [],
      coverage: null, year: null, idf_region: null, prima_id: null, project_id: null, kind: 'iom-project-sheet', summary: null, source: `https://www.example.org/p/${i}`, repairs: 0,
      sources: [`https://www.example.org/p/${i}`], records: [], conflicts: [],
    }));
    const html = renderReport(buildReportData(rows10k, { today: new Date('2026-11-01T00:00:00Z'), version: 'test', filters: '' }));
    expect(Buffer.byteLength(html)).toBeLessThan(5 * 1024 * 1024);
    const file = join(t.dir, 'big.html');
    (await import('node:fs')).writeFileSync(file, html);
    const p3 = await browser.newPage();
    const errors: string[] = [];
    p3.on('pageerror', (e: Error) => errors.push(e.message));
    await p3.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(await p3.$$eval('#timeline g[aria-label="bar"] rect', (r: Element[]) => r.length)).toBe(10_000);
    expect(await p3.$$eval('#table tbody tr', (r: Element[]) => r.length)).toBe(500);
    expect(await p3.$eval('#count', (e: Element) => e.textContent)).toBe('10000 of 10000 projects, the first 500 listed');
    await p3.type('#search', 'projet 9999 ');
    expect(await p3.$$eval('#table tbody tr td:first-child', (r: Element[]) => r.map((x) => x.textContent))).toEqual(['Projet 9999 pour la réintégration durable des migrants de retour']);
    await p3.$eval('#search', (e: HTMLInputElement) => {
      e.value = 'tunisie';
      e.dispatchEvent(new Event('input'));
    });
    expect(await p3.$eval('#count', (e: Element) => e.textContent)).toBe('0 of 10000 projects'); // countries are codes in the table
    await p3.$eval('#search', (e: HTMLInputElement) => {
      e.value = 'TN';
      e.dispatchEvent(new Event('input'));
    });
    expect(await p3.$eval('#more', (e: Element) => e.textContent)).toBe('Show all 2000');
    await p3.click('#more');
    expect(await p3.$$eval('#table tbody tr', (r: Element[]) => r.length)).toBe(2000);
    expect(errors).toEqual([]);
    await p3.close();
  }, 60_000);
});
