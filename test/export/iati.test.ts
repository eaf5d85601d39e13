// `iom export --format iati`: real output validated against the IATI 2.03 schema with xmllint
// (schema/iati/, shipped in the repository), then checked element by element.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadExportProjects, type ExportProject } from '../../src/export/load.js';
import { evenPercentages, renderIati, xmlAttr, xmlText, type IatiResult } from '../../src/export/iati.js';
import { activityScope, donorRef, donorType, fullDate, identifierPart } from '../../src/export/iati-codes.js';
import { buildDb, WITH_END_ONLY } from '../query/records.js';
import { validateIati } from './xmllint.js';

const now = new Date('2025-06-01T09:30:00.123Z');
const t = buildDb();
afterAll(t.cleanup);

/** The <iati-activity> element whose identifier is this one. */
function activity(xml: string, identifier: string): string {
  const blocks = xml.split('<iati-activity ').slice(1);
  const found = blocks.find((b) => b.includes(`<iati-identifier>${identifier}</iati-identifier>`));
  if (!found) throw new Error(`no activity ${identifier}`);
  return found.slice(0, found.indexOf('</iati-activity>'));
}

describe('IATI 2.03 export of the seed projects', () => {
  let result: IatiResult;
  beforeAll(() => {
    result = renderIati(loadExportProjects(t.db, {}), { now, version: '0.1.0' });
  });

  test('is valid against iati-activities-schema.xsd', async () => {
    const v = await validateIati(result.xml);
    expect(v.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(v.valid).toBe(true);
  }, 60_000);

  test('the schema check does catch elements out of order', async () => {
    const misordered = result.xml.replace('<activity-scope code="4"/>', '').replace('<sector vocabulary="1" code="15190"/>', '<sector vocabulary="1" code="15190"/><activity-scope code="4"/>');
    const v = await validateIati(misordered);
    expect(v.valid).toBe(false);
    expect(v.errors[0]?.message).toMatch(/Element 'activity-scope': This element is not expected/);
  }, 60_000);

  test('one activity per project; an NGO project with no known date is left out, with the reason', () => {
    // 13 records, 11 projects (ICMD and FM.0390 from two sources each), the NGO article left out
    expect(result.activities).toBe(10);
    expect(result.skipped).toEqual([{ id: 'e5f6a7b80001', reason: 'no known date (IATI needs at least one activity-date)' }]);
    expect(result.xml.match(/<iati-activity /g)).toHaveLength(10);
    expect(result.xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<!-- written by iom 0.1.0 /);
    expect(result.xml).toContain('<iati-activities version="2.03" generated-datetime="2025-06-01T09:30:00Z">');
  });

  test('the project sheet LM.0416: identifiers, IOM roles, status, full dates, scope, country, sector, budget', () => {
    const a = activity(result.xml, 'XM-DAC-47066-LM.0416');
    expect(a).toContain('<reporting-org ref="XM-DAC-47066" type="40"><narrative xml:lang="fr">Organisation internationale pour les migrations (OIM)</narrative></reporting-org>');
    expect(a).toContain('<title><narrative xml:lang="fr">Autonomisation des femmes travailleuses migrantes circulaires au Maroc</narrative></title>');
    expect(a).toMatch(/<description type="1"><narrative xml:lang="fr">Ce projet s’intéressera/);
    expect(a).toContain('<participating-org ref="XM-DAC-47066" type="40" role="2">');
    expect(a).toContain('<participating-org ref="XM-DAC-47066" type="40" role="4">');
    expect(a).toContain('<participating-org role="4"><narrative xml:lang="fr">ANAPEC</narrative></participating-org>');
    expect(a).toContain('<other-identifier ref="MA10P0517" type="A1">');
    expect(a).toContain('<activity-status code="3"/>');
    // "2020" to "2022": a year-only start is its first day, a year-only end its last day.
    expect(a).toContain('<activity-date type="2" iso-date="2020-01-01"><narrative xml:lang="fr">2020</narrative></activity-date>');
    expect(a).toContain('<activity-date type="4" iso-date="2022-12-31"><narrative xml:lang="fr">2022</narrative></activity-date>');
    expect(a).toContain('<activity-scope code="4"/>');
    expect(a).toContain('<recipient-country code="MA" percentage="100"><narrative xml:lang="fr">Maroc</narrative></recipient-country>');
    expect(a).toContain('<sector vocabulary="1" code="15190"/>');
    expect(a).toMatch(
      /<budget type="1" status="1">\s*<period-start iso-date="2020-01-01"\/>\s*<period-end iso-date="2022-12-31"\/>\s*<value currency="USD" value-date="2020-01-01">300000<\/value>\s*<\/budget>/,
    );
  });

  test('ICMD: funded by the EU (with its IATI ref) and Switzerland (none guessed), eight countries at 12.5 %', () => {
    const a = activity(result.xml, 'XM-DAC-47066-a3f1c2d40004');
    expect(a).toContain('<participating-org ref="XI-IATI-EC_INTPA" type="40" role="1"><narrative xml:lang="fr">Union européenne</narrative></participating-org>');
    expect(a).toContain('<participating-org type="10" role="1"><narrative xml:lang="fr">Suisse</narrative></participating-org>');
    expect(a).toContain('<participating-org role="4"><narrative xml:lang="fr">PNUD</narrative></participating-org>');
    expect(a).not.toMatch(/role="4"><narrative xml:lang="fr">OIM</); // IOM is there once, with its ref
    expect(a.match(/<recipient-country code="[A-Z]{2}" percentage="12.5">/g)).toHaveLength(8);
    // "Octobre 2013 - Avril 2016": months become their first and last days.
    expect(a).toContain('<activity-date type="2" iso-date="2013-10-01"><narrative xml:lang="fr">2013-10</narrative></activity-date>');
    expect(a).toContain('<activity-date type="4" iso-date="2016-04-30"><narrative xml:lang="fr">2016-04</narrative></activity-date>');
    expect(a).toContain('<value currency="USD" value-date="2013-10-01">9500000</value>');
    expect(a).toContain('from 003_905411b0d1b2955d.txt, icmd-initiatives-locales.html');
    expect(a).not.toContain('<activity-scope'); // coverage unknown
  });

  test('percentages of five countries are 20 each; the IOM Development Fund is IOM', () => {
    expect(activity(result.xml, 'XM-DAC-47066-a3f1c2d40007').match(/percentage="20"/g)).toHaveLength(5);
    // the activity sheet names the fund for FM.0390
    expect(activity(result.xml, 'XM-DAC-47066-FM.0390')).toContain(
      `<participating-org ref="XM-DAC-47066" type="40" role="1"><narrative xml:lang="fr">Fonds de l'OIM pour le développement</narrative></participating-org>`,
    );
  });

  test('AVRR "depuis 2005": an actual start and no end; ongoing', () => {
    const a = activity(result.xml, 'XM-DAC-47066-a3f1c2d40005');
    expect(a).toContain('<activity-status code="2"/>');
    expect(a.match(/<activity-date /g)).toHaveLength(1);
    expect(a).toContain('<activity-date type="2" iso-date="2005-01-01">');
    expect(a).toContain('<participating-org type="10" role="1"><narrative xml:lang="fr">Maroc</narrative></participating-org>');
  });

  test('FM.0390, one activity from its project sheet and the activity sheet: the period of one, the budget of the other', () => {
    const a = activity(result.xml, 'XM-DAC-47066-FM.0390');
    expect(a).toContain('<!-- iom c1d4e8f20001 from 001_8173445587e2aa87.txt, 003_905411b0d1b2955d.txt -->');
    expect(a).toContain('<other-identifier ref="MA10P0001" type="A1">');
    // the period as the activity sheet gives it, "Juillet 2014 – Juin 2016", whole (the project
    // sheet gives only an end, 2024: a start from one and an end from the other is no source's period)
    expect(a).toContain('<activity-date type="2" iso-date="2014-07-01"><narrative xml:lang="fr">2014-07</narrative></activity-date>');
    expect(a).toContain('<activity-date type="4" iso-date="2016-06-30"><narrative xml:lang="fr">2016-06</narrative></activity-date>');
    expect(a.match(/<activity-date /g)).toHaveLength(2);
    // now that its period is known, the budget of the project sheet is written
    expect(a).toMatch(
      /<budget type="1" status="1">\s*<period-start iso-date="2014-07-01"\/>\s*<period-end iso-date="2016-06-30"\/>\s*<value currency="USD" value-date="2014-07-01">200000<\/value>\s*<\/budget>/,
    );
    expect(a).not.toContain('not written');
    // the activity sheet's record is in this activity, not one of its own
    expect(result.xml).not.toContain('<iati-identifier>XM-DAC-47066-a3f1c2d40003</iati-identifier>');
    expect(result.xml.match(/Formation professionnelle/g)).toHaveLength(2); // its title and description, once
  });

  test('a project sheet whose only date is its end: the budget is not written and a comment says why', async () => {
    const other = buildDb(WITH_END_ONLY);
    try {
      const r = renderIati(loadExportProjects(other.db, {}), { now });
      expect(r.activities).toBe(11); // linked to no other record
      const a = activity(r.xml, 'XM-DAC-47066-IB.0123');
      expect(a).toContain('<!-- iom c1d4e8f20002 from ib0123.txt -->');
      expect(a.match(/<activity-date /g)).toHaveLength(1);
      expect(a).toContain('<activity-date type="4" iso-date="2019-12-31"><narrative xml:lang="fr">2019</narrative></activity-date>');
      expect(a).not.toContain('<budget');
      expect(a).toContain('<!-- budget of 150000 USD not written: an IATI budget needs a period');
      expect((await validateIati(r.xml)).valid).toBe(true);
    } finally {
      other.cleanup();
    }
  }, 60_000);

  test('a news item with no status and no project period: status 2 with a comment, the reported date as start', () => {
    const a = activity(result.xml, 'XM-DAC-47066-d9a0b3c40001');
    expect(a).toContain('<!-- status unknown in the source: 2 (Implementation) is written because the schema requires a status -->\n    <activity-status code="2"/>');
    expect(a).toContain(`<activity-date type="2" iso-date="2022-02-15"><narrative xml:lang="fr">date de l'activité rapportée (2022-02-15) ; début du projet inconnu</narrative></activity-date>`);
    expect(a).toContain('<description type="1"><narrative xml:lang="fr">Formations au profit'); // no summary: the text
  });

  test('filters choose the activities', async () => {
    const eu = renderIati(loadExportProjects(t.db, { donor: 'UE' }), { now });
    expect(eu.activities).toBe(3);
    expect((await validateIati(eu.xml)).valid).toBe(true);
  }, 60_000);
});

describe('escaping and edge cases', () => {
  const base = (): ExportProject => {
    const [p] = loadExportProjects(t.db, { ids: ['b7e2a9c10001'] });
    return structuredClone(p!);
  };

  test('markup, quotes and control characters from a page stay text, and the file stays valid', async () => {
    const p = base();
    p.row.title = 'Santé & bien-être <migrants> "Maroc" \u0007fin';
    p.row.summary = 'R&D </narrative><evil/> -- ]]> \uFFFE';
    p.row.partners = ['A "quoted" & <partner>'];
    p.row.prima_id = 'MA10"P&<0517';
    p.row.source = 'dir/a -- b-';
    p.row.sources = ['dir/a -- b-'];
    const { xml } = renderIati([p], { now });
    expect(xml).toContain('<narrative xml:lang="fr">Santé &amp; bien-être &lt;migrants&gt; "Maroc" fin</narrative>');
    expect(xml).toContain('R&amp;D &lt;/narrative&gt;&lt;evil/&gt; -- ]]&gt; </narrative>');
    expect(xml).toContain('<other-identifier ref="MA10&quot;P&amp;&lt;0517" type="A1">');
    expect(xml).not.toMatch(/<!--(?:(?!-->)[\s\S])*--(?!>)(?:(?!-->)[\s\S])*-->/); // no "--" inside a comment
    const v = await validateIati(xml);
    expect(v.errors.map((e) => e.rawMessage)).toEqual([]);
  }, 60_000);

  test('two projects that would share an identifier get the iom id appended to the second', () => {
    const a = base();
    const b = base();
    b.row.id = 'b7e2a9c19999';
    const { xml } = renderIati([a, b], { now });
    expect(xml).toContain('<iati-identifier>XM-DAC-47066-LM.0416</iati-identifier>');
    expect(xml).toContain('<iati-identifier>XM-DAC-47066-LM.0416-b7e2a9c19999</iati-identifier>');
  });

  test('an NGO project names its own organisations, not IOM', () => {
    const [ngo] = loadExportProjects(t.db, { ids: ['e5f6a7b80001'] });
    ngo!.row.start = '2021-09';
    const { xml, activities } = renderIati([ngo!], { now });
    expect(activities).toBe(1);
    const a = activity(xml, 'XM-DAC-47066-e5f6a7b80001');
    expect(a).toContain('<participating-org ref="BE-BCE_KBO-0264814354" type="10" role="1"><narrative xml:lang="fr">Enabel</narrative></participating-org>');
    expect(a).toContain('<participating-org role="4"><narrative xml:lang="fr">CARE International Maroc</narrative></participating-org>');
    expect(a).not.toMatch(/<participating-org ref="XM-DAC-47066"/);
  });

  test('a planned project: future dates are planned (1 and 3)', () => {
    const p = base();
    p.row.start = '2026-03';
    p.row.end = '2027';
    p.statusCode = 1;
    const { xml } = renderIati([p], { now });
    expect(xml).toContain('<activity-date type="1" iso-date="2026-03-01">');
    expect(xml).toContain('<activity-date type="3" iso-date="2027-12-31">');
  });

  test.each([
    ['2014', 'start', '2014-01-01'],
    ['2014', 'end', '2014-12-31'],
    ['2014-02', 'start', '2014-02-01'],
    ['2014-02', 'end', '2014-02-28'],
    ['2016-02', 'end', '2016-02-29'],
    ['2018-02', 'end', '2018-02-28'],
    ['2022-02-15', 'end', '2022-02-15'],
    ['2014-02-30', 'start', undefined],
    ['2014-13', 'start', undefined],
    ['février 2014', 'start', undefined],
  ] as const)('fullDate(%s, %s) = %s', (value, side, expected) => {
    expect(fullDate(value, side)).toBe(expected);
  });

  test('percentages split evenly and add up to exactly 100', () => {
    expect(evenPercentages(1)).toEqual(['100']);
    expect(evenPercentages(2)).toEqual(['50', '50']);
    expect(evenPercentages(3)).toEqual(['33.33', '33.33', '33.34']);
    for (const n of [3, 6, 7, 9, 11]) {
      const cents = evenPercentages(n).reduce((s, x) => s + Math.round(Number(x) * 100), 0);
      expect(cents).toBe(10000);
    }
  });

  test.each([
    ['National', '4'],
    ['Régional', '2'],
    ['regional', '2'],
    ['Global', '1'],
    ['Mondial', '1'],
    ['Multi-national', '3'],
    ['Local', undefined],
    [null, undefined],
  ])('coverage %s -> activity-scope %s', (coverage, code) => {
    expect(activityScope(coverage)).toBe(code);
  });

  test.each([
    ['government', null, '10'],
    ['agency', 'US', '10'], // USAID
    ['agency', 'EU', '40'], // ECHO, the EU Trust Fund
    ['multilateral', null, '40'],
    ['iom-fund', null, '40'],
    ['private', null, '60'],
    ['unknown', null, undefined],
  ] as const)('a %s donor (parent %s) has organisation type %s', (kind, parent, type) => {
    expect(donorType(kind, parent)).toBe(type);
  });

  test('donor refs only where known', () => {
    expect(donorRef('EU', 'multilateral')).toBe('XI-IATI-EC_INTPA');
    expect(donorRef('USAID', 'agency')).toBe('US-GOV-1');
    expect(donorRef('IDF', 'iom-fund')).toBe('XM-DAC-47066');
    expect(donorRef('CH', 'government')).toBeUndefined();
    expect(donorRef(null, 'unknown')).toBeUndefined();
  });

  test('escaping helpers and identifiers', () => {
    expect(xmlText('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
    expect(xmlAttr('say "x"\n')).toBe('say &quot;x&quot;&#10;');
    expect(identifierPart(' LM 0416/A ')).toBe('LM-0416-A');
  });
});
