// Rows -> text in one of four formats. JSON is never coloured; a table fits the terminal.
import { createRequire } from 'node:module';
import type TableClass from 'cli-table3';
import type { stringify as Stringify } from 'csv-stringify/sync';
import { chalkFor } from './color.js';
import { visibleLine } from './safe.js';

// cli-table3 and csv-stringify are loaded when a table or CSV is written, not with this module:
// a JSON answer (what a pipe gets) does not parse them (issue 13, start-up).
const load = createRequire(import.meta.url);
const Table = (): typeof TableClass => load('cli-table3') as typeof TableClass;
const stringify: typeof Stringify = (...args: Parameters<typeof Stringify>) => (load('csv-stringify/sync') as { stringify: typeof Stringify }).stringify(...args);

export { FORMATS, type Format } from './formats.js';

export type Cell = string | number | boolean | null | undefined | object;
export type Row = Record<string, Cell>;

export interface TableOptions {
  columns: string[];
  /** Terminal width; undefined means no fitting (--wide or not a terminal). */
  width?: number;
  color: boolean;
  /** Column -> how to show a cell to a person (dates, money). */
  display?: Record<string, (v: Cell, row: Row) => string>;
  /** Column header labels. */
  headers?: Record<string, string>;
}

export function renderJson(rows: object[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

export function renderNdjson(rows: object[]): string {
  return rows.map((r) => `${JSON.stringify(r)}\n`).join('');
}

function flat(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x))).join('; ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** CSV as spreadsheets read it: UTF-8 with a header row, RFC 4180 quoting, lists joined with "; ". */
export function renderCsv(rows: Row[], columns: string[]): string {
  return stringify(
    rows.map((r) => csvCells(r, columns)),
    { ...CSV_OPTIONS, header: true, columns },
  );
}

/** Cells that a spreadsheet would run as a formula (=, +, -, @) are quoted. */
export const CSV_OPTIONS = { quoted_match: /^[=+\-@]/ };

/**
 * CSV columns for project rows: the budget as two columns, amount and currency (a spreadsheet
 * sums an amount, not {"amount": …}).
 */
export function csvColumns(columns: string[]): string[] {
  return columns.flatMap((c) => (c === 'budget' ? ['budget_amount', 'budget_currency'] : [c]));
}

/** A cell as a spreadsheet shows it: lists joined with "; ", no JSON. */
function csvCell(r: Row, c: string): string {
  const v = r[c];
  if (v === undefined && (c === 'budget_amount' || c === 'budget_currency')) {
    const b = r.budget as { amount?: number; currency?: string } | null | undefined;
    return b ? String((c === 'budget_amount' ? b.amount : b.currency) ?? '') : '';
  }
  if (c === 'beneficiaries' && Array.isArray(v)) {
    return (v as { count?: number; what?: string; qualifier?: string | null }[]).map((b) => [b.qualifier, b.count, b.what].filter((x) => x !== null && x !== undefined && x !== '').join(' ')).join('; ');
  }
  if (c === 'conflicts' && Array.isArray(v)) {
    return (v as { field: string; values: { value: unknown }[] }[]).map((x) => `${x.field}: ${[...new Set(x.values.map((y) => flat(y.value as Cell)))].join(' ≠ ')}`).join('; ');
  }
  return flat(v);
}

export function csvCells(r: Row, columns: string[]): string[] {
  return columns.map((c) => csvCell(r, c));
}

export function ellipsize(s: string, max: number): string {
  if (max <= 0) return '';
  if (s.length <= max) return s;
  return max <= 1 ? '…' : `${s.slice(0, max - 1)}…`;
}

/** Shares the terminal width between columns: short columns keep their width, long ones share the rest. */
function fitWidths(natural: number[], width: number): number[] {
  const overhead = natural.length * 3 + 1;
  let room = Math.max(width - overhead, natural.length * 4);
  const widths = new Array<number>(natural.length).fill(0);
  const order = natural.map((w, i) => [w, i] as const).sort((a, b) => a[0] - b[0]);
  let left = natural.length;
  for (const [w, i] of order) {
    const share = Math.floor(room / left);
    widths[i] = Math.max(Math.min(w, share), 3);
    room -= widths[i]!;
    left--;
  }
  return widths;
}

export function renderTable(rows: Row[], opts: TableOptions): string {
  const c = chalkFor(opts.color);
  const cells = rows.map((r) => opts.columns.map((col) => visibleLine((opts.display?.[col] ?? flat)(r[col], r).replace(/[ \t\n\r\f\v\u00a0]+/g, ' '))));
  const heads = opts.columns.map((col) => visibleLine(opts.headers?.[col] ?? col));
  let widths: number[] | undefined;
  if (opts.width) {
    const natural = opts.columns.map((_, i) => Math.max(heads[i]!.length, ...cells.map((row) => row[i]!.length)));
    widths = fitWidths(natural, opts.width);
  }
  const table = new (Table())({
    head: heads.map((h, i) => c.bold(widths ? ellipsize(h, widths[i]!) : h)),
    style: opts.color ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] },
    ...(widths ? { colWidths: widths.map((w) => w + 2) } : {}),
  });
  for (const row of cells) table.push(widths ? row.map((v, i) => ellipsize(v, widths![i]!)) : row);
  return `${table.toString()}\n`;
}
