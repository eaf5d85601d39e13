// OCR of scanned PDFs. OCR takes seconds a page: these tests read 11 pages in all (the 7-page
// activity-sheet scan once, the 1-page project-sheet scan twice, two near-empty pages).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { InputError } from '../../src/errors.js';
import { closePdfWorkers, readPdf, type PdfText } from '../../src/read/pdf.js';
import { bulletBefore, pageText, verticalStrips, type GrayImage } from '../../src/read/ocr.js';
import { readDocument } from '../../src/read/index.js';
import { parseDocument, type Parsed } from '../../src/ingest/index.js';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, fixture, iom, tempDir } from '../helpers.js';

const SHEET_SCAN = fixture('ocr/fiche-activites-oim-maroc-scan.pdf');
const SHEET_TEXT = fixture('pdf/fiche-activites-oim-maroc.pdf');
const PROJECT_SCAN = fixture('ocr/iom-project-sheet-en-scan.pdf');
const PROJECT_TEXT = fixture('text/iom-project-sheet-en.txt');
const bytes = (p: string) => new Uint8Array(readFileSync(p));

function pdfkitBuffer(draw: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A5', info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

async function parse(path: string, ocr: 'auto' | 'never' = 'auto'): Promise<Parsed> {
  const raw = await readDocument(path, { ocr });
  return parseDocument(raw.path, raw);
}

/** A title as a reader compares it: no case, accents, apostrophe styles or punctuation. */
const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length]!;
}

afterAll(() => closePdfWorkers());

describe('OCR: the image-only activity sheet', () => {
  let scan: Parsed;
  let text: Parsed;
  beforeAll(async () => {
    [scan, text] = await Promise.all([parse(SHEET_SCAN), parse(SHEET_TEXT)]);
  }, 300_000);

  test('is read by OCR, every page, with a confidence', () => {
    expect(scan.doc.format).toBe('pdf');
    expect(scan.doc.pages).toBe(7);
    expect(scan.doc.ocr?.pages).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(scan.doc.ocr!.confidence).toBeGreaterThan(85);
    expect(scan.doc.ocr!.confidence).toBeLessThanOrEqual(100);
    expect(text.doc.ocr).toBeUndefined();
  });

  test('gives the same 13 projects, donors and dates as its text PDF', () => {
    expect(scan.kind).toBe('iom-activity-sheet');
    expect(scan.records).toHaveLength(13);
    expect(text.records).toHaveLength(13);
    // sections too: the sheet names them in a vertical side label, read turned upright
    const facts = (p: Parsed) => p.records.map((r) => ({ start: r.start, end: r.end, endOpen: r.endOpen, status: r.status, section: r.section, donors: r.donors.map((d) => d.code ?? d.name) }));
    expect(facts(scan)).toEqual(facts(text));
    for (const [i, r] of scan.records.entries()) {
      const want = plain(text.records[i]!.title);
      expect(distance(plain(r.title), want), `${r.title} / ${text.records[i]!.title}`).toBeLessThanOrEqual(2);
    }
  });

  test('bullets Tesseract misreads or drops are "•" again; the margins add nothing', () => {
    const lines = scan.doc.rawText.split('\n');
    expect(lines.filter((l) => l.startsWith('•')).length).toBeGreaterThanOrEqual(16); // 13 projects + 3 axes
    // the side label (vertical, in the right margin) and the photo frames leave no stray marks
    expect(lines.filter((l) => /\s[=<>|]$/.test(l))).toEqual([]);
    expect(scan.doc.rawText).not.toMatch(/\n\n\n/);
  });

  test('the running header (light on a dark bar) is read on most pages; the side labels once a page', () => {
    const pages = scan.doc.rawText.split('\n\n');
    expect(pages).toHaveLength(7);
    // (Tesseract's page layout leaves it out on the last page, which is mostly logos)
    expect(pages.slice(1, 6).filter((p) => p.split('\n').includes("Fiche d'activités OIM Maroc"))).toHaveLength(5);
    const labels = scan.doc.rawText.split('\n').filter((l) => /^(MIGRATION ET|ASSISTANCE DIRECTE|APPUI A)/.test(l));
    expect(labels).toEqual(['MIGRATION ET DEVELOPPEMENT', 'MIGRATION ET DEVELOPPEMENT', 'ASSISTANCE DIRECTE AUX MIGRANTS', 'ASSISTANCE DIRECTE AUX MIGRANTS', 'APPUI A LA JEUNESSE ET DEVELOPPEMENT SOCIAL']);
  });
});

describe('OCR: the image-only project sheet (English), on ingest threads', () => {
  test('reads to the same record as the text it was typeset from; page progress comes back from the thread', async () => {
    // the built pool (its worker is compiled JavaScript): as `iom ingest` runs with many files
    const { parseInPool } = (await import(pathToFileURL(`${ROOT}dist/ingest/pool.js`).href)) as typeof import('../../src/ingest/pool.js');
    const seen: string[] = [];
    const out: Parsed[] = [];
    for await (const o of parseInPool([PROJECT_SCAN, PROJECT_TEXT], { ocr: 'auto' }, 2, () => undefined, (path, p) => seen.push(`${basename(path)} ${p.done}/${p.total}`))) {
      if (o.kind !== 'parsed') throw new Error(`${o.kind}: ${o.kind === 'error' ? o.error.message : ''}`);
      out.push(o.parsed);
    }
    const [scan, text] = out as [Parsed, Parsed];
    expect(seen).toEqual(['iom-project-sheet-en-scan.pdf 0/1', 'iom-project-sheet-en-scan.pdf 1/1']);
    expect(scan.doc.ocr?.pages).toEqual([1]);
    expect(text.doc.ocr).toBeUndefined();
    const { id: _a, raw: _b, text: _c, summary: _d, ...got } = scan.records[0]!;
    const { id: _e, raw: _f, text: _g, summary: _h, ...want } = text.records[0]!;
    expect(got).toEqual(want);
  }, 120_000);
});

describe('readPdf: --ocr modes', () => {
  test("'never' (the default here) keeps the refusal of a scanned PDF", async () => {
    const err = await readPdf(PROJECT_SCAN, bytes(PROJECT_SCAN)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toBe('no text layer: the PDF is scanned images; run OCR first (e.g. ocrmypdf)');
  });

  test("'auto' leaves a page with a text layer alone", async () => {
    const pdf = await readPdf(SHEET_TEXT, bytes(SHEET_TEXT), { ocr: 'auto' });
    expect(pdf.ocr).toBeUndefined();
    expect(pdf.text).toContain('Migraon'); // the text layer, as it is
  });

  test("'always' reads a page that has a text layer by OCR instead, and reports progress", async () => {
    const data = await pdfkitBuffer((doc) => doc.fontSize(16).text('Fonds : Union européenne', 60, 80).text('Projet de réintégration 2016', 60, 110));
    const seen: string[] = [];
    const pdf: PdfText = await readPdf('always.pdf', data, { ocr: 'always', onOcrProgress: (p) => seen.push(`${p.done}/${p.total}`) });
    expect(pdf.ocr?.pages).toEqual([1]);
    expect(pdf.text).toBe('Fonds : Union européenne\nProjet de réintégration 2016');
    expect(seen).toEqual(['0/1', '1/1']);
  }, 60_000);

  test('a scan where OCR finds no text: one line naming the file', async () => {
    const data = await pdfkitBuffer((doc) => doc.rect(80, 120, 200, 12).fill('#999999').rect(80, 300, 3, 3).fill('#555555'));
    const err = await readPdf('blank-scan.pdf', data, { ocr: 'auto' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).path).toBe('blank-scan.pdf');
    expect((err as InputError).message).toBe('no text found: OCR read nothing on 1 scanned page (blank, too faint or not text?)');
  }, 60_000);
});

describe('pageText: Tesseract words to lines', () => {
  const blank = (width: number, height: number): GrayImage => ({ data: new Uint8Array(width * height).fill(255), width, height });
  const word = (text: string, x0: number, x1: number, y0 = 100, y1 = 130, confidence = 95) => ({ text, confidence, bbox: { x0, y0, x1, y1 } });
  const line = (...words: ReturnType<typeof word>[]) => ({
    words,
    bbox: { x0: words[0]!.bbox.x0, y0: Math.min(...words.map((w) => w.bbox.y0)), x1: words[words.length - 1]!.bbox.x1, y1: Math.max(...words.map((w) => w.bbox.y1)) },
  });
  const page = (...lines: ReturnType<typeof line>[]) => [{ paragraphs: [{ lines }] }];

  test('a bullet read as "e", "*" or glued to the word is "•"; a quote is not', () => {
    const img = blank(1000, 400);
    const t = pageText(
      page(line(word('e', 100, 110), word('Lutte', 130, 220)), line(word('*MOTUSE', 100, 220), word(':', 230, 235)), line(word('«Solidarité', 100, 260))),
      img,
    );
    expect(t.text).toBe('• Lutte\n•MOTUSE :\n«Solidarité');
    // a guillemet read with confidence opens a quote; one Tesseract doubts was a bullet
    const q = pageText(page(line(word('«', 100, 110), word('Le', 130, 160), word('projet', 170, 260), word('»', 270, 280))), img);
    expect(q.text).toBe('« Le projet »');
    const b = pageText(page(line(word('»', 100, 110, 100, 130, 26), word('Migration', 130, 300))), img);
    expect(b.text).toBe('• Migration');
  });

  test('marks in the margin, far from their line, are left out; so are lines of noise', () => {
    const t = pageText(page(line(word('Fonds', 100, 180), word(':', 190, 195), word('UE', 205, 240), word('=', 900, 915)), line(word('a.', 300, 310, 200, 230, 40), word('+', 330, 340, 200, 230, 50))), blank(1000, 400));
    expect(t.text).toBe('Fonds : UE');
    expect(t.words).toBe(3);
    expect(t.confidence).toBe(95);
  });

  test('a dropped bullet is found in the image: one round blob left of the line', () => {
    const img = blank(1000, 400);
    for (let y = 110; y < 120; y++) for (let x = 70; x < 80; x++) img.data[y * 1000 + x] = 0; // a dot 10 px wide, line 30 px high
    const l = line(word('Action', 100, 200), word('transnationale', 210, 400));
    expect(bulletBefore(l.words[0]!, l, img)).toBe(true);
    expect(pageText(page(l), img).text).toBe('• Action transnationale');
    // a dash (wider than high) or nothing is no bullet
    const dash = blank(1000, 400);
    for (let y = 114; y < 117; y++) for (let x = 60; x < 80; x++) dash.data[y * 1000 + x] = 0;
    expect(bulletBefore(l.words[0]!, l, dash)).toBe(false);
    expect(bulletBefore(l.words[0]!, l, blank(1000, 400))).toBe(false);
  });

  test('vertical text in a margin is found as a strip; a solid bar, a band across the page or words read are not', () => {
    const img = blank(1000, 1400);
    const ink = (x0: number, x1: number, y0: number, y1: number, every = 1) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if ((x + y) % every === 0) img.data[y * 1000 + x] = 0;
    };
    ink(0, 1000, 0, 60); // a dark band across the top (a header bar)
    ink(910, 915, 100, 1300); // a solid rule
    ink(940, 960, 400, 900, 3); // "letters": a third of the pixels
    expect(verticalStrips(img, [])).toEqual([{ x0: 938, y0: 400, x1: 962, y1: 900 }]);
    expect(verticalStrips(img, [{ x0: 945, y0: 500, x1: 955, y1: 520 }])).toEqual([]);
  });
});

describe('iom ingest --ocr', () => {
  const t = tempDir('iom-ocr-');
  afterAll(t.cleanup);

  test('never: the scan is refused as before; auto (default): stored, and the source says OCR and its confidence', () => {
    const never = iom(['ingest', '--ocr', 'never', PROJECT_SCAN], { db: t.db });
    expect(never.code).toBe(1);
    expect(never.stderr).toContain('iom-project-sheet-en-scan.pdf: no text layer: the PDF is scanned images; run OCR first (e.g. ocrmypdf)');
    const auto = iom(['ingest', PROJECT_SCAN], { db: t.db });
    expect(auto.code).toBe(0);
    expect(auto.stderr).toMatch(/\+ fixtures\/ocr\/iom-project-sheet-en-scan\.pdf: project sheet, 1 record, \d+ repairs?; OCR: 1 page, confidence (8|9)\d%/);
    expect(auto.stderr).not.toContain('OCR fixtures'); // no progress bar off a terminal
    const sources = JSON.parse(iom(['sources', '--json'], { db: t.db }).stdout) as { ocr_pages: number | null; ocr_confidence: number | null }[];
    expect(sources).toHaveLength(1);
    expect(sources[0]!.ocr_pages).toBe(1);
    expect(sources[0]!.ocr_confidence).toBeGreaterThan(80);
  }, 120_000);

  test('--ocr takes auto, always or never', () => {
    const r = iom(['ingest', '--ocr', 'sometimes', PROJECT_SCAN], { db: t.db });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--ocr/);
  });
});

describe('eval:ocr scoring (scripts/eval-ocr-lib.mjs)', () => {
  test('words right: a bag of words, line-end hyphens joined, apostrophe styles alike, accents count', async () => {
    const { wordsRight } = await import('../../scripts/eval-ocr-lib.mjs');
    const r = wordsRight('Le contexte migra-\nteur, l’OIM à Rabat.', "Le contexte migrateur l'OIM a Rabat bruit");
    expect(r).toMatchObject({ truth: 6, matched: 5, missed: [['à', 1]] });
    expect(r.right).toBeCloseTo(5 / 6);
    expect(r.extra).toBeCloseTo(2 / 6);
  });
});
