#!/usr/bin/env node
// Writes the PDF fixtures (fixtures/pdf/) and the bad-input fixtures (fixtures/bad/).
// Run with `npm run fixtures:pdf`. The outputs are committed, so CI never runs this script;
// it needs pdfkit (dev dependency) and the DejaVu fonts (Debian: fonts-dejavu-core), which
// are embedded (subset) into the PDFs. See fixtures/README.md for what each file is.
//
// The main fixture reproduces the real "Fiche d'activités OIM Maroc" (seed 003): its text
// layer has lost every "ti" and "tt" (in the real file those are ligature glyphs with no
// Unicode mapping), so extracted text reads "Migraon", "lue contre la traite".
// Here each "ti"/"tt" is drawn as vector outlines (the glyph paths of the same font, at
// the position and advance the text would have), not as text. See drawLine() for how the
// text layer is kept free of the gap those letters leave.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED = path.join(ROOT, 'fixtures/seeds/003_905411b0d1b2955d.txt');
const SEED_SHEET = path.join(ROOT, 'fixtures/seeds/000_7d4a42574226c896.txt');
const OUT_PDF = path.join(ROOT, 'fixtures/pdf');
const OUT_BAD = path.join(ROOT, 'fixtures/bad');
const FIXED_DATE = new Date(Date.UTC(2015, 5, 1, 9, 0, 0)); // deterministic output

// ---------------------------------------------------------------------------------------------
// Fonts

function findFont(file, pattern) {
  const dirs = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/local/share/fonts'];
  for (const d of dirs) {
    const p = path.join(d, file);
    if (fs.existsSync(p)) return p;
  }
  try {
    const p = execFileSync('fc-match', ['-f', '%{file}', pattern], { encoding: 'utf8' }).trim();
    if (p && path.basename(p) === file && fs.existsSync(p)) return p;
  } catch {
    // fc-match missing: fall through
  }
  throw new Error(`font ${file} not found: install it (Debian: apt-get install fonts-dejavu-core)`);
}

const FONT_FILES = {
  regular: findFont('DejaVuSans.ttf', 'DejaVu Sans:style=Book'),
  bold: findFont('DejaVuSans-Bold.ttf', 'DejaVu Sans:style=Bold'),
  // The running header is set in another face: in the real file it kept its "ti"
  // ("Fiche d’activités OIM Maroc" is intact in the damaged text layer).
  header: findFont('DejaVuSans-Oblique.ttf', 'DejaVu Sans:style=Oblique'),
};

const FEATURES = { liga: false, clig: false, dlig: false, calt: false }; // one glyph per character

// ---------------------------------------------------------------------------------------------
// Content: the clean text of seed 003, structured

// Line-break hyphens of the scrape ("par-mi", "Oc-tobre") are joined, except real compounds.
const KEEP_HYPHEN = new Set([
  'Celle-ci',
  'inter-agence',
  'pré-identifiés',
  'au-delà',
  'bien-être',
  'cio-économique', // "so-cio-économique" -> "socio-économique"
]);
const JOIN_UPPER = new Set(['SA-LEMM']);

function dehyphenate(text) {
  return text.replace(/(?<=\p{L})-[ \t]*(?:\n\n)?[ \t]*(?=\p{L})/gu, (m, offset) => {
    const left = text.slice(0, offset).match(/\p{L}+$/u)[0];
    const right = text.slice(offset + m.length).match(/^\p{L}+/u)[0];
    const pair = `${left}-${right}`;
    if (KEEP_HYPHEN.has(pair)) return '-';
    if (/^\p{Lu}/u.test(right) && !JOIN_UPPER.has(pair)) return '-';
    return '';
  });
}

const MONTH = '(?:Janvier|Février|Mars|Avril|Mai|Juin|Juillet|Août|Septembre|Octobre|Novembre|Décembre)';
const PERIOD_RE = new RegExp(`^(.*?)\\s+(${MONTH}\\s+\\d{4}\\s*[–-]\\s*${MONTH}\\s+\\d{4})(?:\\s+(.*))?$`, 'su');
const HEADER = 'Fiche d’activités OIM Maroc';
const SECTIONS = {
  md: 'MIGRATION ET DÉVELOPPEMENT',
  ad: 'ASSISTANCE DIRECTE AUX MIGRANTS',
  aj: 'APPUI À LA JEUNESSE ET DEVELOPPEMENT SOCIAL',
};
// Section of each of the 13 projects, in order (as in the real sheet).
const PROJECT_SECTIONS = ['md', 'md', 'md', 'md', 'ad', 'ad', 'ad', 'ad', 'ad', 'ad', 'ad', 'aj', 'aj'];
// Projects that start a page in the real sheet (0-based; the scrape has a running header before
// them). A break is only made when the current page is already well filled.
const PAGE_STARTS = new Set([0, 1, 3, 4, 8, 11]);
const INTRO_HEADINGS = ['L’Organisation Internationale pour les Migrations', 'L’OIM au Maroc', 'Contexte migratoire marocain'];

function loadContent() {
  const seed = fs.readFileSync(SEED, 'utf8');
  const at = seed.indexOf('Citation preview');
  if (at < 0) throw new Error('seed 003: "Citation preview" not found');
  let t = seed.slice(at + 'Citation preview'.length).trim();
  t = dehyphenate(t);
  // Blocks the scrape ran together.
  t = t.replace('Contexte migratoire marocainLe contexte', 'Contexte migratoire marocain\n\nLe contexte');
  t = t.replace('etc.Actuellement', 'etc. Actuellement');
  t = t.replace(/d’intervention:\s*•\s*/, 'd’intervention:\n\n• ');
  t = t.replace(/pauvreté\.•\s*/, 'pauvreté.\n\n• ');
  t = t.replace(/de traite\.•\s*/, 'de traite.\n\n• ');
  t = t.replace(/irrégulière\. La mission/, 'irrégulière.\n\nLa mission');

  let paras = t.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  // Paragraphs the scrape cut at a page or column end: join when the first does not end a
  // sentence and the next starts in lower case.
  const merged = [];
  for (const p of paras) {
    const prev = merged[merged.length - 1];
    if (prev && !/[.:!?»)]$/u.test(prev) && /^\p{Ll}/u.test(p)) merged[merged.length - 1] = `${prev} ${p}`;
    else merged.push(p);
  }
  paras = merged;

  const sectionNames = new Set(Object.values(SECTIONS));
  const intro = [];
  const projects = [];
  let footer = null;
  let i = 0;
  for (; i < paras.length && paras[i] !== HEADER; i++) intro.push(paras[i]);
  for (; i < paras.length; i++) {
    const p = paras[i];
    if (p === HEADER || sectionNames.has(p)) continue;
    if (p.startsWith('Organisation Internationale pour les Migrations 11,')) {
      footer = paras.slice(i);
      break;
    }
    if (p.startsWith('•')) {
      const m = PERIOD_RE.exec(p);
      const project = { title: m ? m[1] : p, period: m ? m[2] : null, body: [], fonds: null };
      if (m && m[3]) project.body.push(m[3]);
      projects.push(project);
      continue;
    }
    const cur = projects[projects.length - 1];
    if (!cur) throw new Error(`text before the first project: ${p.slice(0, 60)}`);
    if (p.startsWith('Fonds :')) cur.fonds = p;
    else cur.body.push(p);
  }
  if (projects.length !== 13) throw new Error(`expected 13 projects, found ${projects.length}`);
  for (const [k, p] of projects.entries()) {
    if (!p.fonds) throw new Error(`project ${k + 1} has no "Fonds :" line`);
    p.section = PROJECT_SECTIONS[k];
  }
  if (!footer) throw new Error('contact footer not found');
  const contact = footer[0]
    .replace(/»(?=\S)/, '» ')
    .replace(/\s*(?:(?<!\d)(?=\d+, rue)|(?=Tel :|Fax :|Email :))/g, '\n')
    .split('\n')
    .map((s) => s.trim());
  return { intro, projects, contact, thanks: footer.slice(1) };
}

// ---------------------------------------------------------------------------------------------
// Hyphenation (a rough French syllable rule: V-CV, VC-CV, V-CCV for inseparable clusters)

const VOWEL = /[aeiouyàâäéèêëîïôöùûüÿœæ]/i;
const INSEPARABLE = new Set(['bl', 'br', 'cl', 'cr', 'dr', 'fl', 'fr', 'gl', 'gr', 'pl', 'pr', 'tr', 'vr', 'ch', 'ph', 'gn', 'th']);
const isV = (c) => c !== undefined && VOWEL.test(c);
const isC = (c) => c !== undefined && /\p{L}/u.test(c) && !VOWEL.test(c);

/** Break points in a word: [{ at, hyphen }] — prefix is word.slice(0, at) (+ "-" when hyphen). */
function breakPoints(word) {
  const points = [];
  // after an existing hyphen of a compound ("États-Unis"): no hyphen added
  for (let i = 1; i < word.length - 1; i++) {
    if (word[i] === '-' && /\p{L}/u.test(word[i - 1]) && /\p{L}/u.test(word[i + 1])) points.push({ at: i + 1, hyphen: false });
  }
  if (/[\d@/]/.test(word) || !/\p{Ll}/u.test(word)) return points;
  const m = /^([^\p{L}]*(?:\p{L}{1,2}[’'])?)(\p{L}+)([^\p{L}]*)$/u.exec(word);
  if (!m) return points;
  const start = m[1].length;
  const core = m[2];
  if (core.length < 6 || /\p{Lu}.*\p{Lu}/u.test(core)) return points;
  for (let i = 2; i <= core.length - 3; i++) {
    const a = core[i - 2], b = core[i - 1], c = core[i], d = core[i + 1];
    let ok = false;
    if (isV(b) && isC(c) && isV(d) && !(b.toLowerCase() === 'u' && a.toLowerCase() === 'q')) ok = true; // V-CV
    if (isV(a) && isC(b) && isC(c) && isV(d) && !INSEPARABLE.has((b + c).toLowerCase())) ok = true; // VC-CV
    if (isV(b) && isC(c) && isC(d) && INSEPARABLE.has((c + d).toLowerCase()) && isV(core[i + 2])) ok = true; // V-CCV
    if (c.toLowerCase() === 'x' || b.toLowerCase() === 'x') ok = false;
    if (ok) points.push({ at: start + i, hyphen: true });
  }
  return points.sort((x, y) => x.at - y.at);
}

// ---------------------------------------------------------------------------------------------
// Layout

const A4 = { w: 595.28, h: 841.89 };
const BODY = { x: 64, w: 452, top: 90, bottom: 784, size: 9.4 };
const BLUE = '#0b3c8c';
const TEXT = '#1f1f1f';
const K = 10; // anamorphic text matrix factor, see drawLine()

class Layout {
  constructor(doc, { hyphenChar }) {
    this.doc = doc;
    this.hyphenChar = hyphenChar;
    this.fonts = {};
    for (const [name, file] of Object.entries(FONT_FILES)) {
      doc.font(file);
      this.fonts[name] = doc._font;
    }
  }

  width(font, size, s) {
    return font.widthOfString(s, size, FEATURES);
  }

  /** Break a paragraph (runs of { text, font, color }) into lines of words. */
  breakLines(runs, { size, width, hang = 0, hyphenate = true }) {
    const words = [];
    for (const r of runs) {
      for (const w of r.text.split(/ +/).filter(Boolean)) words.push({ text: w, font: r.font, color: r.color });
    }
    const lines = [];
    let line = [];
    let lineW = 0;
    const avail = () => width - (lines.length > 0 ? hang : 0);
    const wordW = (w) => this.width(this.fonts[w.font], size, w.text);
    const space = (w) => this.width(this.fonts[w.font], size, ' ');
    const queue = [...words];
    while (queue.length) {
      const w = queue.shift();
      const add = (line.length ? space(w) : 0) + wordW(w);
      if (lineW + add <= avail() || line.length === 0) {
        line.push(w);
        lineW += add;
        continue;
      }
      // Does not fit: hyphenate now and then (when leaving the line as it is would leave a gap).
      const slack = avail() - lineW;
      let split = null;
      if (hyphenate && slack > 3 * space(w)) {
        for (const bp of breakPoints(w.text).reverse()) {
          const head = w.text.slice(0, bp.at) + (bp.hyphen ? this.hyphenChar : '');
          const tail = w.text.slice(bp.at);
          if (tail.replace(/[^\p{L}]/gu, '').length < 3) continue;
          if (lineW + space(w) + this.width(this.fonts[w.font], size, head) <= avail()) {
            split = { head, tail };
            break;
          }
        }
      }
      if (split) {
        line.push({ ...w, text: split.head });
        queue.unshift({ ...w, text: split.tail });
      } else {
        queue.unshift(w);
      }
      lines.push(line);
      line = [];
      lineW = 0;
    }
    if (line.length) lines.push(line);
    return lines;
  }

  /**
   * Draw one line of words at (x, baseline). Every "ti" and "tt" is drawn as glyph outlines
   * (fill), the other characters as text. mode 'outlines' draws every glyph as outlines
   * (a page with no text layer).
   *
   * The gap those outlines leave in the text would make pdf.js (and so pdf-parse) insert a
   * space ("Migra on"): it adds one whenever the next glyph starts more than 0.102 x font size
   * after the previous one, measured in text space divided by the text matrix's horizontal
   * scale. In the real file there is no gap (the ligature glyph is in the text stream with no
   * Unicode). To get the same text layer, each text run uses an anamorphic text matrix
   * [K 0 0 1 x y] with horizontal scaling Tz = 100/K: glyphs are drawn exactly as usual (same
   * size, same advances) but, for pdf.js, gaps shrink K times, so a "ti" gap reads as no space.
   * Real spaces are space glyphs, so words stay apart. (Poppler's pdftotext measures in device
   * space and does see the gap: this fixture reproduces the real text layer for pdf.js only.)
   */
  drawLine(words, { x, baseline, size, width, justify, mode = 'ligatures' }) {
    const doc = this.doc;
    // segments: consecutive words of one style, joined by single spaces
    const segs = [];
    for (const [i, w] of words.entries()) {
      const last = segs[segs.length - 1];
      const sep = i > 0 ? ' ' : '';
      if (last && last.font === w.font && last.color === w.color) last.text += sep + w.text;
      else {
        if (last && sep) last.text += sep;
        segs.push({ font: w.font, color: w.color, text: w.text });
      }
    }
    let natural = 0;
    let spaces = 0;
    for (const s of segs) {
      natural += this.width(this.fonts[s.font], size, s.text);
      spaces += (s.text.match(/ /g) || []).length;
    }
    const extra = justify && spaces > 0 ? Math.max(0, (width - natural) / spaces) : 0;

    // One text object per line: a single Tm at the line start, one TJ per segment; the glyphs
    // drawn as outlines are replaced in the TJ by a numeric adjustment of the same advance, so
    // pdf.js keeps the line as one text item (no tab or space where the outlines are).
    const ops = [`BT ${num(100 / K)} Tz ${K} 0 0 1 ${num(x)} ${num(A4.h - baseline)} Tm`];
    const paths = [];
    let cx = x;
    for (const s of segs) {
      const font = this.fonts[s.font];
      const [encoded, positions] = font.encode(s.text, FEATURES);
      const { glyphs } = font.font.layout(s.text, FEATURES);
      const chars = [...s.text];
      if (glyphs.length !== chars.length || encoded.length !== chars.length) {
        throw new Error(`glyphs do not map 1:1 to characters in "${s.text}"`);
      }
      const outline = chars.map(() => mode === 'outlines');
      if (mode === 'ligatures') {
        for (let j = 0; j < chars.length - 1; j++) {
          if (chars[j] === 't' && (chars[j + 1] === 'i' || chars[j + 1] === 't')) {
            outline[j] = outline[j + 1] = true;
            j++;
          }
        }
      }
      const parts = [];
      let pending = 0; // adjustment (thousandths of text space) to write before the next glyph
      for (let j = 0; j < chars.length; j++) {
        const pos = positions[j];
        const isSpace = chars[j] === ' ';
        const extraUnits = isSpace ? (extra * 1000) / size : 0;
        if (outline[j]) {
          paths.push({ glyph: glyphs[j], font, color: s.color, x: cx + (pos.xOffset * size) / 1000 });
          pending += pos.xAdvance + extraUnits;
        } else {
          if (Math.abs(pending) > 1e-6) parts.push(num(-pending));
          pending = 0;
          parts.push(`<${encoded[j]}>`);
          pending += pos.xAdvance - pos.advanceWidth + extraUnits;
        }
        cx += (pos.xAdvance * size) / 1000 + (isSpace ? extra : 0);
      }
      if (Math.abs(pending) > 1e-6) parts.push(num(-pending));
      if (!parts.some((p) => p.startsWith('<'))) {
        // nothing left as text in this segment: just move the text position
        if (parts.length) ops.push(`/${font.id} ${num(size)} Tf [<> ${parts.join(' ')}] TJ`);
      } else {
        ops.push(`${rgb(s.color)} rg /${font.id} ${num(size)} Tf [${parts.join(' ')}] TJ`);
      }
      if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
    }
    ops.push('ET');
    for (const p of paths) {
      const scale = size / p.font.font.unitsPerEm;
      doc.save();
      doc.transform(scale, 0, 0, -scale, p.x, baseline);
      doc.path(p.glyph.path.toSVG()).fill(p.color);
      doc.restore();
    }
    if (mode !== 'outlines') doc.addContent(`q 1 0 0 -1 0 ${num(A4.h)} cm ${ops.join(' ')} Q`);
    return cx;
  }
}

function rgb(hex) {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255].map((c) => num(c / 255)).join(' ');
}

function num(n) {
  return (Math.round(n * 1000) / 1000).toString();
}

// ---------------------------------------------------------------------------------------------
// The activity sheet

function paragraphBlocks(L, content) {
  const blocks = [];
  const P = (runs, o = {}) => {
    const size = o.size ?? BODY.size;
    const width = BODY.w - (o.indent ?? 0);
    const lines = L.breakLines(runs, { size, width, hang: o.hang ?? 0, hyphenate: o.hyphenate ?? true });
    blocks.push({
      lines,
      size,
      leading: o.leading ?? size * 1.34,
      indent: o.indent ?? 0,
      hang: o.hang ?? 0,
      justify: o.justify ?? true,
      before: o.before ?? 0,
      keepWithNext: o.keepWithNext ?? 0,
      section: o.section ?? null,
      newPage: o.newPage ?? false,
      width,
    });
  };
  const R = (text, color = TEXT) => ({ text, font: 'regular', color });
  const B = (text, color = TEXT) => ({ text, font: 'bold', color });

  // Intro page
  for (const p of content.intro) {
    if (INTRO_HEADINGS.includes(p)) {
      P([B(p, BLUE)], { size: 12.5, before: blocks.length ? 12 : 0, keepWithNext: 2, justify: false, hyphenate: false });
    } else if (p.startsWith('• ')) {
      const m = /^• ([^:]+ :)(.*)$/u.exec(p);
      const bulletW = L.width(L.fonts.regular, BODY.size, '• ');
      P([R('•'), B(m[1]), R(m[2])], { before: 3, hang: bulletW, indent: 10 });
    } else {
      P([R(p)], { before: 5 });
    }
  }
  // Projects
  let section = null;
  for (const [pi, pr] of content.projects.entries()) {
    const newSection = pr.section !== section;
    section = pr.section;
    const titleRuns = [B(pr.title, BLUE)];
    if (pr.period) titleRuns.push(R(pr.period, '#555555'));
    const bulletW = L.width(L.fonts.bold, 10.4, pr.title.startsWith('• ') ? '• ' : '•');
    P(titleRuns, { size: 10.4, before: newSection ? 0 : 16, keepWithNext: 3, hang: bulletW, justify: false, section, newPage: newSection || PAGE_STARTS.has(pi) });
    for (const [k, b] of pr.body.entries()) P([R(b)], { before: k === 0 ? 5 : 5, section });
    const fm = /^(Fonds :)(.*)$/u.exec(pr.fonds);
    P([B(fm[1]), R(fm[2])], { before: 5, justify: false, hyphenate: false, section });
  }
  return blocks;
}

function paginate(blocks) {
  const pages = [];
  let page = null;
  let y = 0;
  const newPage = () => {
    page = { items: [], sections: new Set() };
    pages.push(page);
    y = pages.length === 1 ? 150 : BODY.top;
  };
  newPage();
  for (const [bi, b] of blocks.entries()) {
    if (b.newPage && page.items.length && (b.section !== page.lastSection || y - BODY.top > 0.55 * (BODY.bottom - BODY.top))) newPage();
    let before = page.items.length ? b.before : 0;
    // keep a title/heading with the first lines of what follows
    const need = b.lines.length * b.leading + (b.keepWithNext ? b.keepWithNext * (blocks[bi + 1]?.leading ?? b.leading) : 0);
    if (b.keepWithNext && y + before + need > BODY.bottom) {
      newPage();
      before = 0;
    }
    y += before;
    for (const [li, line] of b.lines.entries()) {
      if (y + b.leading > BODY.bottom) {
        newPage();
      }
      y += b.leading;
      page.items.push({ line, block: b, last: li === b.lines.length - 1, first: li === 0, baseline: y - b.leading * 0.28 });
      if (b.section) {
        page.sections.add(b.section);
        page.lastSection = b.section;
      }
    }
  }
  if (process.env.DEBUG_LAYOUT) {
    for (const [i, p] of pages.entries()) {
      const last = p.items[p.items.length - 1];
      console.log(`page ${i + 1}: ${p.items.length} lines, bottom ${last ? Math.round(last.baseline) : '-'}`);
    }
  }
  return pages;
}

function drawHeader(doc, L, cover) {
  const h = cover ? 118 : 52;
  doc.save();
  doc.rect(0, 0, A4.w, h).fill(BLUE);
  doc.rect(0, h, A4.w, 3).fill('#5b92e5');
  if (cover) {
    // a logo placeholder: a globe-like emblem, vector only
    doc.lineWidth(2).circle(BODY.x + 30, 58, 28).stroke('#ffffff');
    doc.lineWidth(1.2).ellipse(BODY.x + 30, 58, 12, 28).stroke('#ffffff');
    doc.moveTo(BODY.x + 2, 58).lineTo(BODY.x + 58, 58).stroke('#ffffff');
  }
  doc.restore();
  doc.font(FONT_FILES.header).fontSize(cover ? 20 : 11).fillColor('#ffffff');
  doc.text(HEADER, cover ? BODY.x + 80 : BODY.x, cover ? 48 : 21, { lineBreak: false });
}

function drawSideLabel(doc, label) {
  const x = A4.w - 46;
  const top = 150;
  const bottom = BODY.bottom;
  doc.save();
  doc.rect(x, top, 24, bottom - top).fill('#dfe8f7');
  doc.rect(x, top, 3, bottom - top).fill(BLUE);
  doc.restore();
  doc.save();
  doc.font(FONT_FILES.bold).fontSize(8.5).fillColor(BLUE);
  const w = doc.widthOfString(label);
  const cx = x + 16;
  const cy = bottom - ((bottom - top) - w) / 2;
  doc.rotate(-90, { origin: [cx, cy] });
  doc.text(label, cx, cy - 6, { lineBreak: false });
  doc.restore();
}

/** A photo placeholder (vector shapes only, no text), as the real sheet has photos. */
function drawPhoto(doc, top, bottom) {
  const x = BODY.x;
  const w = BODY.w;
  const h = bottom - top;
  doc.save();
  doc.rect(x, top, w, h).fill('#c9d6e3');
  doc.circle(x + w * 0.78, top + h * 0.28, h * 0.1).fill('#f1e3b5');
  doc.polygon([x, bottom], [x + w * 0.3, top + h * 0.35], [x + w * 0.55, bottom]).fill('#8aa17a');
  doc.polygon([x + w * 0.35, bottom], [x + w * 0.68, top + h * 0.5], [x + w, bottom]).fill('#6f8a63');
  doc.restore();
}

function drawContactPage(doc, L, content) {
  let y = 300;
  const size = 10;
  for (const [i, line] of content.contact.entries()) {
    const words = line.split(' ').map((text) => ({ text, font: i === 0 ? 'bold' : 'regular', color: i === 0 ? BLUE : TEXT }));
    L.drawLine(words, { x: BODY.x, baseline: y, size: i === 0 ? 11.5 : size, width: BODY.w, justify: false });
    y += i === 0 ? 20 : 15;
  }
  y += 40;
  for (const t of content.thanks) {
    L.drawLine(t.split(' ').map((text) => ({ text, font: 'bold', color: BLUE })), { x: BODY.x, baseline: y, size: 11, width: BODY.w, justify: false });
    y += 22;
  }
  // donor logos: grey boxes, no text
  doc.save();
  for (let r = 0; r < 2; r++) {
    for (let c = 0; c < 4; c++) {
      doc.roundedRect(BODY.x + c * 112, y + r * 62, 96, 46, 4).fill(['#d9d9d9', '#cfd8e3', '#e3dccf', '#d5e3cf'][(r + c) % 4]);
    }
  }
  doc.restore();
}

function renderSheet(content, { hyphenChar }) {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: {
      Title: HEADER,
      Author: 'OIM Maroc',
      Subject: 'Fixture iom: reproduit le texte et la mise en page de la fiche d’activités',
      Creator: 'iom scripts/make-fixture-pdfs.mjs',
      Producer: 'pdfkit',
      CreationDate: FIXED_DATE,
      ModDate: FIXED_DATE,
    },
    lang: 'fr-FR',
  });
  doc.addPage();
  const L = new Layout(doc, { hyphenChar });
  const pages = paginate(paragraphBlocks(L, content));
  for (const [pi, page] of pages.entries()) {
    if (pi > 0) doc.addPage();
    drawHeader(doc, L, pi === 0);
    for (const it of page.items) {
      const b = it.block;
      const x = BODY.x + b.indent + (it.first ? 0 : b.hang);
      L.drawLine(it.line, {
        x,
        baseline: it.baseline,
        size: b.size,
        width: b.width - (it.first ? 0 : b.hang),
        justify: b.justify && !it.last,
      });
    }
    const [sec] = [...page.sections];
    const lastBaseline = page.items.length ? page.items[page.items.length - 1].baseline : BODY.top;
    if (pi > 0 && BODY.bottom - lastBaseline > 220) drawPhoto(doc, lastBaseline + 28, Math.min(BODY.bottom, lastBaseline + 300));
    if (sec) drawSideLabel(doc, SECTIONS[sec]);
  }
  doc.addPage();
  drawHeader(doc, L, false);
  drawContactPage(doc, L, content);
  return finish(doc);
}

function finish(doc) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

// ---------------------------------------------------------------------------------------------
// Bad inputs

/** Deterministic pseudo-random bytes (xorshift32). */
function pseudoRandom(n, seed) {
  const out = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A small valid PNG (RGB, 8 bit). pixel(x, y) -> [r, g, b] */
function makePng(width, height, pixel) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      const o = y * (width * 3 + 1) + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
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
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal zip archive with stored (uncompressed) entries. */
function makeZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  // DOS time/date of FIXED_DATE: 2015-06-01 09:00
  const dosTime = (9 << 11) | (0 << 5) | 0;
  const dosDate = ((2015 - 1980) << 9) | (6 << 5) | 1;
  for (const { name, data } of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // flags: UTF-8 names
    local.writeUInt16LE(0, 8); // method: stored
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CP1252_EXTRA = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
  'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
  '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};
function encodeCp1252(s) {
  const out = [];
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (CP1252_EXTRA[ch] !== undefined) out.push(CP1252_EXTRA[ch]);
    else if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out.push(c);
    else throw new Error(`not encodable in Windows-1252: ${ch} U+${c.toString(16)}`);
  }
  return Buffer.from(out);
}

async function renderNoTextLayer(content) {
  const doc = new PDFDocument({ size: 'A4', margin: 0, info: { Title: 'Scan', Producer: 'pdfkit', CreationDate: FIXED_DATE } });
  const L = new Layout(doc, { hyphenChar: '-' });
  // Page 1: the intro, every glyph drawn as outlines (like a PDF whose text was "converted to curves").
  const blocks = paragraphBlocks(L, { ...content, projects: [] }).slice(0, 6);
  let y = 80;
  for (const b of blocks) {
    y += b.before;
    for (const [li, line] of b.lines.entries()) {
      y += b.leading;
      L.drawLine(line, {
        x: BODY.x + b.indent + (li ? b.hang : 0),
        baseline: y,
        size: b.size,
        width: b.width - (li ? b.hang : 0),
        justify: b.justify && li < b.lines.length - 1,
        mode: 'outlines',
      });
    }
  }
  // Page 2: a "scanned" page: one grey raster image with dark bars for lines of text.
  doc.addPage();
  const png = makePng(298, 421, (x, yy) => {
    const line = Math.floor(yy / 12);
    const end = line % 6 === 5 ? 150 + ((line * 53) % 90) : 268 - ((line * 7) % 5);
    const wordGap = (x + line * 13) % 31 < 3;
    const inLine = yy > 40 && yy < 390 && yy % 12 < 5 && x > 30 && x < end && !wordGap;
    const noise = ((x * 7919 + yy * 104729) % 23) - 11;
    const v = inLine ? 60 + noise : 236 + (noise >> 2);
    return [v, v, v - 4];
  });
  doc.image(png, 0, 0, { width: A4.w, height: A4.h });
  return finish(doc);
}

async function renderEncrypted(content) {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 64,
    userPassword: 'oim-maroc',
    ownerPassword: 'proprietaire',
    pdfVersion: '1.4', // RC4 128-bit: no random IVs, so the file is the same at each run
    permissions: { printing: 'highResolution' },
    info: { Title: HEADER, Producer: 'pdfkit', CreationDate: FIXED_DATE },
  });
  doc.font(FONT_FILES.bold).fontSize(14).text(INTRO_HEADINGS[0]);
  doc.moveDown();
  doc.font(FONT_FILES.regular).fontSize(10).text(content.intro[1], { align: 'justify' });
  return finish(doc);
}

function errorPageHtml() {
  return `<!DOCTYPE html>
<html lang="fr" dir="ltr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>Page introuvable | OIM Maroc</title>
  <link rel="canonical" href="https://morocco.iom.int/fr/404">
  <meta name="robots" content="noindex">
</head>
<body class="path-not-found page-404">
<a href="#main-content" class="visually-hidden focusable skip-link">Aller au contenu principal</a>
<header class="site-header" role="banner">
  <div class="site-branding"><a href="/fr" rel="home"><img src="/themes/custom/iom/logo.svg" alt="OIM - ONU Migration"></a></div>
  <nav class="language-switcher" aria-label="Langue"><ul><li><a href="/en/404" hreflang="en">English</a></li><li class="is-active"><a href="/fr/404" hreflang="fr">Français</a></li><li><a href="/ar/404" hreflang="ar">العربية</a></li></ul></nav>
  <form class="search-block-form" action="/fr/search/node" method="get"><label for="edit-keys">Rechercher</label><input type="search" id="edit-keys" name="keys"><input type="submit" value="Rechercher"></form>
  <nav class="main-menu" role="navigation" aria-label="Menu principal">
    <ul>
      <li><a href="/fr/qui-sommes-nous">Qui sommes nous</a>
        <ul>
          <li><a href="/fr/structure">Structure</a></li>
          <li><a href="/fr/structure-organisationnelle">Structure organisationnelle</a></li>
          <li><a href="/fr/directrice-generale">Directrice générale</a></li>
          <li><a href="/fr/bureau-du-chef-de-cabinet">Bureau du Chef de Cabinet</a></li>
        </ul>
      </li>
      <li><a href="/fr/notre-travail">Notre travail</a>
        <ul>
          <li><a href="/fr/ce-que-nous-faisons">Ce que nous faisons</a></li>
          <li><a href="/fr/partenariats">Partenariats</a></li>
        </ul>
      </li>
      <li><a href="/fr/ou-travaillons-nous">Où travaillons-nous</a></li>
      <li><a href="/fr/agir">Agir</a>
        <ul>
          <li><a href="/fr/travailler-avec-nous">Travailler avec nous</a></li>
          <li><a href="/fr/engagez-vous">Engagez-vous</a></li>
        </ul>
      </li>
      <li><a href="/fr/donnees-et-recherche">Données et recherche</a></li>
      <li><a href="/fr/2030-agenda">2030 AGENDA</a></li>
    </ul>
  </nav>
</header>
<nav class="breadcrumb" aria-label="Fil d'Ariane"><ol><li><a href="/fr">Accueil</a></li><li>Page introuvable</li></ol></nav>
<main id="main-content" role="main">
  <div class="region region-content">
    <h1 class="page-title">404 Page introuvable</h1>
    <div class="error-message">
      <p>Désolé, la page que vous recherchez n’existe pas ou a été déplacée.</p>
      <p>Vous pouvez revenir à la <a href="/fr">page d’accueil</a> ou utiliser la recherche ci-dessus.</p>
    </div>
  </div>
</main>
<footer class="site-footer" role="contentinfo">
  <nav aria-label="Pied de page"><ul>
    <li><a href="/fr/contactez-nous">Contactez-nous</a></li>
    <li><a href="/fr/offres-demploi">Offres d'emploi</a></li>
    <li><a href="/fr/medias">Médias</a></li>
    <li><a href="/fr/avis-de-confidentialite">Avis de confidentialité</a></li>
    <li><a href="/fr/conditions-dutilisation">Conditions d'utilisation</a></li>
  </ul></nav>
  <ul class="social"><li><a href="https://twitter.com/OIM_Maroc">Twitter</a></li><li><a href="https://www.facebook.com/IOMMorocco">Facebook</a></li></ul>
  <p class="copyright">© Organisation internationale pour les migrations</p>
</footer>
</body>
</html>
`;
}

function windows1252Text() {
  const seed = fs.readFileSync(SEED_SHEET, 'utf8');
  const at = seed.indexOf('Autonomisation des femmes');
  if (at < 0) throw new Error('seed 000: project title not found');
  // The project sheet part of seed 000: title, label/value fields, description. CRLF line ends.
  const text = seed.slice(at).trim().replace(/\n/g, '\r\n') + '\r\n';
  return encodeCp1252(text);
}

function invalidUtf8Text(content) {
  // UTF-8 French text with a few invalid byte sequences: a lone continuation byte, a truncated
  // 2-byte sequence, an 0xFF byte and an overlong encoding. A reader should decode it as UTF-8,
  // replace each bad sequence with U+FFFD, and warn; it must not switch to Windows-1252.
  const p = content.projects[1];
  const parts = [
    Buffer.from(`${p.title} ${p.period}\n\n`, 'utf8'),
    Buffer.from(p.body[0].slice(0, 120), 'utf8'),
    Buffer.from([0x80]), // lone continuation byte
    Buffer.from(p.body[0].slice(120, 260), 'utf8'),
    Buffer.from([0xc3, 0x20]), // truncated 2-byte sequence (é cut), then a space
    Buffer.from(p.body[0].slice(260), 'utf8'),
    Buffer.from('\n\nFonds : Pays-Bas ', 'utf8'),
    Buffer.from([0xff]), // never valid in UTF-8
    Buffer.from([0xc0, 0xaf]), // overlong "/"
    Buffer.from('\n', 'utf8'),
  ];
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  fs.mkdirSync(OUT_PDF, { recursive: true });
  fs.mkdirSync(OUT_BAD, { recursive: true });
  const content = loadContent();
  const write = (dir, name, buf) => {
    fs.writeFileSync(path.join(dir, name), buf);
    console.log(`wrote ${path.relative(ROOT, path.join(dir, name))} (${buf.length} bytes)`);
  };

  const good = await renderSheet(content, { hyphenChar: '-' });
  write(OUT_PDF, 'fiche-activites-oim-maroc.pdf', good);
  write(OUT_PDF, 'fiche-activites-oim-maroc-softhyphen.pdf', await renderSheet(content, { hyphenChar: '\u2010' }));

  write(OUT_BAD, 'truncated.pdf', good.subarray(0, Math.floor(good.length * 0.4)));
  write(OUT_BAD, 'corrupt.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), pseudoRandom(4096, 20150601)]));
  write(OUT_BAD, 'encrypted.pdf', await renderEncrypted(content));
  write(OUT_BAD, 'no-text-layer.pdf', await renderNoTextLayer(content));
  write(OUT_BAD, 'empty.txt', Buffer.alloc(0));
  write(OUT_BAD, 'image.png', makePng(24, 16, (x, y) => [20 + x * 9, 60 + y * 10, 140]));
  write(
    OUT_BAD,
    'archive.zip',
    makeZip([
      { name: 'fiche-projet.txt', data: Buffer.from(`${content.projects[0].title}\n${content.projects[0].fonds}\n`, 'utf8') },
      { name: 'lisez-moi.txt', data: Buffer.from('Archive de test pour iom.\n', 'utf8') },
    ]),
  );
  write(OUT_BAD, 'invalid-utf8.txt', invalidUtf8Text(content));
  write(OUT_BAD, 'windows-1252.txt', windows1252Text());
  write(OUT_BAD, 'error-page.html', Buffer.from(errorPageHtml(), 'utf8'));
  write(OUT_BAD, 'binary-garbage.txt', pseudoRandom(2048, 404));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
