// One self-contained HTML file: the chart library (Observable Plot on d3), topojson-client and the
// world-atlas boundaries are read from node_modules and inlined with the data, so the page opens
// from disk with no server and no network. The page's own code is reportMain (client.ts), inlined
// from its compiled source.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { reportMain } from './client.js';
import type { ReportData } from './data.js';

const require = createRequire(import.meta.url);

/** The folder of an installed package (its "exports" may hide package.json and dist/). */
function packageDir(name: string, entry?: string): string {
  let dir = dirname(require.resolve(entry ?? name));
  for (let i = 0; i < 10; i++) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj) && (JSON.parse(readFileSync(pj, 'utf8')) as { name?: string }).name === name) return dir;
    dir = dirname(dir);
  }
  throw new Error(`cannot find the installed package ${name}`);
}

/** The browser build a package publishes (its "unpkg" file: a UMD bundle). */
function browserBuild(name: string): string {
  const dir = packageDir(name);
  const pj = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { unpkg?: string; jsdelivr?: string };
  return readFileSync(join(dir, pj.unpkg ?? pj.jsdelivr!), 'utf8');
}

/** Text safe inside <script>: no "</script" or "<!--" can end or confuse the element. */
function scriptText(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** JSON safe inside <script type="application/json">. */
function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
:root { --fg: #1d2433; --muted: #5b6478; --line: #dde1e8; --accent: #0b5cad; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); }
body { margin: 0 auto; max-width: 1180px; padding: 16px 24px 48px; }
header h1 { margin: 0 0 4px; font-size: 1.6rem; }
.meta, .note { color: var(--muted); font-size: .9rem; }
nav a { margin-right: 1em; color: var(--accent); }
section { margin-top: 28px; border-top: 1px solid var(--line); padding-top: 8px; }
h2 { font-size: 1.25rem; margin: 8px 0; }
figure { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
#projects th { cursor: pointer; user-select: none; white-space: nowrap; background: #f5f7fa; position: sticky; top: 0; }
#projects th[aria-sort="ascending"]::after { content: " ▲"; }
#projects th[aria-sort="descending"]::after { content: " ▼"; }
#table td:first-child { min-width: 18em; }
td.num { text-align: right; white-space: nowrap; }
td.conflict { color: #a33; }
#search { font-size: 1rem; padding: 4px 8px; width: 22em; margin: 4px 12px 8px 0; }
#budgets td:nth-child(n+3) { text-align: right; }
a { color: var(--accent); }
`;

export function renderReport(data: ReportData): string {
  const atlas = readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8');
  const title = `iom report: ${data.projects.length} project${data.projects.length === 1 ? '' : 's'}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Who funds what, where, when, for how much. ${escapeHtml(data.filters ? `Filters: ${data.filters}. ` : 'All projects. ')}Written ${escapeHtml(data.generated.slice(0, 10))} by iom ${escapeHtml(data.version)} from pages about IOM projects; not an official IOM publication.</p>
<nav><a href="#timeline">Timeline</a><a href="#donors">Funding by donor</a><a href="#map">Countries</a><a href="#projects">Projects</a></nav>
</header>
<section id="timeline"><h2>Timeline</h2>
<p class="note">One bar per project from its start to its end, coloured by its (first) donor's government or institution. A bar drawn faded and dashed, with an arrow, has an open end: the project is ongoing or its end is unknown, and the bar runs to the report's date (dotted line).</p>
<figure class="chart"></figure><p class="note" id="undated"></p></section>
<section id="donors"><h2>Funding by donor</h2>
<p class="note">Projects per donor, agencies stacked under their government. A project funded by several donors counts for each.</p>
<figure class="chart"></figure>
<table id="budgets"><thead><tr><th>Government or institution</th><th>Donor as named</th><th>Projects</th><th>Budgets (as the sources give them; no exchange rates)</th></tr></thead><tbody></tbody></table></section>
<section id="map"><h2>Countries</h2>
<p class="note">Projects per country (a project in several countries counts in each). Boundaries: Natural Earth 1:110m via world-atlas.</p>
<figure class="chart"></figure><p class="note" id="unmapped"></p></section>
<section id="projects"><h2>Projects</h2>
<input id="search" type="search" placeholder="Search titles, donors, countries, sources…" aria-label="Search the projects"><span id="count" class="meta"></span>
<table id="table"><thead></thead><tbody></tbody></table><p><button id="more" type="button" hidden></button></p></section>
<script type="application/json" id="iom-data">${jsonText(data)}</script>
<script type="application/json" id="iom-atlas">${atlas.replace(/</g, '\\u003c')}</script>
<script>${scriptText(browserBuild('d3'))}</script>
<script>${scriptText(browserBuild('@observablehq/plot'))}</script>
<script>${scriptText(browserBuild('topojson-client'))}</script>
<script>(${scriptText(reportMain.toString())})(JSON.parse(document.getElementById('iom-data').textContent), JSON.parse(document.getElementById('iom-atlas').textContent));</script>
</body>
</html>
`;
}
