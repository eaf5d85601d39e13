// `iom repair`: registered on a bare program and run in-process on a temporary file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { register, renderChanges } from '../../src/cli/commands/repair.js';

const dir = mkdtempSync(join(tmpdir(), 'iom-repair-'));
const file = join(dir, 'fiche.txt');
writeFileSync(file, 'La Migraon et la situaon des migraons au Maroc.\nun projet fi-\nnancé par l’UE\n');

async function run(...args: string[]): Promise<string> {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  try {
    const program = new Command().exitOverride();
    register(program);
    await program.parseAsync(['node', 'iom', 'repair', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out.join('');
}

afterEach(() => vi.restoreAllMocks());

describe('iom repair', () => {
  test('prints the repaired text', async () => {
    expect(await run(file)).toBe('La Migration et la situation des migrations au Maroc.\nun projet financé par l’UE\n');
  });

  test('--changes lists the changes', async () => {
    const out = await run(file, '--changes');
    expect(out.split('\n')[0]).toMatch(/^line\s+change\s+rule\s+confidence$/);
    expect(out).toContain('Migraon → Migration');
    expect(out).toContain('fi-⏎nancé → financé');
  });

  test('--format json', async () => {
    const out = JSON.parse(await run(file, '--format', 'json', '--changes')) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['changes', 'unresolved', 'lostSequences']);
    expect(out.lostSequences).toEqual(['ti']);
  });

  test('--lost none turns ligature repair off', async () => {
    expect(await run(file, '--lost', 'none')).toContain('La Migraon');
  });

  test('has a description and examples', () => {
    const program = new Command();
    register(program);
    const cmd = program.commands.find((c) => c.name() === 'repair')!;
    expect(cmd.description()).toMatch(/repair/);
    const help: string[] = [];
    cmd.configureOutput({ writeOut: (s) => help.push(s) });
    cmd.outputHelp();
    expect(help.join('')).toContain('Examples:');
  });

  test('renderChanges aligns columns', () => {
    const out = renderChanges([
      { line: 1, before: 'a', after: 'b', rule: 'fixMojibake', confidence: 1 },
      { line: 12, before: 'migraons', after: 'migrations', rule: 'restoreLostLigatures', confidence: 0.95 },
    ]);
    const [, first, second] = out.split('\n');
    expect(first!.indexOf('fixMojibake')).toBe(second!.indexOf('restoreLostLigatures'));
    expect(first).toMatch(/^1 +a → b +fixMojibake +1\.00$/);
  });
});
