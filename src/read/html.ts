// HTML -> one block per line, the same shape as a scraped page's text, so one parser serves both.
// The page is parsed, never executed: scripts, styles and embedded frames are dropped unread.
import { load } from 'cheerio';
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
}

/**
 * Walks the DOM with an explicit stack (deeply nested pages must not overflow the call stack),
 * writing text runs and a line break around every block element. List items get "- " as on
 * the scraped country-site pages.
 */
export function htmlToText(html: string): HtmlText {
  const $ = load(html, { scriptingEnabled: false });
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
    if (BLOCK.has(name)) flush();
    if (name === 'li') line += '- ';
    stack.push({ close: name });
    const children = (node as Element).children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  return { text: out.join('\n'), title };
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
