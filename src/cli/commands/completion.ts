import { Argument, type Command, type Option } from 'commander';
import { SHELLS } from '../choices.js';

/**
 * Lists an option's values in --help and offers them to shell completion, leaving the check to
 * the command itself (a one-line UsageError) rather than to commander's choices().
 */
export function hintChoices<T extends Option | Argument>(item: T, values: readonly string[]): T {
  item.argChoices = [...values];
  return item;
}

export function register(program: Command): void {
  program
    .command('completion')
    .description('print a shell completion script for iom (bash, zsh or fish)')
    .addArgument(hintChoices(new Argument('<shell>', 'the shell to complete in'), SHELLS))
    .addHelpText(
      'after',
      `
Examples:
  $ source <(iom completion bash)                              # this shell only; add it to ~/.bashrc to keep it
  $ iom completion zsh > "\${fpath[1]}/_iom"                    # then start a new zsh
  $ iom completion fish > ~/.config/fish/completions/iom.fish

The script is generated from iom's own commands and options, so it matches this version.`,
    )
    .action(async (shell: string, _flags: unknown, c: Command) => {
      const { completionScript } = await import('../completion-run.js');
      process.stdout.write(completionScript(c.parent ?? program, shell));
    });
}
