// Types of scripts/eval-extract-lib.mjs, for the tests.
export declare const FIELDS: readonly ['title', 'donors', 'start', 'end', 'budget', 'countries'];
export type Field = (typeof FIELDS)[number];
export declare const SPLITS: readonly string[];
export declare const DEFAULT_TODAY: string;
export declare const MATCH_THRESHOLD: number;
export interface ExpectedProject {
  title: string;
  acronym?: string | null;
  donors: string[];
  start: string | null;
  end: string | null;
  budget: { amount: number; currency: string } | null;
  countries: string[];
}
export interface Expected {
  kind?: string;
  lang: 'fr' | 'en';
  refused: boolean;
  projects: ExpectedProject[];
}
export interface Keys {
  title: string;
  acronym: string | null;
  fields: Record<Field, string[]>;
}
export interface Count {
  right: number;
  predicted: number;
  expected: number;
}
export type Counts = Record<Field, Count>;
export interface PRF extends Count {
  precision: number;
  recall: number;
  f1: number;
}
export interface Match {
  pairs: [number, number, number][];
  unmatchedExpected: number[];
  unmatchedPredicted: number[];
}
export declare function fold(s: unknown): string;
export declare function tokens(s: unknown): string[];
export declare function titleSimilarity(a: string, b: string): number;
export declare function expectedKeys(p: ExpectedProject): Keys;
export declare function predictedKeys(r: any): Keys;
export declare function donorKeyExpected(d: string): string;
export declare function donorKeyPredicted(d: any): string | null;
export declare function budgetKey(amount: number, currency: string): string;
export declare function matchProjects(expected: Keys[], predicted: Keys[], threshold?: number): Match;
export declare function emptyCounts(): Counts;
export declare function addCounts(into: Counts, from: Counts): Counts;
export declare function scorePage(expected: ExpectedProject[], predicted: any[]): { counts: Counts; match: Match; pairs: any[]; expectedKeys: Keys[]; predictedKeys: Keys[] };
export declare function prf(c: Count): PRF;
export declare function pooled(c: Counts): Count;
export declare function summarize(results: any[]): { pages: number; projects: number; fields: Record<Field, PRF>; pooled: PRF; counts: Counts };
export declare function loadCorpus(root: string): { split: string; name: string; file: string; expectedFile: string; expected: Expected }[];
export declare function validateExpected(e: unknown, where?: string): Expected;
export declare function runCorpus(pages: any[], parseFile: (path: string, opts: { today: Date }) => Promise<{ records: any[] }>, opts?: { today?: string }): Promise<any[]>;
export declare function report(results: any[]): any;
export declare function reportJson(rep: any): any;
export declare function formatReport(rep: any): string;
export declare function formatPage(result: any): string;
