#!/usr/bin/env node
// Entry point of the `concord` command. The TypeScript sources are compiled to dist/ by
// `npm run build`, which `npm ci` runs through the `prepare` script.
import { main } from '../dist/src/cli/main.js';

// A closed pipe (`concord timeline sco | head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
process.exitCode = await main(process.argv.slice(2));
