// Project status: the words of the sources (French and English) to Status, Status to the IATI
// ActivityStatus code, and a status derived from the dates when the page gives none.

import type { Status } from '../types.js';
import { periodEnd, periodStart, isoDay } from './dates.js';
import { foldKey } from './text.js';

const EXACT: ReadonlyMap<string, Status> = new Map(
  (
    [
      ['completed', ['acheve', 'achevee', 'acheves', 'termine', 'terminee', 'cloture', 'cloturee', 'clos', 'close', 'ferme', 'fini', 'finalise', 'finalisation', 'completed', 'complete', 'closed', 'finished', 'ended', 'finalisation', 'finalization', 'finalised', 'finalized', 'post completion', 'realise', 'execute']],
      ['ongoing', ['en cours', 'en cours d execution', 'en cours de mise en oeuvre', 'en cours de realisation', 'en execution', 'en mise en oeuvre', 'mise en oeuvre', 'actif', 'active', 'ongoing', 'on going', 'in progress', 'implementation', 'in implementation', 'being implemented', 'operationnel', 'current', 'running', 'open']],
      ['planned', ['planifie', 'planifiee', 'prevu', 'prevue', 'pipeline', 'pipeline identification', 'identification', 'en preparation', 'en cours de preparation', 'en cours de formulation', 'en formulation', 'a venir', 'futur', 'planned', 'proposed', 'upcoming', 'not started', 'non demarre', 'en attente de financement', 'en recherche de financement']],
      ['suspended', ['suspendu', 'suspendue', 'suspended', 'on hold', 'en pause', 'interrompu', 'interrompue', 'gele', 'paused']],
      ['cancelled', ['annule', 'annulee', 'cancelled', 'canceled', 'abandonne', 'abandonnee', 'abandoned', 'terminated early']],
    ] as Array<[Status, string[]]>
  ).flatMap(([status, words]) => words.map((w) => [w, status] as [string, Status])),
);

/** Keywords when the text is longer than a status word ("Projet achevé en 2016"); checked in order. */
const KEYWORDS: ReadonlyArray<[RegExp, Status]> = [
  [/\b(annule|annulee|cancel+ed|abandonn)/, 'cancelled'],
  [/\b(suspendu|suspended|on hold|en pause|interrompu)/, 'suspended'],
  [/\b(planifie|prevu|pipeline|en preparation|de preparation|formulation|planned|proposed|a venir)/, 'planned'],
  [/\b(acheve|termine|cloture|clos|completed|closed|finished|finalis)/, 'completed'],
  [/\b(en cours|actif|active|ongoing|in progress|implementation|mise en oeuvre|execution)/, 'ongoing'],
];

/**
 * A status as the page writes it: Achevé/Terminé/Clôturé/Completed/Closed -> completed; En cours/
 * Actif/Ongoing/Active/en cours d'exécution -> ongoing; Planifié/Prévu/Pipeline -> planned;
 * Suspendu -> suspended; Annulé -> cancelled. Also the canonical values themselves. Null otherwise.
 */
export function normalizeStatus(raw: string | null | undefined): Status | null {
  if (!raw) return null;
  const key = foldKey(raw);
  if (!key) return null;
  const exact = EXACT.get(key);
  if (exact) return exact;
  for (const [re, s] of KEYWORDS) if (re.test(key)) return s;
  return null;
}

/**
 * IATI ActivityStatus code: 1 Pipeline/identification = planned, 2 Implementation = ongoing,
 * 4 Closed = completed, 5 Cancelled, 6 Suspended. (3 Finalisation is not distinguished from
 * completed by the sources, so it is never produced.)
 */
export function iatiStatusCode(status: Status | null | undefined): number | null {
  switch (status) {
    case 'planned':
      return 1;
    case 'ongoing':
      return 2;
    case 'completed':
      return 4;
    case 'cancelled':
      return 5;
    case 'suspended':
      return 6;
    default:
      return null;
  }
}

/**
 * Status from the dates, for pages that give none (today's date in UTC):
 *   - start after today -> planned;
 *   - an end whose last day is before today -> completed;
 *   - an end not yet past, or no end but open ("depuis 2005"), with the start reached or unknown -> ongoing;
 *   - otherwise (no date, or a start with an unknown end that is not open) -> null: unknown.
 */
export function deriveStatus(
  start: string | null,
  end: string | null,
  endOpen: boolean,
  today: Date = new Date(),
): Status | null {
  const t = isoDay(today);
  if (start && periodStart(start) > t) return 'planned';
  if (end) return periodEnd(end) < t ? 'completed' : 'ongoing';
  if (endOpen && start) return 'ongoing';
  return null;
}
