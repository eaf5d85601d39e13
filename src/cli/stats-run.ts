// iom stats: the numbers as JSON, NDJSON or CSV, or a table with a bar chart on a terminal.
import Table from 'cli-table3';
import { openDb, resolveDbPath } from '../store/db.js';
import { checkStatsOptions, projectStats, type StatRow, type StatsBy } from '../query/stats.js';
import { chalkFor, useColor } from '../output/color.js';
import { humanMoney } from '../output/human.js';
import { ellipsize, renderCsv, renderJson, renderNdjson, type Format, type Row } from '../output/render.js';
import type { Globals, logger as makeLogger } from './options.js';
import type { QueryFlags } from './query-run.js';

/** The flags of `iom stats`. */
export interface StatsFlags extends QueryFlags {
  by: string;
  sum?: string;
}

export function runStats(flags: StatsFlags, g: Globals, log: ReturnType<typeof makeLogger>, format: Format): void {
  checkStatsOptions(flags.by, flags.sum);
  const by = flags.by as StatsBy;
  const db = openDb(resolveDbPath(g.db), { readonly: true });
  let rows: StatRow[];
  try {
    rows = projectStats(db, flags, { by, sum: flags.sum === 'budget_usd' ? 'budget_usd' : undefined });
  } finally {
    db.close();
  }
  if (rows.length === 0) log.info('no project matches these filters');
  const columns = ['key', ...(by === 'country' ? ['name'] : []), 'count', ...(flags.sum ? ['sum_budget_usd'] : [])];
  switch (format) {
    case 'json':
      process.stdout.write(renderJson(rows));
      return;
    case 'ndjson':
      process.stdout.write(renderNdjson(rows));
      return;
    case 'csv':
      process.stdout.write(renderCsv(rows as unknown as Row[], columns));
      return;
    case 'table':
      process.stdout.write(renderStatsTable(rows, by, !!flags.sum, process.stdout.isTTY ? process.stdout.columns || 100 : 80, useColor(process.stdout, 'table')));
  }
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar of `width` cells at most, in eighths of a cell; any value above 0 shows. */
export function bar(value: number, max: number, width: number): string {
  if (value <= 0 || max <= 0 || width <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/**
 * The table with a bar chart column scaled to the largest value and fitted to `width` columns.
 * Compact (no line between rows) so the bars read as one chart; numbers aligned right.
 */
export function renderStatsTable(rows: StatRow[], by: StatsBy, withSum: boolean, width: number, color: boolean): string {
  const c = chalkFor(color);
  const none = by === 'year' ? '(no dates)' : '(none)';
  const label = (r: StatRow) => (r.key === null ? none : r.name ? `${r.key} ${r.name}` : String(r.key));
  const value = (r: StatRow) => (withSum ? (r.sum_budget_usd ?? 0) : r.count);
  const money = (r: StatRow) => (r.sum_budget_usd === null || r.sum_budget_usd === undefined ? '' : humanMoney(r.sum_budget_usd).replace(/\s/g, ' '));
  const keyWidth = Math.min(Math.max(by.length, ...rows.map((r) => label(r).length)), Math.max(12, Math.floor(width * 0.4)));
  const countWidth = Math.max('projects'.length, ...rows.map((r) => String(r.count).length));
  const sumWidth = withSum ? Math.max('budget'.length, ...rows.map((r) => money(r).length)) : 0;
  const columns = withSum ? 4 : 3;
  const barWidth = Math.max(10, width - (columns * 3 + 1) - keyWidth - countWidth - sumWidth);
  const max = Math.max(0, ...rows.map(value));
  return compactTable(
    [by, 'projects', ...(withSum ? ['budget'] : []), ''],
    rows.map((r) => [ellipsize(label(r), keyWidth), String(r.count), ...(withSum ? [money(r)] : []), c.cyan(bar(value(r), max, barWidth).padEnd(barWidth))]),
    ['left', 'right', ...(withSum ? (['right'] as const) : []), 'left'],
    color,
  );
}

/** A table with no line between rows (cli-table3 compact), coloured only when asked. */
export function compactTable(head: string[], rows: string[][], aligns: ('left' | 'right')[], color: boolean): string {
  const c = chalkFor(color);
  const table = new Table({
    head: head.map((h) => c.bold(h)),
    colAligns: aligns,
    style: { compact: true, ...(color ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] }) },
  });
  for (const r of rows) table.push(r);
  return `${table.toString()}\n`;
}
