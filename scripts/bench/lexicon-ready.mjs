// Run in a fresh process: the time from importing the repair code to a loaded lexicon.
// Prints JSON: { ms, words, loadMs (the lexicon's own figure), source }.
const t0 = performance.now();
const { loadLexicon } = await import(new URL('../../dist/repair/index.js', import.meta.url).href);
const lex = loadLexicon();
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms, words: lex.size, loadMs: lex.loadMs, source: lex.source }) + '\n');
