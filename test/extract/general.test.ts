// The general reader (src/extract/general.ts) and the readers' registry, on real-shaped inputs:
// titles of any length, labels it does not know, empty labels, Drupal dates, listings, prose
// facts, and the refusal of pages with no project. The corpus figures are in corpus.test.ts.
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/extract/index.js';
import { normalizeRecord } from '../../src/normalize/index.js';
import { parseDocument } from '../../src/ingest/index.js';
import type { RawDocument } from '../../src/types.js';
import { InputError } from '../../src/errors.js';
import { htmlToText } from '../../src/read/html.js';

const MENU = ['IOM Morocco', 'Who We Are', 'Our Work', 'Data and Resources', 'Take Action', 'Home / Projects'];
const FOOTER = ['Contact', 'Privacy notice', '© International Organization for Migration'];

function records(text: string, meta?: RawDocument['meta']) {
  const r = extractPage(text, { meta });
  return { ...r, records: r.drafts.map((d) => normalizeRecord(d, { sourceName: 't', repairs: [], today: new Date('2026-11-01') })) };
}

function parseText(text: string, name = 'page.txt') {
  const raw: RawDocument = { path: name, format: 'text', text, hash: 'x', bytes: text.length, warnings: [] };
  return parseDocument(name, raw, new Date('2026-11-01'));
}

describe('titles', () => {
  it('a 60+ character title ending with ")" is the title, not prose (issue 11)', () => {
    const title = 'Réintégration durable des migrants de retour au Maroc (phase 42)';
    const text = [...MENU, title, 'Donateur : Union européenne', 'Durée : janvier 2020 – décembre 2022', 'Pays : Maroc', ...FOOTER].join('\n');
    const { records: rs } = records(text);
    expect(rs.map((r) => r.title)).toEqual([title]);
    expect(rs[0]!.donors.map((d) => d.code)).toEqual(['EU']);
  });

  // A generated corpus: titles from 20 to 160 characters, with and without a final parenthesis,
  // in the label-line/value-line layout of the country sites and in "Label : value" lines.
  const words = 'appui renforcement des capacités nationales pour la gestion intégrée migrations frontières communautés retour réintégration durable jeunes femmes'.split(' ');
  const titles: string[] = [];
  for (let len = 20; len <= 160; len += 7) {
    for (const paren of [false, true]) {
      let t = 'Programme';
      let k = len;
      while (t.length < len - (paren ? 10 : 0)) t += ' ' + words[k++ % words.length];
      titles.push(paren ? `${t} (phase ${len % 9 + 1})` : t);
    }
  }
  it.each(titles.map((t, i) => [i, t] as const))('generated sheet %i is stored with its title', (i, title) => {
    const lines =
      i % 2 === 0
        ? [...MENU, title, '-', 'Start Date', '2021', '-', 'End Date', '2023', '-', 'Donor', 'Government of the Netherlands', '-', 'Budget Amount (USD)', '250000.00', '-', 'Benefiting Member States', 'Morocco']
        : [...MENU, title, 'Bailleur : Union européenne', 'Période : mars 2021 – février 2023', 'Montant : 1 200 000 €', 'Pays : Maroc'];
    const parsed = parseText([...lines, ...FOOTER].join('\n'));
    expect(parsed.records.map((r) => r.title)).toEqual([title]);
    expect(parsed.records[0]!.start).toMatch(/^2021/);
  });

  it('the HTML headline is the <h1>; a generic <h1> gives way to og:title, then <title> without the site', () => {
    const body = '<p>Grâce à une contribution du Gouvernement du Japon, le projet a débuté le 1er avril 2021.</p>';
    const page = (h1: string, head: string) => {
      const { text, meta } = htmlToText(`<html><head>${head}</head><body><nav><ul><li>Accueil</li><li>Projets</li></ul></nav><h1>${h1}</h1>${body}</body></html>`);
      return records(text, meta).records.map((r) => r.title);
    };
    expect(page('Eau potable pour Tahoua', '<title>Autre | OIM Niger</title>')).toEqual(['Eau potable pour Tahoua']);
    expect(page('Projets', '<meta property="og:title" content="Eau potable pour Tahoua | OIM Niger"><title>x</title>')).toEqual(['Eau potable pour Tahoua']);
    expect(page('Projets', '<title>Eau potable pour Tahoua | OIM Niger</title>')).toEqual(['Eau potable pour Tahoua']);
  });
});

describe('fields in any layout', () => {
  it('an unknown label ("Thematic area", "Focal point") is skipped with its value, never the end of the fields', () => {
    const text = [...MENU, 'Health Desks on the Northern Corridor', 'Thematic area', 'Migration Health', 'Focal point', 'Health Unit, IOM Nairobi', 'Donor', 'Royal Danish Embassy in Nairobi', 'Start', 'Q3 2020', 'End', 'Q2 2023', 'Budget', 'US$ 1,900,000', 'Gender marker', '2a', 'Geographical Coverage', 'Kenya, Uganda', ...FOOTER].join('\n');
    const { records: rs, warnings } = records(text);
    expect(rs).toHaveLength(1);
    const r = rs[0]!;
    expect(r.donors.map((d) => d.code)).toEqual(['DK']);
    expect([r.start, r.end]).toEqual(['2020-07', '2023-06']);
    expect(r.budget).toMatchObject({ amount: 1900000, currency: 'USD' });
    expect(r.countries.map((c) => c.code)).toEqual(['KE', 'UG']);
    expect(warnings.join(' ')).toMatch(/not known to iom/);
  });

  it('an empty "Donor:" gives nothing, not the next label; the funder comes from the sentence', () => {
    const text = [...MENU, 'Border Management at the Southern Crossings', 'Project Code: LY10P0999', 'Donor:', 'Duration: 18 months (October 2020 - March 2022)', 'Budget: USD 845,000', 'Country: Libya', 'The project was carried out with funding from the Government of Canada.', ...FOOTER].join('\n');
    const r = records(text).records[0]!;
    expect(r.donors.map((d) => d.code)).toEqual(['CA']);
    expect([r.start, r.end]).toEqual(['2020-10', '2022-03']);
    expect(r.projectId).toBe('LY10P0999');
    expect(r.raw['evidence:donors']).toMatch(/with funding from the Government of Canada/);
  });

  it('a column block (labels, then values in the same order, values wrapping) as PDF extraction leaves it', () => {
    const text = ['IOM CHAD – RESPONSE PLAN Project sheet 1 of 3', 'Emergency Shelter for', 'Displaced Households in Lac Province', 'Appealing agency', 'Sector', 'Project duration', 'Geographical coverage', 'Funds requested', 'International Organization for Migration (IOM)', 'Shelter and Non-Food Items; Camp Coordination and Camp', 'Management', 'January – December 2024', 'Lac Province (Bol and Liwa sub-prefectures), Chad', '$2,150,000.00', 'Needs', 'Flooding along the shores of the lake has pushed families into informal sites on the mainland this year.'].join('\n');
    const r = records(text).records[0]!;
    expect(r.title).toBe('Emergency Shelter for Displaced Households in Lac Province');
    expect([r.start, r.end]).toEqual(['2024-01', '2024-12']);
    expect(r.budget).toMatchObject({ amount: 2150000, currency: 'USD' });
    expect(r.countries.map((c) => c.code)).toEqual(['TD']);
    expect(r.donors).toEqual([]);
  });

  it('a table of projects (a header row of labels, one row per project) gives one record per row', () => {
    const text = ['Coopération – Projets', 'Projet', 'Bailleur', 'Montant', 'Durée', 'Maisons de la mobilité de Fès', 'Royaume de Belgique', '480.500 €', '2017-2019', 'Caravanes juridiques', 'Ambassade de Suisse au Maroc', '312 000,00 dirhams', 'mars - novembre 2021', 'Pour toute information, écrire à la Direction de la coopération du Ministère.'].join('\n');
    const rs = records(text).records;
    expect(rs.map((r) => [r.title, r.donors.map((d) => d.code).join(), r.budget?.currency, r.start, r.end])).toEqual([
      ['Maisons de la mobilité de Fès', 'BE', 'EUR', '2017', '2019'],
      ['Caravanes juridiques', 'CH', 'MAD', '2021-03', '2021-11'],
    ]);
  });
});

describe('facts in prose', () => {
  it('a news item naming two projects gives one record each, with its own funder, period and amount', () => {
    const text = [
      'News',
      'Two New Projects for Displaced Families',
      'Mogadishu, 9 February 2024 – IOM is starting two projects this month for people displaced by drought.',
      'The first, "Wells for Resilience in Bay", will drill boreholes in displacement sites. It is made possible thanks to a contribution from the Government of Japan of USD 3.2 million and will run from March 2024 to February 2025.',
      'The second, the Safer Journeys Information Programme (SJIP), will reach young people in Somalia. SJIP is carried out with funding from the United Kingdom (FCDO), which has committed GBP 1.5 million through 2027.',
      ...FOOTER,
    ].join('\n');
    const rs = records(text).records;
    expect(rs.map((r) => [r.title, r.acronym, r.donors.map((d) => d.code).join(), r.start, r.end, r.budget?.amount, r.budget?.currency])).toEqual([
      ['Wells for Resilience in Bay', null, 'JP', '2024-03', '2025-02', 3200000, 'USD'],
      ['Safer Journeys Information Programme', 'SJIP', 'FCDO', null, '2027', 1500000, 'GBP'],
    ]);
  });

  it('a publication date and "hier" are not the start; "depuis 2005" is an open start', () => {
    const text = ['Tawasol', 'Publié le 12 septembre 2016', 'Mené depuis 2005 avec le soutien de l’Agence italienne de coopération au développement (AICS), Tawasol aide les Tunisiens de l’étranger à investir chez eux.', ...FOOTER].join('\n');
    const r = records(text).records[0]!;
    expect(r.start).toBe('2005');
    expect(r.endOpen).toBe(true);
    expect(r.donors.map((d) => d.code)).toEqual(['AICS']);
  });

  it('an implementer or a partner is not a donor', () => {
    const text = [...MENU, 'Espaces d’écoute pour femmes migrantes à Sfax', 'Le projet a débuté le 1er avril 2014. Il est mis en œuvre par l’OIM en partenariat avec Enabel, avec le soutien financier de la Fondation Tamarit pour l’enfance, qui a accordé 96 000 dinars tunisiens.', ...FOOTER].join('\n');
    const r = records(text).records[0]!;
    expect(r.donors.map((d) => d.name)).toEqual(['Fondation Tamarit pour l’enfance']);
    expect(r.donors[0]!.known).toBe(false);
    expect(r.start).toBe('2014-04-01');
    expect(r.budget).toMatchObject({ amount: 96000, currency: 'TND' });
  });
});

describe('pages with no project are refused, saying what was missing', () => {
  it.each([
    ['a menu', [...MENU, 'Learn more', ...FOOTER]],
    ['a contact page', [...MENU, 'Contact Us', 'Tel: +233 30 274 2930', 'Office hours: Monday to Friday, 08:00 – 17:00', ...FOOTER]],
    ['statistics', [...MENU, 'Remittances Rose Again', 'Money sent home by migrants grew by six per cent last year, to the equivalent of USD 41 billion, according to a data brief.', ...FOOTER]],
  ])('%s', (_name, lines) => {
    let err: unknown;
    try {
      parseText((lines as string[]).join('\n'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/^no project found: (no project title|no funder, date or amount found|nothing that names a project)/);
  });
});

describe('more ways pages name a funder', () => {
  it.each([
    ['The EU-funded programme "Safe Roads Home" will run from May 2021 to 2023 in Niger.', 'EU'],
    ['Funding is provided by the Government of Canada for the project "Safe Roads Home" (2021-2023).', 'CA'],
    ['Le projet « Routes sûres » est mis en œuvre sur financement de l’Union européenne de 2021 à 2023.', 'EU'],
    ['The project "Safe Roads Home" runs from 2021 to 2023 through a grant from the Government of Japan.', 'JP'],
  ])('%s', (sentence, code) => {
    const text = [...MENU, 'Safe Roads Home', sentence, ...FOOTER].join('\n');
    const r = records(text).records[0]!;
    expect(r.donors.map((d) => d.code)).toEqual([code]);
  });
});
