// The extract stage behind the real read and repair stages: the rebuilt PDF of the activity sheet
// (fixtures/pdf, whose text layer lost every "ti"/"tt" and has line-break hyphens), the seeds and
// the fixtures. Checks that extraction holds on repaired text, not what repair does.
import { describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readDocument } from '../../src/read/index.js';
import { repairDocument } from '../../src/repair/index.js';
import { extractDocument } from '../../src/extract/index.js';
import type { ProjectDraft } from '../../src/types.js';
import { fixturePath, loadDoc } from './helpers.js';

const extractFile = async (rel: string): Promise<ProjectDraft[]> =>
  extractDocument(repairDocument(await readDocument(fileURLToPath(fixturePath(rel)))));

describe('read -> repair -> extract', () => {
  test.each(['pdf/fiche-activites-oim-maroc.pdf', 'pdf/fiche-activites-oim-maroc-softhyphen.pdf'])(
    '%s gives the 13 projects of the wrapped text fixture',
    async (rel) => {
      const drafts = await extractFile(rel);
      const expected = extractDocument(loadDoc('text/fiche-activites-wrapped.txt'));
      const pick = (d: ProjectDraft) => ({ title: d.title, acronym: d.acronym, period: d.period, donors: d.donors, section: d.section });
      expect(drafts.map(pick)).toEqual(expected.map(pick));
      const squash = (s: string) => s.replace(/-/g, '').replace(/\s+/g, ' ');
      drafts.forEach((d, i) => expect(squash(d.summary!), d.title).toBe(squash(expected[i]!.summary!)));
    },
    60_000,
  );

  test.each([
    ['seeds/000_7d4a42574226c896.txt', 1],
    ['seeds/001_8173445587e2aa87.txt', 1],
    ['seeds/002_48bdf5fe6fcf3a14.txt', 3],
    ['seeds/003_905411b0d1b2955d.txt', 13],
    ['seeds/004_78dbbd9aacb2e536.txt', 2],
    ['html/oim-maroc-projet-lm0416.html', 1],
    ['text/iom-project-sheet-en.txt', 1],
    ['text/project-sheet-missing-fields.txt', 1],
    ['text/fiche-activites-wrapped.txt', 13],
    ['bad/no-project.txt', 0],
    ['bad/error-page.html', 0],
  ])('%s: %i project(s), same titles as without repair where the text had nothing to repair', async (rel, n) => {
    const drafts = await extractFile(rel);
    expect(drafts).toHaveLength(n);
    if (!rel.startsWith('seeds/003')) {
      expect(drafts.map((d) => d.title)).toEqual(extractDocument(loadDoc(rel)).map((d) => d.title));
    }
  });
});
