// schema/project.schema.json describes every field of a query output row, and real rows validate.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { listProjects } from '../../src/query/list.js';
import { ALL_FIELDS } from '../../src/cli/query-run.js';
import { buildDb } from './records.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/project.schema.json', import.meta.url), 'utf8')) as {
  properties: Record<string, { description?: string }>;
  required: string[];
};
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(schema);
const t = buildDb();
afterAll(t.cleanup);

describe('schema/project.schema.json', () => {
  test('is a valid draft 2020-12 schema', () => {
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  test('documents exactly the fields of a row, each with a description', () => {
    expect(Object.keys(schema.properties)).toEqual([...ALL_FIELDS, 'snippet']); // snippet: with --text only
    expect(schema.required).toEqual(ALL_FIELDS);
    for (const [field, def] of Object.entries(schema.properties)) expect(def.description?.length ?? 0, field).toBeGreaterThan(30);
  });

  test('every row listProjects returns validates, with and without --text', () => {
    const rows = listProjects(t.db, {});
    expect(rows).toHaveLength(11);
    // ICMD and FM.0390 come from two sources each, which disagree on ICMD's status and FM.0390's end
    expect(rows.filter((r) => r.records.length === 2).map((r) => r.records)).toEqual([
      ['a3f1c2d40004', 'f0e1d2c30001'],
      ['c1d4e8f20001', 'a3f1c2d40003'],
    ]);
    expect(rows.find((r) => r.id === 'a3f1c2d40004')!.conflicts.map((c) => c.field)).toEqual(['status']);
    expect(rows.find((r) => r.id === 'c1d4e8f20001')!.conflicts.map((c) => c.field)).toEqual(['end']);
    for (const row of rows) expect(validate(row), `${row.id}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    const found = listProjects(t.db, { text: 'réintégration' });
    expect(found.length).toBeGreaterThan(0);
    for (const row of found) {
      expect(row.snippet).toBeTypeOf('string');
      expect(validate(row), ajv.errorsText(validate.errors)).toBe(true);
    }
  });

  test('rejects rows that break the contract', () => {
    const [row] = listProjects(t.db, { ids: ['b7e2a9c10001'] });
    expect(validate(row)).toBe(true);
    expect(validate({ ...row, status: 'Achevé' })).toBe(false);
    expect(validate({ ...row, start: '2014-13' })).toBe(false);
    expect(validate({ ...row, countries: ['Maroc'] })).toBe(false);
    expect(validate({ ...row, budget: { amount: 300000 } })).toBe(false);
    const { title: _, ...untitled } = row!;
    expect(validate(untitled)).toBe(false);
    expect(validate({ ...row, extra: 1 })).toBe(false);
  });
});
