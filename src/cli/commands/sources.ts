import type { Command } from 'commander';
import { formatOption, globals, jsonOption, pickFormat } from '../options.js';
import type { Format } from '../../output/render.js';

export function register(program: Command): void {
  program
    .command('sources')
    .description('what was ingested: each file, when, its kind and how many records')
    .addOption(formatOption())
    .addOption(jsonOption())
    .addHelpText('after', `\nExamples:\n  $ iom sources\n  $ iom sources --format csv`)
    .action(async (flags: { format?: Format; json?: boolean }, c: Command) => {
      const { openDb, resolveDbPath } = await import('../../store/db.js');
      const { listSources } = await import('../../query/sources.js');
      const { render } = await import('../../output/index.js');
      const db = openDb(resolveDbPath(globals(c).db), { readonly: true });
      try {
        const rows = listSources(db);
        process.stdout.write(render(rows, pickFormat(flags), ['path', 'kind', 'format', 'records', 'repairs', 'ingested_at']));
      } finally {
        db.close();
      }
    });
}
