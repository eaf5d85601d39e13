import type { Command } from 'commander';
import { globals, logger } from '../options.js';
import { addFilterOptions } from './query.js';
import type { ReportFlags } from '../../report/run.js';

export function register(program: Command): void {
  const cmd = program.command('report').description('one self-contained HTML page: timeline, funding by donor, map of countries, searchable table');
  addFilterOptions(cmd)
    .option('-o, --output <file>', 'write the page to this file (default: stdout); replaced in one step')
    .addHelpText(
      'after',
      `
Examples:
  $ iom report -o report.html                      # every project
  $ iom report --country Maroc --from 2014 -o maroc.html
  $ iom report --donor UE > ue.html

The page needs no server and no network: the charts (Observable Plot), the world map (world-atlas)
and the data are inside it. Open it in any browser.`,
    )
    .action(async (flags: ReportFlags, c: Command) => {
      const { runReport } = await import('../../report/run.js');
      runReport(flags, globals(c), logger(globals(c)));
    });
}
