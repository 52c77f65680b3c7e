/** `npm run docs:schemas`: writes docs/schemas/<name>.json from the zod schemas. */
import { writeFileSync } from 'node:fs';
import { jsonSchema, SCHEMAS } from '../src/schemas.js';

for (const name of Object.keys(SCHEMAS)) {
  writeFileSync(`docs/schemas/${name}.json`, `${JSON.stringify(jsonSchema(name), null, 2)}\n`);
  console.log(`wrote docs/schemas/${name}.json`);
}
