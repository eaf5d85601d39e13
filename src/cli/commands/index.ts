// The subcommands, in the order `iom --help` lists them. Each module is thin: heavy code is
// imported inside its action.
import type { Command } from 'commander';
import { register as ingest } from './ingest.js';
import { register as query } from './query.js';
import { register as show } from './show.js';
import { register as sources } from './sources.js';
import { register as info } from './info.js';
import { register as check } from './check.js';
import { register as donors } from './donors.js';
import { register as repair } from './repair.js';
import { register as stats } from './stats.js';
import { register as facets } from './facets.js';
import { register as exportCmd } from './export.js';
import { register as report } from './report.js';
import { register as sql } from './sql.js';
import { register as completion } from './completion.js';

export const commandModules: Array<[name: string, register: (program: Command) => void]> = [
  ['ingest', ingest],
  ['query', query],
  ['show', show],
  ['sources', sources],
  ['donors', donors],
  ['stats', stats],
  ['facets', facets],
  ['export', exportCmd],
  ['report', report],
  ['sql', sql],
  ['repair', repair],
  ['check', check],
  ['info', info],
  ['completion', completion],
];
