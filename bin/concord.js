#!/usr/bin/env node
// Entry point of the `concord` command. The TypeScript sources are compiled to dist/ and the CLI
// bundled into dist/cli/ by `npm run build`, which `npm ci` runs through the `prepare` script.
// CONCORD_UNBUNDLED=1 runs the unbundled build (dist/src/cli/main.js) instead.
const { main } = await import(
  process.env.CONCORD_UNBUNDLED === '1' ? '../dist/src/cli/main.js' : '../dist/cli/main.js'
);

// A closed pipe (`concord timeline sco | head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
process.exitCode = await main(process.argv.slice(2));
