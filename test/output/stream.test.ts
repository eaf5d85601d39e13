// Streamed output must be byte for byte what the whole-list renderers give.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ChunkedWriter, streamCsv, streamJson, streamNdjson } from '../../src/output/stream.js';
import { renderCsv, renderJson, renderNdjson, type Row } from '../../src/output/render.js';

const dir = mkdtempSync(join(tmpdir(), 'iom-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(write: (out: ChunkedWriter) => void): string {
  const path = join(dir, `out-${Math.random()}`);
  const fd = openSync(path, 'w');
  const out = new ChunkedWriter(fd);
  write(out);
  out.end();
  closeSync(fd);
  return readFileSync(path, 'utf8');
}

const rows = (n: number): Row[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    title: i % 7 === 0 ? `=cmd "quoted", ${'é'.repeat(i % 50)}\nline` : `Projet ${i} – migrations`,
    donors: i % 3 ? ['Union européenne', 'Suisse'] : [],
    budget_usd: i % 5 ? i * 1000.5 : null,
    nested: { a: [1, { b: null }] },
  }));

describe('streamed JSON, NDJSON and CSV', () => {
  test.each([0, 1, 199, 200, 201, 450, 3000])('%i rows: same bytes as renderJson / renderNdjson / renderCsv', (n) => {
    const r = rows(n);
    expect(capture((o) => streamJson(o, r))).toBe(renderJson(r));
    expect(capture((o) => streamNdjson(o, r))).toBe(renderNdjson(r));
    const columns = ['id', 'title', 'donors', 'budget_usd'];
    expect(capture((o) => streamCsv(o, r, columns))).toBe(renderCsv(r, columns));
  });

  test('output bigger than a chunk arrives whole and in order', () => {
    const r = rows(3000);
    const text = capture((o) => streamNdjson(o, r));
    expect(text.length).toBeGreaterThan(4 * 64 * 1024);
    expect(text.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(r.map((x) => x.id));
  });
});
