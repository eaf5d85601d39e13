#!/usr/bin/env node
// The command paths as a few modules (issue 13): node resolves and reads a few files instead of
// dozens per start. Run by `npm run build` after tsc (tsc stays the type check and builds dist/).
//
// - Entry points: the CLI main and each lazily imported runner; `splitting` puts the code two of
//   them share in shared chunks, so `iom query` loads main + the query chunks and nothing else.
// - The heavy stages stay outside the bundle, imported from tsc's dist/ at run time: ingest, read
//   (cheerio, pdf.js, OCR), repair (the lexicon), extract, fetch and report. They find their data
//   files, worker scripts and packages by URL relative to their own module, as before; ingest and
//   repair cost far more than a module load, so bundling them would gain nothing.
// - errors.ts stays outside too: one module instance, so `instanceof IomError` in main holds for an
//   error thrown inside dist/ingest.
// - npm packages are bundled except native, wasm or data-file ones (better-sqlite3, pdf-parse,
//   tesseract.js, @napi-rs/canvas), those the external stages bring (cheerio, cli-progress), and
//   cli-table3 and csv-stringify, which src/output loads only when it writes a table or CSV.
//
// Output: dist/bundle/ (one folder under dist/, so `new URL('../../package.json', import.meta.url)`
// and `../<stage>/x.js` resolve from a chunk as they do from dist/cli/x.js) and
// dist/bundle/meta.json (which source files each chunk holds; test/cli/lazy-load.test.ts reads it).
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const OUT = join(ROOT, 'dist', 'bundle');

/** src/ paths (relative, no extension) loaded from dist/ at run time instead of bundled. */
const FROM_DIST = [/^(ingest|read|repair|extract|fetch|report)\//, /^errors$/, /^cli\/ingest-run$/];
const PACKAGES_OUTSIDE = ['better-sqlite3', 'pdf-parse', 'pdfjs-dist', 'tesseract.js', '@napi-rs/canvas', '@tesseract.js-data/*', 'cheerio', 'cli-progress', 'cli-table3', 'csv-stringify'];

const entryPoints = ['main', 'query-run', 'stats-run', 'facets-run', 'export-run', 'sql-run', 'sources-run', 'completion-run', 'show-render'].map((f) => join(SRC, 'cli', `${f}.ts`));

const fromDist = {
  name: 'iom-from-dist',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (!args.importer.startsWith(SRC)) return undefined;
      const abs = resolve(dirname(args.importer), args.path);
      const rel = relative(SRC, abs).replace(/\.js$/, '');
      if (!FROM_DIST.some((re) => re.test(rel))) return undefined;
      // a chunk is in dist/bundle/, beside dist/<stage>/
      return { path: `../${rel}.js`, external: true };
    });
  },
};

/**
 * commander requires node:child_process when it loads, for executable subcommands, which iom has
 * none of; node:child_process brings net, dgram and more (~5 ms of every start, measured). Inside
 * commander it is replaced by an object that requires it on first use.
 */
const lazyChildProcess = {
  name: 'iom-lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (/node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'iom-lazy' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'iom-lazy' }, () => ({
      contents: "let m; const load = () => (m ??= require('node:child_process')); module.exports = { spawn: (...a) => load().spawn(...a) };",
      loader: 'js',
    }));
  },
};

const t0 = Date.now();
rmSync(OUT, { recursive: true, force: true });
const result = await build({
  entryPoints,
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: PACKAGES_OUTSIDE,
  plugins: [fromDist, lazyChildProcess],
  chunkNames: 'chunk-[hash]',
  metafile: true,
  logLevel: 'warning',
  // bundled CommonJS packages (commander, cli-table3) call require() for node built-ins
  banner: { js: "import { createRequire as __iomCreateRequire } from 'node:module'; const require = __iomCreateRequire(import.meta.url);" },
});
const meta = Object.fromEntries(
  Object.entries(result.metafile.outputs)
    .filter(([f]) => f.endsWith('.js'))
    .map(([f, o]) => [relative(OUT, join(ROOT, f)), { inputs: Object.keys(o.inputs).sort(), imports: o.imports.map((i) => i.path), bytes: o.bytes }]),
);
writeFileSync(join(OUT, 'meta.json'), `${JSON.stringify(meta, null, 1)}\n`);
const n = Object.keys(meta).length;
const kb = Object.values(meta).reduce((s, o) => s + o.bytes, 0) / 1024;
process.stderr.write(`bundle: ${entryPoints.length} entry points -> ${n} modules, ${kb.toFixed(0)} KB -> dist/bundle/ (${Date.now() - t0} ms)\n`);
