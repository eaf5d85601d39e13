// Word lists for the synthetic corpus: donors (codes as the donor registry spells them),
// countries, Moroccan places, title fragments, and sentences cut from the clean seed texts.
// Everything is deterministic given the PRNG, so a corpus with the same key is the same corpus.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './util.mjs';

/**
 * [raw spelling as a page writes it, weight]. make-db resolves each through the product's own
 * donor registry (dist/normalize/donors.js resolveDonor), so codes are the registry's.
 * Weights are rough shares of projects: UE is the largest funder of the Morocco mission;
 * Finlande is rare on purpose (the "selective filter" of the growth row).
 */
export const DONORS = [
  ['UE', 20], ['Suisse', 8], ['USAID', 7], ['PRM', 3], ['Allemagne', 7], ['Belgique', 6], ['Espagne', 6],
  ['Pays-Bas', 5], ['Italie', 4], ['France', 4], ['Royaume-Uni', 3], ['Maroc', 3], ['Norvège', 2], ['Suède', 2],
  ['Danemark', 2], ['Japon', 2], ['Canada', 2], ['Fonds de l’OIM pour le développement', 3], ['Fondation Drosos', 1],
  ['Association Tamkine Sud', 1], ['Finlande', 0.2],
];
export const RARE_DONOR = 'Finlande';

export const COUNTRIES = [
  ['MA', 'Maroc', 70], ['TN', 'Tunisie', 5], ['SN', 'Sénégal', 4], ['EG', 'Égypte', 3], ['LY', 'Libye', 3],
  ['ES', 'Espagne', 3], ['FR', 'France', 2], ['CM', 'Cameroun', 2], ['CI', "Côte d'Ivoire", 2], ['NG', 'Nigeria', 2],
  ['ML', 'Mali', 2], ['GN', 'Guinée', 1], ['YE', 'Yémen', 1],
];

export const PLACES = [
  ['Rabat', 'city'], ['Casablanca', 'city'], ['Tanger', 'city'], ['Tétouan', 'city'], ['Oujda', 'city'], ['Fès', 'city'],
  ['Marrakech', 'city'], ['Agadir', 'city'], ['Nador', 'city'], ['Khouribga', 'city'], ['Beni Mellal', 'city'],
  ['Mohammedia', 'city'], ['Laâyoune', 'city'], ['Oriental', 'region'], ['Souss-Massa', 'region'], ['Huelva', 'province'],
];

// Title = action + public + theme + place: 30 x 30 x 25 x 40 = 900,000 combinations, so titles
// share words as real ones do without most of them being the same title (which would make
// store/link.ts group them as one project).
export const TITLE_ACTIONS = [
  'Renforcement des capacités', 'Appui à la mise en œuvre', 'Assistance directe', 'Autonomisation', 'Protection',
  'Insertion socioéconomique', 'Formation professionnelle', 'Promotion de la santé', 'Lutte contre la traite',
  'Aide au retour volontaire et à la réintégration', 'Mobilisation', 'Gestion intégrée',
  'Sensibilisation', 'Accès aux services de base', 'Dialogue régional', 'Soutien psychosocial', 'Inclusion financière',
  'Accompagnement', 'Orientation scolaire', 'Hébergement d’urgence', 'Employabilité', 'Cartographie',
  'Collecte de données', 'Prévention', 'Réinsertion', 'Coordination', 'Plaidoyer', 'Médiation interculturelle',
  'Entrepreneuriat', 'Résilience communautaire',
];
export const TITLE_OBJECTS = [
  'des autorités locales', 'des organisations de la société civile', 'des femmes travailleuses migrantes',
  'des jeunes défavorisés', 'des migrants vulnérables', 'des enfants non accompagnés',
  'des victimes de la traite', 'des migrants de retour', 'des acteurs institutionnels', 'des communautés d’accueil',
  'des travailleurs saisonniers', 'des demandeurs d’asile', 'de la diaspora marocaine', 'des étudiants subsahariens',
  'des agents frontaliers', 'des travailleurs sociaux', 'des médecins et infirmiers', 'des journalistes',
  'des élus communaux', 'des familles rapatriées', 'des mineurs isolés', 'des coopératives féminines',
  'des associations de quartier', 'des inspecteurs du travail', 'des magistrats', 'des enseignants',
  'des porteurs de projets', 'des artisans', 'des agriculteurs', 'des pêcheurs',
];
export const TITLE_THEMES = [
  'en matière de santé mentale', 'par la formation aux métiers du bâtiment', 'face aux changements climatiques',
  'pour le droit au logement', 'contre les violences basées sur le genre', 'pour l’état civil', 'par le sport',
  'par la culture et les arts', 'dans l’économie numérique', 'pour la sécurité alimentaire', 'par le microcrédit',
  'pour l’accès à la justice', 'dans le tourisme rural', 'pour la scolarisation', 'dans les chantiers navals',
  'par l’apprentissage du darija', 'en matière de recrutement équitable', 'pour la transférabilité des pensions',
  'par l’investissement productif', 'en situation de crise sanitaire', 'pour la gestion des déchets',
  'dans la filière oléicole', 'par le volontariat', 'pour les transferts de fonds', 'dans l’hôtellerie',
];
export const TITLE_TAILS = [
  'au Maroc', 'dans l’Oriental', 'à Tanger', 'à Tétouan', 'à Casablanca', 'à Mohammedia', 'à Rabat', 'à Salé',
  'à Oujda', 'à Nador', 'à Fès', 'à Meknès', 'à Marrakech', 'à Agadir', 'à Tiznit', 'à Guelmim', 'à Laâyoune',
  'à Dakhla', 'à Khouribga', 'à Beni Mellal', 'à Errachidia', 'à Ouarzazate', 'à Taza', 'à Al Hoceïma',
  'à Larache', 'à Kénitra', 'à El Jadida', 'à Safi', 'à Essaouira', 'à Taroudant', 'dans le Souss-Massa',
  'dans le Rif', 'en Afrique du Nord', 'au Sahel', 'au Maroc et en Tunisie', 'au Maghreb', 'en Méditerranée',
  'dans la région de Drâa-Tafilalet', 'dans la région de Fès-Meknès', 'dans la région de Marrakech-Safi',
];
/** A title from the four pools. */
export const makeTitle = (r) => `${r.pick(TITLE_ACTIONS)} ${r.pick(TITLE_OBJECTS)} ${r.pick(TITLE_THEMES)} ${r.pick(TITLE_TAILS)}`;
export const TYPES = [
  'Migration de main-d’œuvre', 'Services de migration assistée', 'Migration et développement', 'Lutte contre la traite',
  'Santé des migrants', 'Gestion des frontières', 'Retour et réintégration', 'Appui à la jeunesse',
];
export const SECTIONS = ['Migration et développement', 'Assistance directe aux migrants', 'Appui à la jeunesse et développement social'];
export const PARTNERS = ['ANAPEC', 'Entraide nationale', 'PNUD', 'UNHCR', 'ONU Femmes', 'Enabel', 'CARE International Maroc', 'Ministère de la Santé', 'FNUAP'];

/** Sentences from the clean seed texts (the damaged first paragraph of seed 003 is left out). */
export function seedSentences() {
  const dir = join(ROOT, 'fixtures', 'seeds');
  const out = [];
  for (const f of readdirSync(dir).sort()) {
    let text = readFileSync(join(dir, f), 'utf8');
    if (f.startsWith('003')) text = text.slice(text.indexOf('Citation preview'));
    for (const line of text.split(/\n/)) {
      if (line.length < 60 || /^-|nous|Notre travail/.test(line.trim())) continue;
      for (const s of line.replace(/\s+/g, ' ').split(/(?<=[.;!?])\s+/u)) {
        const t = s.trim();
        // Not the PDF's bullets, "Fonds :" lines or words cut by hyphenation: they belong to other page kinds.
        if (t.length >= 50 && t.length <= 420 && /[.!?;»)]$/.test(t) && !/[@·•]|Embed|Booking|Fonds\s*:|\p{Ll}-\p{Ll}/u.test(t)) out.push(t);
      }
    }
  }
  return [...new Set(out)];
}

/** The clean text of all seeds, for the repair corpus. */
export function cleanSeedText() {
  const dir = join(ROOT, 'fixtures', 'seeds');
  return readdirSync(dir)
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return f.startsWith('003') ? text.slice(text.indexOf('Citation preview') + 'Citation preview'.length) : text;
    })
    .join('\n\n');
}
