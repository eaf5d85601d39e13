// Text from pages and file names is data, never terminal commands: control characters are
// stripped from what is stored, and shown escaped in what is printed to people.

/** ANSI/ECMA-48 sequences (CSI … final, OSC … BEL/ST, other ESC x) and C1 CSI/OSC. */
const SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\|$)|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u009c]*(?:\u0007|\u009c|$)/g;
/** C0 controls but tab and newline, DEL, and C1 controls. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** The same, newline and tab included (for one-line things: file names, table cells). */
const ALL_CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Drops escape sequences whole, then every other control character but tab and newline. */
export function stripControls(s: string): string {
  if (!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(s)) return s;
  return s.replace(SEQUENCES, '').replace(CONTROLS, (c) => (c === '\r' || c === '\f' || c === '\v' ? ' ' : ''));
}

/** Every string in a JSON-like value through fn (objects and arrays copied). */
export function mapStringsDeep<T>(v: T, fn: (s: string) => string): T {
  if (typeof v === 'string') return fn(v) as T;
  if (Array.isArray(v)) return v.map((x) => mapStringsDeep(x, fn)) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStringsDeep(x, fn)])) as T;
  return v;
}

/** Every string in a JSON-like value, stripped. */
export function stripControlsDeep<T>(v: T): T {
  return mapStringsDeep(v, stripControls);
}

const hex = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** For a terminal: control characters shown as \xNN, newlines and tabs kept (messages). */
export function visible(s: string): string {
  return s.replace(CONTROLS, hex);
}

/** For one line on a terminal (a file name, a cell): every control shown as \n, \t or \xNN. */
export function visibleLine(s: string): string {
  return s.replace(ALL_CONTROLS, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : hex(c)));
}
