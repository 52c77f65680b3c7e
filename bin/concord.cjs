#!/usr/bin/env node
// Entry point of the `concord` command (package.json "bin"). The TypeScript sources are compiled to
// dist/ and the CLI bundled into dist/cli/ by `npm run build`, which `npm ci` runs through the
// `prepare` script. The CLI runs from dist/cli/main.script.js compiled with its V8 code cache
// (scripts/code-cache.mjs) when the cache was written by this Node on this architecture; otherwise
// from the bundle's ES modules, dist/cli/main.js. CONCORD_CODE_CACHE=0 skips the script;
// CONCORD_UNBUNDLED=1 (or a build without the bundle) runs dist/src/cli/main.js instead.
// CommonJS, not an ES module: Node then starts without its ES module loader for the entry (≈10 ms
// of every command's start-up, `npm run bench -- startup`); bin/concord.js, for `node
// bin/concord.js`, imports this file.
// Built-in modules by process.getBuiltinModule, not `import`: an ES module import of node:fs builds
// a facade that reads every export, which loads node:stream and its dependencies (≈2 ms).
const { existsSync, readFileSync } = process.getBuiltinModule('node:fs');

const { pathToFileURL } = process.getBuiltinModule('node:url');
const cli = new URL('../dist/cli/', pathToFileURL(__filename));

/** CONCORD_CODE_CACHE=verbose says on standard error which way the CLI was loaded (for the tests). */
const say = process.env.CONCORD_CODE_CACHE === 'verbose' ? (m) => process.stderr.write(`code cache: ${m}\n`) : () => {};

/** The CLI's `main` from a classic script and its code cache, or undefined when they do not fit. */
async function cachedMain(name) {
  let meta;
  try {
    meta = JSON.parse(readFileSync(new URL(`${name}.script.json`, cli), 'utf8'));
  } catch {
    return say('not built'), undefined;
  }
  if (meta.node !== process.version || meta.v8 !== process.versions.v8 || meta.arch !== process.arch)
    return say(`written by Node ${meta.node} (${meta.arch}), not used`), undefined;
  const vm = process.getBuiltinModule('node:vm');
  const { createRequire } = process.getBuiltinModule('node:module');
  const { fileURLToPath } = process.getBuiltinModule('node:url');
  const { dirname } = process.getBuiltinModule('node:path');
  const url = new URL(`${name}.script.js`, cli);
  const file = fileURLToPath(url);
  let source;
  let cachedData;
  try {
    // the script is ASCII (scripts/bundle-cli.mjs): latin1 is its exact and quickest decoding
    source = readFileSync(file, meta.ascii ? 'latin1' : 'utf8');
    cachedData = readFileSync(new URL(`${name}.script.cache`, cli));
  } catch {
    return say('not built'), undefined;
  }
  if (source.length !== meta.bytes) return say('stale, not used'), undefined; // rebuilt without its cache
  // A cache V8 refuses (cachedDataRejected) still leaves a correct script, compiled from source.
  const script = new vm.Script(source, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  say(`${script.cachedDataRejected ? 'rejected by V8, compiled from source' : 'used'}${name === 'main' ? '' : ` (${name}.script)`}`);
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), url.href);
  return module.exports.main;
}

/** `concord`, `concord --version`, `concord --help`: no command, so the small ES module bundle is quicker. */
const noCommand = process.argv.slice(2).every((a) => a.startsWith('-'));

/**
 * The commands with a classic script of their own, the CLI with that command alone loadable
 * (scripts/bundle-cli.mjs): smaller to read and deserialize than main.script.js. The invoked command
 * as src/cli/commands/index.ts invokedCommand finds it.
 */
const COMMAND_SCRIPTS = new Set(['power']);
function commandScript() {
  const words = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const first = words[0] === 'help' ? words[1] : words[0];
  return COMMAND_SCRIPTS.has(first) ? first : undefined;
}

async function loadMain() {
  if (process.env.CONCORD_UNBUNDLED !== '1') {
    if (process.env.CONCORD_CODE_CACHE !== '0' && !noCommand) {
      const own = commandScript();
      const main = (own && (await cachedMain(own))) || (await cachedMain('main'));
      if (main) return main;
    }
    const bundle = new URL('main.js', cli);
    if (existsSync(bundle)) return (await import(bundle.href)).main;
  }
  return (await import(new URL('../dist/src/cli/main.js', pathToFileURL(__filename)).href)).main;
}

(async () => {
  const main = await loadMain();
  // A closed pipe (`concord timeline sco | head`) is not an error.
  process.stdout.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  process.exitCode = await main(process.argv.slice(2));
})();
