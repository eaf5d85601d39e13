// HTML -> one block per line, the same shape as a scraped page's text, so one parser serves both.
// The page is parsed, never executed: scripts, styles and embedded frames are dropped unread.
import { load, type CheerioAPI } from 'cheerio';
import type { PageMeta } from '../types.js';
import type { AnyNode, Element } from 'domhandler';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'canvas', 'head', 'select', 'button', 'form', 'input']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'br', 'caption', 'label', 'body', 'html',
]);

export interface HtmlText {
  text: string;
  title: string | null;
  /** What the markup says beyond the text: headline candidates, dates, tables. */
  meta: PageMeta;
  /** Elements nested deeper than MAX_HTML_DEPTH were flattened before parsing (see flattenDeep). */
  flattened?: boolean;
}

/**
 * Nesting the parser is given at most. The HTML parser (parse5) checks the stack of open
 * elements at many start tags, so its time grows with the square of the depth: 200 KB of
 * `<div><i>` nested 25,000 deep took 20 s. Real pages nest a few dozen levels.
 */
export const MAX_HTML_DEPTH = 512;

/**
 * Walks the DOM with an explicit stack (deeply nested pages must not overflow the call stack),
 * writing text runs and a line break around every block element. List items get "- " as on
 * the scraped country-site pages.
 */
export function htmlToText(html: string): HtmlText {
  const flat = flattenDeep(html, MAX_HTML_DEPTH);
  const $ = load(flat ?? html, { scriptingEnabled: false });
  const first = firstTitle($.root()[0] as unknown as AnyNode);
  const title = (first ? $(first).text().trim() : '') || null;
  const out: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (t) out.push(t);
    line = '';
  };
  const root = $.root()[0] as unknown as AnyNode;
  const meta = readMeta($, title);
  const stack: Array<AnyNode | { close: string }> = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if ('close' in node) {
      if (BLOCK.has(node.close)) flush();
      continue;
    }
    if (node.type === 'text') {
      line += (node as unknown as { data: string }).data.replace(/\s+/g, ' ');
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'root') continue;
    const name = node.type === 'tag' ? (node as Element).name.toLowerCase() : '';
    if (SKIP.has(name)) continue;
    // A label and its value in inline elements ("<span class=label>Donor</span><span>EU</span>")
    // are shown apart by the site's CSS: each gets its own line, as a block would.
    const block = BLOCK.has(name) || (name !== '' && isFieldPart(node as Element));
    if (block) flush();
    if (name === 'li') line += '- ';
    stack.push({ close: block ? 'div' : name });
    const children = (node as Element).children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  return flat === null ? { text: out.join('\n'), title, meta } : { text: out.join('\n'), title, meta, flattened: true };
}

// For flattenDeep: start tags that never hold others (void elements), start tags a later one of
// the same kind closes (optional end tags: "<p>a<p>b" is not nested) and elements the parser
// merges (html, head, body): none of them deepen the tree. Raw-text elements hold no tags.
const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const FLAT = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'rb', 'rt', 'rtc', 'rp', 'colgroup', 'caption', 'html', 'head', 'body']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);

const isAsciiAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isTagNameEnd = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13 || c === 47 || c === 62;

/**
 * The HTML with the tags nested deeper than `limit` levels removed (a block element's replaced
 * by <br>, so lines stay lines; the text stays), or null when nothing is that deep (nearly every
 * page: it is then parsed as written). Nesting is counted from the tags as written, with a light
 * scan (comments, raw text and foreign self-closing tags skipped). It is an estimate of the
 * parser's tree, which can add a few elements of its own (implied ones, reopened formatting
 * elements), but not so many that its depth grows with the file again.
 */
export function flattenDeep(html: string, limit: number): string | null {
  const n = html.length;
  const stack: string[] = [];
  let foreignAt = -1; // index in `stack` of the outermost <svg> or <math>, else -1
  let excess = 0; // start tags dropped and not yet closed
  const out: string[] = [];
  let kept = 0; // html[kept..] is not copied to `out` yet
  const drop = (from: number, to: number, name: string) => {
    out.push(html.slice(kept, from), BLOCK.has(name) ? '<br>' : '');
    kept = to;
  };
  let i = 0;
  for (;;) {
    const lt = html.indexOf('<', i);
    if (lt < 0 || lt + 1 >= n) break;
    const c = html.charCodeAt(lt + 1);
    if (c === 33 /* ! */ || c === 63 /* ? */) {
      // comment, doctype, CDATA, processing instruction
      const end = html.startsWith('<!--', lt) ? html.indexOf('-->', lt + 4) : html.indexOf('>', lt);
      if (end < 0) break;
      i = end + 1;
      continue;
    }
    const close = c === 47; /* / */
    const start = lt + (close ? 2 : 1);
    if (start >= n || !isAsciiAlpha(html.charCodeAt(start))) {
      i = lt + 1;
      continue;
    }
    let j = start + 1;
    while (j < n && !isTagNameEnd(html.charCodeAt(j))) j++;
    const gt = html.indexOf('>', j);
    if (gt < 0) break;
    const name = html.slice(start, j).toLowerCase();
    i = gt + 1;
    if (close) {
      if (VOID.has(name) || FLAT.has(name)) continue;
      if (excess > 0) {
        excess--;
        drop(lt, gt + 1, name);
        continue;
      }
      const k = stack.lastIndexOf(name);
      if (k >= 0) {
        stack.length = k;
        if (foreignAt >= k) foreignAt = -1;
      }
      continue;
    }
    if (name === 'plaintext') break; // the rest of the file is text
    if (RAW_TEXT.has(name)) {
      const end = indexOfEndTag(html, name, i);
      i = end < 0 ? n : end;
      continue;
    }
    if (VOID.has(name) || FLAT.has(name)) continue;
    if (foreignAt >= 0 && html.charCodeAt(gt - 1) === 47) continue; // <path/> inside <svg>
    if (stack.length < limit) {
      if (foreignAt < 0 && (name === 'svg' || name === 'math')) foreignAt = stack.length;
      stack.push(name);
    } else {
      excess++;
      drop(lt, gt + 1, name);
    }
  }
  if (out.length === 0) return null;
  out.push(html.slice(kept));
  return out.join('');
}

/** Where `</name` starts at or after `from` (any case), or -1. */
function indexOfEndTag(html: string, name: string, from: number): number {
  const re = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi');
  re.lastIndex = from;
  return re.exec(html)?.index ?? -1;
}

/**
 * The first <title> element in document order, as `$('title').first()` finds it (css-select's
 * findAll: pre-order, into every node that has children, a template's content included), without
 * compiling a selector for every page. Explicit stack: deeply nested pages.
 */
function firstTitle(root: AnyNode): Element | null {
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if ((node.type === 'tag' || node.type === 'script' || node.type === 'style') && (node as Element).name === 'title') return node as Element;
    if (!Object.prototype.hasOwnProperty.call(node, 'children')) continue;
    const children = (node as Element).children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return null;
}

/** Headline candidates, dates and tables of an HTML page (see PageMeta in types.ts). */

const FIELD_CLASS_RE = /(?:^|[\s_-])(?:label|value|field-label|field-value|field__label|field__item|views-label|views-field)(?:$|[\s_-])/i;
const INLINE_FIELD_TAGS = new Set(['span', 'strong', 'b', 'em', 'small', 'time', 'a']);

function isFieldPart(el: Element): boolean {
  if (!INLINE_FIELD_TAGS.has(el.name.toLowerCase())) return false;
  const cls = el.attribs?.['class'];
  return !!cls && FIELD_CLASS_RE.test(cls);
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const MAX_TABLES = 20;
const MAX_ROWS = 200;

function readMeta($: CheerioAPI, title: string | null): PageMeta {
  const metaContent = (sel: string) => squash($(sel).first().attr('content') ?? '') || undefined;
  const meta: PageMeta = {};
  const h1 = squash($('h1').first().text());
  if (h1) meta.h1 = h1;
  const og = metaContent('meta[property="og:title"]');
  if (og) meta.ogTitle = og;
  if (title) meta.title = squash(title);
  const site = metaContent('meta[property="og:site_name"]');
  if (site) meta.siteName = site;
  const published = metaContent('meta[property="article:published_time"]') ?? metaContent('meta[name="date"]');
  if (published) meta.published = published;
  const lang = $('html').attr('lang');
  if (lang) meta.lang = lang.slice(0, 2).toLowerCase();
  const headings: Array<{ level: number; text: string }> = [];
  $('h1,h2,h3,h4').each((_, el) => {
    const text = squash($(el).text());
    if (text && headings.length < 200) headings.push({ level: Number((el as Element).name.slice(1)), text });
  });
  if (headings.length) meta.headings = headings;
  const times: Array<{ text: string; datetime: string }> = [];
  $('time[datetime]').each((_, el) => {
    const text = squash($(el).text());
    const datetime = squash($(el).attr('datetime') ?? '');
    if (text && datetime && times.length < 200) times.push({ text, datetime });
  });
  if (times.length) meta.times = times;
  const tables: string[][][] = [];
  $('table').each((_, table) => {
    if (tables.length >= MAX_TABLES) return false;
    const rows: string[][] = [];
    $(table)
      .find('tr')
      .each((__, tr) => {
        if (rows.length >= MAX_ROWS) return false;
        rows.push($(tr).children('th,td').map((___, c) => squash($(c).text())).get());
        return undefined;
      });
    if (rows.length) tables.push(rows);
    return undefined;
  });
  if (tables.length) meta.tables = tables;
  return meta;
}
