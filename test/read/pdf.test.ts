import { describe, expect, test, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { InputError } from '../../src/errors.js';
import { closePdfWorkers, livePdfWorkers, readPdf, runWhileNextPdfParses, type PdfText } from '../../src/read/pdf.js';
import { fixture } from '../helpers.js';

const MAIN = fixture('pdf/fiche-activites-oim-maroc.pdf');
const SOFT = fixture('pdf/fiche-activites-oim-maroc-softhyphen.pdf');
const HEADER = 'Fiche d’activités OIM Maroc';
const SECTIONS = ['MIGRATION ET DÉVELOPPEMENT', 'ASSISTANCE DIRECTE AUX MIGRANTS', 'APPUI À LA JEUNESSE ET DEVELOPPEMENT SOCIAL'];

// The start of each project title as the damaged text layer reads it (no "ti", no "tt").
const TITLES = [
  '• L’Intégraon de la Migraon dans les Stratégies Naonales',
  '• Le Retour Temporaire des Naonaux Qualifiés (TRQN)',
  '• Formaon professionnelle et opportunités',
  '• Iniave Conjointe Migraon et Développement',
  '• L’Assistance au Retour Volontaire et à la Réintégraon (AVRR) depuis',
  '• L’Assistance au Retour Volontaire et à la Réintégraon vers',
  '•MOTUSE : Renforcer la durabilité',
  '• Réponse aux besoins des migrants vulnérables',
  '• Lue contre la traite des êtres humains',
  '• Acon transnaonale pour la lue contre la traite',
  '• Promoon de la santé et du bien-être',
  '• Favorable Opportunies to Reinforce',
  '• Solidarité avec les Enfants du Maghreb',
];

const bytes = (p: string) => new Uint8Array(readFileSync(p));

async function reason(p: Promise<unknown>, path: string): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).path).toBe(path);
    const message = (e as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected an InputError');
}

function pdfkitBuffer(draw: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

describe('readPdf: the "Fiche d’activités OIM Maroc" fixture', () => {
  let pdf: PdfText;
  let lines: string[];
  beforeAll(async () => {
    pdf = await readPdf(MAIN, bytes(MAIN));
    lines = pdf.text.split('\n');
  });

  test('the text layer has lost "ti" and "tt", like the real file', () => {
    expect(pdf.text).toContain('L’Organisaon Internaonale pour les Migraons');
    expect(pdf.text).toContain('Migraon');
    expect(pdf.text).toContain('lue contre la traite');
    expect(pdf.text).toContain('Fonds : UE');
    expect(pdf.text).toContain('Fonds : UE & Suisse');
    // no "ti"/"tt" anywhere but in the running header, which (as in the real file) is set in
    // another face and kept its letters
    const damaged = lines.filter((l) => l !== HEADER);
    expect(damaged.filter((l) => /t[it]/.test(l))).toEqual([]);
    // and no space or tab where the letters are missing
    expect(pdf.text).not.toMatch(/Migra[ \t]on/);
    expect(pdf.text).not.toContain('\t');
  });

  test('13 projects, each title on a line starting with "•", each with a "Fonds :" line', () => {
    const bullets = lines.filter((l) => l.startsWith('•'));
    expect(bullets).toHaveLength(16); // 3 axes in the introduction + 13 projects
    for (const t of TITLES) expect(bullets.filter((l) => l.startsWith(t)), t).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('Fonds : '))).toHaveLength(13);
  });

  test('words are hyphenated at line ends, and nothing is joined back', () => {
    const hyphenated = lines.filter((l) => /\p{L}-$/u.test(l));
    expect(hyphenated.length).toBeGreaterThan(20);
    expect(pdf.text.match(/\p{L}-\n\p{Ll}/gu)?.length ?? 0).toBeGreaterThan(20);
  });

  test('pages: one blank line between pages, each page under its running header', () => {
    expect(pdf.pages).toBe(7);
    const pages = pdf.text.split('\n\n');
    expect(pages).toHaveLength(7);
    for (const p of pages) expect(p.split('\n')[0]).toBe(HEADER);
    for (const s of SECTIONS) expect(lines).toContain(s);
    expect(pages[0]).toContain('Contexte migratoire marocain');
    expect(pages[6]).toContain('Tel : +212 (0) 5 37 65 28 81');
    expect(pages[6]).toContain('Nos remerciements à tous nos donateurs :');
    expect(pdf.warnings).toEqual([]);
  });

  test('the caller’s bytes are left as they were', async () => {
    const data = bytes(MAIN);
    const copy = Buffer.from(data);
    await readPdf(MAIN, data);
    expect(data.byteLength).toBe(copy.length);
    expect(Buffer.from(data).equals(copy)).toBe(true);
  });
});

describe('readPdf: the soft-hyphen variant', () => {
  test('line-end breaks are U+2010 (pdf.js drops U+00AD), compounds keep "-"', async () => {
    const pdf = await readPdf(SOFT, bytes(SOFT));
    const lines = pdf.text.split('\n');
    const soft = lines.filter((l) => /\p{L}[\u2010\u00ad]$/u.test(l));
    expect(soft.length).toBeGreaterThan(20);
    expect(lines.filter((l) => /\p{L}-$/u.test(l)).length).toBeLessThan(5);
    expect(pdf.text).toContain('Migraon');
  });
});

describe('readPdf: bad inputs give one-line reasons', () => {
  test.each([
    ['bad/truncated.pdf', /^corrupt or truncated PDF \(.+\)$/],
    ['bad/corrupt.pdf', /^corrupt or truncated PDF \(.+\)$/],
    ['bad/encrypted.pdf', /^encrypted PDF \(password required\)$/],
    ['bad/no-text-layer.pdf', /^no text layer: the PDF is scanned images; run OCR first \(e\.g\. ocrmypdf\)$/],
    ['bad/image.png', /^corrupt or truncated PDF \(no %PDF- header; the file is a PNG image\)$/],
    ['bad/archive.zip', /^corrupt or truncated PDF \(no %PDF- header; the file is a zip archive\)$/],
    ['bad/error-page.html', /^corrupt or truncated PDF \(no %PDF- header; the file looks like HTML\)$/],
    ['bad/empty.txt', /^empty file \(0 bytes\)$/],
  ])('%s', async (name, expected) => {
    const path = fixture(name);
    expect(await reason(readPdf(path, bytes(path)), path)).toMatch(expected);
  });

  test('a PDF that takes too long is stopped, and its thread is gone', async () => {
    await closePdfWorkers();
    expect(livePdfWorkers()).toBe(0);
    expect(await reason(readPdf(MAIN, bytes(MAIN), { timeoutMs: 1 }), MAIN)).toBe('PDF took longer than 0.001 s');
    expect(livePdfWorkers()).toBe(0);
    // a warm thread is stopped too
    await readPdf(MAIN, bytes(MAIN));
    expect(livePdfWorkers()).toBe(1);
    expect(await reason(readPdf(MAIN, bytes(MAIN), { timeoutMs: 5 }), MAIN)).toBe('PDF took longer than 0.005 s');
    expect(livePdfWorkers()).toBe(0);
  });

  test('a PDF that needs too much memory is stopped', async () => {
    expect(await reason(readPdf(MAIN, bytes(MAIN), { maxMemoryMb: 4 }), MAIN)).toBe('PDF needs more than 4 MB of memory to read');
    expect(livePdfWorkers()).toBe(0);
  });

  test('the default time cap is 30 s', async () => {
    const { DEFAULT_PDF_TIMEOUT_MS } = await import('../../src/read/pdf.js');
    expect(DEFAULT_PDF_TIMEOUT_MS).toBe(30_000);
  });

  test('a PDF cut just before its end (no startxref, no %%EOF) is read, with a warning', async () => {
    const data = bytes(MAIN);
    const cut = data.subarray(0, Buffer.from(data).lastIndexOf('startxref'));
    const pdf = await readPdf('cut.pdf', cut);
    expect(pdf.text).toContain('Fonds : UE & Suisse');
    expect(pdf.warnings).toContain('no %%EOF at the end of the file: it may be truncated');
  });

  test('pages without text are named in a warning', async () => {
    const data = await pdfkitBuffer((doc) => {
      doc.fontSize(12).text('Fonds : UE');
      doc.addPage();
      doc.rect(50, 50, 200, 100).fill('#888888');
      doc.addPage();
      doc.text('Fonds : Suisse');
    });
    const pdf = await readPdf('mixed.pdf', data);
    expect(pdf.pages).toBe(3);
    expect(pdf.text).toBe('Fonds : UE\n\nFonds : Suisse');
    expect(pdf.warnings).toEqual(['1 page without text (scanned?): 2']);
  });

  test('work given for the wait runs once, after the PDF is handed over, and its error is ignored', async () => {
    let calls = 0;
    runWhileNextPdfParses(() => {
      calls++;
      throw new Error('not the PDF’s');
    });
    const first = await readPdf(MAIN, bytes(MAIN));
    expect(calls).toBe(1);
    const again = await readPdf(MAIN, bytes(MAIN));
    expect(calls).toBe(1);
    expect(again).toEqual(first);
    // Withdrawn before any PDF took it: never runs.
    runWhileNextPdfParses(() => calls++);
    runWhileNextPdfParses(undefined);
    await readPdf(MAIN, bytes(MAIN));
    expect(calls).toBe(1);
  });

  test('one idle thread is kept for the next PDF, and can be closed', async () => {
    await readPdf(MAIN, bytes(MAIN));
    await readPdf(SOFT, bytes(SOFT));
    expect(livePdfWorkers()).toBe(1);
    await closePdfWorkers();
    expect(livePdfWorkers()).toBe(0);
  });
});
