// What the document itself says about a word: how often it writes it, and next to what.
// A proofreader's memory: "lutte" written intact elsewhere, after "la", argues for "la lue" ->
// "la lutte" here.
import type { DocWords } from './pieces.js';

/** Times the document writes this lower-case word (alone or as a hyphenated compound). */
export function docCount(doc: DocWords, lower: string): number {
  return (doc.types.get(lower)?.count ?? 0) + (doc.compounds.get(lower) ?? 0);
}

const occurrenceIndex = new WeakMap<DocWords, { first: Int32Array; order: Int32Array }>();
const pairMemo = new WeakMap<DocWords, Map<string, boolean>>();

/** Word indexes grouped by type (a counting sort), built on the first docPair question. */
function occurrences(doc: DocWords, id: number): Int32Array {
  let ix = occurrenceIndex.get(doc);
  if (!ix) {
    const first = new Int32Array(doc.byId.length + 1);
    for (let i = 0; i < doc.size; i++) first[doc.type[i]! + 1]!++;
    for (let t = 0; t < doc.byId.length; t++) first[t + 1]! += first[t]!;
    const fill = first.slice(0, doc.byId.length);
    const order = new Int32Array(doc.size);
    for (let i = 0; i < doc.size; i++) order[fill[doc.type[i]!]!++] = i;
    occurrenceIndex.set(doc, (ix = { first, order }));
  }
  return ix.order.subarray(ix.first[id]!, ix.first[id + 1]!);
}

/** The document writes `word` right after `prev` or right before `next` somewhere. */
export function docPair(doc: DocWords, word: string, prev: string, next: string): boolean {
  const w = doc.types.get(word);
  if (!w) return false;
  let memo = pairMemo.get(doc);
  if (!memo) pairMemo.set(doc, (memo = new Map()));
  const key = `${word}|${prev}|${next}`;
  let hit = memo.get(key);
  if (hit === undefined) {
    const p = prev ? (doc.types.get(prev)?.id ?? -2) : -2;
    const n = next ? (doc.types.get(next)?.id ?? -2) : -2;
    hit = false;
    for (const i of occurrences(doc, w.id)) {
      if ((p >= 0 && doc.prev[i] === p) || (n >= 0 && doc.next[i] === n)) {
        hit = true;
        break;
      }
    }
    memo.set(key, hit);
  }
  return hit;
}
