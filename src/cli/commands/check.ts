import type { Command } from 'commander';
import { formatOption, globals, jsonOption, pickFormat } from '../options.js';
import type { Format } from '../../output/render.js';
import { StoreError } from '../../errors.js';

export function register(program: Command): void {
  program
    .command('check')
    .description("check the database: SQLite's integrity check and iom's own consistency rules")
    .option('--rebuild-fts', 'rebuild the full-text index first')
    .addOption(formatOption())
    .addOption(jsonOption())
    .addHelpText('after', `\nExamples:\n  $ iom check\n  $ iom check --json | jq '.[] | select(.ok | not)'\n\nExits 1 if any check fails.`)
    .action(async (flags: { format?: Format; json?: boolean; rebuildFts?: boolean }, c: Command) => {
      const { openDb, readOnlyReason, resolveDbPath } = await import('../../store/db.js');
      const { checkDb, rebuildFts } = await import('../../store/check.js');
      const { render } = await import('../../output/index.js');
      const path = resolveDbPath(globals(c).db);
      // A database that cannot be written is checked read-only (--rebuild-fts needs to write).
      const readOnly = readOnlyReason(path);
      if (readOnly && flags.rebuildFts) throw new StoreError(`${readOnly}; --rebuild-fts writes, so it cannot run here`);
      const db = openDb(path, readOnly ? { readonly: true } : { create: false });
      try {
        if (flags.rebuildFts) rebuildFts(db);
        const results = checkDb(db);
        process.stdout.write(render(results, pickFormat(flags), ['name', 'ok', 'detail']));
        const failed = results.filter((r) => !r.ok).length;
        if (failed) throw new StoreError(`${failed} check${failed > 1 ? 's' : ''} failed`);
      } finally {
        db.close();
      }
    });
}
