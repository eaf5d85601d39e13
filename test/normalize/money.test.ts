import { describe, expect, test } from 'vitest';
import { detectCurrency, findMoneyInText, parseAmountNumber, parseMoney, toUsd } from '../../src/normalize/money.js';

describe('parseMoney', () => {
  test.each([
    ['300000.00', 'Budget Amount (USD)', 300000, 'USD'],
    ['200000.00', 'Budget Amount (USD)', 200000, 'USD'],
    ['9.5 millions de dollars US', undefined, 9500000, 'USD'],
    ['9,5 millions de dollars', undefined, 9500000, 'USD'],
    ['1 200 000 €', undefined, 1200000, 'EUR'],
    ['1\u00a0200\u00a0000\u202f€', undefined, 1200000, 'EUR'],
    ["2,5 millions d'euros", undefined, 2500000, 'EUR'],
    ['2,5 millions d’euros', undefined, 2500000, 'EUR'],
    ['USD 1.2 million', undefined, 1200000, 'USD'],
    ['US$ 750,000', undefined, 750000, 'USD'],
    ['$1.2M', undefined, 1200000, 'USD'],
    ['1,2 M€', undefined, 1200000, 'EUR'],
    ['MAD 500 000', undefined, 500000, 'MAD'],
    ['500 000 DH', undefined, 500000, 'MAD'],
    ['1.200.000 dirhams', undefined, 1200000, 'MAD'],
    ['1,200,000.50 USD', undefined, 1200000.5, 'USD'],
    ['1.200.000,50 EUR', undefined, 1200000.5, 'EUR'],
    ['CHF 2 millions', undefined, 2000000, 'CHF'],
    ['300000', 'Budget (EUR)', 300000, 'EUR'],
    ['1 milliard de dollars', undefined, 1000000000, 'USD'],
  ])('%s (%s)', (raw, label, amount, currency) => {
    expect(parseMoney(raw, { label })).toEqual({ amount, currency, raw });
  });

  test.each([
    ['300000.00', undefined], // no currency anywhere
    ['0.00', 'Budget Amount (USD)'], // undisclosed
    ['', 'Budget Amount (USD)'],
    ['N/A', 'Budget Amount (USD)'],
  ])('null: %j (%s)', (raw, label) => {
    expect(parseMoney(raw, { label })).toBeNull();
  });
});

describe('parseAmountNumber', () => {
  test.each([
    ['300000.00', false, 300000],
    ['300,000.00', false, 300000],
    ['300 000,00', false, 300000],
    ['1.200', false, 1200],
    ['1,200', false, 1200],
    ['1,5', false, 1.5],
    ['9.5', true, 9.5],
    ['1.200', true, 1.2],
  ])('%s', (raw, mult, n) => {
    expect(parseAmountNumber(raw, mult)).toBe(n);
  });
});

describe('findMoneyInText', () => {
  test('amounts with a currency, in order', () => {
    const text =
      'Le programme d’un montant global de 9.5 millions de dollars US a débuté en 2013 et se poursuivra jusqu’à mi 2016. ' +
      'Un budget de USD 1.2 million, 1 200 000 € et MAD 500 000 ; 16 initiatives dans 3 pays ; tél +212 5 37 65 28 81.';
    expect(findMoneyInText(text)).toEqual([
      { amount: 9500000, currency: 'USD', raw: '9.5 millions de dollars US' },
      { amount: 1200000, currency: 'USD', raw: 'USD 1.2 million' },
      { amount: 1200000, currency: 'EUR', raw: '1 200 000 €' },
      { amount: 500000, currency: 'MAD', raw: 'MAD 500 000' },
    ]);
  });

  test('no currency, no money', () => {
    expect(findMoneyInText('composée de 175 Etats membres et présente dans 171 pays depuis 1951')).toEqual([]);
  });
});

describe('toUsd and currencies', () => {
  test('only US dollars convert: no exchange rates', () => {
    expect(toUsd({ amount: 300000, currency: 'USD', raw: '' })).toBe(300000);
    expect(toUsd({ amount: 300000, currency: 'EUR', raw: '' })).toBeNull();
    expect(toUsd(null)).toBeNull();
  });

  test.each([
    ['Budget Amount (USD)', 'USD'],
    ['dollars américains', 'USD'],
    ['dollars canadiens', 'CAD'],
    ['€', 'EUR'],
    ['dirhams', 'MAD'],
    ['francs suisses', 'CHF'],
    ['Budget', null],
  ])('%s -> %s', (text, code) => {
    expect(detectCurrency(text)).toBe(code);
  });
});
