// Fuzz inputs for iom's pipeline, made by mutating the fixtures. Plain ESM (no TypeScript) so
// the fuzz child process can import it directly.
//
// Input i of seed s depends on (s, i) only: `makeInput(s, i)` gives the same bytes every time,
// on every machine, whatever ran before. To look at one input:
//   node test/robustness/fuzz-gen.mjs <seed> <i> > /tmp/input
import { readFileSync, readdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join, extname } from 'node:path';
import { prng } from '../../scripts/prng.mjs';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export { prng };

let cache;
/** The fixtures that mutations start from, by kind. */
export function bases() {
  if (cache) return cache;
  const load = (dir, keep = () => true) =>
    readdirSync(join(FIXTURES, dir))
      .filter((f) => !f.endsWith('.json') && !f.endsWith('.md') && keep(f))
      .sort()
      .map((f) => ({ name: `${dir}/${f}`, ext: extname(f).slice(1) || 'txt', bytes: readFileSync(join(FIXTURES, dir, f)) }));
  const text = [...load('seeds'), ...load('text'), ...load('bad', (f) => /\.(txt)$/.test(f) && !/empty|garbage/.test(f))];
  const html = [...load('html'), ...load('bad', (f) => f.endsWith('.html'))];
  const pdf = [...load('pdf'), ...load('bad', (f) => f.endsWith('.pdf'))];
  const other = load('bad', (f) => /\.(png|zip)$|empty|garbage/.test(f));
  cache = { text, html, pdf, other, all: [...text, ...html, ...pdf, ...other] };
  return cache;
}

const LABELS = [
  'Date de début', 'Date de fin', 'Statut du projet', 'Type de projet', 'Budget Amount (USD)', 'Couverture', 'Année',
  'IDF Region', 'Prima ID', 'Projet ID', 'Etat(s) membre(s) beneficiaires remplissant les conditions requises',
  'Start Date', 'End Date', 'Project Status', 'Fonds :', 'Bailleur :', 'Partenaires :', 'Durée :', 'Budget :',
];
const VALUES = [
  '2020', '2014-02-30', '31/02/2016', '0000', '9999', 'Février 2014 – Février 2018', 'Achevé', 'En cours', '???',
  '300000.00', '1e400', '-5', '999999999999999999999999999', '1.000.000,00 €', 'USD NaN', 'Maroc', 'Narnia',
  'Union européenne', 'UE, USAID, Suisse, Allemagne, Japon, ', 'null', 'undefined', '__proto__', 'constructor',
  '<script>x</script>', "'; DROP TABLE projects; --", '%s%s%n', '\u202eRTL', 'ﬁnancement', '٣٠٠٠٠٠',
];
const WORDS = (
  'projet migration OIM Maroc migrants réintégration fonds bailleur Union européenne USAID Suisse ' +
  'renforcement capacités jeunes femmes retour volontaire protection traite frontières Oujda Rabat ' +
  'Tanger 2014 2015 2016 2017 2018 • – « » ’ œ é è à ç ﬁ ﬂ ­'
).split(' ');
const TAGS = ['div', 'p', 'span', 'a', 'b', 'i', 'em', 'strong', 'h1', 'h2', 'h3', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'th',
  'section', 'article', 'nav', 'header', 'footer', 'main', 'br', 'hr', 'img', 'time', 'dl', 'dt', 'dd', 'pre', 'code',
  'form', 'select', 'option', 'textarea', 'script', 'style', 'svg', 'math', 'template', 'iframe', 'noscript', 'title',
  'frameset', 'plaintext', 'xmp', 'font', 'nobr', 'marquee', 'object', 'button', 'label', 'head', 'body', 'html'];

const PDF_TOKENS = ['obj', 'endobj', 'stream', 'endstream', 'xref', 'trailer', 'startxref', '%%EOF', '<<', '>>', '[', ']',
  '/Type', '/Catalog', '/Pages', '/Page', '/Kids', '/Count', '/Root', '/Length', '/Filter', '/FlateDecode', '/Encrypt',
  '/Font', '/Contents', '/MediaBox', '/Resources', '/Parent', 'R', '0', '1', '2', '3', '-1', '99999999', '1e308', 'null',
  'true', '(text)', '<4142>', 'BT', 'ET', 'Tj', 'TJ', 'Tf', 'Td', '/ObjStm', '/XRef', '/Prev', '/Size', '/W', '/Index'];

/** The mutations, with weights. PDFs are slow to parse (a worker, pdf.js): their share is kept small. */
const MUTATIONS = [
  ['flip', 14], ['truncate', 8], ['splice', 8], ['nul', 6], ['control', 8], ['hugeline', 5], ['tagsoup', 12],
  ['pdfgarbage', 4], ['lines', 10], ['repeat', 2], ['digits', 6], ['labels', 8], ['unicode', 6], ['encoding', 5],
  ['newlines', 4], ['deephtml', 2], ['stack', 8],
];
const TOTAL_WEIGHT = MUTATIONS.reduce((s, [, w]) => s + w, 0);

function tools(rnd) {
  const int = (n) => Math.floor(rnd() * n);
  const pick = (a) => a[int(a.length)];
  const chance = (p) => rnd() < p;
  return { rnd, int, pick, chance };
}

/** A base file: mostly text and HTML; a PDF one time in 25, another bad file one in 40. */
function pickBase(t) {
  const b = bases();
  const r = t.rnd();
  if (r < 0.04) return t.pick(b.pdf);
  if (r < 0.065) return t.pick(b.other);
  if (r < 0.35) return t.pick(b.html);
  return t.pick(b.text);
}

const utf8 = (b) => b.toString('utf8');
const buf = (s) => Buffer.from(s, 'utf8');

function insertAt(b, at, ins) {
  return Buffer.concat([b.subarray(0, at), ins, b.subarray(at)]);
}

function randomWords(t, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(t.pick(WORDS));
  return out.join(' ');
}

function tagSoup(t, seedText) {
  const depthMax = t.chance(0.1) ? 400 : 40;
  const parts = [];
  if (t.chance(0.5)) parts.push('<!DOCTYPE html>');
  const open = [];
  const n = 50 + t.int(600);
  const lines = seedText.split('\n');
  for (let i = 0; i < n; i++) {
    const r = t.rnd();
    if (r < 0.35 && open.length < depthMax) {
      const tag = t.pick(TAGS);
      const attrs = t.chance(0.3) ? ` class="${t.pick(['field__label', 'field__item', 'x'])}" ${t.chance(0.2) ? `onload="alert(1)"` : ''}` : '';
      parts.push(`<${t.chance(0.1) ? tag.toUpperCase() : tag}${attrs}${t.chance(0.05) ? '/' : ''}>`);
      open.push(tag);
    } else if (r < 0.55 && open.length) {
      const tag = t.chance(0.8) ? open.pop() : t.pick(TAGS); // sometimes a close tag that was never opened
      parts.push(`</${tag}>`);
    } else if (r < 0.85) {
      parts.push(t.chance(0.5) ? t.pick(lines) : t.chance(0.5) ? t.pick(LABELS) : t.pick(VALUES));
    } else if (r < 0.9) {
      parts.push(t.pick(['&amp;', '&eacute;', '&#x0;', '&#xD800;', '&#1114112;', '&nbsp;', '&bogus;', '&#', '&', '<', '>', '<!--', '-->', '<![CDATA[', ']]>', '<?php ?>', '<!', '</', '<a', '"', "'"]));
    } else {
      parts.push(randomWords(t, 1 + t.int(20)));
    }
    if (t.chance(0.3)) parts.push('\n');
  }
  return parts.join('');
}

function pdfGarbage(t) {
  const head = `%PDF-1.${t.int(8)}\n`;
  const kind = t.int(4);
  if (kind === 0) {
    // header + random bytes
    const n = 16 + t.int(8000);
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = t.int(256);
    return Buffer.concat([buf(head), b]);
  }
  if (kind === 1) {
    // header + random PDF tokens
    const out = [head];
    const n = 20 + t.int(3000);
    for (let i = 0; i < n; i++) out.push(t.chance(0.3) ? String(t.int(50)) : t.pick(PDF_TOKENS), t.chance(0.1) ? '\n' : ' ');
    return buf(out.join(''));
  }
  if (kind === 2) {
    // a well-formed skeleton whose objects hold odd values (deep arrays, loops, huge counts, bad streams)
    const odd = [
      '[' .repeat(2000 + t.int(20000)),
      '<< /Type /Pages /Kids [2 0 R] /Count 99999999 >>',
      '<< /Type /Page /Parent 2 0 R /Contents 2 0 R >>',
      `<< /Length ${t.int(1e9)} >>\nstream\n${'x'.repeat(t.int(200))}\nendstream`,
      '<< /Length 10 /Filter /FlateDecode >>\nstream\n\x78\x9cGARBAGE!!\nendstream',
      '<< /Type /Catalog /Pages 1 0 R >>',
      '(' + '\\('.repeat(5000) + ')',
    ];
    const objs = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      t.chance(0.5) ? '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' : t.pick(odd),
      t.chance(0.5) ? '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>' : t.pick(odd),
      t.pick(odd),
    ];
    let body = head;
    const offsets = [];
    objs.forEach((o, i) => {
      offsets.push(body.length);
      body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    return Buffer.from(`${body}${xref}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${body.length}\n%%EOF\n`, 'latin1');
  }
  // a valid PDF with a compressed content stream of random text operators
  const ops = [];
  for (let i = 0; i < 50 + t.int(500); i++) ops.push(`BT /F1 ${1 + t.int(20)} Tf ${t.int(600)} ${t.int(800)} Td (${randomWords(t, 1 + t.int(8)).replace(/[()\\]/g, '')}) Tj ET`);
  const content = deflateSync(Buffer.from(ops.join('\n'), 'latin1'));
  const objs = [
    buf('<< /Type /Catalog /Pages 2 0 R >>'),
    buf('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    buf('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>'),
    Buffer.concat([buf(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`), content, buf('\nendstream')]),
    buf('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
  ];
  const parts = [buf(head)];
  let pos = parts[0].length;
  const offsets = [];
  objs.forEach((o, i) => {
    offsets.push(pos);
    const b = Buffer.concat([buf(`${i + 1} 0 obj\n`), o, buf('\nendobj\n')]);
    parts.push(b);
    pos += b.length;
  });
  parts.push(buf(`xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${pos}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** One long line: mostly 5-60 KB, one time in five 60-500 KB (the slow cases; long-lines.test.ts has more). */
function hugeLine(t) {
  const n = t.chance(0.8) ? 5_000 + t.int(55_000) : 60_000 + t.int(440_000);
  switch (t.int(6)) {
    case 0: return 'a'.repeat(n);
    case 1: return randomWords(t, n / 8);
    case 2: return randomWords(t, n / 8).replace(/ /g, '');
    case 3: return '- '.repeat(n / 2);
    case 4: return '2014 '.repeat(n / 5);
    default: return `${t.pick(LABELS)} ${'é'.repeat(n / 2)}`;
  }
}

function deepHtml(t) {
  const n = 2000 + t.int(30_000);
  const tag = t.pick(['div', 'span', 'b', 'table', 'ul', 'div><b', 'div><i', 'p', 'a', 'li']);
  const close = t.chance(0.5);
  const inner = `${t.pick(LABELS)} ${t.pick(VALUES)}`;
  return `<html><body><h1>Projet profond</h1>${`<${tag}>`.repeat(n)}${inner}${close ? `</${tag.split('><').reverse().join('></')}>`.repeat(n) : ''}</body></html>`;
}

/** One mutation applied to bytes b (of base `base`). */
function mutate(kind, b, base, t) {
  switch (kind) {
    case 'flip': {
      const out = Buffer.from(b);
      const n = 1 + t.int(t.chance(0.2) ? 200 : 12);
      for (let k = 0; k < n && out.length; k++) out[t.int(out.length)] ^= 1 << t.int(8);
      return out;
    }
    case 'truncate':
      return b.subarray(0, t.int(b.length + 1));
    case 'splice': {
      const other = t.pick(bases().all).bytes;
      return Buffer.concat([b.subarray(0, t.int(b.length + 1)), other.subarray(t.int(other.length + 1))]);
    }
    case 'nul': {
      // mostly after the first 8 KiB, where the binary sniff does not look
      let out = b;
      const n = 1 + t.int(5);
      for (let k = 0; k < n; k++) {
        const from = t.chance(0.7) && out.length > 8300 ? 8200 : 0;
        out = insertAt(out, from + t.int(out.length - from + 1), Buffer.from([0]));
      }
      return out;
    }
    case 'control': {
      // (no NUL: a NUL in the first 8 KiB makes the file binary; 'nul' puts them further on)
      const s = utf8(b);
      const chars = ['\x01', '\x07', '\x08', '\x0b', '\x0c', '\x1b', '\x7f', '\ufffd', '\u200b', '\u202e', '\ufeff', '\u00ad', '\u2028', '\u0085', '\u0300', '\ud83d\ude00'];
      const arr = [...s];
      const n = 1 + t.int(Math.max(1, arr.length / 60));
      for (let k = 0; k < n; k++) arr.splice(t.int(arr.length + 1), 0, t.pick(chars));
      return buf(arr.join(''));
    }
    case 'hugeline': {
      const s = utf8(b);
      const lines = s.split('\n');
      lines.splice(t.int(lines.length + 1), 0, hugeLine(t));
      return buf(lines.join('\n'));
    }
    case 'tagsoup':
      return buf(tagSoup(t, utf8(t.pick(bases().text).bytes)));
    case 'pdfgarbage':
      return pdfGarbage(t);
    case 'lines': {
      const lines = utf8(b).split('\n');
      const n = 1 + t.int(30);
      for (let k = 0; k < n && lines.length; k++) {
        const i = t.int(lines.length);
        const j = t.int(lines.length);
        switch (t.int(4)) {
          case 0: lines.splice(i, 1); break;
          case 1: lines.splice(i, 0, lines[j]); break;
          case 2: [lines[i], lines[j]] = [lines[j], lines[i]]; break;
          default: lines.splice(i, 0, ...lines.slice(j, j + 1 + t.int(20)));
        }
      }
      return buf(lines.join('\n'));
    }
    case 'repeat': {
      const r = 2 + t.int(Math.max(1, Math.min(60, Math.floor(1_500_000 / Math.max(1, b.length)))));
      return Buffer.concat(Array.from({ length: r }, () => b));
    }
    case 'digits':
      return buf(utf8(b).replace(/\d+/g, (d) => (t.chance(0.3) ? t.pick(['0', '00', '9999', '31', '13', '99999999999999999999', '-1', '1e308', String(t.int(1e6))]) : d)));
    case 'labels': {
      const lines = utf8(b).split('\n');
      const n = 1 + t.int(15);
      for (let k = 0; k < n; k++) {
        const at = t.int(lines.length + 1);
        lines.splice(at, 0, ...(t.chance(0.5) ? [t.pick(LABELS), t.pick(VALUES)] : [`${t.pick(LABELS)} ${t.pick(VALUES)}`]));
      }
      return buf(lines.join('\n'));
    }
    case 'unicode': {
      const specials = ['ı', 'İ', 'ß', 'ẞ', 'ﬁ', 'ﬂ', 'ﬀ', 'ǅ', '\u0301', '\u05d0', '\u0627', '𝔘', '😀', '\u3000', '\u00a0', '\u2011', '\u2010', 'Ⅻ', '①'];
      return buf([...utf8(b)].map((c) => (/\p{L}/u.test(c) && t.chance(0.03) ? t.pick(specials) : c)).join(''));
    }
    case 'encoding': {
      const s = utf8(b);
      switch (t.int(4)) {
        case 0: return Buffer.from(s, 'latin1'); // lossy, like a Windows-1252 save
        case 1: return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
        case 2: return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]);
        default: return Buffer.from(s, 'utf16le'); // no BOM: NUL bytes
      }
    }
    case 'newlines':
      return buf(utf8(b).replace(/\n/g, () => t.pick(['\r', '\r\n', '\u2028', '\u0085', '\f', '\n\n\n', ' '])));
    case 'deephtml':
      return buf(deepHtml(t));
    default:
      throw new Error(`unknown mutation ${kind}`);
  }
}

function pickMutation(t) {
  let r = t.rnd() * TOTAL_WEIGHT;
  for (const [k, w] of MUTATIONS) if ((r -= w) < 0) return k;
  return 'flip';
}

/** Input i of seed s: { name, how, bytes }. Sizes stay under ~3 MB. */
export function makeInput(seed, i) {
  const t = tools(prng((Math.imul(seed, 1_000_003) + i * 7919) ^ 0x5bd1e995));
  const base = pickBase(t);
  let kind = pickMutation(t);
  let bytes = base.bytes;
  const how = [];
  const steps = kind === 'stack' ? 2 + t.int(2) : 1;
  for (let s = 0; s < steps; s++) {
    let k = kind === 'stack' ? pickMutation(t) : kind;
    if (k === 'stack' || (s > 0 && (k === 'tagsoup' || k === 'pdfgarbage' || k === 'deephtml'))) k = 'flip';
    bytes = mutate(k, bytes, base, t);
    if (bytes.length > 3_000_000) bytes = bytes.subarray(0, 3_000_000);
    how.push(k);
  }
  const ext = how[0] === 'tagsoup' || how[0] === 'deephtml' ? 'html' : how[0] === 'pdfgarbage' ? 'pdf' : base.ext;
  return { name: `fuzz-${seed}-${String(i).padStart(5, '0')}.${ext}`, how: `${how.join('+')} of ${base.name}`, bytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [seed, i] = process.argv.slice(2).map(Number);
  const input = makeInput(seed ?? 1, i ?? 0);
  process.stderr.write(`${input.name}: ${input.how} (${input.bytes.length} bytes)\n`);
  process.stdout.write(input.bytes);
}
