// No import circles under src/: every relative import (static, `import type`, `export … from` and
// dynamic `import('./x.js')`) is an edge of the graph, and the graph has no cycle. A small parser of
// the import lines, not the compiler: the sources use one style (`from './x.js'`, NodeNext).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : /\.(ts|mts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

/** Relative specifiers a source file imports: `import … from '…'`, `export … from '…'`,
 *  `import '…'`, `import('…')`. Comments are removed first so that a commented-out import does not count. */
export function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const specs: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of code.matchAll(re)) specs.push(m[1]!);
  return specs.filter((s) => s.startsWith('.'));
}

/** './x.js' from src/a/b.ts -> src/a/x.ts (the .ts source a NodeNext '.js' import names). */
function target(from: string, spec: string, known: Set<string>): string | null {
  const abs = resolve(dirname(from), spec);
  for (const c of [abs.replace(/\.js$/, '.ts'), abs.replace(/\.mjs$/, '.mts'), abs, `${abs}.ts`, join(abs, 'index.ts')]) if (known.has(c)) return c;
  return null;
}

export function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const deps = importsOf(readFileSync(f, 'utf8'))
      .map((s) => target(f, s, known))
      .filter((t): t is string => t !== null);
    graph.set(f, [...new Set(deps)]);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the list of files from its first to itself. */
export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const d of graph.get(n) ?? []) {
      if (state.get(d) === 'open') found.push([...stack.slice(stack.indexOf(d)), d]);
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of [...graph.keys()].sort()) if (!state.has(n)) visit(n);
  return found;
}

describe('import graph of src/', () => {
  const files = tsFiles(SRC);
  const graph = importGraph(files);

  test('the parser sees the imports (the check can fail)', () => {
    expect(importsOf(`import { a } from './a.js';\nimport type { B } from "../b.js";\nexport { c } from './c.js';\n// import { d } from './d.js';\nconst e = await import('./e.js');\nimport './f.js';\nimport x from 'commander';`)).toEqual(['./a.js', '../b.js', './c.js', './f.js', './e.js']);
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
    // main.ts imports the command list: the walk follows real edges of the real sources
    expect(graph.get(join(SRC, 'cli', 'main.ts'))).toContain(join(SRC, 'cli', 'commands', 'index.ts'));
    expect(files.length).toBeGreaterThan(50);
  });

  test('has no import circle', () => {
    const shown = cycles(graph).map((c) => c.map((f) => relative(SRC, f)).join(' -> '));
    expect(shown).toEqual([]);
  });
});
