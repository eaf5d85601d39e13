// The subcommands, in the order `iom --help` lists them. Each module is thin: heavy code is
// imported inside its action.
import type { Command } from 'commander';
import { register as ingest } from './ingest.js';
import { register as query } from './query.js';
import { register as show } from './show.js';
import { register as sources } from './sources.js';
import { register as info } from './info.js';
import { register as check } from './check.js';

export const commandModules: Array<(program: Command) => void> = [ingest, query, show, sources, info, check];
