import type { Command } from 'commander';
import { formatOption, globals, jsonOption, pickFormat } from '../options.js';
import type { Format } from '../../output/render.js';

export function register(program: Command): void {
  program
    .command('show')
    .description('one project in full, with the text each field was read from and its source')
    .argument('<id>', "project id as 'iom query' prints it (a unique prefix is enough)")
    .addOption(formatOption())
    .addOption(jsonOption())
    .addHelpText('after', `\nExamples:\n  $ iom show 3f2a9c\n  $ iom show 3f2a9c --json | jq .raw`)
    .action(async (id: string, flags: { format?: Format; json?: boolean }, c: Command) => {
      const { openDb, resolveDbPath } = await import('../../store/db.js');
      const { getProject } = await import('../../query/show.js');
      const { renderShow } = await import('../show-render.js');
      const db = openDb(resolveDbPath(globals(c).db), { readonly: true });
      try {
        const p = getProject(db, id);
        const format = pickFormat(flags);
        if (format === 'json') process.stdout.write(`${JSON.stringify(p, null, 2)}\n`);
        else if (format === 'ndjson') process.stdout.write(`${JSON.stringify(p)}\n`);
        else process.stdout.write(renderShow(p, format === 'table'));
      } finally {
        db.close();
      }
    });
}
