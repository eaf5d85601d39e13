#!/usr/bin/env node
// Writes the PDF pages of the issue-11 corpus (fixtures/pages/{tune,holdout}/*.pdf).
// Run with `node scripts/make-corpus-pdfs.mjs`. The outputs are committed (like those of
// make-fixture-pdfs.mjs); rerunning gives byte-identical files. Needs pdfkit (dev dependency)
// and the DejaVu fonts (Debian: fonts-dejavu-core), embedded (subset) in the PDFs.
//
// The appeal sheets reproduce the shape humanitarian appeal sheets leave after text extraction:
// the fact box is drawn as a column of labels, then a column of values (two text frames), so
// pdf.js reads the block of labels first and then the block of values, in the same order.
// All names, places and figures are invented (see fixtures/pages/README.md).

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'fixtures/pages');
const FIXED_DATE = new Date(Date.UTC(2024, 0, 15, 9, 0, 0));

function findFont(file, pattern) {
  for (const d of ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/local/share/fonts']) {
    const p = path.join(d, file);
    if (fs.existsSync(p)) return p;
  }
  try {
    const p = execFileSync('fc-match', ['-f', '%{file}', pattern], { encoding: 'utf8' }).trim();
    if (p && path.basename(p) === file && fs.existsSync(p)) return p;
  } catch {
    // fc-match missing
  }
  throw new Error(`font ${file} not found: install it (Debian: apt-get install fonts-dejavu-core)`);
}

const FONT = findFont('DejaVuSans.ttf', 'DejaVu Sans:style=Book');
const BOLD = findFont('DejaVuSans-Bold.ttf', 'DejaVu Sans:style=Bold');
const NOLIG = { features: [] }; // one glyph per character: no "ﬁ" in the text layer
const BLUE = '#0b3c8c';

function render(build, info) {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Producer: 'pdfkit', Creator: 'iom scripts/make-corpus-pdfs.mjs', CreationDate: FIXED_DATE, ...info } });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    build(doc);
    doc.end();
  });
}

function para(doc, text, { size = 10, font = FONT, color = '#1f1f1f', gap = 6, x, width } = {}) {
  doc.font(font).fontSize(size).fillColor(color);
  const opts = { ...NOLIG, width: width ?? doc.page.width - 112, align: 'left' };
  if (x !== undefined) doc.text(text, x, doc.y, opts);
  else doc.text(text, opts);
  doc.moveDown(gap / size);
}

/**
 * The fact box: a shaded column of labels at the left, the values at the right. All labels are
 * drawn first, then all values, each value at the height of its label (a value may wrap).
 */
function factBox(doc, rows, { top, labelW = 150, valueX = 56 + 160, valueW = 320 }) {
  const size = 9.5;
  doc.font(FONT).fontSize(size);
  // heights of the rows (the value decides)
  const heights = rows.map(([, v]) => Math.max(doc.heightOfString(v, { ...NOLIG, width: valueW }), size * 1.2) + 6);
  const total = heights.reduce((a, b) => a + b, 0) + 8;
  doc.save().rect(56, top, labelW, total).fill('#e8edf6').restore();
  let y = top + 6;
  doc.font(BOLD).fontSize(size).fillColor(BLUE);
  for (const [i, [label]] of rows.entries()) {
    doc.text(label, 62, y, { ...NOLIG, width: labelW - 12 });
    y += heights[i];
  }
  y = top + 6;
  doc.font(FONT).fontSize(size).fillColor('#1f1f1f');
  for (const [i, [, value]] of rows.entries()) {
    doc.text(value, valueX, y, { ...NOLIG, width: valueW });
    y += heights[i];
  }
  doc.x = 56;
  doc.y = top + total + 14;
}

function header(doc, left, right) {
  doc.font(BOLD).fontSize(8.5).fillColor(BLUE).text(left, 56, 30, { ...NOLIG, width: 300 });
  doc.font(FONT).fontSize(8.5).fillColor('#555555').text(right, 330, 30, { ...NOLIG, width: 209, align: 'right' });
  doc.x = 56;
  doc.y = 70;
}

function footer(doc, text) {
  const y = doc.page.height - 40;
  doc.font(FONT).fontSize(7.5).fillColor('#777777').text(text, 56, y, { ...NOLIG, width: doc.page.width - 112, align: 'center', lineBreak: false });
}

// ---------------------------------------------------------------------------------------------
// Pages

async function appealChad() {
  return render(
    (doc) => {
      header(doc, 'IOM CHAD – CRISIS RESPONSE PLAN 2024', 'Project sheet 3 of 7');
      para(doc, 'Emergency Shelter and Camp Coordination for Displaced Households in Lac Province', { size: 15, font: BOLD, color: BLUE, gap: 10 });
      factBox(
        doc,
        [
          ['Appealing agency', 'International Organization for Migration (IOM)'],
          ['Sector', 'Shelter and Non-Food Items; Camp Coordination and Camp Management'],
          ['Target beneficiaries', '12,500 internally displaced persons and 3,000 members of host households'],
          ['Implementing partners', 'Association Tchadienne pour le Développement Communautaire (ATDC)'],
          ['Project duration', 'January – December 2024'],
          ['Geographical coverage', 'Lac Province (Bol, Baga Sola and Liwa sub-prefectures), Chad'],
          ['Funds requested', '$2,150,000.00'],
          ['Project code', 'TCD-24/SNFI/0212'],
        ],
        { top: doc.y },
      );
      para(doc, 'Needs', { size: 11, font: BOLD, color: BLUE });
      para(
        doc,
        'Flooding along the shores of the lake and renewed attacks on island villages have pushed families into fourteen informal sites on the mainland. Most shelters there are made of straw and plastic sheeting that does not last a rainy season, and no site has a committee able to speak for its residents.',
      );
      para(doc, 'Planned response', { size: 11, font: BOLD, color: BLUE });
      para(
        doc,
        'IOM will distribute 2,100 transitional shelter kits and household items, train site committees in the fourteen sites, and keep a displacement tracking count every month so that other partners know where new arrivals settle.',
      );
      footer(doc, 'IOM Chad – N’Djamena – This sheet is part of an appeal; the amount above is a funding requirement.');
    },
    { Title: 'IOM Chad – Crisis Response Plan 2024 – Project sheet', Author: 'IOM Chad' },
  );
}

async function appealMali() {
  return render(
    (doc) => {
      header(doc, 'OIM MALI – APPEL DE FONDS HUMANITAIRE', 'Fiche projet');
      para(doc, 'Assistance d’urgence et protection des personnes déplacées internes au centre du Mali', { size: 15, font: BOLD, color: BLUE, gap: 10 });
      factBox(
        doc,
        [
          ['Organisation', 'Organisation internationale pour les migrations (OIM)'],
          ['Secteur', 'Protection ; Abris et articles non alimentaires'],
          ['Bénéficiaires ciblés', '8 400 personnes déplacées internes, dont 4 900 femmes et filles'],
          ['Partenaires', 'Association Dogon pour l’Entraide (ADE) ; directions régionales du développement social'],
          ['Durée', '12 mois (avril 2023 - mars 2024)'],
          ['Couverture géographique', 'Régions de Mopti et de Ségou, Mali'],
          ['Fonds requis', '1 480 000 USD'],
          ['Code du projet', 'MLI-23/P-HR-RL/0418'],
        ],
        { top: doc.y },
      );
      para(doc, 'Contexte', { size: 11, font: BOLD, color: BLUE });
      para(
        doc,
        'Les violences dans les cercles de Bankass et de Macina ont vidé plusieurs villages. Les familles arrivent à Mopti et à Ségou sans abri ni documents, et les sites d’accueil n’ont ni éclairage ni espaces sûrs pour les femmes.',
      );
      para(doc, 'Activités prévues', { size: 11, font: BOLD, color: BLUE });
      para(
        doc,
        'Distribution de 1 200 kits d’abri, gestion de cas pour les personnes les plus vulnérables, orientation vers les services de santé et d’état civil, et formation des comités de site.',
      );
      footer(doc, 'OIM Mali – Bamako – Les montants indiqués sont des besoins de financement.');
    },
    { Title: 'OIM Mali – Appel de fonds humanitaire – Fiche projet', Author: 'OIM Mali' },
  );
}

async function vacancyNotice() {
  return render(
    (doc) => {
      header(doc, 'ORGANISATION INTERNATIONALE POUR LES MIGRATIONS', 'Avis de vacance SVN/DKR/2024/031');
      para(doc, 'Avis de vacance de poste – Assistant(e) administratif(ve) et financier(ère)', { size: 15, font: BOLD, color: BLUE, gap: 10 });
      factBox(
        doc,
        [
          ['Lieu d’affectation', 'Dakar, Sénégal'],
          ['Type de contrat', 'Contrat de courte durée'],
          ['Durée du contrat', '6 mois, renouvelable'],
          ['Grade', 'G5'],
          ['Date limite de candidature', '15 mars 2024'],
        ],
        { top: doc.y },
      );
      para(doc, 'Responsabilités', { size: 11, font: BOLD, color: BLUE });
      para(
        doc,
        'Sous la supervision du responsable des ressources, le ou la titulaire tient les registres de dépenses du bureau, prépare les paiements aux fournisseurs, vérifie les pièces justificatives et aide à la préparation des rapports mensuels.',
      );
      para(doc, 'Qualifications requises', { size: 11, font: BOLD, color: BLUE });
      para(
        doc,
        'Diplôme en comptabilité ou en gestion et au moins cinq ans d’expérience ; maîtrise des tableurs ; français courant, anglais de travail. Les candidatures féminines sont vivement encouragées.',
      );
      para(doc, 'Comment postuler', { size: 11, font: BOLD, color: BLUE });
      para(doc, 'Envoyer une lettre de motivation et un curriculum vitae à l’adresse de recrutement du bureau, en indiquant la référence de l’avis dans l’objet du message.');
      footer(doc, 'L’OIM ne demande aucun frais à aucune étape du recrutement.');
    },
    { Title: 'Avis de vacance de poste', Author: 'OIM Sénégal' },
  );
}

async function appealDjibouti() {
  return render(
    (doc) => {
      header(doc, 'IOM DJIBOUTI – MIGRANT RESPONSE PLAN', 'Project sheet');
      para(doc, 'Health and Protection for Migrants on the Eastern Route in Obock and Tadjourah', { size: 15, font: BOLD, color: BLUE, gap: 10 });
      factBox(
        doc,
        [
          ['Appealing agency', 'International Organization for Migration (IOM)'],
          ['Sector', 'Health; Protection'],
          ['Target beneficiaries', '9,000 migrants in transit, including 1,400 unaccompanied children'],
          ['Duration', '12 months'],
          ['Period', 'January – December 2025'],
          ['Location', 'Obock and Tadjourah regions, Djibouti'],
          ['Funds requested', 'USD 980,000'],
          ['Donors to date', 'Government of Japan'],
        ],
        { top: doc.y },
      );
      para(doc, 'Situation', { size: 11, font: BOLD, color: BLUE });
      para(
        doc,
        'Migrants walking from the Ethiopian border towards the coast cross more than two hundred kilometres of desert. Many reach Obock dehydrated or injured, and the two health posts on the route have no staff at night.',
      );
      para(doc, 'Response', { size: 11, font: BOLD, color: BLUE });
      para(doc, 'Mobile health teams, water points along the route, a protection desk at the Migration Response Centre and assisted voluntary return for those who ask for it.');
      footer(doc, 'IOM Djibouti – Funding requirements are indicative.');
    },
    { Title: 'IOM Djibouti – Migrant Response Plan – Project sheet', Author: 'IOM Djibouti' },
  );
}

async function main() {
  const jobs = [
    ['tune/appeal-sheet-chad-shelter-en.pdf', appealChad],
    ['tune/appel-fonds-mali-deplaces-fr.pdf', appealMali],
    ['tune/avis-vacance-poste-dakar-fr.pdf', vacancyNotice],
    ['holdout/appeal-sheet-djibouti-health-en.pdf', appealDjibouti],
  ];
  for (const [rel, make] of jobs) {
    const buf = await make();
    const file = path.join(OUT, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, buf);
    console.log(`wrote fixtures/pages/${rel} (${buf.length} bytes)`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
