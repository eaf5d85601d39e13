// Turns a trace written by sql-trace.mjs into a script for the sqlite3 shell: the reads only
// (SELECT / WITH) and the statements on temporary tables, each with its bound values written in
// as literals.
const literal = (v) => {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NULL';
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'object' && v.type === 'Buffer') return `X'${Buffer.from(v.data).toString('hex')}'`;
  return `'${String(v).replace(/'/g, "''")}'`;
};

/** Replaces ?, ?NNN, @name, :name and $name outside quotes, comments and brackets. */
export function inline(sql, args) {
  const positional = args.filter((a) => a === null || typeof a !== 'object' || Array.isArray(a) || a.type === 'Buffer').flat();
  const named = args.find((a) => a && typeof a === 'object' && !Array.isArray(a) && a.type !== 'Buffer') ?? {};
  let out = '';
  let n = 0;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === "'" || ch === '"' || ch === '`' || ch === '[') {
      const close = ch === '[' ? ']' : ch;
      let j = i + 1;
      while (j < sql.length && sql[j] !== close) j++;
      out += sql.slice(i, j + 1);
      i = j;
    } else if (ch === '-' && sql[i + 1] === '-') {
      const j = sql.indexOf('\n', i);
      i = j < 0 ? sql.length : j;
      out += '\n';
    } else if (ch === '?') {
      const m = /^\d+/.exec(sql.slice(i + 1));
      if (m) {
        out += literal(positional[Number(m[0]) - 1]);
        i += m[0].length;
      } else out += literal(positional[n++]);
    } else if ((ch === '@' || ch === ':' || ch === '$') && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const m = /^[A-Za-z_]\w*/.exec(sql.slice(i + 1));
      out += literal(named[m[0]]);
      i += m[0].length;
    } else out += ch;
  }
  return out;
}

export function replayScript(trace) {
  // reads, and the writes to a temporary table (stats and facets count through one)
  const reads = trace.filter((t) => (/^\s*(SELECT|WITH)\b/i.test(t.sql) || /\btemp\./i.test(t.sql)) && !/sqlite_master|sqlite_schema/i.test(t.sql));
  return { count: reads.length, script: reads.map((t) => `${inline(t.sql, t.args).trim().replace(/;\s*$/, '')};`).join('\n') + '\n' };
}
