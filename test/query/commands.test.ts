// The toolkit's commands as commander sees them: help with examples, and completion scripts
// generated from the program (bash is run for real; zsh and fish are checked as text).
import { spawnSync } from 'node:child_process';
import { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import { register as query } from '../../src/cli/commands/query.js';
import { register as stats } from '../../src/cli/commands/stats.js';
import { register as facets } from '../../src/cli/commands/facets.js';
import { register as exportCmd } from '../../src/cli/commands/export.js';
import { register as sql } from '../../src/cli/commands/sql.js';
import { register as completion } from '../../src/cli/commands/completion.js';
import { completionScript, describeProgram } from '../../src/cli/completion-run.js';
import { UsageError } from '../../src/errors.js';

/** The program as src/cli/main.ts builds it, with the commands under test. */
function program(): Command {
  const p = new Command()
    .name('iom')
    .version('0.1.0')
    .option('--db <path>', 'SQLite database (default: $IOM_DB, else $XDG_DATA_HOME/iom/iom.sqlite)')
    .option('-q, --quiet', 'no messages on stderr, data only')
    .option('--debug', 'show stack traces');
  for (const register of [query, stats, facets, exportCmd, sql, completion]) register(p);
  return p;
}

const TOOLKIT = ['stats', 'facets', 'export', 'sql', 'completion'];

function help(cmd: Command): string {
  let out = '';
  cmd.configureOutput({ writeOut: (s) => (out += s) });
  cmd.outputHelp();
  return out;
}

describe('--help', () => {
  test.each(TOOLKIT)('iom %s --help has a description and examples', (name) => {
    const cmd = program().commands.find((c) => c.name() === name)!;
    expect(cmd.description().length).toBeGreaterThan(20);
    const text = help(cmd);
    expect(text).toMatch(/\nExamples:\n {2}\$ /);
    expect(text.match(/\n {2}\$ .*\biom /g)!.length).toBeGreaterThanOrEqual(3);
  });

  test('stats and export take every query filter', () => {
    const p = program();
    const longs = (name: string) => p.commands.find((c) => c.name() === name)!.options.map((o) => o.long);
    for (const f of ['--donor', '--country', '--status', '--type', '--year', '--from', '--to', '--text', '--source']) {
      expect(longs('stats')).toContain(f);
      expect(longs('export')).toContain(f);
      expect(longs('facets')).toContain(f);
    }
  });

  test('the values of --by, --sum, export --format and the shell are listed in help', () => {
    const p = program();
    const flat = (name: string) => help(p.commands.find((c) => c.name() === name)!).replace(/\s+/g, ' ');
    expect(flat('stats')).toMatch(/--by <field> +what to group by \(choices: "donor", "country", "year", "status", "type", "section", default: "donor"\)/);
    expect(flat('stats')).toMatch(/--sum <field> also sum this field per group \(choices: "budget_usd"\)/);
    expect(flat('export')).toMatch(/choices: "iati", "csv", "json", "ndjson"/);
    expect(flat('completion')).toMatch(/choices: "bash", "zsh", "fish"/);
  });
});

describe('completion', () => {
  const spec = describeProgram(program());

  test('the spec comes from the program: every command and option', () => {
    expect(spec.commands.map((c) => c.name)).toEqual(['query', ...TOOLKIT, 'help']);
    expect(spec.globals.map((o) => o.long)).toEqual(['--db', '--quiet', '--debug']);
    const statsSpec = spec.commands.find((c) => c.name === 'stats')!;
    expect(statsSpec.options.find((o) => o.long === '--by')).toMatchObject({ value: true, choices: ['donor', 'country', 'year', 'status', 'type', 'section'] });
    expect(spec.commands.find((c) => c.name === 'export')!.options.find((o) => o.long === '--output')).toMatchObject({ short: '-o', value: true, files: true });
    expect(spec.globals.find((o) => o.long === '--db')).toMatchObject({ files: true });
    expect(spec.commands.find((c) => c.name === 'completion')!.args).toEqual({ kind: 'choices', values: ['bash', 'zsh', 'fish'] });
    expect(spec.commands.find((c) => c.name === 'sql')!.args).toEqual({ kind: 'text', name: 'query' });
  });

  test('an unknown shell is a usage error naming the valid ones', () => {
    expect(() => completionScript(program(), 'powershell')).toThrow(UsageError);
    expect(() => completionScript(program(), 'powershell')).toThrow("no completion for 'powershell'; use iom completion bash|zsh|fish");
  });

  const bash = completionScript(program(), 'bash');

  test('bash: the script parses', () => {
    const r = spawnSync('bash', ['-n'], { input: bash, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  /** Runs the completion function as bash would for this command line (cursor at the end). */
  function complete(line: string): string[] {
    const words = line.split(' ');
    const script = `${bash}
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})
COMP_CWORD=${words.length - 1}
_iom_complete
printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = spawnSync('bash', ['--norc', '--noprofile'], { input: script, encoding: 'utf8', cwd: '/' });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean);
  }

  test.each([
    ['iom st', ['stats']],
    ['iom ex', ['export']],
    ['iom stats --by ', ['donor', 'country', 'year', 'status', 'type', 'section']],
    ['iom stats --by co', ['country']],
    ['iom stats --sum ', ['budget_usd']],
    ['iom export --format ', ['iati', 'csv', 'json', 'ndjson']],
    ['iom export -f i', ['iati']],
    ['iom query --fo', ['--format']],
    ['iom query --format ', ['table', 'json', 'ndjson', 'csv']],
    ['iom completion ', ['bash', 'zsh', 'fish']],
    ['iom --db x.sqlite fa', ['facets']],
    ['iom -q facets --a', ['--all']],
    ['iom stats --donor ', []],
    ['iom help sq', ['sql']],
  ])('bash: %s', (line, expected) => {
    expect(complete(line)).toEqual(expected);
  });

  test('bash: option values that are files complete as files', () => {
    expect(complete('iom export -o et')).toEqual(['etc']);
    expect(complete('iom --db et')).toEqual(['etc']);
  });

  test('bash: every option of every command is offered', () => {
    for (const c of spec.commands) {
      const offered = complete(`iom ${c.name} -`);
      for (const o of c.options) for (const n of [o.short, o.long].filter(Boolean)) expect(offered, `${c.name} ${n}`).toContain(n);
      expect(offered).toContain('--db');
    }
  });

  test('zsh: _arguments specs for every command, option values and files', () => {
    const zsh = completionScript(program(), 'zsh');
    expect(zsh.startsWith('#compdef iom\n')).toBe(true);
    expect(zsh).toContain(`'stats:count projects (or sum their budgets) per donor, country, year, status, type or section'`);
    expect(zsh).toContain(`'--by[what to group by]:value:(donor country year status type section)'`);
    expect(zsh).toContain(`'(-o --output)-o[write to this file instead of stdout (replaced in one step, never left half-written)]:path:_files'`);
    expect(zsh).toContain(`'--donor[funded by this donor - any alias (UE, EU, Union européenne)]:value: '`);
    expect(zsh).toContain(`'(-f --format)--format[output format]:value:(table json ndjson csv)'`);
    expect(zsh).toContain(`'--db[SQLite database]:path:_files'`);
    expect(zsh).toContain(`'1:value:(bash zsh fish)'`);
    expect(zsh).toContain(`'(- *)--version[output the version number]'`);
    expect(zsh).toContain('compdef _iom iom');
    // Quotes balance on every line (a description with a quote would break the script).
    for (const line of zsh.split('\n')) expect((line.replace(/'\\''/g, '').match(/'/g) ?? []).length % 2, line).toBe(0);
  });

  test('fish: one complete line per command and option', () => {
    const fish = completionScript(program(), 'fish');
    expect(fish).toContain(`complete -c iom -n __fish_use_subcommand -a facets -d 'count matching projects per donor, country, status, type, start year, section, kind and source'`);
    expect(fish).toContain(`complete -c iom -n '__fish_seen_subcommand_from stats' -l by -x -a 'donor country year status type section' -d 'what to group by'`);
    expect(fish).toContain(`complete -c iom -n '__fish_seen_subcommand_from export' -s o -l output -r -F -d 'write to this file instead of stdout (replaced in one step, never left half-written)'`);
    expect(fish).toContain(`complete -c iom -n '__fish_seen_subcommand_from stats' -l text -x -d 'full-text search (accents and case ignored; "phrase", prefix*, OR, NOT)'`);
    expect(fish).toContain(`complete -c iom -n '__fish_seen_subcommand_from query' -s f -l format -x -a 'table json ndjson csv' -d 'output format'`);
    expect(fish).toContain(`complete -c iom -n __fish_use_subcommand -s V -l version -d 'output the version number'`);
    expect(fish).toContain(`complete -c iom -n '__fish_seen_subcommand_from completion' -x -a 'bash zsh fish'`);
    expect(fish).toContain(`complete -c iom -l db -r -F -d 'SQLite database'`);
  });
});
