export declare function words(text: string, opts?: { joinHyphens?: boolean }): string[];
export declare function wordsRight(
  truthText: string,
  readText: string,
): { truth: number; matched: number; right: number; extra: number; missed: [string, number][] };
