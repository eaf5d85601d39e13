// Tables on a terminal: the title gets the room, a date or a number is never cut, and columns are
// dropped (and named) rather than shown as fragments.
import { describe, expect, test } from 'vitest';
import { fitColumns, renderTable, type Row } from '../../src/output/render.js';

const rows: Row[] = [
  { id: '0181f62d5a43', title: 'Solidarité avec les Enfants du Maghreb et du Mashreq (SALEMM)', status: 'completed', start: 'déc. 2012', end: 'déc. 2015', donors: 'Union européenne', countries: 'MA; TN; EG', budget_usd: '' },
  { id: '70a4a080bc13', title: 'Formation professionnelle et moyens de subsistance pour des migrants régularisés au Maroc', status: 'completed', start: 'juil. 2014', end: 'juin 2016 ≠ 2024', donors: "Fonds de l'OIM pour le développement", countries: 'MA', budget_usd: '200 000 USD' },
];
const columns = ['id', 'title', 'status', 'start', 'end', 'donors', 'countries', 'budget_usd'];
const lines = (s: string) => s.split('\n').filter(Boolean);

describe('tables that fit the terminal', () => {
  test.each([240, 120, 100, 80, 60])('at %i columns: no line is wider, dates and numbers whole, the title longest', (width) => {
    let dropped: string[] = [];
    const out = renderTable(rows, { columns, color: false, width, onDropped: (c) => (dropped = c) });
    for (const l of lines(out)) expect([...l].length).toBeLessThanOrEqual(width);
    const kept = columns.filter((c) => !dropped.includes(c));
    for (const whole of ['déc. 2012', 'juil. 2014', 'juin 2016 ≠ 2024', '200 000 USD', '0181f62d5a43', 'completed']) {
      const col = Object.entries(rows[0]!).concat(Object.entries(rows[1]!)).find(([, v]) => v === whole)![0];
      if (kept.includes(col)) expect(out).toContain(whole);
    }
    expect(kept).toContain('title');
    expect(kept).toContain('id');
    // the title is not cut to a fragment: at least 29 characters of it, and the ellipsis
    expect(out).toContain('Formation professionnelle et ');
    if (width >= 120) expect(out).toContain('Solidarité avec les Enfants du Maghreb');
    if (width >= 240) expect(dropped).toEqual([]);
    if (width >= 240) expect(out).toContain('Formation professionnelle et moyens de subsistance pour des migrants régularisés au Maroc');
    // columns are dropped from the right only
    expect(kept).toEqual(columns.slice(0, kept.length));
  });

  test('columns go from the right, never the first or the title; what was left out is said', () => {
    const fit = fitColumns(['id', 'title', 'a', 'b'], [12, 80, 20, 20], [true, false, false, false], 50);
    expect(fit.keep).toEqual([0, 1]);
    expect(fit.widths[0]).toBe(12);
    expect(fit.widths[1]).toBe(50 - 12 - 7);
    // too narrow for the id and 30 characters of title: the title is kept (it may be cut), not the rest
    expect(fitColumns(['id', 'title', 'a'], [12, 80, 20], [true, false, false], 30).keep).toEqual([0, 1]);
  });
});
