#!/usr/bin/env node
// Writes dist/gazetteer.json (towns and first-level regions of the world, see
// src/normalize/gazetteer-build.ts) so that ingest reads one file instead of decoding the
// packages. Run after tsc (it reuses the compiled builder): `npm run build`.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const t0 = performance.now();
const { buildGazetteerData } = await import('../dist/normalize/gazetteer-build.js');
const data = buildGazetteerData();
writeFileSync(new URL('../dist/gazetteer.json', import.meta.url), JSON.stringify(data));
process.stderr.write(`gazetteer: ${data.entries.length} names -> dist/gazetteer.json (${Math.round(performance.now() - t0)} ms)\n`);
