// Scoring OCR output against the text a page shows: "words right".
//
// Both texts are cut into words at white space; each word loses the punctuation around it
// (inner apostrophes and hyphens stay), and the apostrophe ’ is written ' (Tesseract tells the two
// apart poorly, and a reader does not count "l’OIM" for "l'OIM" as a wrong word). Case and
// accents count: "Egypte" for "Égypte" is a wrong word.
// A line-end hyphen is joined first on both sides ("compréhen-\nsion" -> "compréhension"), as the
// repair stage does, so that "words right after OCR" alone is not punished for the layout.
//
// words right = matched / words of the truth, where matched counts each word of the truth at
// most as often as the OCR text has it (bag of words: the running header, the page numbers and
// the side labels are not in the same places in the two texts, so order is not scored).
// extra = words of the OCR text beyond those matched, over the words of the truth.

export function words(text, { joinHyphens = true } = {}) {
  let t = text.replace(/\u00ad/g, '');
  if (joinHyphens) t = t.replace(/(\p{L})[-\u2010\u2011]\n(\p{Ll})/gu, '$1$2');
  return t
    .split(/\s+/u)
    .map((w) => w.replace(/[’‘`´]/g, "'").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w !== '');
}

function counts(list) {
  const m = new Map();
  for (const w of list) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** { truth, matched, right (0..1), extra (0..), missed: [[word, n]] most frequent first } */
export function wordsRight(truthText, readText) {
  const truth = counts(words(truthText));
  const read = counts(words(readText));
  let total = 0;
  let matched = 0;
  let readTotal = 0;
  const missed = [];
  for (const [w, n] of truth) {
    total += n;
    const got = Math.min(n, read.get(w) ?? 0);
    matched += got;
    if (got < n) missed.push([w, n - got]);
  }
  for (const n of read.values()) readTotal += n;
  missed.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { truth: total, matched, right: total ? matched / total : 1, extra: total ? (readTotal - matched) / total : 0, missed };
}
