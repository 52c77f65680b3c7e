#!/usr/bin/env node
/**
 * `npm run prepare` (run by `npm ci`, and by `npx concord` the first time in a checkout, because
 * npm links the project into its npx cache): builds dist/ (tsc) and web/dist/ (vite), skipping a
 * build whose output is newer than every input. `--force` rebuilds both.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const force = process.argv.includes('--force');

/** The newest modification time under the given files and folders (0 if none exist). */
function newest(paths) {
  let t = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p)) visit(join(p, e));
    else t = Math.max(t, st.mtimeMs);
  };
  for (const p of paths) visit(p);
  return t;
}

const builds = [
  {
    name: 'library (tsc → dist/)',
    inputs: ['src', 'bench', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    output: 'dist/cli/main.js',
    command: 'npm run build',
  },
  {
    name: 'web lab (vite → web/dist/)',
    inputs: [
      'web/src',
      'web/index.html',
      'web/tsconfig.json',
      'vite.web.config.ts',
      'src',
      'data',
      'package-lock.json',
    ],
    output: 'web/dist/index.html',
    command: 'npm run build:web',
  },
];

for (const b of builds) {
  const built = existsSync(b.output) ? statSync(b.output).mtimeMs : 0;
  if (!force && built > newest(b.inputs)) {
    console.log(`prepare: ${b.name} is up to date`);
    continue;
  }
  execSync(b.command, { stdio: 'inherit' });
}
