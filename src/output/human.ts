// How a person reads dates and money in a table. JSON and CSV keep the raw values.
import type { Cell } from './render.js';

const MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

export function humanDate(v: Cell): string {
  if (typeof v !== 'string') return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  if (!m) return v;
  const [, y, mo, d] = m;
  if (!mo) return y!;
  const month = MONTHS[Number(mo) - 1] ?? mo;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export function humanMoney(v: Cell, currency = 'USD'): string {
  if (typeof v !== 'number') return '';
  const n = Math.round(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return `${n} ${currency}`;
}
