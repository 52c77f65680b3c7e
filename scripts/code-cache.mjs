#!/usr/bin/env node
/**
 * `npm run build` step 4: the V8 code cache of each of the CLI's classic scripts (dist/cli/main.script.js
 * and the per-command ones such as dist/cli/power.script.js, see scripts/bundle-cli.mjs). Compiles
 * the script, runs the commands whose start-up matters most (each in this process, output
 * discarded) so their functions are compiled, then writes what V8 compiled:
 * dist/cli/<name>.script.cache, and dist/cli/<name>.script.json naming the Node, V8 and
 * architecture it is for. bin/concord.js uses the cache only under those, and V8 itself refuses a
 * cache of another source or other flags (the script then compiles as usual: slower, same result).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const dir = fileURLToPath(new URL('../dist/cli/', import.meta.url));
const quiet = { write: () => true };
// (--version and --help run from the ES module bundle, smaller: bin/concord.js)
// A game file of the user's, JSON: 60 players of weights 1–200, so that reading and validating a
// game of players (the built-in games come validated from the build's cache), the table by weight
// on several limbs and the table of 60 rows are compiled into the cache too (≈10 ms of
// `concord power FILE --index X` on the benchmark's games).
const tmp = mkdtempSync(join(tmpdir(), 'concord-code-cache-'));
const gameFile = join(tmp, 'game.json');
const weights = Array.from({ length: 60 }, (_, k) => 1 + ((7919 * (k + 1)) % 200));
writeFileSync(
  gameFile,
  JSON.stringify({
    name: 'warm-up',
    players: weights.map((w, k) => ({ id: `P${k + 1}`, w })),
    rule: { sum: 'w', atLeast: Math.ceil((2 * weights.reduce((a, b) => a + b, 0)) / 3) },
  }),
);
const runs = [
  ['org', 'sco', '--at', '2017-06-09'],
  ['power', 'eec-1958', '--index', 'banzhaf'],
  ['power', gameFile, '--index', 'passage,banzhaf'],
  ['timeline', 'sco'],
];
/** Each classic script and the commands run to fill its cache (a command's own script: its runs). */
const scripts = { main: runs, power: runs.filter((r) => r[0] === 'power') };
const out = process.stdout.write;
const err = process.stderr.write;
delete process.env.CONCORD_ORG_PATH; // the shipped files only
const env = { lang: process.env.CONCORD_LANG };
delete process.env.CONCORD_LANG; // English, as a user's default
const said = [];
for (const [name, warmUp] of Object.entries(scripts)) {
  const file = join(dir, `${name}.script.js`);
  if (name !== 'main' && !existsSync(file)) continue;
  const source = readFileSync(file, 'utf8');
  const script = new vm.Script(source, {
    filename: file,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(
    module.exports,
    createRequire(file),
    module,
    file,
    dirname(file),
    pathToFileURL(file).href,
  );
  const { main } = module.exports;
  for (const argv of warmUp) {
    process.stdout.write = quiet.write;
    process.stderr.write = quiet.write;
    try {
      await main(argv);
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
    }
  }
  process.exitCode = 0;
  const data = script.createCachedData();
  writeFileSync(join(dir, `${name}.script.cache`), data);
  writeFileSync(
    join(dir, `${name}.script.json`),
    JSON.stringify({
      node: process.version,
      v8: process.versions.v8,
      arch: process.arch,
      bytes: source.length,
      ascii: !/[\u0080-\uffff]/.test(source),
    }),
  );
  said.push(
    `code cache: ${name}.script, ${(data.length / 1024).toFixed(0)} KB for ${(source.length / 1024).toFixed(0)} KB of script, after ${warmUp.map((r) => r.map((a) => (a === gameFile ? 'GAME.json' : a)).join(' ')).join('; ')}`,
  );
}
if (env.lang !== undefined) process.env.CONCORD_LANG = env.lang;
rmSync(tmp, { recursive: true, force: true });
for (const line of said) console.log(line);
