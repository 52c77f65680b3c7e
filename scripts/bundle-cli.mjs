#!/usr/bin/env node
/**
 * `npm run build` step 2: bundles the compiled CLI (dist/src/cli/main.js) into dist/cli/ with
 * esbuild, so start-up resolves a handful of files instead of several hundred. Code splitting
 * keeps the command table lazy: each command is its own chunk, loaded only when invoked.
 * zod, yaml and commander (many small modules each) are bundled; every other package stays
 * external (native addons, worker files, packages that read their own files). bin/concord.js
 * uses the bundle; CONCORD_UNBUNDLED=1 runs dist/src/cli/main.js instead (to compare, and for the
 * import-tracing test). Measured by `npm run bench -- startup`.
 *
 * Step 2b: the same CLI as one classic script, dist/cli/main.script.js (CommonJS inside a function
 * wrapper), with a V8 code cache written next to it (scripts/code-cache.mjs). Node 20 has no compile
 * cache for ES modules (module.enableCompileCache is Node 22), but vm.Script takes `cachedData`:
 * bin/concord.js runs the script from its cache, so start-up neither parses nor compiles the CLI
 * and resolves one file instead of thirty. In one file the lazy command table is kept by esbuild's
 * lazy module initialisers (only the invoked command's modules are evaluated); packages stay
 * external as above (loaded by require or import() only when a code path needs them), except those
 * that are ES modules only (require cannot load them on Node 20), which are bundled.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
/**
 * zod's classic API also exports z.fromJSONSchema, whose module builds a copy of the whole API at
 * load (≈1 ms at every start-up). Concord never converts JSON Schema to zod: in the CLI bundle it
 * is a function that says so. The library (dist/src) keeps zod whole.
 */
const zodWithoutFromJsonSchema = {
  name: 'zod-without-from-json-schema',
  setup(b) {
    b.onResolve({ filter: /^\.\/from-json-schema\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]classic[\\/]/.test(args.importer)
        ? { path: 'zod-from-json-schema', namespace: 'concord-stub' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'concord-stub' }, () => ({
      contents:
        "export function fromJSONSchema() { throw new Error('z.fromJSONSchema is not in the Concord CLI bundle'); }",
      loader: 'js',
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
  plugins: [zodLocalesEnglishOnly, zodWithoutFromJsonSchema],
  logLevel: 'warning',
});

/**
 * commander requires node:child_process at load (≈2 ms: child_process, net, streams) for
 * executable subcommands, which Concord has none of: in the script it is required when first used.
 */
const commanderLazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!text.includes(eager)) return undefined; // another commander: bundle it as it is
      return {
        contents: text.replace(
          eager,
          "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };",
        ),
        loader: 'js',
      };
    });
  },
};

/** Packages that are ES modules only: bundled into the classic script (require cannot load them). */
const ESM_ONLY = new Set(['intl-messageformat', 'd3-geo', 'd3-scale', 'd3-shape']);

/**
 * The commands that have a classic script of their own, dist/cli/<name>.script.js: the CLI with that
 * command's module alone in the lazy table (every other entry still lists its name, term and summary
 * for the help, but cannot be loaded). bin/concord.js runs it when the invoked command is that one:
 * `concord power FILE --index X` then reads and deserializes the code of the power path only, not
 * of the whole CLI (≈10 ms less, `npm run bench -- startup`).
 */
const COMMAND_SCRIPTS = { power: './power.js' };

/** In commands/index.js, the lazy loads of every module but `keep`, as rejections. */
const onlyCommand = (keep) => ({
  name: 'concord-only-command',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]src[\\/]cli[\\/]commands[\\/]index\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const out = text.replace(/import\((['"])(\.\/[^'"]+)\1\)/g, (m, _q, spec) =>
        spec === keep ? m : `Promise.reject(new Error(${JSON.stringify(`${spec} is not in this script`)}))`,
      );
      if (!out.includes(`import('${keep}')`) && !out.includes(`import("${keep}")`))
        throw new Error(`bundle-cli: ${keep} not found in ${args.path}`);
      return { contents: out, loader: 'js' };
    });
  },
});

/** Bundles the CLI as one classic script, dist/cli/<name>.script.js. */
async function classicScript(name, extraPlugins) {
  const script = await build({
    entryPoints: [new URL('../dist/src/cli/main.js', import.meta.url).pathname],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    write: false,
    outfile: join(outdir, `${name}.script.js`),
    external: Object.keys(pkg.dependencies).filter((d) => !BUNDLED.has(d) && !ESM_ONLY.has(d)),
    // the modules' import.meta.url is the script's (data/load.ts walks up from it to the package root)
    define: { 'import.meta.url': '__concordImportMetaUrl' },
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    plugins: [zodLocalesEnglishOnly, zodWithoutFromJsonSchema, commanderLazyChildProcess, ...extraPlugins],
    logLevel: 'warning',
  });
  // A function expression: bin/concord.js compiles it with vm.Script and calls it as Node calls a
  // CommonJS module, plus the import.meta.url above.
  // ASCII only, so bin/concord.js reads it as latin1 into a one-byte string: esbuild escapes strings,
  // but leaves characters such as − and ’ in regular expressions, and one of them makes the whole 2 MB
  // a two-byte string (decoded ~10 ms slower, twice the memory). \uXXXX means the same in a string,
  // a template and a regular expression's class.
  const ascii = script.outputFiles[0].text.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  writeFileSync(
    join(outdir, `${name}.script.js`),
    `(function (exports, require, module, __filename, __dirname, __concordImportMetaUrl) {${ascii}\n})`,
  );
}
await classicScript('main', []);
for (const [name, module] of Object.entries(COMMAND_SCRIPTS))
  await classicScript(name, [onlyCommand(module)]);
