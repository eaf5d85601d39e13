import type { Command } from 'commander';
import { formatOption, globals, jsonOption, logger, pickFormat } from '../options.js';
import { addFilterOptions } from './query.js';
import type { FacetsFlags } from '../facets-run.js';


export function register(program: Command): void {
  const cmd = program
    .command('facets')
    .description('count matching projects per donor, country, status, type, start year, section, kind and source');
  addFilterOptions(cmd)
    .option('--all', 'list every value in tables, not only the 10 most frequent')
    .addOption(formatOption())
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ iom facets                          # one small table per field, top 10 values each
  $ iom facets --country Maroc --all    # every value, for the projects in Morocco
  $ iom facets --json | jq '.donor[0]'  # {"value": "Union européenne", "count": 7}
  $ iom facets --format csv             # field,value,count

JSON is {field: [{value, count}]} with every value. A project with several donors or countries
counts once under each; null counts the projects with no value. year is the start year.`,
    )
    .action(async (flags: FacetsFlags, c: Command) => {
      const { runFacets } = await import('../facets-run.js');
      runFacets(flags, globals(c), logger(globals(c)), pickFormat(flags));
    });
}
