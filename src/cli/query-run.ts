import { UsageError } from '../errors.js';
import { openDb, resolveDbPath } from '../store/db.js';
import { listProjects, type ProjectRow } from '../query/list.js';
import { renderCsv, renderJson, renderNdjson, renderTable, type Cell, type Format, type Row } from '../output/render.js';
import { humanDate, humanMoney } from '../output/human.js';
import { useColor } from '../output/color.js';
import type { QueryFlags } from './commands/query.js';
import type { Globals, logger as makeLogger } from './options.js';

export const ALL_FIELDS: (keyof ProjectRow)[] = [
  'id', 'title', 'acronym', 'status', 'status_derived', 'type', 'section', 'start', 'end', 'end_open',
  'activity_start', 'activity_end', 'budget', 'budget_usd', 'countries', 'donors', 'donor_codes', 'partners',
  'implementers', 'places', 'beneficiaries', 'coverage', 'year', 'idf_region', 'prima_id', 'project_id', 'kind',
  'summary', 'source', 'repairs', 'sources', 'records', 'conflicts',
];
const TABLE_FIELDS = ['id', 'title', 'status', 'start', 'end', 'donors', 'countries', 'budget_usd'];

export function pickFields(flag: string | undefined, hasSnippet: boolean): string[] | undefined {
  if (!flag) return undefined;
  const fields = flag.split(',').map((f) => f.trim()).filter(Boolean);
  const known = [...ALL_FIELDS, ...(hasSnippet ? ['snippet'] : [])] as string[];
  for (const f of fields) {
    if (!known.includes(f)) throw new UsageError(`unknown field '${f}'; fields are: ${known.join(', ')}`);
  }
  return fields;
}

export function runQuery(flags: QueryFlags, g: Globals, log: ReturnType<typeof makeLogger>, format: Format): void {
  const db = openDb(resolveDbPath(g.db), { readonly: true });
  let rows: ProjectRow[];
  try {
    rows = listProjects(db, flags, { limit: flags.limit, offset: flags.offset, sort: flags.sort, unmerged: flags.unmerged });
  } finally {
    db.close();
  }
  const hasSnippet = flags.text !== undefined;
  const fields = pickFields(flags.fields, hasSnippet);
  const project = (r: ProjectRow): Row => {
    if (!fields) return r as unknown as Row;
    const out: Row = {};
    for (const f of fields) out[f] = (r as unknown as Row)[f] ?? null;
    return out;
  };
  if (rows.length === 0) log.info('no project matches these filters');
  const disputed = rows.filter((r) => r.conflicts.length).length;
  if (disputed) {
    log.info(`${disputed} project${disputed > 1 ? 's' : ''} merged from sources that disagree (marked ≠; 'iom show ID' lists who said what)`);
  }
  switch (format) {
    case 'json':
      process.stdout.write(renderJson(rows.map(project)));
      return;
    case 'ndjson':
      process.stdout.write(renderNdjson(rows.map(project)));
      return;
    case 'csv':
      process.stdout.write(renderCsv(rows as unknown as Row[], fields ?? (ALL_FIELDS as string[]).concat(hasSnippet ? ['snippet'] : [])));
      return;
    case 'table': {
      const columns = fields ?? (hasSnippet ? [...TABLE_FIELDS.slice(0, 2), 'snippet', ...TABLE_FIELDS.slice(2, 4)] : TABLE_FIELDS);
      process.stdout.write(
        renderTable(rows as unknown as Row[], {
          columns,
          color: useColor(process.stdout, 'table'),
          width: flags.wide || !process.stdout.isTTY ? undefined : process.stdout.columns || 100,
          headers: { budget_usd: 'budget' },
          display: {
            start: (v, r) => disputed_(r, 'start', humanDate) ?? humanDate(v),
            end: (v, r) => disputed_(r, 'end', humanDate) ?? humanDate(v),
            budget_usd: (v, r) => disputed_(r, 'budget_usd', (x) => humanMoney(x)) ?? humanMoney(v),
            status: (v, r) => disputed_(r, 'status', String) ?? String(v ?? ''),
          },
        }),
      );
    }
  }
}

/** "juin 2016 ≠ 2024" when the merged sources disagree on this field. */
function disputed_(row: Row, field: string, show: (v: Cell) => string): string | undefined {
  const c = (row.conflicts as ProjectRow['conflicts'] | undefined)?.find((x) => x.field === field);
  return c ? [...new Set(c.values.map((v) => show(v.value as Cell)))].join(' ≠ ') : undefined;
}
