// Preloaded with `node --require` when GNU time is not installed: writes the process's peak
// resident set size (KB) to $IOM_BENCH_RSS_OUT as it exits.
const { writeFileSync } = require('node:fs');
const out = process.env.IOM_BENCH_RSS_OUT;
if (out) process.on('exit', () => writeFileSync(out, `${process.resourceUsage().maxRSS}\n`));
