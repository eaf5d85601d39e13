// Preloaded with `node --import` into an iom command: records every statement that runs
// (SQL text and bound values) as one JSON line each in $IOM_BENCH_SQL_OUT, written before the
// statement runs (so a statement that never ends is recorded too), so that the bench can replay
// the same SQL in the sqlite3 shell.
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const out = process.env.IOM_BENCH_SQL_OUT;
if (out) {
  const require = createRequire(new URL('../../package.json', import.meta.url));
  const Database = require('better-sqlite3');
  const patched = new WeakSet();
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (...a) {
    const stmt = prepare.apply(this, a);
    const proto = Object.getPrototypeOf(stmt);
    if (!patched.has(proto)) {
      patched.add(proto);
      for (const m of ['all', 'get', 'iterate', 'run']) {
        const orig = proto[m];
        proto[m] = function (...args) {
          // the database file only: not the in-memory scratch table of long snippets (query/snippet.ts)
          if (!this.database.memory) appendFileSync(out, JSON.stringify({ sql: this.source, args: args.map((v) => (typeof v === 'bigint' ? Number(v) : v)) }) + '\n');
          return orig.apply(this, args);
        };
      }
    }
    return stmt;
  };
  // db.exec (the temporary table of stats and facets) runs SQL without a statement object
  const exec = Database.prototype.exec;
  Database.prototype.exec = function (sql) {
    if (!this.memory) appendFileSync(out, JSON.stringify({ sql, args: [] }) + '\n');
    return exec.call(this, sql);
  };
}
