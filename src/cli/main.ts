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

// Only the command named on the command line is built (its options, help text): building all 14
// is a few ms of every start (issue 13). --help, `help`, a mistyped name and `completion` (whose
// script lists every command) get them all.
const named = commandNamed(process.argv.slice(2));
const only = named !== 'completion' ? commandModules.find(([name]) => name === named) : undefined;
for (const [, register] of only ? [only] : commandModules) register(program);
// A usage error is one line and a hint, not the whole help.
for (const cmd of program.commands) cmd.showHelpAfterError(`(run 'iom ${cmd.name()} --help' for its options and examples)`);

/** The first word that is not a global option (--db takes a value), or undefined. */
function commandNamed(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--db') i++;
    else if (!(a.startsWith('--db=') || a === '-q' || a === '--quiet' || a === '--debug')) return a.startsWith('-') ? undefined : a;
  }
  return undefined;
}

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
