// iom facets: {field: [{value, count}]} as JSON, one row per (field, value) in NDJSON and CSV,
// one small table per field on a terminal.
import { basename } from 'node:path';
import { openDb, resolveDbPath } from '../store/db.js';
import { FACETS, listFacets, type Facet, type FacetValue, type Facets } from '../query/facets.js';
import { useColor } from '../output/color.js';
import { ellipsize, renderCsv, renderNdjson, type Format, type Row } from '../output/render.js';
import { countryNames } from '../query/stats.js';
import { compactTable } from './stats-run.js';
import type { Globals, logger as makeLogger } from './options.js';
import type { QueryFlags } from './query-run.js';

/** The flags of `iom facets`. */
export interface FacetsFlags extends QueryFlags {
  all?: boolean;
}

const TOP = 10;

export function runFacets(flags: FacetsFlags, g: Globals, log: ReturnType<typeof makeLogger>, format: Format): void {
  const db = openDb(resolveDbPath(g.db), { readonly: true });
  let facets: Facets;
  let names: Map<string, string>;
  try {
    facets = listFacets(db, flags);
    names = countryNames(db);
  } finally {
    db.close();
  }
  if (facets.kind.length === 0) log.info('no project matches these filters');
  const flat = FACETS.flatMap((field) => facets[field].map((v) => ({ field, value: v.value, count: v.count })));
  switch (format) {
    case 'json':
      process.stdout.write(`${JSON.stringify(facets, null, 2)}\n`);
      return;
    case 'ndjson':
      process.stdout.write(renderNdjson(flat));
      return;
    case 'csv':
      process.stdout.write(renderCsv(flat as Row[], ['field', 'value', 'count']));
      return;
    case 'table':
      process.stdout.write(
        renderFacetTables(facets, { all: !!flags.all, color: useColor(process.stdout, 'table'), width: process.stdout.isTTY ? process.stdout.columns || 100 : 100, countries: names }),
      );
  }
}

/** One small table per field, the field's name as header; a last row says how many values are not shown. */
export function renderFacetTables(facets: Facets, opts: { all: boolean; color: boolean; width?: number; countries?: Map<string, string> }): string {
  const room = Math.max(20, Math.min(opts.width ?? 100, 100) - 14);
  const show = (field: Facet, v: FacetValue): string => {
    if (v.value === null) return '(none)';
    if (field === 'source') return basename(String(v.value));
    if (field === 'country') return `${v.value} ${opts.countries?.get(String(v.value)) ?? ''}`.trim();
    return String(v.value);
  };
  return FACETS.map((field) => {
    const values = facets[field];
    const shown = opts.all ? values : values.slice(0, TOP);
    const rest = values.slice(shown.length);
    const rows = shown.map((v) => [ellipsize(show(field, v), room), String(v.count)]);
    if (rest.length) rows.push([`… ${rest.length} more (--all)`, '']);
    return compactTable([field, 'count'], rows, ['left', 'right'], opts.color);
  }).join('\n');
}
