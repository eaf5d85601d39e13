// parseFile: a page of a known kind whose projects have no title is refused with a reason.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseFile } from '../../src/ingest/index.js';
import { InputError } from '../../src/errors.js';
import { makeInput } from '../robustness/fuzz-gen.mjs';

const dir = mkdtempSync(join(tmpdir(), 'iom-parse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseFile', () => {
  // fuzz inputs that used to store projects with an empty title (iom check flagged them). Two
  // lost their <h1> but kept <title>: the general reader takes the headline from it (site name
  // dropped). The third is a glued menu with no project: refused, with what was missing.
  test.each([59, 78])('fuzz input 20260611/%i: the title comes from <title>, never empty', async (i) => {
    const input = makeInput(20260611, i) as { name: string; bytes: Uint8Array };
    const path = join(dir, input.name);
    writeFileSync(path, input.bytes);
    const parsed = await parseFile(path);
    expect(parsed.records.map((r) => r.title)).toEqual(['Autonomisation des femmes travailleuses migrantes circulaires au Maroc']);
  });

  test('fuzz input 20260611/101 (a glued menu): refused, saying what was missing', async () => {
    const input = makeInput(20260611, 101) as { name: string; bytes: Uint8Array };
    const path = join(dir, input.name);
    writeFileSync(path, input.bytes);
    const err = await parseFile(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/^no project found: .*(no funder, date or amount|no project title|names a project)/);
    expect((err as InputError).path).toBe(path);
  });

  test('the seed project sheet still gives its project', async () => {
    const parsed = await parseFile(join(__dirname, '../../fixtures/seeds/000_7d4a42574226c896.txt'));
    expect(parsed.kind).toBe('iom-project-sheet');
    expect(parsed.records.map((r) => r.title)).toEqual(['Autonomisation des femmes travailleuses migrantes circulaires au Maroc']);
  });
});
