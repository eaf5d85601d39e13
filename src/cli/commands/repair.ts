// `iom repair <file>`: shows what the repair stage does to one file, without touching the database.
import { Option, type Command } from 'commander';
import type { RepairChange, RepairResult } from '../../types.js';
import { intOption } from '../options.js';

interface RepairFlags {
  changes?: boolean;
  format?: 'text' | 'json';
  lost?: string;
  maxSize?: number;
}

/** One change per line: "12  migraons → migrations  restoreLostLigatures  0.95". */
export function renderChanges(changes: RepairChange[]): string {
  if (changes.length === 0) return '';
  const show = (s: string) => s.replace(/\n/g, '⏎').replace(/\u00AD/g, '\\u00AD');
  const rows = changes.map((c) => [String(c.line), `${show(c.before)} → ${show(c.after)}`, c.rule, c.confidence.toFixed(2)]);
  const head = ['line', 'change', 'rule', 'confidence'];
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => [...r[k]!].length)));
  const pad = (r: string[]) => r.map((cell, k) => (k === r.length - 1 ? cell : cell + ' '.repeat(widths[k]! - [...cell].length))).join('  ');
  return [pad(head), ...rows.map(pad)].join('\n') + '\n';
}

function parseLost(value: string): string[] {
  return value === '' || value === 'none' ? [] : value.split(',').map((s) => s.trim()).filter(Boolean);
}

export function register(program: Command): void {
  program
    .command('repair')
    .description('repair the text of one file (mojibake, lost ligatures, accents and apostrophes, OCR errors, hyphens, glued blocks) and print it')
    .argument('<file>', 'an HTML, PDF or text file')
    .option('--max-size <MB>', 'refuse files larger than this many megabytes (default: 50 for a PDF, 10 for HTML and text)', intOption('--max-size', 1, 2048))
    .option('--changes', 'list each change (line, before → after, rule, confidence) instead of the text')
    .addOption(new Option('-f, --format <format>', 'text: the repaired text (or the change list); json: text, changes, unresolved words, lost sequences').choices(['text', 'json']).default('text'))
    .option('--lost <seqs>', 'the ligature sequences the file lost, comma-separated (e.g. "ti,tt"), or "none"; default: inferred from the text')
    .addHelpText(
      'after',
      `
The lexicon is loaded on the first repair (from dist/lexicon.bin, built by npm run build).
Nothing is stored: use \`iom ingest\` to add the file to the database.

Examples:
  $ iom repair fiche-oim.pdf                  repaired text on stdout
  $ iom repair fiche-oim.pdf --changes        what was changed, line by line
  $ iom repair page.html --format json | jq '.lostSequences'
  $ iom repair fiche-oim.pdf --lost ti,tt     do not infer: these sequences were lost`,
    )
    .action(async (file: string, flags: RepairFlags) => {
      const { decodeDocument, readBytes } = await import('../../read/index.js');
      const { checkTextSize } = await import('../../ingest/caps.js');
      const { repairText } = await import('../../repair/index.js');
      // the same caps as ingest: 50 MB for a PDF, 10 MB for HTML and text (memory grows with them)
      const max = flags.maxSize !== undefined ? flags.maxSize * 1024 * 1024 : undefined;
      const bytes = await readBytes(file, max !== undefined ? { maxBytes: max } : {});
      checkTextSize(bytes, { maxTextBytes: max });
      const doc = await decodeDocument(bytes);
      const result: RepairResult = repairText(doc.text, flags.lost === undefined ? {} : { lost: parseLost(flags.lost) });
      if (flags.format === 'json') {
        const out = flags.changes
          ? { changes: result.changes, unresolved: result.unresolved, lostSequences: result.lostSequences }
          : { text: result.text, changes: result.changes, unresolved: result.unresolved, lostSequences: result.lostSequences };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else if (flags.changes) {
        process.stdout.write(renderChanges(result.changes));
      } else {
        process.stdout.write(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
      }
    });
}
