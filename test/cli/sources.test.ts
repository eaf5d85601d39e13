// Several sources together: the fixture PDF gives the activity sheet's 13 projects with repaired
// titles, and records of the same project from different sources are merged with conflicts kept.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { iom, fixture, tempDir } from '../helpers.js';

const t = tempDir();
afterAll(t.cleanup);
const q = (...args: string[]) => JSON.parse(iom(['query', '--json', ...args], { db: t.db }).stdout);

describe('the fixture PDF and merging across sources', () => {
  beforeAll(() => {
    const r = iom(['ingest', fixture('pdf/fiche-activites-oim-maroc.pdf')], { db: t.db });
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);

  test('the PDF gives the 13 projects, titles repaired', () => {
    const rows = q('--source', 'fiche-activites-oim-maroc.pdf');
    expect(rows).toHaveLength(13);
    const titles = rows.map((r: { title: string }) => r.title).join('\n');
    expect(titles).toMatch(/L’Intégration de la Migration dans les Stratégies Nationales/);
    expect(titles).toMatch(/Action transnationale pour la lutte contre la traite/);
    expect(titles).not.toMatch(/Migraon|Naonal|lue contre/);
    expect(q('--donor', 'UE')).toHaveLength(7);
  });

  test('the seed 001 project sheet and the activity sheet entry become one project, with the disagreement shown', () => {
    const r = iom(['ingest', fixture('seeds')], { db: t.db });
    expect(r.code, r.stderr).toBe(0);
    expect(q('--donor', 'UE')).toHaveLength(7); // seed 003 and the PDF describe the same seven
    const [p] = q('--text', 'subsistance régularisés');
    expect(p.sources.length).toBe(3); // seed 001, seed 003, the PDF
    expect(p.project_id).toBe('FM.0390');
    expect(p.start).toBe('2014-07');
    const end = p.conflicts.find((c: { field: string }) => c.field === 'end');
    expect(end.values.map((v: { value: string }) => v.value).sort()).toEqual(['2016-06', '2016-06', '2024']);
    const unmerged = q('--text', 'subsistance régularisés', '--unmerged');
    expect(unmerged).toHaveLength(3);
    const show = iom(['show', p.id, '--format', 'table'], { db: t.db });
    expect(show.stdout).toMatch(/end: the sources disagree/);
    expect(show.stdout).toMatch(/001_8173445587e2aa87\.txt/);
  });

  test('a bad file among good ones: one-line error naming it, the others stored, exit 1', () => {
    const before = iom(['query', '--json', '--unmerged'], { db: t.db }).stdout;
    const r = iom(['ingest', fixture('bad/encrypted.pdf'), fixture('bad/image.png'), fixture('text/iom-project-sheet-en.txt')], { db: t.db });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/encrypted\.pdf: encrypted PDF/);
    expect(r.stderr).toMatch(/image\.png: not a page: PNG image/);
    expect(q('--text', 'Labour Migration Data')).toHaveLength(1);
    const after = JSON.parse(iom(['query', '--json', '--unmerged'], { db: t.db }).stdout);
    expect(after.length).toBe(JSON.parse(before).length + 1);
  });
});
