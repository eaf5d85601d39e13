// A fresh clone passes its own tests: nothing the tests or the tool read lies outside the
// repository (CI runs on a bare clone with no ../shared beside it).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers.js';
import { validateIati } from '../export/xmllint.js';

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(ts|mts|mjs|js)$/.test(name)) out.push(p);
  }
  return out;
}

describe('a fresh clone', () => {
  test('no test or source file reads from ../shared or another absolute folder', () => {
    const offenders = [...files(join(ROOT, 'test')), ...files(join(ROOT, 'src'))]
      .filter((f) => /(\.\.\/){3}shared|['"`]\/work\//.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  test('the IATI 2.03 schema ships in schema/iati/ with its source and licence, and validates', async () => {
    for (const f of ['iati-activities-schema.xsd', 'iati-common.xsd', 'xml.xsd', 'README.md']) {
      expect(statSync(join(ROOT, 'schema', 'iati', f)).size).toBeGreaterThan(100);
    }
    const readme = readFileSync(join(ROOT, 'schema', 'iati', 'README.md'), 'utf8');
    expect(readme).toMatch(/IATI\/IATI-Schemas/);
    expect(readme).toMatch(/Creative Commons Attribution 4\.0/);
    const bad = await validateIati('<?xml version="1.0"?><iati-activities version="2.03"><nope/></iati-activities>');
    expect(bad.valid).toBe(false);
  });
});

describe('the README set-up', () => {
  test('runs without root on its own database file and prints what the README shows', async () => {
    const { iom, tempDir } = await import('../helpers.js');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const setup = readme.slice(readme.indexOf('## Set up'), readme.indexOf('## Commands'));
    expect(setup).not.toMatch(/npm link|sudo/);
    const commands = [...setup.matchAll(/node bin\/iom\.js ([^&\n]+?)(?=\s*&&|\s*$)/gm)].map((m) => m[1]!.trim().split(' '));
    expect(commands).toHaveLength(2);
    expect(commands.every((c) => c[0] === '--db' && c[1] === 'demo.sqlite')).toBe(true);
    const shown = setup.slice(setup.indexOf('What the demo prints'));
    const block = shown.slice(shown.indexOf('```\n') + 4, shown.indexOf('\n```', shown.indexOf('```\n') + 4));
    const t = tempDir();
    try {
      const db = join(t.dir, 'demo.sqlite');
      const runs = commands.map((c) => iom(['--db', db, ...c.slice(2)]));
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const printed = `${runs[0]!.stderr}\n${runs[1]!.stdout}`.replace(db, '/…/demo.sqlite').trimEnd();
      expect(printed).toBe(block.trimEnd());
    } finally {
      t.cleanup();
    }
  });
});
