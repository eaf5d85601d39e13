#!/usr/bin/env node
// Writes dist/lexicon.bin from the word-list packages (an-array-of-french-words,
// @zxcvbn-ts/language-fr, @zxcvbn-ts/language-en), so that `iom repair` loads its lexicon
// in tens of milliseconds instead of decompressing and parsing megabytes of JSON at each start.
// Run after tsc (it reuses the compiled builder): `npm run build`.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const t0 = performance.now();
const { buildLexiconData, encodeLexicon } = await import('../dist/repair/lexicon-build.js');
const data = buildLexiconData();
const bytes = encodeLexicon(data);
const out = new URL('../dist/lexicon.bin', import.meta.url);
writeFileSync(out, bytes);
process.stderr.write(
  `lexicon: ${data.flags.length} words, ${(bytes.length / 1048576).toFixed(1)} MB -> dist/lexicon.bin (${Math.round(performance.now() - t0)} ms)\n`,
);
