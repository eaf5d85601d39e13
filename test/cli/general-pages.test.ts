// The general reader through the built CLI: a donor's page and a news item ingest, `iom show`
// prints the sentence each field was read from, a page without a project is refused with one
// line naming the file and the reason, and the database is left as it was.
import { afterAll, describe, expect, test } from 'vitest';
import { fixture, iom, tempDir } from '../helpers.js';

const t = tempDir();
afterAll(() => t.cleanup());

describe('pages of any site', () => {
  test('a news item stating its funder in a sentence: show gives the evidence after the value', () => {
    const r = iom(['ingest', fixture('pages/tune/iom-news-sida-ethiopia-en.html'), fixture('pages/tune/icmpd-gulf-guinea-smuggling-en.html')], { db: t.db });
    expect(r.code).toBe(0);
    const rows = JSON.parse(iom(['query', '--format', 'json'], { db: t.db }).stdout) as Array<{ id: string; title: string; donors: string[] }>;
    const sida = rows.find((x) => /Returnee Reintegration/.test(x.title));
    expect(sida).toBeDefined();
    const shown = iom(['show', sida!.id, '--format', 'table'], { db: t.db });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/donors.*← "The project is supported by Sweden through the Swedish International Development Cooperation Agency \(Sida\)/);
    expect(shown.stdout).toMatch(/start.*2020/);
  });

  test('a page with no project is refused in one line naming the file; the database is unchanged', () => {
    const before = iom(['query', '--format', 'json'], { db: t.db }).stdout;
    const page = 'fixtures/pages/tune/iom-contact-page-en.txt';
    const r = iom(['ingest', fixture('pages/tune/iom-contact-page-en.txt')], { db: t.db });
    expect(r.code).not.toBe(0);
    const lines = r.stderr.trim().split('\n').filter((l) => l.includes('no project found'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(page);
    expect(lines[0]).toMatch(/no project found: no funder, date or amount found/);
    expect(iom(['query', '--format', 'json'], { db: t.db }).stdout).toBe(before);
  });
});
