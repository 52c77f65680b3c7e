/**
 * `npm run docs:openapi`: writes the HTTP API's OpenAPI document (docs/openapi/openapi.json, the
 * same the server serves at /api/openapi.json) and the TypeScript types openapi-typescript
 * generates from it (docs/openapi/openapi.d.ts), for typed clients such as openapi-fetch.
 * test/server/openapi.test.ts checks both are current and calls the API through such a client.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { packageVersion } from '../src/data/load.js';
import { openApiDocument } from '../src/server/openapi.js';
import { apiRoutes } from '../src/server/routes/index.js';
import { openapiTypes } from '../test/helpers/openapi.js';

const doc = openApiDocument(apiRoutes(), packageVersion());
mkdirSync('docs/openapi', { recursive: true });
writeFileSync('docs/openapi/openapi.json', `${JSON.stringify(doc, null, 2)}\n`);
writeFileSync('docs/openapi/openapi.d.ts', await openapiTypes(doc));
console.log('wrote docs/openapi/openapi.json and docs/openapi/openapi.d.ts');
