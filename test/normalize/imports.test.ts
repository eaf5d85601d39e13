// The `query` command imports the donor and country resolvers and must start fast: the donor
// resolver must not pull in i18n-iso-countries, and no module may load it at import time.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/normalize');

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)) {
    if (/^\s*(?:import|export)\s+type\s/.test(m[0])) continue;
    out.push(m[1]!);
  }
  return out;
}

function closure(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (f: string) => {
    if (files.has(f)) return;
    files.add(f);
    for (const spec of importsOf(f)) {
      if (spec.startsWith('.')) visit(resolve(dirname(f), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => f.slice(SRC.length + 1)), packages: [...packages] };
}

describe('import graph', () => {
  test('the donor resolver imports neither the country module nor i18n-iso-countries', () => {
    const { files, packages } = closure(join(SRC, 'donors.ts'));
    expect(files).not.toContain('countries.ts');
    expect(packages.filter((p) => p.includes('i18n-iso-countries'))).toEqual([]);
  });

  test('no normalize module imports i18n-iso-countries statically (it is loaded lazily)', () => {
    const all = [...readdirSync(SRC), ...readdirSync(join(SRC, 'data')).map((f) => `data/${f}`)].filter((f) => f.endsWith('.ts'));
    for (const f of all) {
      expect(importsOf(join(SRC, f)).filter((p) => p.includes('i18n-iso-countries')), f).toEqual([]);
    }
  });
});
