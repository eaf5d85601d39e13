// Word alignment for comparing two versions of a text (test helper).

/** Words: letter runs with inner apostrophes; a lower-to-upper boundary splits ("marocainLe"). */
export function words(text: string): string[] {
  return text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? [];
}

export interface Difference {
  a: string[];
  b: string[];
}

/**
 * The stretches where two word lists differ, by longest common subsequence. A stretch with the
 * same letters cut differently ("pro jet" / "projet") is not a difference.
 */
export function differences(a: string[], b: string[]): Difference[] {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: Difference[] = [];
  let i = 0;
  let j = 0;
  let cur: Difference = { a: [], b: [] };
  const flush = () => {
    if ((cur.a.length || cur.b.length) && cur.a.join('') !== cur.b.join('')) out.push(cur);
    cur = { a: [], b: [] };
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) cur.b.push(b[j++]!);
    else cur.a.push(a[i++]!);
  }
  flush();
  return out;
}
