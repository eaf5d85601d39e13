// Shell completion scripts generated from the commander program itself: its commands, their
// options and arguments, and the values an option lists (argChoices). A new command or option
// is completed without touching this file.
import type { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { SHELLS } from './choices.js';

export interface OptionSpec {
  short?: string;
  long?: string;
  description: string;
  /** The option takes a value. */
  value: boolean;
  /** The value is a file or folder. */
  files: boolean;
  choices?: string[];
}

export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** What the positional arguments are: files, one of a list, free text, or none. */
  args: { kind: 'files' } | { kind: 'choices'; values: string[] } | { kind: 'text'; name: string } | { kind: 'none' };
}

export interface ProgramSpec {
  name: string;
  /** Options of the program itself; commander also accepts them after a subcommand. */
  globals: OptionSpec[];
  /** --version and --help, meaningful before any subcommand only. */
  rootOnly: OptionSpec[];
  commands: CommandSpec[];
}

const FILEISH = /^(path|file|dir|folder)s?$/i;

const balanced = (s: string) => (s.match(/\(/g) ?? []).length === (s.match(/\)/g) ?? []).length;

/** A description short enough for a completion menu: no "(default: …)", the first clause. */
export function short(text: string): string {
  let s = text.replace(/\s+/g, ' ').trim().replace(/ \(default[^)]*\)$/, '');
  const semi = s.indexOf('; ');
  if (semi > 0 && balanced(s.slice(0, semi))) s = s.slice(0, semi);
  if (s.length > 100) s = s.replace(/ \([^()]*\)$/, '');
  if (s.length > 100) s = `${s.slice(0, s.lastIndexOf(' ', 99))}…`;
  return s;
}

function optionSpec(o: Option): OptionSpec {
  const valueName = /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1]?.replace(/\.\.\.$/, '') ?? '';
  return {
    short: o.short,
    long: o.long,
    description: short(o.description ?? ''),
    value: o.required || o.optional,
    files: FILEISH.test(valueName),
    choices: o.argChoices,
  };
}

export function describeProgram(program: Command): ProgramSpec {
  const help = program.createHelp();
  const rootOptions = help.visibleOptions(program).map(optionSpec);
  const isRootOnly = (o: OptionSpec) => o.long === '--version' || o.long === '--help';
  const commands: CommandSpec[] = help.visibleCommands(program).map((cmd) => {
    const arg = cmd.registeredArguments[0];
    let args: CommandSpec['args'] = { kind: 'none' };
    if (cmd.name() === 'help') args = { kind: 'choices', values: program.commands.map((c) => c.name()) };
    else if (arg?.argChoices) args = { kind: 'choices', values: arg.argChoices };
    else if (arg && FILEISH.test(arg.name())) args = { kind: 'files' };
    else if (arg) args = { kind: 'text', name: arg.name() };
    return {
      name: cmd.name(),
      description: short(cmd.description()),
      options: help.visibleOptions(cmd).map(optionSpec),
      args,
    };
  });
  return { name: program.name(), globals: rootOptions.filter((o) => !isRootOnly(o)), rootOnly: rootOptions.filter(isRootOnly), commands };
}

export function completionScript(program: Command, shell: string): string {
  const spec = describeProgram(program);
  switch (shell) {
    case 'bash':
      return bashScript(spec);
    case 'zsh':
      return zshScript(spec);
    case 'fish':
      return fishScript(spec);
    default:
      throw new UsageError(`no completion for '${shell}'; use iom completion ${SHELLS.join('|')}`);
  }
}

const names = (o: OptionSpec) => [o.short, o.long].filter((n): n is string => !!n);

// ---- bash ----------------------------------------------------------------------------------

function bashScript(spec: ProgramSpec): string {
  const fn = `_${spec.name}_complete`;
  const words = (list: string[]) => list.join(' ');
  const valueCases: string[] = [];
  const addValueCases = (cmdPattern: string, options: OptionSpec[]) => {
    for (const o of options.filter((x) => x.value)) {
      const pats = names(o).map((n) => `"${cmdPattern} ${n}"`).join('|');
      const action = o.choices
        ? `COMPREPLY=($(compgen -W "${words(o.choices)}" -- "$cur"))`
        : o.files
          ? `${fn}_files`
          : 'COMPREPLY=()';
      valueCases.push(`    ${pats}) ${action}; return ;;`);
    }
  };
  for (const c of spec.commands) addValueCases(c.name, c.options);
  for (const o of spec.globals.filter((x) => x.value)) {
    const pats = names(o).map((n) => `*" ${n}"`).join('|');
    valueCases.push(`    ${pats}) ${o.choices ? `COMPREPLY=($(compgen -W "${words(o.choices)}" -- "$cur"))` : o.files ? `${fn}_files` : 'COMPREPLY=()'}; return ;;`);
  }
  const globalWords = spec.globals.flatMap(names);
  const skipValue = spec.globals.filter((o) => o.value).flatMap(names);
  const commandCases = spec.commands.map((c) => {
    const opts = words([...c.options.flatMap(names), ...globalWords]);
    const args =
      c.args.kind === 'files'
        ? `${fn}_files`
        : c.args.kind === 'choices'
          ? `COMPREPLY=($(compgen -W "${words(c.args.values)}" -- "$cur"))`
          : `COMPREPLY=($(compgen -W "${opts}" -- "$cur"))`;
    return `    ${c.name})\n      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "${opts}" -- "$cur")); else ${args}; fi ;;`;
  });
  return `# bash completion for ${spec.name}, generated by \`${spec.name} completion bash\`.
# Load it with: source <(${spec.name} completion bash)

${fn}_files() {
  local IFS=$'\\n'
  COMPREPLY=($(compgen -f -- "$cur"))
}

${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local cmd="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
${skipValue.length ? `      ${skipValue.join('|')}) ((i++)) ;;\n` : ''}      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$cmd $prev" in
${valueCases.join('\n')}
  esac
  case "$cmd" in
    "") COMPREPLY=($(compgen -W "${words([...spec.commands.map((c) => c.name), ...globalWords, ...spec.rootOnly.flatMap(names)])}" -- "$cur")) ;;
${commandCases.join('\n')}
  esac
}

complete -o filenames -F ${fn} ${spec.name}
`;
}

// ---- zsh -----------------------------------------------------------------------------------

/** Text inside a single-quoted zsh word, safe inside an _arguments [explanation] too. */
function zq(s: string): string {
  return s.replace(/\[/g, '(').replace(/]/g, ')').replace(/:/g, ' -').replace(/'/g, `'\\''`);
}

/** An _arguments spec per name; `alone` options (--help, --version) exclude everything else. */
function zshOption(o: OptionSpec, alone = false): string[] {
  const exclusive = alone ? '(- *)' : o.short && o.long ? `(${o.short} ${o.long})` : '';
  const value = !o.value ? '' : o.choices ? `:value:(${o.choices.join(' ')})` : o.files ? ':path:_files' : ':value: ';
  return names(o).map((n) => `'${exclusive}${n}[${zq(o.description)}]${value}'`);
}

function zshScript(spec: ProgramSpec): string {
  const fn = `_${spec.name}`;
  const cases = spec.commands.map((c) => {
    const args =
      c.args.kind === 'files'
        ? [`'*:path:_files'`]
        : c.args.kind === 'choices'
          ? [`'1:value:(${c.args.values.join(' ')})'`]
          : c.args.kind === 'text'
            ? [`'1:${zq(c.args.name)}: '`]
            : [];
    const specs = [...c.options.flatMap((o) => zshOption(o)), ...args];
    return `        ${c.name})\n          _arguments -s $globals \\\n            ${specs.join(' \\\n            ')} ;;`;
  });
  return `#compdef ${spec.name}
# zsh completion for ${spec.name}, generated by \`${spec.name} completion zsh\`.
# Load it with: source <(${spec.name} completion zsh), or save it as ${fn} in a folder on $fpath.

${fn}() {
  local curcontext="$curcontext" state line
  typeset -A opt_args
  local -a commands globals
  commands=(
${spec.commands.map((c) => `    '${zq(c.name)}:${zq(c.description)}'`).join('\n')}
  )
  globals=(
${spec.globals.flatMap((o) => zshOption(o)).map((s) => `    ${s}`).join('\n')}
  )
  _arguments -C -s $globals \\
${spec.rootOnly.flatMap((o) => zshOption(o, true)).map((s) => `    ${s} \\`).join('\n')}
    '1: :->command' \\
    '*:: :->args' && return
  case $state in
    command) _describe -t commands '${spec.name} command' commands ;;
    args)
      curcontext="\${curcontext%:*:*}:${spec.name}-$words[1]:"
      case $words[1] in
${cases.join('\n')}
      esac ;;
  esac
}

if [ "$funcstack[1]" = "${fn}" ]; then ${fn} "$@"; else compdef ${fn} ${spec.name}; fi
`;
}

// ---- fish ----------------------------------------------------------------------------------

function fq(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function fishOption(name: string, o: OptionSpec, condition?: string): string {
  const parts = ['complete -c', name];
  if (condition) parts.push('-n', /\s/.test(condition) ? fq(condition) : condition);
  if (o.short) parts.push('-s', o.short.replace(/^-/, ''));
  if (o.long) parts.push('-l', o.long.replace(/^--/, ''));
  if (o.value) parts.push(o.files ? '-r -F' : '-x');
  if (o.choices) parts.push('-a', fq(o.choices.join(' ')));
  parts.push('-d', fq(o.description));
  return parts.join(' ');
}

function fishScript(spec: ProgramSpec): string {
  const lines = [
    `# fish completion for ${spec.name}, generated by \`${spec.name} completion fish\`.`,
    `# Save it as ~/.config/fish/completions/${spec.name}.fish, or load it with: ${spec.name} completion fish | source`,
    `complete -c ${spec.name} -f`,
    ...spec.commands.map((c) => `complete -c ${spec.name} -n __fish_use_subcommand -a ${c.name} -d ${fq(c.description)}`),
    ...spec.globals.map((o) => fishOption(spec.name, o)),
    ...spec.rootOnly.map((o) => fishOption(spec.name, o, '__fish_use_subcommand')),
  ];
  for (const c of spec.commands) {
    const cond = `__fish_seen_subcommand_from ${c.name}`;
    for (const o of c.options) lines.push(fishOption(spec.name, o, cond));
    if (c.args.kind === 'files') lines.push(`complete -c ${spec.name} -n ${fq(cond)} -F`);
    if (c.args.kind === 'choices') lines.push(`complete -c ${spec.name} -n ${fq(cond)} -x -a ${fq(c.args.values.join(' '))}`);
  }
  return `${lines.join('\n')}\n`;
}
