import { UsageError } from '../errors.js';
import { openDb, resolveDbPath } from '../store/db.js';
import { iterateProjects, type ProjectRow } from '../query/list.js';
import { csvColumns, droppedNote, renderTable, type Cell, type Format, type Row } from '../output/render.js';
import { ChunkedWriter, streamCsv, streamJson, streamNdjson } from '../output/stream.js';
import { humanDate, humanMoney } from '../output/human.js';
import { useColor } from '../output/color.js';
import type { Globals, logger as makeLogger } from './options.js';

/** The flags of `iom query` (the filters are shared by stats, facets, export and report). */
export interface QueryFlags {
  donor?: string;
  country?: string;
  status?: string;
  type?: string;
  year?: string;
  from?: string;
  to?: string;
  text?: string;
  source?: string;
  limit?: number;
  offset?: number;
  sort?: string;
  fields?: string;
  wide?: boolean;
  unmerged?: boolean;
  format?: Format;
  json?: boolean;
}

export const ALL_FIELDS: (keyof ProjectRow)[] = [
  'id', 'title', 'acronym', 'status', 'status_derived', 'type', 'section', 'start', 'end', 'end_open',
  'activity_start', 'activity_end', 'budget', 'budget_usd', 'countries', 'donors', 'donor_codes', 'partners',
  'implementers', 'places', 'beneficiaries', 'coverage', 'year', 'idf_region', 'prima_id', 'project_id', 'kind',
  'summary', 'source', 'repairs', 'sources', 'records', 'conflicts',
];
const TABLE_FIELDS = ['id', 'title', 'status', 'start', 'end', 'donors', 'countries', 'budget_usd'];
/** The table columns that show a dispute as "a ≠ b" (see disputed_). */
const MARKED = ['start', 'end', 'budget_usd', 'status'];

export function pickFields(flag: string | undefined, hasSnippet: boolean): string[] | undefined {
  if (flag === undefined) return undefined;
  const fields = flag.split(',').map((f) => f.trim()).filter(Boolean);
  const known = [...ALL_FIELDS, ...(hasSnippet ? ['snippet'] : [])] as string[];
  if (fields.length === 0) throw new UsageError(`--fields needs at least one field (leave it out for all); fields are: ${known.join(', ')}`);
  for (const f of fields) {
    if (!known.includes(f)) throw new UsageError(`unknown field '${f}'; fields are: ${known.join(', ')}`);
  }
  return fields;
}

export function runQuery(flags: QueryFlags, g: Globals, log: ReturnType<typeof makeLogger>, format: Format): void {
  const db = openDb(resolveDbPath(g.db), { readonly: true });
  try {
    const hasSnippet = flags.text !== undefined;
    const fields = pickFields(flags.fields, hasSnippet);
    // snippets only when shown: --fields without snippet, or no --text, makes none
    const snippet = hasSnippet && (fields ? fields.includes('snippet') : true);
    const rows = iterateProjects(db, flags, { limit: flags.limit, offset: flags.offset, sort: flags.sort, unmerged: flags.unmerged, snippet });
    let count = 0;
    let disputed = 0;
    const counted = function* (): Generator<ProjectRow> {
      for (const r of rows) {
        count++;
        if (r.conflicts.length) disputed++;
        yield r;
      }
    };
    const project = (r: ProjectRow): Row => {
      if (!fields) return r as unknown as Row;
      const out: Row = {};
      for (const f of fields) out[f] = (r as unknown as Row)[f] ?? null;
      return out;
    };
    if (format === 'table') {
      // A table needs every row to size its columns: the rows a person reads on a terminal.
      const all = [...counted()];
      if (all.length) process.stdout.write(table(all, fields, hasSnippet, !!flags.wide, (cols) => log.info(droppedNote(cols))));
    } else {
      // JSON, NDJSON and CSV are written as the rows come, in chunks: memory stays flat.
      const out = new ChunkedWriter();
      if (format === 'json') streamJson(out, counted(), project);
      else if (format === 'ndjson') streamNdjson(out, counted(), project);
      else streamCsv(out, counted() as unknown as Iterable<Row>, csvColumns(fields ?? (ALL_FIELDS as string[]).concat(hasSnippet ? ['snippet'] : [])));
      out.end();
    }
    if (count === 0) log.info('no project matches these filters');
    // The note explains the ≠ marks: only a table has them, and only in these columns.
    const marked = format === 'table' && (fields ?? TABLE_FIELDS).some((f) => MARKED.includes(f));
    if (disputed && marked) {
      log.info(`${disputed} project${disputed > 1 ? 's' : ''} merged from sources that disagree (marked ≠; 'iom show ID' lists who said what)`);
    }
  } finally {
    db.close();
  }
}

function table(rows: ProjectRow[], fields: string[] | undefined, hasSnippet: boolean, wide: boolean, onDropped: (cols: string[]) => void): string {
  const columns = fields ?? (hasSnippet ? [...TABLE_FIELDS.slice(0, 2), 'snippet', ...TABLE_FIELDS.slice(2, 4)] : TABLE_FIELDS);
  return renderTable(rows as unknown as Row[], {
    columns,
    color: useColor(process.stdout, 'table'),
    width: wide || !process.stdout.isTTY ? undefined : process.stdout.columns || 100,
    headers: { budget_usd: 'budget' },
    onDropped,
    // what a person can best do without, first: the title and the dates stay longest
    dropOrder: ['budget_usd', 'countries', 'status', 'snippet', 'donors', 'end', 'start'],
    display: {
      start: (v, r) => disputed_(r, 'start', humanDate) ?? humanDate(v),
      end: (v, r) => disputed_(r, 'end', humanDate) ?? humanDate(v),
      budget_usd: (v, r) => disputed_(r, 'budget_usd', (x) => humanMoney(x)) ?? humanMoney(v),
      status: (v, r) => disputed_(r, 'status', String) ?? String(v ?? ''),
    },
  });
}

/** "juin 2016 ≠ 2024" when the merged sources disagree on this field. */
function disputed_(row: Row, field: string, show: (v: Cell) => string): string | undefined {
  const c = (row.conflicts as ProjectRow['conflicts'] | undefined)?.find((x) => x.field === field);
  return c ? [...new Set(c.values.map((v) => show(v.value as Cell)))].join(' ≠ ') : undefined;
}
