// The committed data files are exactly what `npm run data:build` derives from the raw public data.
// Runs where the raw data is present (../shared/data, or CONCORD_RAW_DATA).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const raw = resolve(process.env.CONCORD_RAW_DATA ?? '../shared/data');

describe('npm run data:build', () => {
  it.runIf(existsSync(join(raw, 'wb-population.csv')))(
    'reproduces the committed data files byte for byte',
    () => {
      const out = mkdtempSync(join(tmpdir(), 'concord-data-'));
      execFileSync('node', ['--import', 'tsx', 'scripts/build-data.ts'], {
        env: { ...process.env, CONCORD_DATA_OUT: out, CONCORD_RAW_DATA: raw },
        stdio: 'pipe',
      });
      const committed = readdirSync('data/generated').sort();
      expect(readdirSync(out).sort()).toEqual(committed);
      for (const f of committed) {
        expect(
          readFileSync(join(out, f), 'utf8') === readFileSync(join('data/generated', f), 'utf8'),
          f,
        ).toBe(true);
      }
    },
  );

  it('ships every derived file with its source, licence and year range', () => {
    for (const f of readdirSync('data/generated')) {
      const meta = JSON.parse(readFileSync(join('data/generated', f), 'utf8')).meta;
      expect(meta.source, f).toBeTruthy();
      expect(meta.licence, f).toBeTruthy();
      if (f !== 'countries.json' && f !== 'country-names.json')
        expect(meta.firstYear, f).toBeLessThan(meta.lastYear);
    }
  });
});
