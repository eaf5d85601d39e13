// Values listed in --help (and offered to shell completion) that a runner checks too: here, in a
// file that imports nothing, so that a command module and its runner do not import each other.
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

export const EXPORT_FORMATS = ['iati', 'csv', 'json', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
