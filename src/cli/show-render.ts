// `iom show` for people: each field's value, what each source wrote, and where sources disagree.
import { useColor, chalkFor } from '../output/color.js';
import { humanDate, humanMoney } from '../output/human.js';
import { mapStringsDeep, visible } from '../output/safe.js';
import type { ProjectDetail } from '../query/show.js';
import type { ProjectRow } from '../query/list.js';

/** Field of the JSON row -> key of the raw text the source wrote. */
/** The line or sentence a field was read from (the general reader's evidence) comes first. */
const RAW_KEY: Record<string, string[]> = {
  start: ['evidence:start', 'evidence:period', 'start', 'period'], end: ['evidence:end', 'evidence:period', 'end', 'period'],
  status: ['evidence:status', 'status'], type: ['type'], budget_usd: ['evidence:budget', 'budget'],
  coverage: ['coverage'], year: ['year'], idf_region: ['idfRegion'], prima_id: ['primaId'], project_id: ['evidence:projectId', 'projectId'],
  countries: ['evidence:countries', 'memberStates', 'countriesText'], donors: ['evidence:donors', 'donors', 'donorsText'], partners: ['partners'], places: ['places'],
  section: ['section'], acronym: ['acronym'], implementers: ['implementers'],
};
const FIELDS = Object.keys(RAW_KEY);

function show(p: ProjectRow, k: string): string {
  const v = (p as unknown as Record<string, unknown>)[k];
  if (k === 'start' || k === 'end') return humanDate(v as string) + (k === 'end' && p.end_open ? ' (open-ended)' : '');
  if (k === 'budget_usd') return p.budget ? humanMoney(p.budget.amount, p.budget.currency) : '';
  if (k === 'status') return v ? `${v}${p.status_derived ? ' (derived from the dates)' : ''}` : '';
  if (Array.isArray(v)) return v.join('; ');
  return v === null || v === undefined ? '' : String(v);
}

export function renderShow(detail: ProjectDetail, terminal: boolean): string {
  // what a page wrote is shown, never obeyed: control characters appear as \xNN
  const p = mapStringsDeep(detail, visible);
  const c = chalkFor(terminal && useColor(process.stdout, 'table'));
  const lines: string[] = [c.bold(p.title), `${c.dim('id')} ${p.id}`, ''];
  for (const k of FIELDS) {
    const v = show(p, k);
    if (!v) continue;
    const conflict = p.conflicts.find((x) => x.field === k);
    lines.push(`${c.cyan(k.padEnd(13))}${v}${conflict ? c.yellow('  ≠ sources disagree, see below') : ''}`);
  }
  if (p.activity_start) lines.push(`${c.cyan('activity'.padEnd(13))}${humanDate(p.activity_start)} – ${humanDate(p.activity_end)}`);
  for (const b of p.beneficiaries) lines.push(`${c.cyan('counts'.padEnd(13))}${b.count} ${b.what}`);
  if (p.summary) lines.push('', p.summary);
  for (const conflict of p.conflicts) {
    lines.push('', c.yellow(`${conflict.field}: the sources disagree`));
    for (const v of conflict.values) lines.push(`  ${String(v.value)}  ${c.dim(`(${v.source})`)}`);
  }
  for (const m of p.members) {
    lines.push('', c.bold(`From ${m.source.path}`) + c.dim(` (${m.source.kind}, ${m.source.format}${m.source.ocr_pages ? `, read by OCR: ${m.source.ocr_pages} page${m.source.ocr_pages === 1 ? '' : 's'}, confidence ${Math.round(m.source.ocr_confidence ?? 0)}%` : ''}, record ${m.id})`));
    for (const k of FIELDS) {
      const key = RAW_KEY[k]!.find((r) => m.raw[r] !== undefined);
      if (!key) continue;
      const raw = m.raw[key]!;
      const value = show(m.values, k);
      lines.push(`  ${c.cyan(k.padEnd(13))}${value || c.dim('—')}${c.dim(`  ← "${Array.isArray(raw) ? raw.join('; ') : raw}"`)}`);
    }
    lines.push(c.dim(`  ${m.values.repairs} repair${m.values.repairs === 1 ? '' : 's'} in this text${m.source.lost_sequences ? `; the source had lost "${m.source.lost_sequences}"` : ''}`));
  }
  return `${lines.join('\n')}\n`;
}
