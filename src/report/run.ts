// `iom report`: the projects the filters select, as one self-contained HTML file.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { IomError, UsageError } from '../errors.js';
import { openDb, resolveDbPath } from '../store/db.js';
import { listProjects } from '../query/list.js';
import type { QueryFlags } from '../cli/query-run.js';
import type { Globals, logger as makeLogger } from '../cli/options.js';
import { buildReportData } from './data.js';
import { renderReport } from './html.js';

export interface ReportFlags extends QueryFlags {
  output?: string;
}

const FILTERS = ['donor', 'country', 'status', 'type', 'year', 'from', 'to', 'text', 'source'] as const;

/** The filters as a user would type them, for the page's header. */
export function describeFilters(flags: ReportFlags): string {
  return FILTERS.filter((f) => flags[f] !== undefined)
    .map((f) => `--${f} ${/[\s"']/.test(String(flags[f])) ? JSON.stringify(String(flags[f])) : flags[f]}`)
    .join(' ');
}

export function runReport(flags: ReportFlags, g: Globals, log: ReturnType<typeof makeLogger>, now = new Date()): void {
  if ((!flags.output || flags.output === '-') && process.stdout.isTTY) {
    throw new UsageError('iom report writes an HTML page: give -o report.html, or redirect stdout to a file');
  }
  const db = openDb(resolveDbPath(g.db), { readonly: true });
  let html: string;
  let count: number;
  try {
    const rows = listProjects(db, flags);
    count = rows.length;
    if (count === 0) log.info('no project matches these filters: the report says so');
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    html = renderReport(buildReportData(rows, { today: now, version, filters: describeFilters(flags) }));
  } finally {
    db.close();
  }
  if (!flags.output || flags.output === '-') {
    process.stdout.write(html);
    return;
  }
  const tmp = `${flags.output}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, html);
    renameSync(tmp, flags.output);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new IomError(`cannot write ${flags.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  log.info(`wrote a report of ${count} project${count === 1 ? '' : 's'} to ${flags.output} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KB)`);
}
