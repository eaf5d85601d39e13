// `iom show` for people: each field, its canonical value, and what the source wrote.
import { useColor, chalkFor } from '../output/color.js';
import { humanDate, humanMoney } from '../output/human.js';
import type { ProjectDetail } from '../query/show.js';

const RAW_KEY: Record<string, string> = {
  start: 'start', end: 'end', status: 'status', type: 'type', budget_usd: 'budget', coverage: 'coverage', year: 'year',
  idf_region: 'idfRegion', prima_id: 'primaId', project_id: 'projectId', countries: 'memberStates', donors: 'donors',
  partners: 'partners', places: 'places', section: 'section', acronym: 'acronym', implementers: 'implementers',
};

export function renderShow(p: ProjectDetail, terminal: boolean): string {
  const c = chalkFor(terminal && useColor(process.stdout, 'table'));
  const lines: string[] = [c.bold(p.title), `${c.dim('id')} ${p.id}   ${c.dim('source')} ${p.source_info.path} (${p.source_info.kind}, ${p.source_info.format})`, ''];
  const val = (k: string): string => {
    const v = (p as unknown as Record<string, unknown>)[k];
    if (k === 'start' || k === 'end') return humanDate(v as string) + (k === 'end' && p.end_open ? ' (open-ended)' : '');
    if (k === 'budget_usd') return p.budget ? humanMoney(p.budget.amount, p.budget.currency) : '';
    if (k === 'status') return v ? `${v}${p.status_derived ? ' (derived from the dates)' : ''}` : '';
    if (k === 'donors') return p.donor_details.map((d) => (d.known ? `${d.name} [${d.code}]` : `${d.name} (unknown donor)`)).join('; ');
    if (Array.isArray(v)) return v.join('; ');
    return v === null || v === undefined ? '' : String(v);
  };
  const keys = ['acronym', 'status', 'type', 'section', 'start', 'end', 'budget_usd', 'donors', 'countries', 'places', 'partners', 'implementers', 'coverage', 'year', 'idf_region', 'prima_id', 'project_id'];
  for (const k of keys) {
    const v = val(k);
    const raw = p.raw[RAW_KEY[k] ?? k] ?? (k === 'start' || k === 'end' ? p.raw.period : undefined);
    if (!v && !raw) continue;
    const rawText = raw === undefined ? '' : c.dim(`  ← "${Array.isArray(raw) ? raw.join('; ') : raw}"`);
    lines.push(`${c.cyan(k.padEnd(13))}${v || c.dim('—')}${rawText}`);
  }
  if (p.activity_start) lines.push(`${c.cyan('activity'.padEnd(13))}${humanDate(p.activity_start)} – ${humanDate(p.activity_end)}`);
  for (const b of p.beneficiaries) lines.push(`${c.cyan('counts'.padEnd(13))}${b.count} ${b.what}${c.dim(`  ← "${b.sentence.slice(0, 100)}"`)}`);
  if (p.summary) lines.push('', p.summary);
  lines.push('', c.dim(`${p.repairs} repair${p.repairs === 1 ? '' : 's'} made to this project's text${p.source_info.lost_sequences ? `; the source had lost: ${p.source_info.lost_sequences}` : ''}`));
  return `${lines.join('\n')}\n`;
}
