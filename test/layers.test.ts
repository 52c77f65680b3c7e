/**
 * The layers of src/ (docs/architecture in the guide): a folder imports only from its own layer or
 * lower ones. util and errors.ts < data < rules < org < claims, power, scenario, spatial,
 * bargaining < balance, alignment < store < sweep < report < server, cli; the entry points
 * (index.ts, browser.ts, schemas.ts) sit on top. Static imports, re-exports and dynamic
 * `import()` all count, types included: a type import still ties the lower folder to the higher.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const LAYERS: readonly (readonly string[])[] = [
  ['util', 'i18n', 'errors.ts'],
  ['data'],
  ['rules'],
  ['org'],
  ['claims', 'power', 'scenario', 'spatial', 'bargaining'],
  ['balance', 'alignment', 'rooms'],
  ['store'],
  ['sweep'],
  ['report'],
  ['server', 'cli'],
  ['index.ts', 'browser.ts', 'schemas.ts'],
];

const RANK = new Map(LAYERS.flatMap((names, rank) => names.map((n) => [n, rank] as const)));

/** The top-level entry of src/ a path (relative to src/) belongs to. */
const unit = (rel: string) => rel.split('/')[0]!;

/** Relative specifiers imported by a TypeScript source: `from '…'`, `import '…'`, `import('…')`. */
function importsOf(source: string): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
  for (const m of source.matchAll(re)) out.push(m[1]!);
  return out;
}

/** Violations in a set of files given as { path relative to src/: source }. */
function violations(files: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [file, source] of Object.entries(files)) {
    const from = unit(file);
    const rank = RANK.get(from);
    if (rank === undefined) {
      out.push(`${file}: src/${from} is in no layer (add it to LAYERS in test/layers.test.ts)`);
      continue;
    }
    for (const spec of importsOf(source)) {
      const target = normalize(join(dirname(file), spec));
      if (target.startsWith('..')) {
        out.push(`${file} imports ${spec}, outside src/`);
        continue;
      }
      const to = unit(target.replace(/\.js$/, '.ts'));
      const r = RANK.get(to);
      if (r === undefined) out.push(`${file} imports ${spec}: src/${to} is in no layer`);
      else if (r > rank) out.push(`${file} (${from}, layer ${rank}) imports ${spec} (${to}, layer ${r})`);
    }
  }
  return out;
}

function sources(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name))
        files[relative(root, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(root);
  return files;
}

describe('layers', () => {
  it('no folder of src/ imports a higher one', () => {
    const files = sources(join(import.meta.dirname, '..', 'src'));
    expect(Object.keys(files).length).toBeGreaterThan(100);
    expect(violations(files)).toEqual([]);
  });

  it('catches an upward import, a type import, a re-export and a dynamic import', () => {
    expect(
      violations({
        'data/load.ts': "import { simplify } from '../report/charts/map.js';",
        'rules/game.ts': "import type { Organization } from '../org/schema.js';",
        'util/x.ts': "export { esc } from '../report/html.js';",
        'org/y.ts': "const m = await import('../store/open.js');",
        'power/ok.ts': "import { x } from '../scenario/types.js';\nimport { y } from '../errors.js';",
      }),
    ).toEqual([
      'data/load.ts (data, layer 1) imports ../report/charts/map.js (report, layer 8)',
      'rules/game.ts (rules, layer 2) imports ../org/schema.js (org, layer 3)',
      'util/x.ts (util, layer 0) imports ../report/html.js (report, layer 8)',
      'org/y.ts (org, layer 3) imports ../store/open.js (store, layer 6)',
    ]);
  });

  it('names a folder that is in no layer', () => {
    expect(violations({ 'plugins/a.ts': '' })).toEqual([
      'plugins/a.ts: src/plugins is in no layer (add it to LAYERS in test/layers.test.ts)',
    ]);
  });
});
