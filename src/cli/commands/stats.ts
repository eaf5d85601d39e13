import { Option, type Command } from 'commander';
import { hintChoices } from './completion.js';
import { formatOption, globals, jsonOption, logger, pickFormat } from '../options.js';
import { addFilterOptions } from './query.js';
import type { StatsFlags } from '../stats-run.js';


/** The same lists as STATS_BY and STATS_SUM in src/query/stats.ts (a test checks), kept here so
 *  that listing them in --help does not load the query code. */
export const STATS_BY_HINT = ['donor', 'country', 'year', 'status', 'type', 'section'];
export const STATS_SUM_HINT = ['budget_usd'];

export function register(program: Command): void {
  const cmd = program.command('stats').description('count projects (or sum their budgets) per donor, country, year, status, type or section');
  addFilterOptions(cmd)
    .addOption(hintChoices(new Option('--by <field>', 'what to group by').default('donor'), STATS_BY_HINT))
    .addOption(hintChoices(new Option('--sum <field>', 'also sum this field per group'), STATS_SUM_HINT))
    .addOption(formatOption())
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ iom stats                                   # projects per donor, with a bar chart on a terminal
  $ iom stats --by year                         # projects active each year (a timeline)
  $ iom stats --by country --sum budget_usd     # known USD budgets per country
  $ iom stats --by status --donor UE --json     # [{"key": "completed", "count": 5}, ...]
  $ iom stats --by type --from 2014 --to 2016 --format csv > types.csv

A project with several donors (or countries) counts once under each, with its whole budget.
--by year counts a project (and its whole budget) in every year its active period covers; an
open-ended project runs to the current year. Projects with no value for the field are grouped
under null ("(none)" in the table), listed last. Counts are of projects as 'iom query' lists them.`,
    )
    .action(async (flags: StatsFlags, c: Command) => {
      const { runStats } = await import('../stats-run.js');
      runStats(flags, globals(c), logger(globals(c)), pickFormat(flags));
    });
}
