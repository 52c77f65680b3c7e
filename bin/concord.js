#!/usr/bin/env node
// Entry point of the `concord` command. The TypeScript sources are compiled to dist/ and the CLI
// bundled into dist/cli/ by `npm run build`, which `npm ci` runs through the `prepare` script.
// CONCORD_UNBUNDLED=1 (or a build without the bundle) runs dist/src/cli/main.js instead.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/main.js', import.meta.url);
const { main } = await import(
  process.env.CONCORD_UNBUNDLED !== '1' && existsSync(bundle) ? bundle.href : '../dist/src/cli/main.js'
);

// A closed pipe (`concord timeline sco | head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
process.exitCode = await main(process.argv.slice(2));
