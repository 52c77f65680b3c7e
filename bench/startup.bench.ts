/**
 * CLI start-up: whole-process wall time of `concord` commands against `node -e 0`, measured in
 * the same run in interleaved rounds (each round runs every command once, in rotating order), so
 * the ratios survive a noisy shared machine. Figures: median time per command and the median of
 * the per-round ratios to `node -e 0`. Targets (issue 19): --version and --help ≤ 1.5×;
 * `power eec-1958 --index banzhaf` and `org sco --at DATE` ≤ 2×.
 *
 * Each concord command is measured twice: through the bundle `concord` runs (package.json's
 * "bin", bin/concord.cjs; dist/cli/, see scripts/bundle-cli.mjs) and unbundled
 * (CONCORD_UNBUNDLED=1: dist/src/cli/main.js and its hundreds of modules), so the gain of bundling
 * is a ratio of the same run. `CONCORD_BIN=path` measures another entry script (bin/concord.js:
 * the same through an ES module). One row measures `org` without the build's cache of parsed YAML
 * (src/data/yaml-cache.ts). The entry runs a command from the classic script and its V8 code
 * cache (dist/cli/main.script.js, scripts/code-cache.mjs); two rows run `power` and `org` from the
 * bundle's ES modules instead (CONCORD_CODE_CACHE=0), the way they started before the cache.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from './run.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function timeOnce(args: readonly string[], env: NodeJS.ProcessEnv): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

export const benchmark: Benchmark = {
  name: 'startup',
  description: 'CLI start-up, whole process, as ratios to `node -e 0` in the same run',
  run() {
    // what `concord` runs: package.json's "bin" (bin/concord.cjs)
    const bin =
      process.env.CONCORD_BIN ??
      join(
        root,
        (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: { concord: string } }).bin
          .concord,
      );
    const rounds = Number(process.env.STARTUP_ROUNDS ?? 11);
    const power = ['power', 'eec-1958', '--index', 'banzhaf'];
    const probe = spawnSync(process.execPath, [bin, ...power], { cwd: root, stdio: 'ignore' });
    if (probe.status !== 0) power.splice(2); // --index not in this build yet: measure all indices
    const commands: Array<{ args: string[]; target: number | null }> = [
      { args: ['--version'], target: 1.5 },
      { args: ['--help'], target: 1.5 },
      { args: power, target: 2 },
      { args: ['org', 'sco', '--at', '2017-06-09'], target: 2 },
      { args: ['timeline', 'sco'], target: null },
    ];
    const bundled = { ...process.env, CONCORD_UNBUNDLED: '0' };
    const unbundled = { ...process.env, CONCORD_UNBUNDLED: '1' };
    const cases: Array<{ label: string; args: string[]; env: NodeJS.ProcessEnv; target: number | null }> = [
      { label: 'node -e 0', args: ['-e', '0'], env: bundled, target: null },
      ...commands.map((c) => ({
        label: `concord ${c.args.join(' ')}`,
        args: [bin, ...c.args],
        env: bundled,
        target: c.target,
      })),
      {
        label: '  no YAML cache: org sco --at 2017-06-09',
        args: [bin, 'org', 'sco', '--at', '2017-06-09'],
        env: { ...bundled, CONCORD_NO_YAML_CACHE: '1' },
        target: null,
      },
      ...commands
        .filter((c) => c.target === 2)
        .map((c) => ({
          label: `  no code cache: ${c.args.slice(0, 2).join(' ')}`,
          args: [bin, ...c.args],
          env: { ...bundled, CONCORD_CODE_CACHE: '0' },
          target: null,
        })),
      ...(process.env.CONCORD_BIN
        ? []
        : commands.map((c) => ({
            label: `  unbundled: ${c.args.join(' ')}`,
            args: [bin, ...c.args],
            env: unbundled,
            target: null,
          }))),
    ];
    for (const c of cases) timeOnce(c.args, c.env); // warm the file cache
    const times = cases.map(() => [] as number[]);
    const ratios = cases.map(() => [] as number[]);
    for (let r = 0; r < rounds; r++) {
      const t = new Array<number>(cases.length);
      for (let k = 0; k < cases.length; k++) {
        const i = (k + r) % cases.length;
        t[i] = timeOnce(cases[i]!.args, cases[i]!.env);
      }
      t.forEach((ms, i) => {
        times[i]!.push(ms);
        ratios[i]!.push(ms / t[0]!);
      });
    }
    console.log(`${rounds} interleaved rounds; entry ${bin.replace(`${root}/`, '')}`);
    console.log('command                                   median ms   ratio to node -e 0   target');
    cases.forEach((c, i) => {
      const ratio = median(ratios[i]!);
      const verdict = c.target === null ? '' : `≤ ${c.target}× ${ratio <= c.target ? 'met' : 'NOT met'}`;
      console.log(
        `${c.label.padEnd(42)}${median(times[i]!).toFixed(0).padStart(9)}${`${ratio.toFixed(2)}×`.padStart(20)}   ${verdict}`,
      );
    });
  },
};
