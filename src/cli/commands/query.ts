import type { Command } from 'commander';
import { formatOption, globals, intOption, jsonOption, logger, pickFormat } from '../options.js';
import type { QueryFlags } from '../query-run.js';


/** The filter options, shared by query, stats and export. */
export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--donor <name>', 'funded by this donor: any alias (UE, EU, Union européenne); a government includes its agencies')
    .option('--country <name>', 'in this country: ISO code or French/English name (MA, Maroc, Morocco)')
    .option('--status <status>', 'planned, ongoing, completed, suspended or cancelled (Achevé, en cours… work too)')
    .option('--type <text>', 'project type contains this text')
    .option('--year <year>', 'active at some time in this year')
    .option('--from <date>', 'active on or after this date (2014, 2014-02, 2014-02-15)')
    .option('--to <date>', 'active on or before this date')
    .option('--text <words>', 'full-text search (accents and case ignored; "phrase", prefix*, OR, NOT)')
    .option('--source <text>', 'source file path contains this text');
}

export function register(program: Command): void {
  const cmd = program.command('query').description('list projects matching filters (all combined with AND)');
  addFilterOptions(cmd)
    .option('--limit <n>', 'at most n rows (default: all)', intOption('--limit'))
    .option('--offset <n>', 'skip the first n rows', intOption('--offset'))
    .option('--sort <field>', 'sort by title, start, end, budget_usd, status, type, source, year; -field for descending')
    .option('--fields <list>', 'comma-separated fields to show (see README "JSON fields")')
    .option('--wide', 'do not truncate table cells to the terminal width')
    .addOption(formatOption())
    .addOption(jsonOption())
    .option('--unmerged', 'one row per source record, instead of one per project (records of the same project are merged by default)')
    .addHelpText(
      'after',
      `
Examples:
  $ iom query --donor UE                          # a table on a terminal
  $ iom query --donor "États-Unis" --year 2015     # USAID and PRM projects active in 2015
  $ iom query --country Maroc --from 2014 --to 2016 --format csv > projets.csv
  $ iom query --text "traite des êtres humains" --limit 5
  $ iom query --donor UE --json | jq '.[].title'`,
    )
    .action(async (flags: QueryFlags, c: Command) => {
      const { runQuery } = await import('../query-run.js');
      runQuery(flags, globals(c), logger(globals(c)), pickFormat(flags));
    });
}
