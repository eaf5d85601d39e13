import type { Command } from 'commander';
import { formatOption, globals, jsonOption, logger, pickFormat } from '../options.js';
import type { Format } from '../../output/render.js';

export function register(program: Command): void {
  program
    .command('sources')
    .description('what was ingested: each file, when, its kind and how many records; --remove forgets one')
    .option('--remove <path...>', 'forget these sources (as listed, or relative to here) and every record from them')
    .addOption(formatOption())
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `\nExamples:\n  $ iom sources\n  $ iom sources --format csv\n  $ iom sources --remove old/page.html     # its records go too; the file is not touched\n\nA source is its content: the same file in another folder, or a copy, is one source.`,
    )
    .action(async (flags: { format?: Format; json?: boolean; remove?: string[] }, c: Command) => {
      const { openDb, resolveDbPath } = await import('../../store/db.js');
      if (flags.remove) {
        const { removeSources } = await import('../sources-run.js');
        removeSources(flags.remove, globals(c), logger(globals(c)));
        return;
      }
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
