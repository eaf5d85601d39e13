// The output formats, apart from the renderers so that defining options loads nothing heavy.
export const FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];
