// The measure readers are compared by: how many of the fields an analyst asks for a draft has.
// Its own module: the registry (readers.ts) and the general reader both use it.
import type { ProjectDraft } from '../types.js';

/** How many of the fields an analyst asks for a draft has: the measure readers are compared by. */
export function draftScore(d: ProjectDraft): number {
  return (
    (d.title ? 1 : 0) +
    (d.donors?.length || d.donorsText ? 1 : 0) +
    (d.start || d.period ? 1 : 0) +
    (d.end || d.period ? 1 : 0) +
    (d.budget ? 1 : 0) +
    (d.memberStates?.length || d.countriesText?.length ? 1 : 0)
  );
}
