// What a bare JSON writer needs for given rows: reads a JSON array (the rows an iom command
// printed), then, timed, JSON.stringify(rows, null, 2) (iom's layout) written to /dev/null, median
// of `runs`. Usage: node scripts/bench/json-floor.mjs <rows.json> [runs]  (prints JSON: { ms, rows, bytes })
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { median } from './util.mjs';

const [file, runsArg = '7'] = process.argv.slice(2);
const rows = JSON.parse(readFileSync(file, 'utf8'));
const fd = openSync('/dev/null', 'w');
const times = [];
let bytes = 0;
for (let k = 0; k < Number(runsArg) + 1; k++) {
  const t0 = process.hrtime.bigint();
  const buf = Buffer.from(`${JSON.stringify(rows, null, 2)}\n`, 'utf8');
  writeSync(fd, buf);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  bytes = buf.length;
  if (k > 0) times.push(ms);
}
closeSync(fd);
process.stdout.write(JSON.stringify({ ms: median(times), samples: times, rows: rows.length, bytes }) + '\n');
