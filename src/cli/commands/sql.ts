import type { Command } from 'commander';
import { formatOption, globals, jsonOption, pickFormat } from '../options.js';
import type { Format } from '../../output/render.js';

export interface SqlFlags {
  format?: Format;
  json?: boolean;
  wide?: boolean;
}

export function register(program: Command): void {
  program
    .command('sql')
    .description('run a read-only SQL query (SELECT or WITH) on the database and print the rows')
    .argument('<query>', "the SQL, quoted; '-' reads it from stdin")
    .option('--wide', 'do not truncate table cells to the terminal width')
    .addOption(formatOption())
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ iom sql "SELECT name, count(*) AS n FROM project_donors GROUP BY name ORDER BY n DESC"
  $ iom sql "SELECT title, budget_usd FROM projects WHERE budget_usd > 100000" --format csv
  $ iom sql "SELECT p.title FROM projects p JOIN project_countries c ON c.project_id = p.id WHERE c.code = 'TN'" --json
  $ echo "SELECT count(*) AS projects FROM projects" | iom sql -

Tables: sources, projects, project_donors, project_countries, project_places, project_partners,
projects_fts (full text), and the view projects_with_donors. The database is opened read-only:
INSERT, UPDATE, DELETE, CREATE, ATTACH and PRAGMA assignments are refused.`,
    )
    .action(async (query: string, flags: SqlFlags, c: Command) => {
      const { runSql } = await import('../sql-run.js');
      runSql(query === '-' ? await readStdin() : query, flags, globals(c), pickFormat(flags));
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
