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
  /** The columns to leave out first when the table is too wide (then from the right). */
  dropOrder?: string[];
  /** Told which columns were left out to fit the width. */
  onDropped?: (columns: string[]) => void;
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
/** Said on stderr when a table left columns out to fit the terminal. */
export function droppedNote(cols: string[], hint = '--wide shows every column; --fields chooses them'): string {
  return `left out to fit the terminal: ${cols.join(', ')} (${hint})`;
}

/** Columns whose values are never cut (a cut date or number is a wrong one): by name, or numbers. */
const WHOLE = new Set(['id', 'start', 'end', 'activity_start', 'activity_end', 'budget', 'budget_usd', 'year', 'status', 'count', 'projects', 'ok', 'code', 'prima_id', 'project_id', 'repairs', 'records']);
/** The least room a column that may be cut is given before columns are dropped instead. */
const MIN_CUT = 12;
const MIN_TITLE = 30;

/**
 * Widths for a table `width` characters wide, or the columns to drop. Values of a "whole"
 * column (dates, numbers, ids, statuses; or a column holding only numbers or short values) are
 * never cut. The other columns get their room, the title first; when even their minimum does not
 * fit, columns are dropped from the right (never the first or the title) rather than shown as
 * fragments.
 */
export function fitColumns(columns: string[], natural: number[], whole: boolean[], width: number, dropOrder: string[] = []): { keep: number[]; widths: number[] } {
  let keep = columns.map((_, i) => i);
  const need = (ks: number[]) =>
    ks.reduce((n, i) => n + (whole[i] ? natural[i]! : Math.min(natural[i]!, columns[i] === 'title' ? MIN_TITLE : MIN_CUT)), 0) + ks.length * 3 + 1;
  while (need(keep) > width && keep.length > 1) {
    const droppable = (i: number) => i !== keep[0] && columns[i] !== 'title';
    const named = dropOrder.map((c) => columns.indexOf(c)).find((i) => keep.includes(i) && droppable(i));
    const drop = named ?? [...keep].reverse().find(droppable);
    if (drop === undefined) break;
    keep = keep.filter((i) => i !== drop);
  }
  const widths = new Array<number>(columns.length).fill(0);
  let room = width - (keep.length * 3 + 1);
  for (const i of keep) {
    widths[i] = whole[i] ? natural[i]! : Math.min(natural[i]!, columns[i] === 'title' ? MIN_TITLE : MIN_CUT);
    room -= widths[i]!;
  }
  // what is left: to the title first (up to 60 characters), then to the other columns that may be
  // cut, from the left, then the rest to the title
  const give = (i: number, upTo: number) => {
    const more = Math.max(0, Math.min(room, upTo - widths[i]!));
    widths[i]! += more;
    room -= more;
  };
  const title = keep.find((i) => columns[i] === 'title' && !whole[i]);
  if (title !== undefined) give(title, Math.min(natural[title]!, 60));
  for (const i of keep) if (!whole[i] && i !== title) give(i, natural[i]!);
  if (title !== undefined) give(title, natural[title]!);
  return { keep, widths: keep.map((i) => Math.max(1, widths[i]!)) };
}

export function renderTable(rows: Row[], opts: TableOptions): string {
  const c = chalkFor(opts.color);
  let cells = rows.map((r) => opts.columns.map((col) => visibleLine((opts.display?.[col] ?? flat)(r[col], r).replace(/[ \t\n\r\f\v\u00a0]+/g, ' '))));
  let heads = opts.columns.map((col) => visibleLine(opts.headers?.[col] ?? col));
  let widths: number[] | undefined;
  if (opts.width) {
    // a value's width: its longest cell; a header may be cut, a value of a whole column may not
    const natural = opts.columns.map((_, i) => Math.max(Math.min(heads[i]!.length, 6), ...cells.map((row) => [...row[i]!].length)));
    const whole = opts.columns.map(
      (col, i) => WHOLE.has(col) || rows.every((r) => typeof r[col] === 'number' || r[col] === null || r[col] === undefined) || cells.every((row) => row[i]!.length <= 10),
    );
    const fit = fitColumns(opts.columns, natural, whole, opts.width, opts.dropOrder);
    if (fit.keep.length < opts.columns.length) opts.onDropped?.(opts.columns.filter((_, i) => !fit.keep.includes(i)));
    heads = fit.keep.map((i) => heads[i]!);
    cells = cells.map((row) => fit.keep.map((i) => row[i]!));
    widths = fit.widths;
  }
  const table = new (Table())({
    head: heads.map((h, i) => c.bold(widths ? ellipsize(h, widths[i]!) : h)),
    style: opts.color ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] },
    ...(widths ? { colWidths: widths.map((w) => w + 2) } : {}),
  });
  for (const row of cells) table.push(widths ? row.map((v, i) => ellipsize(v, widths![i]!)) : row);
  return `${table.toString()}\n`;
}
