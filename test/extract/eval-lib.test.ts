// The scoring library of `npm run eval:extract` (scripts/eval-extract-lib.mjs), on small
// hand-made expected/predicted sets: matching, precision/recall arithmetic, unknown donors,
// unmatched projects, the golden-format checks. Not the corpus figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fold,
  formatPage,
  formatReport,
  loadCorpus,
  matchProjects,
  expectedKeys,
  predictedKeys,
  prf,
  pooled,
  report,
  reportJson,
  runCorpus,
  scorePage,
  titleSimilarity,
  validateExpected,
  type ExpectedProject,
} from '../../scripts/eval-extract-lib.mjs';

const exp = (over: Partial<ExpectedProject> & { title: string }): ExpectedProject => ({
  acronym: null,
  donors: [],
  start: null,
  end: null,
  budget: null,
  countries: [],
  ...over,
});

// The fields of a ProjectRecord the library reads (the rest does not matter to it).
const rec = (over: Record<string, unknown> & { title: string }) => ({
  acronym: null,
  donors: [],
  start: null,
  end: null,
  budget: null,
  countries: [],
  ...over,
});
const donor = (code: string | null, name: string) => ({ code, name, raw: name, known: code !== null, kind: 'unknown' });
const country = (code: string) => ({ code, name: code });

describe('fold and title similarity', () => {
  it('folds case, accents, quotes and punctuation', () => {
    expect(fold('Accès à l’eau – « phase 2 »')).toBe('acces a l eau phase 2');
    expect(fold('  Réintégration\tdurable  ')).toBe('reintegration durable');
  });

  it('is the token Jaccard of the folded words', () => {
    expect(titleSimilarity('Safe Labour Mobility', 'safe labour mobility')).toBe(1);
    // {a, b, c} vs {a, b, d}: 2 shared of 4 distinct
    expect(titleSimilarity('alpha beta gamma', 'alpha beta delta')).toBe(0.5);
    expect(titleSimilarity('', 'alpha')).toBe(0);
  });
});

describe('matchProjects', () => {
  it('pairs by title similarity >= 0.5, best pairs first, each project once', () => {
    const E = [exp({ title: 'Water for Tahoua communes' }), exp({ title: 'Youth jobs in Kolda' })].map(expectedKeys);
    const P = [rec({ title: 'Youth jobs in Kolda region' }), rec({ title: 'Water for Tahoua' }), rec({ title: 'Contact us' })].map(predictedKeys);
    const m = matchProjects(E, P);
    expect(m.pairs.map(([e, p]) => [e, p])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(m.unmatchedExpected).toEqual([]);
    expect(m.unmatchedPredicted).toEqual([2]);
  });

  it('does not pair titles below the threshold', () => {
    const m = matchProjects([expectedKeys(exp({ title: 'Border management in Niger' }))], [predictedKeys(rec({ title: 'Project Title' }))]);
    expect(m.pairs).toEqual([]);
    expect(m.unmatchedExpected).toEqual([0]);
    expect(m.unmatchedPredicted).toEqual([0]);
  });

  it('pairs a record titled with the acronym to the expected project of that acronym', () => {
    const E = [expectedKeys(exp({ title: 'Coastal Corridors Anti-Smuggling Partnership (CCASP)', acronym: 'CCASP' }))];
    const P = [predictedKeys(rec({ title: 'CCASP' }))];
    expect(matchProjects(E, P).pairs.map(([e, p]) => [e, p])).toEqual([[0, 0]]);
  });

  it('gives a duplicate record (the same project twice) no second pair', () => {
    const E = [expectedKeys(exp({ title: 'Retour digne au Fouta' }))];
    const P = [predictedKeys(rec({ title: 'Retour digne au Fouta' })), predictedKeys(rec({ title: 'Retour digne au Fouta' }))];
    const m = matchProjects(E, P);
    expect(m.pairs).toHaveLength(1);
    expect(m.unmatchedPredicted).toEqual([1]);
  });
});

describe('scorePage', () => {
  it('counts right / predicted / expected per field of a matched pair', () => {
    const e = exp({
      title: 'Safe Labour Mobility along the Nile Corridor',
      donors: ['DDC', 'EU'],
      start: '2021-04-01',
      end: '2025-03-31',
      budget: { amount: 2400000, currency: 'CHF' },
      countries: ['EG', 'SD'],
    });
    const r = rec({
      title: 'Safe labour mobility along the Nile corridor',
      donors: [donor('DDC', 'DDC'), donor('IOM', 'OIM')],
      start: '2021-04',
      end: '2025-03-31',
      budget: { amount: 2400000, currency: 'CHF', raw: 'CHF 2’400’000' },
      countries: [country('EG')],
    });
    const { counts } = scorePage([e], [r]);
    expect(counts.title).toEqual({ right: 1, predicted: 1, expected: 1 });
    expect(counts.donors).toEqual({ right: 1, predicted: 2, expected: 2 });
    expect(counts.start).toEqual({ right: 0, predicted: 1, expected: 1 });
    expect(counts.end).toEqual({ right: 1, predicted: 1, expected: 1 });
    expect(counts.budget).toEqual({ right: 1, predicted: 1, expected: 1 });
    expect(counts.countries).toEqual({ right: 1, predicted: 1, expected: 2 });
    const all = prf(pooled(counts));
    expect(all.right).toBe(5);
    expect(all.predicted).toBe(7);
    expect(all.expected).toBe(8);
    expect(all.precision).toBeCloseTo(5 / 7, 10);
    expect(all.recall).toBeCloseTo(5 / 8, 10);
    expect(all.f1).toBeCloseTo((2 * (5 / 7) * (5 / 8)) / (5 / 7 + 5 / 8), 10);
  });

  it('needs amount and currency both right for the budget', () => {
    const e = exp({ title: 'Programme Walo', budget: { amount: 9200000000, currency: 'XOF' } });
    const wrongCurrency = rec({ title: 'Programme Walo', budget: { amount: 9200000000, currency: 'EUR' } });
    const wrongAmount = rec({ title: 'Programme Walo', budget: { amount: 9200000, currency: 'XOF' } });
    expect(scorePage([e], [wrongCurrency]).counts.budget).toEqual({ right: 0, predicted: 1, expected: 1 });
    expect(scorePage([e], [wrongAmount]).counts.budget).toEqual({ right: 0, predicted: 1, expected: 1 });
  });

  it('matches "?Name" to an unknown donor of the same folded name, never to a registry code', () => {
    const e = exp({ title: 'Espaces d’écoute', donors: ['?Fondation Tamarit pour l’enfance'] });
    const same = rec({ title: 'Espaces d’écoute', donors: [donor(null, "FONDATION TAMARIT pour l'enfance")] });
    const other = rec({ title: 'Espaces d’écoute', donors: [donor(null, 'Fondation Lumière')] });
    const coded = rec({ title: 'Espaces d’écoute', donors: [donor('CH', 'Fondation Tamarit pour l’enfance')] });
    expect(scorePage([e], [same]).counts.donors.right).toBe(1);
    expect(scorePage([e], [other]).counts.donors.right).toBe(0);
    expect(scorePage([e], [coded]).counts.donors.right).toBe(0);
  });

  it('counts an unmatched predicted project against precision and an unmatched expected one against recall', () => {
    const e = [exp({ title: 'Youth jobs in Kolda', donors: ['ES'], start: '2020', countries: ['SN'] })];
    const p = [rec({ title: 'Skip to main content', donors: [donor('EU', 'EU')], end: '2022', countries: [country('SN')] })];
    const { counts } = scorePage(e, p);
    expect(counts.title).toEqual({ right: 0, predicted: 1, expected: 1 });
    expect(counts.donors).toEqual({ right: 0, predicted: 1, expected: 1 });
    expect(counts.start).toEqual({ right: 0, predicted: 0, expected: 1 });
    expect(counts.end).toEqual({ right: 0, predicted: 1, expected: 0 });
    expect(counts.budget).toEqual({ right: 0, predicted: 0, expected: 0 });
    expect(counts.countries).toEqual({ right: 0, predicted: 1, expected: 1 });
  });

  it('gives a refused page (no records) zero precision terms and full recall loss', () => {
    const e = [exp({ title: 'A', donors: ['EU'], start: '2020' })];
    const { counts } = scorePage(e, []);
    const all = pooled(counts);
    expect(all).toEqual({ right: 0, predicted: 0, expected: 3 });
    const f = prf(all);
    expect(f.recall).toBe(0);
    expect(f.f1).toBe(0);
  });

  it('takes the predicted country codes and donor codes as sets (a repeat counts once)', () => {
    const e = [exp({ title: 'T', countries: ['MA'], donors: ['EU'] })];
    const p = [rec({ title: 'T', countries: [country('MA'), country('MA')], donors: [donor('EU', 'UE'), donor('EU', 'Union européenne')] })];
    const { counts } = scorePage(e, p);
    expect(counts.countries).toEqual({ right: 1, predicted: 1, expected: 1 });
    expect(counts.donors).toEqual({ right: 1, predicted: 1, expected: 1 });
  });
});

describe('prf', () => {
  it('is 1/1 when nothing is expected and nothing predicted, 0 when one side is empty', () => {
    expect(prf({ right: 0, predicted: 0, expected: 0 })).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(prf({ right: 0, predicted: 2, expected: 0 })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(prf({ right: 0, predicted: 0, expected: 2 })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(prf({ right: 3, predicted: 4, expected: 6 })).toMatchObject({ precision: 0.75, recall: 0.5, f1: 0.6 });
  });
});

describe('validateExpected', () => {
  const ok = { kind: 'news', lang: 'en', refused: false, projects: [exp({ title: 'T', start: '2019-03' })] };
  it('accepts the golden format', () => {
    expect(validateExpected(ok)).toBe(ok);
    expect(validateExpected({ lang: 'fr', refused: true, projects: [] })).toBeTruthy();
  });
  it('rejects bad dates, countries, budgets and refused pages with projects', () => {
    expect(() => validateExpected({ ...ok, projects: [exp({ title: 'T', start: 'March 2019' })] })).toThrow(/start/);
    expect(() => validateExpected({ ...ok, projects: [exp({ title: 'T', countries: ['Maroc'] })] })).toThrow(/country/);
    expect(() => validateExpected({ ...ok, projects: [exp({ title: 'T', budget: { amount: 5, currency: '€' } })] })).toThrow(/budget/);
    expect(() => validateExpected({ ...ok, refused: true })).toThrow(/refused/);
    expect(() => validateExpected({ ...ok, projects: [] })).toThrow(/at least one/);
  });
});

describe('runCorpus and report', () => {
  it('loads a corpus, runs the given parseFile, lists wrong refusals and acceptances', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'iom-eval-'));
    try {
      for (const split of ['tune', 'holdout']) fs.mkdirSync(path.join(root, split));
      const write = (split: string, name: string, expected: object) => {
        fs.writeFileSync(path.join(root, split, `${name}.txt`), 'page');
        fs.writeFileSync(path.join(root, split, `${name}.expected.json`), JSON.stringify(expected));
      };
      write('tune', 'a', { lang: 'en', refused: false, projects: [exp({ title: 'Alpha project', donors: ['EU'] })] });
      write('tune', 'menu', { lang: 'en', refused: true, projects: [] });
      write('holdout', 'b', { lang: 'fr', refused: false, projects: [exp({ title: 'Projet Bêta', start: '2020' })] });
      const pages = loadCorpus(root);
      expect(pages.map((p) => `${p.split}/${p.name}`)).toEqual(['tune/a', 'tune/menu', 'holdout/b']);

      const seen: string[] = [];
      const parseFile = async (file: string, opts: { today: Date }) => {
        seen.push(opts.today.toISOString().slice(0, 10));
        const base = path.basename(file);
        if (base === 'a.txt') return { records: [rec({ title: 'Alpha project', donors: [donor('EU', 'EU')] })] };
        if (base === 'menu.txt') return { records: [rec({ title: 'Who we are' })] };
        throw new Error('no project title and no funder, date or amount found');
      };
      const results = await runCorpus(pages, parseFile, { today: '2026-11-01' });
      expect(seen).toEqual(['2026-11-01', '2026-11-01', '2026-11-01']);
      const rep = report(results);
      expect(rep.splits.tune.pooled).toMatchObject({ right: 2, predicted: 3, expected: 2 });
      expect(rep.splits.holdout.pooled).toMatchObject({ right: 0, predicted: 0, expected: 2 });
      expect(rep.splits.all.pooled).toMatchObject({ right: 2, predicted: 3, expected: 4 });
      expect(rep.refusedWithProject).toEqual([{ page: 'holdout/b.txt', reason: 'no project title and no funder, date or amount found' }]);
      expect(rep.acceptedWithoutProject).toEqual([{ page: 'tune/menu.txt', records: ['Who we are'] }]);

      const json = reportJson(rep);
      expect(json.splits.all.pooled.precision).toBeCloseTo(2 / 3, 3);
      const text = formatReport(rep);
      expect(text).toMatch(/^field\s+tune P/);
      expect(text).toContain('pages refused that state a project: 1');
      expect(formatPage(results[2])).toContain('MISSED expected #1: Projet Bêta');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses a page without its .expected.json', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'iom-eval-'));
    try {
      fs.mkdirSync(path.join(root, 'tune'));
      fs.writeFileSync(path.join(root, 'tune', 'lonely.html'), '<p>x</p>');
      expect(() => loadCorpus(root)).toThrow(/lonely\.expected\.json/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
