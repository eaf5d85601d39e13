import type { Command } from 'commander';
import { statSync } from 'node:fs';
import { formatOption, globals, jsonOption, pickFormat } from '../options.js';
import type { Format } from '../../output/render.js';

export function register(program: Command): void {
  program
    .command('info')
    .description('where the database is, its schema version and what it holds')
    .addOption(formatOption())
    .addOption(jsonOption())
    .addHelpText('after', `\nExamples:\n  $ iom info\n  $ IOM_DB=other.sqlite iom info --json`)
    .action(async (flags: { format?: Format; json?: boolean }, c: Command) => {
      const { openDb, resolveDbPath } = await import('../../store/db.js');
      const { dbInfo } = await import('../../query/sources.js');
      const path = resolveDbPath(globals(c).db);
      const db = openDb(path, { readonly: true });
      try {
        const info = dbInfo(db, path, statSync(path).size);
        const format = pickFormat(flags);
        if (format === 'json') process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
        else if (format === 'ndjson') process.stdout.write(`${JSON.stringify(info)}\n`);
        else process.stdout.write(Object.entries(info).map(([k, v]) => `${k.padEnd(15)}${v}`).join('\n') + '\n');
      } finally {
        db.close();
      }
    });
}
