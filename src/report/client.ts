// The report page's own code. It runs in the browser: html.ts inlines this function's compiled
// source, so it must stay self-contained (no imports, nothing from this module's scope). Charts are
// drawn by Observable Plot; the table is built with DOM calls (textContent, never innerHTML).
import type { ReportData, ReportProject } from './data.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
declare const Plot: any;
declare const topojson: any;

export function reportMain(data: ReportData, atlas: any): void {
  const el = (tag: string, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElement => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    for (const c of children) e.append(c);
    return e;
  };
  const fmt = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
  const money = (b: { amount: number; currency: string } | null) => (b ? `${fmt.format(b.amount)} ${b.currency}` : '');
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const basename = (s: string) => s.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() || s;
  const period = (p: ReportProject) => `${p.start ?? '?'} – ${p.end ?? (p.open ? 'open' : '?')}${p.open && p.end ? ' (open)' : ''}`;
  const projects = data.projects;
  const width = Math.min(1130, document.body.clientWidth - 48 || 1130);

  // Colours: one per government / institution, the most frequent first.
  const groupCount = new Map<string, number>();
  for (const p of projects) groupCount.set(p.group, (groupCount.get(p.group) ?? 0) + 1);
  const groups = [...groupCount.keys()].sort((a, b) => groupCount.get(b)! - groupCount.get(a)! || a.localeCompare(b, 'fr'));
  for (const d of data.donors) if (!groups.includes(d.group)) groups.push(d.group);
  // observable10 then ten more distinct colours, so that up to 20 donors never share one.
  const palette = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e', '#9498a0',
    '#1b7837', '#b2182b', '#2166ac', '#e08214', '#762a83', '#35978f', '#c51b7d', '#7f6b00', '#5e3c99', '#4d4d4d'];
  const color = { type: 'categorical', domain: groups, range: groups.map((_, i) => palette[i % palette.length]), legend: true, label: 'donor' };

  // ---- timeline
  const dated = projects.filter((p) => p.x1 && p.x2).sort((a, b) => (a.x1! < b.x1! ? -1 : a.x1! > b.x1! ? 1 : a.title.localeCompare(b.title, 'fr')));
  const many = dated.length > 120;
  const label = new Map(dated.map((p) => [p.id, short(p.title, 58)]));
  const tip = (p: ReportProject) => `${p.title}\n${period(p)}\n${p.donors.join(', ') || 'funder not named'}`;
  const when = (d: string) => new Date(`${d}T00:00:00Z`);
  const timeline = document.querySelector('#timeline figure')!;
  if (dated.length) {
    timeline.append(
      Plot.plot({
        width,
        height: Math.max(140, dated.length * (many ? 4 : 22) + 70),
        marginLeft: many ? 20 : 380,
        marginRight: 30,
        x: { type: 'utc', grid: true, label: null },
        y: { domain: dated.map((p) => p.id), tickFormat: (id: string) => (many ? '' : label.get(id)), label: null, axis: many ? null : 'left', tickSize: 0 },
        color,
        marks: [
          Plot.barX(
            dated.filter((p) => !p.open),
            { x1: (p: ReportProject) => when(p.x1!), x2: (p: ReportProject) => when(p.x2!), y: 'id', fill: 'group', title: tip, insetTop: 3, insetBottom: 3 },
          ),
          Plot.barX(
            dated.filter((p) => p.open),
            { x1: (p: ReportProject) => when(p.x1!), x2: (p: ReportProject) => when(p.x2!), y: 'id', fill: 'group', fillOpacity: 0.3, stroke: 'group', strokeDasharray: '4 3', title: tip, insetTop: 3, insetBottom: 3 },
          ),
          Plot.text(
            dated.filter((p) => p.open),
            { x: (p: ReportProject) => when(p.x2!), y: 'id', text: () => '→', textAnchor: 'start', dx: 3, fill: 'group', fontWeight: 'bold' },
          ),
          Plot.ruleX([new Date(data.generated)], { stroke: '#888', strokeDasharray: '2 3' }),
        ],
      }),
    );
  } else {
    timeline.append('No project with a start date.');
  }
  const undated = projects.filter((p) => !p.x1 || !p.x2);
  document.getElementById('undated')!.textContent = undated.length
    ? `${plural(undated.length, 'project')} with no start date ${undated.length === 1 ? 'is' : 'are'} not on the timeline: ${undated.map((p) => short(p.title, 70)).join(' · ')}`
    : '';

  // ---- funding by donor
  const donorFigure = document.querySelector('#donors figure')!;
  if (data.donors.length) {
    const groupOrder = [...new Set(data.donors.map((d) => d.group))];
    const totals = new Map<string, number>();
    for (const d of data.donors) totals.set(d.group, (totals.get(d.group) ?? 0) + d.projects);
    groupOrder.sort((a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b, 'fr'));
    donorFigure.append(
      Plot.plot({
        width,
        height: groupOrder.length * 28 + 70,
        marginLeft: 300,
        x: { grid: true, label: 'projects', tickFormat: 'd' },
        y: { domain: groupOrder, label: null },
        color: { ...color, legend: false },
        marks: [
          Plot.barX(data.donors, {
            y: 'group',
            x: 'projects',
            fill: 'group',
            stroke: '#fff',
            strokeWidth: 1.5,
            title: (d: { group: string; donor: string; projects: number }) => `${d.donor}${d.donor !== d.group ? ` (${d.group})` : ''}: ${plural(d.projects, 'project')}`,
            insetTop: 3,
            insetBottom: 3,
          }),
          // an agency's segment is named inside it
          Plot.text(
            data.donors,
            Plot.stackX({ y: 'group', x: 'projects', text: (d: { group: string; donor: string; code: string | null }) => (d.donor === d.group ? '' : (d.code ?? short(d.donor, 12))), fill: '#fff', fontWeight: 'bold' }),
          ),
          Plot.ruleX([0]),
        ],
      }),
    );
  }
  const budgets = document.querySelector('#budgets tbody')!;
  for (const d of data.donors) {
    const cells = Object.entries(d.budgets)
      .sort()
      .map(([c, n]) => `${fmt.format(n)} ${c}`)
      .join(' + ');
    budgets.append(el('tr', {}, el('td', {}, d.group), el('td', {}, d.donor === d.group ? '' : d.donor), el('td', {}, String(d.projects)), el('td', {}, cells || '—')));
  }

  // ---- map
  const world = topojson.feature(atlas, atlas.objects.countries);
  const byId = new Map(data.countries.filter((c) => c.numeric).map((c) => [c.numeric!, c]));
  const drawn = new Set<string>(world.features.map((f: any) => f.id));
  const counted = world.features.filter((f: any) => byId.has(f.id));
  const countOf = (f: any) => byId.get(f.id)!.projects;
  document.querySelector('#map figure')!.append(
    Plot.plot({
      width,
      projection: 'equal-earth',
      color: { type: 'sqrt', scheme: 'blues', domain: [0, Math.max(1, ...data.countries.map((c) => c.projects))], legend: true, label: 'projects' },
      marks: [
        Plot.sphere({ fill: '#f4f8fc', stroke: '#ccd' }),
        Plot.geo(world, { fill: '#e6e6e6', stroke: '#fff', strokeWidth: 0.5 }),
        Plot.geo(counted, {
          fill: countOf,
          stroke: '#345',
          strokeWidth: 0.6,
          title: (f: any) => `${byId.get(f.id)!.name}: ${plural(countOf(f), 'project')}`,
        }),
        Plot.text(counted, Plot.centroid({ text: (f: any) => String(countOf(f)), fill: '#000', stroke: '#fff', strokeWidth: 3, fontWeight: 'bold', fontSize: 11 })),
      ],
    }),
  );
  const unmapped = data.countries.filter((c) => !c.numeric || !drawn.has(c.numeric));
  document.getElementById('unmapped')!.textContent = unmapped.length
    ? `Too small for this map's scale: ${unmapped.map((c) => `${c.name} (${c.projects})`).join(', ')}.`
    : '';

  // ---- table: search and sort in the page
  type Col = { key: string; label: string; text: (p: ReportProject) => string; sort?: (p: ReportProject) => string | number; num?: boolean };
  const cols: Col[] = [
    { key: 'title', label: 'Title', text: (p) => p.title },
    { key: 'start', label: 'Start', text: (p) => p.start ?? '' },
    { key: 'end', label: 'End', text: (p) => p.end ?? (p.open ? 'open' : '') },
    { key: 'status', label: 'Status', text: (p) => p.status ?? '' },
    { key: 'donors', label: 'Donors', text: (p) => p.donors.join('; ') },
    { key: 'countries', label: 'Countries', text: (p) => p.countries.join(' ') },
    { key: 'budget', label: 'Budget', text: (p) => money(p.budget), sort: (p) => p.budget_usd ?? p.budget?.amount ?? -1, num: true },
    { key: 'sources', label: 'Sources', text: (p) => p.sources.join(' ') },
    { key: 'conflicts', label: 'Sources disagree on', text: (p) => p.conflicts.map((c) => `${c.field}: ${c.values.join(' / ')}`).join('; ') },
  ];
  const table = document.getElementById('table')!;
  const tbody = table.querySelector('tbody')!;
  const headRow = el('tr');
  table.querySelector('thead')!.append(headRow);
  const build = (p: ReportProject): HTMLElement => {
    const tr = el('tr', { 'data-id': p.id });
    for (const c of cols) {
      const td = el('td', c.num ? { class: 'num' } : {});
      if (c.key === 'sources') {
        p.sources.forEach((s, i) => {
          const href = /^https?:\/\//i.test(s) ? s : `file://${encodeURI(s)}`;
          if (i) td.append(el('br'));
          td.append(el('a', { href, title: s }, short(/^https?:\/\//i.test(s) ? s.replace(/^https?:\/\//i, '') : basename(s), 48)));
        });
      } else if (c.key === 'conflicts' && p.conflicts.length) {
        td.className = 'conflict';
        td.textContent = `≠ ${p.conflicts.map((x) => `${x.field}: ${x.values.map((v) => v.replace(/\(([^()]*)\)$/, (_m, src: string) => `(${basename(src)})`)).join(' / ')}`).join('; ')}`;
      } else {
        td.textContent = c.text(p);
      }
      tr.append(td);
    }
    return tr;
  };
  // Rows are built when first shown, and at most PAGE at a time until "Show all": a report of
  // 10,000 projects opens without building 90,000 cells.
  const PAGE = 500;
  let limit = PAGE;
  const rows: Array<{ p: ReportProject; hay: string; tr?: HTMLElement }> = projects.map((p) => ({ p, hay: fold(cols.map((c) => c.text(p)).join(' ')) }));
  const count = document.getElementById('count')!;
  const more = document.getElementById('more') as HTMLButtonElement;
  const search = document.getElementById('search') as HTMLInputElement;
  const render = () => {
    const words = fold(search.value).split(/\s+/).filter(Boolean);
    const hits = words.length ? rows.filter((r) => words.every((w) => r.hay.includes(w))) : rows;
    const shown = hits.slice(0, limit);
    tbody.replaceChildren(...shown.map((r) => (r.tr ??= build(r.p))));
    count.textContent = `${hits.length} of ${plural(rows.length, 'project')}${shown.length < hits.length ? `, the first ${shown.length} listed` : ''}`;
    more.hidden = shown.length >= hits.length;
    more.textContent = `Show all ${hits.length}`;
  };
  more.addEventListener('click', () => {
    limit = Number.POSITIVE_INFINITY;
    render();
  });
  const collator = new Intl.Collator('fr', { numeric: true });
  let sortKey = '';
  let sortDir = 1;
  const sortBy = (c: Col) => {
    sortDir = sortKey === c.key ? -sortDir : 1;
    sortKey = c.key;
    const key = c.sort ?? c.text;
    const keyed = rows.map((r) => ({ r, k: key(r.p) }));
    keyed.sort((a, b) => {
      const blankX = a.k === '' || a.k === -1;
      const blankY = b.k === '' || b.k === -1;
      if (blankX !== blankY) return blankX ? 1 : -1; // blanks last, either way
      return (typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : collator.compare(String(a.k), String(b.k))) * sortDir;
    });
    keyed.forEach((x, i) => (rows[i] = x.r));
    for (const th of headRow.children) th.removeAttribute('aria-sort');
    headRow.children[cols.indexOf(c)]!.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
    render();
  };
  for (const c of cols) {
    const th = el('th', { scope: 'col', 'data-key': c.key, title: 'sort' }, c.label);
    th.addEventListener('click', () => sortBy(c));
    headRow.append(th);
  }
  search.addEventListener('input', () => {
    limit = PAGE;
    render();
  });
  render();
}
