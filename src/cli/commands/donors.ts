import type { Command } from 'commander';
import { formatOption, globals, jsonOption, pickFormat } from '../options.js';
import type { Format } from '../../output/render.js';

export function register(program: Command): void {
  program
    .command('donors')
    .description('the donor registry: canonical names, codes, kinds, and how many stored projects each funds')
    .option('--all', 'also list registry donors that fund no stored project')
    .option('--unknown', 'list the funders the registry does not know, as the sources wrote them')
    .addOption(formatOption())
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ iom donors                 # donors with projects; a government counts its agencies' projects too
  $ iom donors --all --json | jq '.[] | select(.kind == "agency") | .code'
  $ iom donors --unknown       # funders kept as written, to add to the registry`,
    )
    .action(async (flags: { all?: boolean; unknown?: boolean; format?: Format; json?: boolean }, c: Command) => {
      const { openDb, resolveDbPath } = await import('../../store/db.js');
      const { donorCounts, unknownDonors } = await import('../../query/donors.js');
      const { render } = await import('../../output/index.js');
      const db = openDb(resolveDbPath(globals(c).db), { readonly: true });
      try {
        const format = pickFormat(flags);
        if (flags.unknown) {
          const rows = unknownDonors(db);
          if (!rows.length && !globals(c).quiet) process.stderr.write('every funder in the database is in the registry\n');
          process.stdout.write(render(rows, format, ['name', 'projects', 'sources']));
        } else {
          const rows = donorCounts(db, { all: flags.all });
          process.stdout.write(render(rows, format, ['code', 'name', 'kind', 'parent', 'projects']));
        }
      } finally {
        db.close();
      }
    });
}
