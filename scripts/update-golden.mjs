// Writes the golden records beside each fixture: <name>.expected.json.
// Run after a deliberate change to extraction or normalization, then READ the diff before committing:
//   npm run build && node scripts/update-golden.mjs
import { writeFileSync } from 'node:fs';
import { goldenInputs, goldenRecords, expectedPath } from '../test/golden-lib.mjs';

for (const input of goldenInputs()) {
  const records = await goldenRecords(input);
  writeFileSync(expectedPath(input), `${JSON.stringify(records, null, 2)}\n`);
  console.error(`${expectedPath(input)}: ${records.length} records`);
}
