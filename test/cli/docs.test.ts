// Every command has a description, examples in its help, and a section in the README.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { iom, ROOT } from '../helpers.js';

const help = iom(['--help']).stdout;
const commands = [...help.slice(help.indexOf('Commands:')).matchAll(/^\s{2}([a-z-]+)(?: \[options\]| <|\s)/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
const readme = readFileSync(`${ROOT}/README.md`, 'utf8');

describe('documentation', () => {
  test('iom --help lists the commands', () => {
    expect(commands).toEqual(expect.arrayContaining(['ingest', 'query', 'show', 'sources', 'donors', 'stats', 'facets', 'export', 'sql', 'repair', 'check', 'info', 'completion']));
  });
  test.each(commands)('%s has examples in --help and a README section', (cmd) => {
    const r = iom([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples?:/);
    expect(readme).toMatch(new RegExp(`^### .*\`iom ${cmd}[ \`]`, 'm'));
  });
  test('README set-up commands are the ones CI runs', () => {
    const ci = readFileSync(`${ROOT}/.ci/run`, 'utf8');
    expect(ci).toMatch(/npm ci/);
    expect(ci).toMatch(/^npm test$/m);
    expect(readme).toMatch(/```sh\nnpm test\n```/);
  });
});
