import { describe, expect, test } from 'vitest';
import { htmlToText } from '../../src/read/html.js';

describe('htmlToText', () => {
  test('one block per line; labels and values on their own lines; list items marked', () => {
    const html = `<html><head><title>Projet</title><style>p{}</style><script>alert(1)</script></head><body>
      <nav><ul><li><a href="/a">Qui sommes nous</a></li><li>Structure</li></ul></nav>
      <h1>Autonomisation des femmes</h1>
      <div class="x"><div>Date de début</div><div>2020</div></div>
      <p>Ce projet s’intéressera <strong>aux travailleuses</strong> migrantes.</p></body></html>`;
    const { text, title } = htmlToText(html);
    expect(title).toBe('Projet');
    expect(text.split('\n')).toEqual([
      '- Qui sommes nous',
      '- Structure',
      'Autonomisation des femmes',
      'Date de début',
      '2020',
      'Ce projet s’intéressera aux travailleuses migrantes.',
    ]);
  });

  test('scripts never run and are not read as text', () => {
    const { text } = htmlToText('<p>a</p><script>globalThis.pwned = 1; document.write("b")</script><noscript>c</noscript>');
    expect(text).toBe('a');
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  test('deeply nested HTML does not overflow the stack', () => {
    const depth = 20000;
    const html = '<div>'.repeat(depth) + 'profond' + '</div>'.repeat(depth);
    expect(htmlToText(html).text).toBe('profond');
  }, 60_000); // the parser itself needs a few seconds for 20,000 levels on a loaded machine

  test('entities are decoded and no-break spaces collapsed', () => {
    expect(htmlToText('<p>Migration&nbsp;de main-d&rsquo;&oelig;uvre &amp; emploi</p>').text).toBe('Migration de main-d’œuvre & emploi');
  });
});
