// Builds the commander program and is the only place that sets the exit code.
// Command modules are thin: each registers itself and lazy-imports the core it needs
// inside its action, so `iom --version` and `iom query` never load cheerio, pdf.js or the lexicon.
import { Command, CommanderError } from 'commander';
import { InputError, IomError } from '../errors.js';
import { commandModules } from './commands/index.js';
import { visible } from '../output/safe.js';
import { readFileSync } from 'node:fs';

// `iom query | head -1`: the reader went away; end quietly, as other Unix tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command();
program
  .name('iom')
  .description('Turn scraped IOM/OIM and NGO project pages into one clean, queryable table.')
  .version(version)
  .option('--db <path>', 'SQLite database (default: $IOM_DB, else $XDG_DATA_HOME/iom/iom.sqlite)')
  .option('-q, --quiet', 'no messages on stderr, data only')
  .option('--debug', 'show stack traces')
  .showHelpAfterError("(run 'iom --help' for the commands)")
  .exitOverride();

for (const register of commandModules) register(program);
// A usage error is one line and a hint, not the whole help.
for (const cmd of program.commands) cmd.showHelpAfterError(`(run 'iom ${cmd.name()} --help' for its options and examples)`);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if ((err as NodeJS.ErrnoException).code === 'EPIPE') {
    // the same, for output written synchronously (query's streamed JSON, NDJSON and CSV)
    process.exit(0);
  } else if (err instanceof CommanderError) {
    // commander has printed its message already; help and version exit 0.
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else if (err instanceof IomError) {
    // a file's error names the file (ingest reports its own; this is iom repair's)
    const named = err instanceof InputError && !err.message.startsWith(err.path) ? `${err.path}: ${err.message}` : err.message;
    process.stderr.write(`iom: ${visible(named)}\n`);
    if (program.opts().debug) process.stderr.write(`${err.stack}\n`);
    process.exitCode = err.exitCode;
  } else {
    process.stderr.write(`iom: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  }
}
