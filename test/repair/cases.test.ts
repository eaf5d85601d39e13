// Data-driven repair cases (fixtures/repair/cases.json, schema in fixtures/repair/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { repairText } from '../../src/repair/index.js';

interface Case {
  label: string;
  comment?: string;
  original: string;
  fixed: string;
  lost?: string[];
  expect: 'pass' | 'fail';
}

const cases = JSON.parse(readFileSync(new URL('../../fixtures/repair/cases.json', import.meta.url), 'utf8')) as Case[];

describe('fixtures/repair/cases.json', () => {
  test('every case has the fields of the schema', () => {
    for (const c of cases) {
      expect(Object.keys(c).every((k) => ['label', 'comment', 'original', 'fixed', 'lost', 'expect'].includes(k))).toBe(true);
      expect(['pass', 'fail']).toContain(c.expect);
    }
  });

  for (const c of cases) {
    const run = () => expect(repairText(c.original, c.lost ? { lost: c.lost } : {}).text).toBe(c.fixed);
    if (c.expect === 'fail') test.fails(`${c.label} (known failure)`, run);
    else test(c.label, run);
  }
});
