// The donor registry: who funds projects, with every spelling seen in the sources.
// Governments use their ISO 3166-1 alpha-2 code; agencies and multilaterals their usual
// acronym. Matching (see ../donors.ts) ignores case, accents, apostrophe style, hyphens,
// leading articles and "gouvernement de/du/des", so aliases need not repeat those variants.
// An alias written entirely in capitals of up to 5 letters is an acronym: in running text
// it is only recognised when written in capitals ("UE", not "ue"; "CE", not "ce").

import type { DonorKind } from '../../types.js';
import donorData from './donors.json' with { type: 'json' };

export interface DonorEntry {
  code: string;
  /** Canonical French name. */
  name: string;
  nameEn: string;
  kind: Exclude<DonorKind, 'unknown'>;
  /** For an agency: the code of the government (or of the EU) it belongs to. */
  parent?: string;
  aliases: string[];
  /**
   * For a government: adjectives, from which "gouvernement X", "coopération X" and
   * "X government" are generated (masculine and feminine French forms, English).
   */
  adjectives?: { fr: string[]; en: string[] };
  /** For an instrument paid into by several governments (EEA Grants): their codes. */
  fundedBy?: string[];
  /** An agency that mostly carries out projects others fund (GIZ, Enabel, LuxDev): on its own site it is the implementer, not the funder. */
  implementer?: boolean;
}

/** The registry itself is data (donors.json, one donor a row), loaded once with the module. */
export const DONORS: readonly DonorEntry[] = donorData as DonorEntry[];
