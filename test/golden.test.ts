// Golden records: every fixture's records, field by field, against <name>.expected.json beside it.
// The expected files were written by scripts/update-golden.mjs and checked by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
// @ts-expect-error plain ESM helper shared with the update script
import { expectedPath, goldenInputs, goldenRecords } from './golden-lib.mjs';

const inputs = goldenInputs() as string[];

describe.each(inputs)('%s', (input) => {
  const expected = JSON.parse(readFileSync(expectedPath(input), 'utf8')) as Record<string, unknown>[];
  let actual: Record<string, unknown>[];
  test('gives the expected number of records', async () => {
    actual = (await goldenRecords(input)) as Record<string, unknown>[];
    expect(actual.map((r) => r.title)).toEqual(expected.map((r) => r.title));
  }, 60_000);
  test('each field equals the golden record', () => {
    expected.forEach((want, i) => {
      for (const field of Object.keys(want)) {
        expect(actual[i]![field], `${want.title as string} → ${field}`).toEqual(want[field]);
      }
      expect(Object.keys(actual[i]!).sort()).toEqual(Object.keys(want).sort());
    });
  });
});
