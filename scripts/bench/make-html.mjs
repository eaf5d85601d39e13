// Generates N project-sheet pages the size of a real country-site page (~100 KB: head with
// inline CSS, an SVG sprite, header mega-menus, the fields as label/value blocks, body, footer,
// Drupal settings JSON), each with its own title, ids, dates, status, type and budget.
// The page comes from fixtures/html/oim-maroc-projet-lm0416.html when that file exists (values
// of seed 000 swapped for generated ones), else from a built-in Drupal-like page.
// Usage: node scripts/bench/make-html.mjs <N> <outDir>   (prints JSON: { n, bytes, template })
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, rng } from './util.mjs';
import { COUNTRIES, TYPES, makeTitle, seedSentences } from './vocab.mjs';

export const TEMPLATE = join(ROOT, 'fixtures', 'html', 'oim-maroc-projet-lm0416.html');
const SEED = {
  title: 'Autonomisation des femmes travailleuses migrantes circulaires au Maroc',
  start: '2020', end: '2022', status: 'Achevé', type: 'Migration de main-d’œuvre', budget: '300000.00',
  year: '2020', prima: 'MA10P0517', pid: 'LM.0416',
};
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function values(r, i, sentences) {
  const y = r.int(2005, 2024);
  const end = Math.min(2027, y + r.int(1, 4));
  return {
    title: makeTitle(r),
    start: String(y),
    end: String(end),
    status: end < 2025 ? 'Achevé' : 'En cours',
    type: r.pick(TYPES),
    budget: `${r.int(5, 400) * 10000}.00`,
    year: String(y),
    prima: `MA${10 + Math.floor(i / 10000)}P${String(i % 10000).padStart(4, '0')}`,
    pid: `${String.fromCharCode(65 + (Math.floor(i / 260000) % 26), 65 + (Math.floor(i / 10000) % 26))}.${String(i % 10000).padStart(4, '0')}`,
    country: r.chance(0.85) ? 'Maroc' : r.pick(COUNTRIES)[1],
    paragraphs: Array.from({ length: r.int(3, 6) }, () => Array.from({ length: r.int(1, 3) }, () => r.pick(sentences)).join(' ')),
  };
}

// ---------- built-in page ----------
function chrome(r) {
  const words = ['Migration', 'Protection', 'Données', 'Partenariats', 'Jeunesse', 'Santé', 'Frontières', 'Retour',
    'Réintégration', 'Diaspora', 'Climat', 'Urgences', 'Travail', 'Intégration', 'Recherche', 'Publications', 'Médias'];
  const link = (t, depth) => `<li class="menu-item menu-item--level-${depth}"><a href="/fr/${encodeURIComponent(t.toLowerCase().replace(/\s+/g, '-'))}" class="menu-link" data-drupal-link-system-path="node/${r.int(100, 99999)}"><span class="menu-link__text">${esc(t)}</span></a></li>`;
  const mega = [];
  for (let g = 0; g < 12; g++) {
    const items = Array.from({ length: 12 }, (_, k) => link(`${r.pick(words)} ${r.pick(['et développement', 'des migrants', 'au Maroc', 'régionale', 'durable', ''])} ${k + 1}`.replace(/\s+/g, ' ').trim(), 2));
    mega.push(`<li class="menu-item menu-item--expanded"><button class="menu-toggle" aria-expanded="false">${esc(r.pick(words))}</button><div class="mega-menu__panel"><ul class="menu menu--level-2">${items.join('')}</ul></div></li>`);
  }
  const css = Array.from({ length: 110 }, (_, k) => `.c${k}-${r.int(1, 9999)}{margin:${k % 7}px ${k % 5}rem;padding:0 ${k % 3}em;color:#${(r.int(0, 0xffffff)).toString(16).padStart(6, '0')};display:flex;align-items:center}`).join('\n');
  const svg = Array.from({ length: 40 }, (_, k) => `<symbol id="icon-${k}" viewBox="0 0 24 24"><path d="M${Array.from({ length: 24 }, () => `${r.int(0, 24)}.${r.int(0, 99)} ${r.int(0, 24)}.${r.int(0, 99)}`).join(' L')} Z"/></symbol>`).join('');
  const settings = JSON.stringify({
    path: { baseUrl: '/', pathPrefix: 'fr/', currentPath: 'node/1', currentLanguage: 'fr' },
    ajaxPageState: { libraries: Array.from({ length: 120 }, (_, k) => `iom_theme/component-${k}`).join(','), theme: 'iom_theme' },
    views: { ajax_path: '/fr/views/ajax', ajaxViews: Object.fromEntries(Array.from({ length: 60 }, (_, k) => [`views_dom_id:${(k * 7919).toString(16)}`, { view_name: `projects_${k}`, view_display_id: 'block_1', view_args: '', view_path: '/node/1', pager_element: 0 }])) },
  });
  const footerLinks = Array.from({ length: 90 }, (_, k) => link(`${r.pick(words)} ${k}`, 1)).join('');
  const head = `<!DOCTYPE html>
<html lang="fr" dir="ltr" prefix="og: https://ogp.me/ns#">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>@@TITLE@@ | OIM Maroc</title>
${Array.from({ length: 30 }, (_, k) => `<link rel="stylesheet" media="all" href="/sites/default/files/css/css_${(k * 104729).toString(36)}.css?delta=${k}&amp;language=fr&amp;theme=iom_theme" />`).join('\n')}
<style>${css}</style>
</head>`;
  const header = `<body class="path-node page-node-type-project">
<a href="#main-content" class="visually-hidden focusable skip-link">Aller au contenu principal</a>
<svg xmlns="http://www.w3.org/2000/svg" style="display:none">${svg}</svg>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<header class="site-header" role="banner">
<nav class="menu--main" aria-label="Navigation principale"><ul class="menu menu--level-1">
<li class="menu-item"><div class="menu-title">Qui sommes nous</div><div class="menu-intro"><p class="menu-intro__title">Qui sommes nous</p><p>L'Organisation internationale pour les migrations (OIM) fait partie du système des Nations Unies et est la première organisation intergouvernementale à promouvoir depuis 1951 une migration humaine et ordonnée qui profite à tous, composée de 175 Etats membres et présente dans 171 pays.</p></div>
<div class="menu-title">Structure</div><div class="menu-title">Structure</div><ul>
<li><a href="/fr/structure">Structure organisationnelle</a></li><li><a href="/fr/dg">Directrice générale</a></li><li><a href="/fr/ddg">Directrice générale adjointe chargée de la gestion et des réformes</a></li><li><a href="/fr/ddg-ops">Directrice générale adjointe chargée des opérations</a></li><li><a href="/fr/cabinet">Bureau du Chef de Cabinet</a></li><li><a href="/fr/partenariats">Bureau des partenariats, de la sensibilisation et de la communication</a></li><li><a href="/fr/strategie">Bureau de la stratégie et de la performance institutionnelle</a></li></ul></li>
<li class="menu-item"><div class="menu-title">Notre travail</div><div class="menu-intro"><p class="menu-intro__title">Notre travail</p><p>En tant que principale organisation intergouvernementale qui promeut depuis 1951 une migration humaine et ordonnée, l'OIM joue un rôle clé pour soutenir la réalisation du Programme 2030 à travers différents domaines d'intervention qui relient à la fois l'aide humanitaire et le développement durable.</p></div>
<div class="menu-title">Ce que nous faisons</div><div class="menu-title">Ce que nous faisons</div><div class="menu-title">Partenariats</div><div class="menu-title">Partenariats</div><ul><li><a href="/fr/ou">Où travaillons-nous</a></li></ul></li>
<li class="menu-item"><div class="menu-title">Agir</div><div class="menu-title">Agir</div><div class="menu-title">Travailler avec nous</div><div class="menu-title">Travailler avec nous</div><div class="menu-title">Engagez-vous</div><div class="menu-title">Engagez-vous</div><ul><li><a href="/fr/donnees">Données et recherche</a></li><li><a href="/fr/agenda">2030 AGENDA</a></li></ul></li>
</ul></nav>
<nav class="mega-menu" aria-hidden="true" hidden><template><ul class="menu">${mega.join('\n')}</ul></template></nav>
</header>`;
  const footer = `<footer class="site-footer" role="contentinfo"><div class="footer__links"><template><ul class="menu">${footerLinks}</ul></template></div>
<div class="footer__legal"><template><p>© Organisation internationale pour les migrations. Tous droits réservés.</p></template></div></footer>
</div>
<script type="application/json" data-drupal-selector="drupal-settings-json">${settings}</script>
${Array.from({ length: 25 }, (_, k) => `<script src="/sites/default/files/js/js_${(k * 7877).toString(36)}.js?scope=footer&amp;delta=${k}&amp;language=fr&amp;theme=iom_theme"></script>`).join('\n')}
</body>
</html>
`;
  const pad = {
    head: `${Array.from({ length: 30 }, (_, k) => `<link rel="stylesheet" media="all" href="/sites/default/files/css/css_${(k * 104729).toString(36)}.css?delta=${k}&amp;language=fr&amp;theme=iom_theme" />`).join('\n')}\n<style>${css}</style>\n`,
    body: `<svg xmlns="http://www.w3.org/2000/svg" style="display:none">${svg}</svg>\n<nav class="mega-menu" aria-hidden="true" hidden><template><ul class="menu">${mega.join('\n')}</ul></template></nav>\n`,
    foot: `<div class="footer__links"><template><ul class="menu">${footerLinks}</ul></template></div>\n<script type="application/json" data-drupal-selector="drupal-settings-extra">${settings}</script>\n`,
  };
  return { head, header, footer, pad };
}

function builtinPage(c, v) {
  const field = (name, label, value) =>
    `<li class="field field--name-field-${name} field--type-string field--label-above"><div class="field__label">${esc(label)}</div><div class="field__item">${esc(value)}</div></li>`;
  const main = `<main role="main" id="main-content"><article class="node node--type-project node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title">${esc(v.title)}</span></h1>
<ul class="project-fields">
${field('start-date', 'Date de début', v.start)}
${field('end-date', 'Date de fin', v.end)}
${field('project-status', 'Statut du projet', v.status)}
${field('project-type', 'Type de projet', v.type)}
${field('budget', 'Budget Amount (USD)', v.budget)}
${field('coverage', 'Couverture', 'National')}
${field('year', 'Année', v.year)}
${field('idf-region', 'IDF Region', 'Afrique')}
${field('prima-id', 'Prima ID', v.prima)}
${field('project-id', 'Projet ID', v.pid)}
${field('member-states', 'Etat(s) membre(s) beneficiaires remplissant les conditions requises', v.country)}
</ul>
<div class="field field--name-body field--type-text-with-summary">${v.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</div>
</article></main>`;
  return c.head.replace('@@TITLE@@', esc(v.title)) + c.header + main + c.footer;
}

// ---------- from the fixture page ----------
/** Replaces the first `oldValue` that follows `label` (within 600 characters of markup). */
function replaceAfter(html, label, oldValue, newValue) {
  const at = html.indexOf(label);
  if (at < 0) return html;
  const from = at + label.length;
  const k = html.indexOf(oldValue, from);
  if (k < 0 || k - from > 600) return html;
  return html.slice(0, k) + newValue + html.slice(k + oldValue.length);
}

/**
 * The fixture page (trimmed to ~23 KB) with the generated values, padded back to the size of the
 * served page with what a real one carries and the text extraction skips: stylesheets and inline
 * CSS, an SVG sprite, the mega-menu and footer menus (in <template>), Drupal settings JSON.
 */
function templatePage(tpl, v, c) {
  let h = tpl.split(SEED.title).join(esc(v.title));
  const field = (label, old, value) => {
    h = replaceAfter(h, `${label}</div>`, `>${old}<`, `>${esc(value)}<`);
  };
  field('Date de début', SEED.start, v.start);
  field('Date de fin', SEED.end, v.end);
  field('Statut du projet', SEED.status, v.status);
  field('Type de projet', SEED.type, v.type);
  field('Budget Amount (USD)', SEED.budget, v.budget);
  field('Année', SEED.year, v.year);
  h = h.split(SEED.prima).join(v.prima).split(SEED.pid).join(v.pid);
  // A body paragraph of its own, so pages differ in text too.
  h = h.replace('Ce projet s’intéressera', `${esc(v.paragraphs[0])}</p>\n<p>Ce projet s’intéressera`);
  h = h.replace('</head>', `${c.pad.head}</head>`);
  h = h.replace(/<body[^>]*>/, (m) => `${m}\n${c.pad.body}`);
  return h.replace('</body>', `${c.pad.foot}</body>`);
}

export function generate(n, outDir) {
  const tmp = `${outDir}.building`;
  rmSync(tmp, { recursive: true, force: true });
  const useTpl = existsSync(TEMPLATE);
  const tpl = useTpl ? readFileSync(TEMPLATE, 'utf8') : null;
  const sentences = seedSentences();
  const c = chrome(rng(42));
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const dir = join(tmp, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
    const v = values(rng(7 * i + 1), i, sentences);
    const html = useTpl ? templatePage(tpl, v, c) : builtinPage(c, v);
    bytes += Buffer.byteLength(html);
    writeFileSync(join(dir, `projet-${String(i).padStart(6, '0')}.html`), html);
  }
  renameSync(tmp, outDir);
  return { n, bytes, template: useTpl ? 'fixtures/html/oim-maroc-projet-lm0416.html' : 'built-in Drupal-like page' };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2]);
  process.stdout.write(JSON.stringify(generate(n, process.argv[3])) + '\n');
}
