import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchema, SCHEMAS } from '../src/schemas.js';

describe('published JSON Schemas', () => {
  it.each(Object.keys(SCHEMAS))('docs/schemas/%s.json is current (run `npm run docs:schemas`)', (name) => {
    const committed = JSON.parse(readFileSync(`docs/schemas/${name}.json`, 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(jsonSchema(name))));
  });
});
