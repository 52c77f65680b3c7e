import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every module reachable by relative imports from `entry`. */
function closure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(entry, 'utf8');
  for (const m of text.matchAll(/from '(\.[^']+)\.js'/g))
    closure(resolve(dirname(entry), `${m[1]}.ts`), seen);
  return seen;
}

describe('the model core is browser-safe (the web lab and the sweeps call it)', () => {
  const dirs = ['src/spatial', 'src/bargaining', 'src/scenario', 'src/scenario/import'];
  const entries = dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.ts') && f !== 'load.ts')
      .map((f) => resolve(join(d, f))),
  );

  it.each(entries.map((e) => [e.slice(process.cwd().length + 1), e]))(
    '%s imports nothing from Node, directly or not',
    (_name, entry) => {
      for (const file of closure(entry)) {
        const text = readFileSync(file, 'utf8');
        expect(text, file).not.toMatch(/from 'node:/);
        expect(file.endsWith('/load.ts'), `${file} is a Node loader`).toBe(false);
      }
    },
  );
});
