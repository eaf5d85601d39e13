import { Option, type Command } from 'commander';
import { globals, logger } from '../options.js';
import { hintChoices } from './completion.js';
import { addFilterOptions } from './query.js';
import { EXPORT_FORMATS } from '../choices.js';
import type { ExportFlags } from '../export-run.js';


export function register(program: Command): void {
  const cmd = program.command('export').description('write the matching projects as IATI 2.03 activity XML, CSV, JSON or NDJSON');
  addFilterOptions(cmd)
    .addOption(hintChoices(new Option('-f, --format <format>', `output format (default: from the -o file's extension, else json)`), EXPORT_FORMATS))
    .option('-o, --output <file>', 'write to this file instead of stdout (replaced in one step, never left half-written)')
    .addHelpText(
      'after',
      `
Examples:
  $ iom export --format iati -o oim-maroc.xml            # IATI activities, one per project
  $ iom export --donor UE --format iati > ue.xml
  $ iom export --country Maroc -o projets.csv            # the format follows the extension
  $ iom export --from 2014 --to 2016 --format ndjson | jq -c '{id, title}'

IATI: identifiers are XM-DAC-47066-<project id | Prima ID | iom id>; a date known only to the
year or month is written as its first day for a start and its last day for an end (2014 ->
2014-01-01 / 2014-12-31), with the date as the source gave it in the narrative. Check a file
with: xmllint --noout --schema iati-activities-schema.xsd oim-maroc.xml`,
    )
    .action(async (flags: ExportFlags, c: Command) => {
      const { runExport } = await import('../export-run.js');
      runExport(flags, globals(c), logger(globals(c)));
    });
}
