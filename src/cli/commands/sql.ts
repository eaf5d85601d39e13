import type { Command } from 'commander';
import { formatOption, globals, jsonOption, pickFormat } from '../options.js';
import type { SqlFlags } from '../sql-run.js';


export function register(program: Command): void {
  program
    .command('sql')
    .description('run a read-only SQL query (SELECT or WITH) on the database and print the rows')
    .argument('[query]', "the SQL, quoted; '-' reads it from stdin")
    .option('-p, --param <name value...>', 'a parameter of the query, as sqlite-utils takes it: -p id 70a4a080bc13 for :id (repeat for more)')
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
  $ iom sql "SELECT title FROM projects WHERE id = :id" -p id 70a4a080bc13
  $ iom sql "SELECT title FROM projects WHERE start >= :from AND budget_usd > :min" -p from 2015 -p min 100000

Tables: sources, projects (a view over project_rows and project_texts), project_donors,
project_countries, project_places, project_partners, projects_fts (full text), project_title_keys,
and the view projects_with_donors. The database is opened read-only:
INSERT, UPDATE, DELETE, CREATE, ATTACH and PRAGMA assignments are refused.
Parameters: :name, @name and $name take the value of -p name VALUE (as sqlite-utils does);
a parameter with no value is an error, and so is a -p the query does not use.`,
    )
    .action(async (query: string | undefined, flags: SqlFlags, c: Command) => {
      const { runSql, splitParams } = await import('../sql-run.js');
      // "-p id 5 'SELECT …'": the variadic -p took the query as well; an odd count means it did.
      const p = [...(flags.param ?? [])];
      if (query === undefined && p.length % 2 === 1) query = p.pop();
      if (query === undefined) throw new (await import('../../errors.js')).UsageError(`iom sql needs a query, e.g. iom sql "SELECT count(*) FROM projects"`);
      const params = splitParams(p);
      runSql(query === '-' ? await readStdin() : query, { ...flags, params }, globals(c), pickFormat(flags));
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
