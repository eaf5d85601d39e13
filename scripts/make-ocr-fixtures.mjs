#!/usr/bin/env node
// Writes the scanned-PDF fixtures of fixtures/ocr/: PDFs with no text layer, each page one
// grayscale image, as a scanner makes them. Run with `npm run fixtures:ocr`. The outputs are
// committed, so CI never runs this script; it needs pdfkit and @napi-rs/canvas (dev
// dependencies) and the DejaVu fonts (Debian: fonts-dejavu-core) for the project sheet.
//
// - fiche-activites-oim-maroc-scan.pdf: the 7 pages of fixtures/pdf/fiche-activites-oim-maroc.pdf,
//   rendered by pdf.js (the same renderer iom uses) at DPI dots per inch, in 16 grey levels.
// - iom-project-sheet-en-scan.pdf: fixtures/text/iom-project-sheet-en.txt from its title on,
//   typeset on one A4 page (label, value, paragraphs; the "-" separator lines left out), then
//   rendered and scanned the same way.
//
// Deterministic: the same bytes on every run (fixed dates, no randomness; the "scan" is a plain
// quantization, no noise), so a rerun shows no diff.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { createCanvas, loadImage } from '@napi-rs/canvas';

const require = createRequire(import.meta.url);
const { PDFParse } = require('pdf-parse');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'fixtures/ocr');
const FIXED_DATE = new Date(Date.UTC(2015, 5, 1, 9, 0, 0));
const A4 = { w: 595.28, h: 841.89 };
/** Scan resolution. 200 dpi in 16 grey levels keeps a page near 100 KB. */
const DPI = 200;
const LEVELS = 16;

function finish(doc) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An 8-bit grayscale PNG ("Up" filter on every row: text pages compress well with it). */
function grayPng(width, height, gray) {
  const stride = width + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 2; // filter: Up
    for (let x = 0; x < width; x++) {
      const v = gray[y * width + x];
      const up = y ? gray[(y - 1) * width + x] : 0;
      raw[y * stride + 1 + x] = (v - up) & 0xff;
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // colour type: grayscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Every page of a PDF as a grayscale PNG at DPI, quantized to LEVELS grey levels. */
async function scanPages(pdfBytes) {
  const parser = new PDFParse({ data: new Uint8Array(pdfBytes), isEvalSupported: false, verbosity: 0 });
  try {
    const shots = await parser.getScreenshot({ scale: DPI / 72, imageBuffer: true, imageDataUrl: false });
    const pages = [];
    for (const shot of shots.pages) {
      const img = await loadImage(Buffer.from(shot.data));
      const canvas = createCanvas(img.width, img.height);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, img.width, img.height);
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, img.width, img.height);
      const gray = new Uint8Array(img.width * img.height);
      const step = 255 / (LEVELS - 1);
      for (let i = 0; i < gray.length; i++) {
        const y = 0.299 * data[i * 4] + 0.587 * data[i * 4 + 1] + 0.114 * data[i * 4 + 2];
        gray[i] = Math.round(Math.round(y / step) * step);
      }
      pages.push(grayPng(img.width, img.height, gray));
    }
    return pages;
  } finally {
    await parser.destroy();
  }
}

/** An image-only PDF: one A4 page per image, nothing else (no text layer). */
async function imagePdf(pngs, title) {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: title, Producer: 'iom scan fixture', CreationDate: FIXED_DATE } });
  for (const png of pngs) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.image(png, 0, 0, { width: A4.w, height: A4.h });
  }
  return finish(doc);
}

function font(file) {
  for (const d of ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu']) {
    const p = path.join(d, file);
    if (fs.existsSync(p)) return p;
  }
  throw new Error(`font ${file} not found: install it (Debian: apt-get install fonts-dejavu-core)`);
}

/**
 * The English project sheet typeset as a printed page: title, then each label in bold with its
 * value below, then the paragraphs. Returns the PDF (with a text layer) and the lines it shows.
 */
async function projectSheetPdf() {
  const text = fs.readFileSync(path.join(ROOT, 'fixtures/text/iom-project-sheet-en.txt'), 'utf8');
  const lines = text.split('\n').map((l) => l.trim());
  const start = lines.indexOf('Strengthening Labour Migration Data Systems in North Africa');
  if (start < 0) throw new Error('project sheet title not found');
  const body = lines.slice(start).filter((l) => l && l !== '-');
  const LABELS = new Set(['Start Date', 'End Date', 'Project Status', 'Project Type', 'Budget Amount (USD)', 'Coverage', 'Year', 'IDF Region', 'Prima ID', 'Projects ID', 'Benefiting Member States']);
  const doc = new PDFDocument({ size: 'A4', margin: 60, info: { Title: body[0], Producer: 'pdfkit', CreationDate: FIXED_DATE } });
  doc.registerFont('regular', font('DejaVuSans.ttf'));
  doc.registerFont('bold', font('DejaVuSans-Bold.ttf'));
  doc.font('bold').fontSize(12).text(body[0], { width: A4.w - 120 });
  doc.moveDown(0.8);
  for (const line of body.slice(1)) {
    if (LABELS.has(line)) {
      doc.font('bold').fontSize(9.5).text(line);
    } else {
      const isValue = line.length < 60;
      doc.font('regular').fontSize(9.5).text(line, { width: A4.w - 120, align: isValue ? 'left' : 'justify' });
      doc.moveDown(isValue ? 0.35 : 0.6);
    }
  }
  return { pdf: await finish(doc), shown: body };
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const write = (name, buf) => {
    fs.writeFileSync(path.join(OUT, name), buf);
    console.log(`wrote ${path.relative(ROOT, path.join(OUT, name))} (${buf.length} bytes)`);
  };
  const sheet = fs.readFileSync(path.join(ROOT, 'fixtures/pdf/fiche-activites-oim-maroc.pdf'));
  write('fiche-activites-oim-maroc-scan.pdf', await imagePdf(await scanPages(sheet), 'Fiche d’activités OIM Maroc (scan)'));
  const project = await projectSheetPdf();
  write('iom-project-sheet-en-scan.pdf', await imagePdf(await scanPages(project.pdf), 'IOM project sheet (scan)'));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
