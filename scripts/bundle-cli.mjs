#!/usr/bin/env node
/**
 * `npm run build` step 2: bundles the compiled CLI (dist/src/cli/main.js) into dist/cli/ with
 * esbuild, so start-up resolves a handful of files instead of several hundred. Code splitting
 * keeps the command table lazy: each command is its own chunk, loaded only when invoked.
 * zod, yaml and commander (many small modules each) are bundled; every other package stays
 * external (native addons, worker files, packages that read their own files). bin/concord.js
 * uses the bundle; CONCORD_UNBUNDLED=1 runs dist/src/cli/main.js instead (to compare, and for the
 * import-tracing test). Measured by `npm run bench -- startup`.
 */
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const root = new URL('..', import.meta.url).pathname;

/**
 * zod re-exports every one of its ~45 locales as `z.locales` (and `z.core.locales`), so a bundle
 * that imports `z` carries them all: 297 KB of the 583 KB zod chunk that every command loading a
 * schema parses at start-up. The CLI sets no locale through that namespace (zod's default is
 * English, which zod imports directly; translated messages import their locale by its own path,
 * `zod/v4/locales/ru.js`), so in the bundle `locales` holds English only. The library (dist/src)
 * keeps zod whole.
 */
const zodLocalesEnglishOnly = {
  name: 'zod-locales-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer)
        ? { path: 'zod-locales-en', namespace: 'concord' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'concord' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: root,
    }));
  },
};
const BUNDLED = new Set(['zod', 'yaml', 'commander']);
const outdir = new URL('../dist/cli/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: new URL('../dist/src/cli/main.js', import.meta.url).pathname },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  external: Object.keys(pkg.dependencies).filter((d) => !BUNDLED.has(d)),
  // commander is CommonJS: give its require() calls a real require.
  banner: {
    js: "import { createRequire as __concordRequire } from 'node:module';\nconst require = __concordRequire(import.meta.url);",
  },
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  plugins: [zodLocalesEnglishOnly],
  logLevel: 'warning',
});
