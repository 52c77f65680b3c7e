/**
 * `concord reliability PATH [--resamples N] [--seed S] [--json]`: how far the coders of the positions
 * agree — Krippendorff's alpha (interval metric; units = actor × issue) of the positions and of the
 * saliences, per issue, per file and over all the files in PATH, each with a seeded bootstrap
 * interval over units (src/scenario/reliability.ts).
 */
import type { Command } from 'commander';
import { ConcordError } from '../../errors.js';
import { loadPath } from '../../scenario/load.js';
import { type AlphaResult, alphaWithInterval, codersOf, issueUnits } from '../../scenario/reliability.js';
import { json, table } from '../../util/format.js';
import type { CliIO } from '../io.js';

interface Opts {
  resamples?: string;
  seed?: string;
  json?: boolean;
}

function count(v: string | undefined, flag: string, dflt: number, max: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new ConcordError('E_USAGE', `${flag}: "${v}" is not a whole number from 0 to ${max}`, {
      path: flag,
      hint: `For example ${flag} ${dflt}.`,
    });
  return n;
}

const fmtAlpha = (a: AlphaResult) =>
  a.alpha === null
    ? a.units === 0
      ? 'no position has two codings'
      : 'undefined (no variation)'
    : `${a.alpha.toFixed(3)}${a.ci95 ? ` [${a.ci95[0].toFixed(2)}, ${a.ci95[1].toFixed(2)}]` : ''}`;

export function register(program: Command, io: CliIO): void {
  program
    .command('reliability')
    .description(
      "coder agreement: Krippendorff's alpha of the coded positions and saliences, per issue and file",
    )
    .argument('<path>', 'a scenario file or a directory of them (e.g. scenarios/sco)')
    .option('--resamples <n>', 'bootstrap resamples for the 95% interval (default 1000; 0 for none)')
    .option('--seed <n>', 'seed of the bootstrap (default 1)')
    .option('--json', 'print JSON')
    .action((path: string, opts: Opts) => {
      const resamples = count(opts.resamples, '--resamples', 1000, 1_000_000);
      const seed = count(opts.seed, '--seed', 1, 2 ** 31 - 1);
      const loaded = loadPath(path, io.cwd, { format: 'scenario' });
      const est = (units: number[][]) => alphaWithInterval(units, { resamples, seed });
      const allPos: number[][] = [];
      const allSal: number[][] = [];
      const files = loaded.map(({ file, scenario: s }) => {
        const filePos: number[][] = [];
        const fileSal: number[][] = [];
        const issues = s.issues.map((is) => {
          const p = issueUnits(is, 'position');
          const q = issueUnits(is, 'salience');
          filePos.push(...p);
          fileSal.push(...q);
          return { id: is.id, positions: est(p), saliences: est(q) };
        });
        allPos.push(...filePos);
        allSal.push(...fileSal);
        return {
          file,
          scenario: s.id,
          coders: codersOf(s),
          positions: est(filePos),
          saliences: est(fileSal),
          issues,
        };
      });
      const out = {
        path,
        metric: 'interval',
        bootstrap: { resamples, seed, level: 0.95, over: 'units (actor × issue)' },
        positions: est(allPos),
        saliences: est(allSal),
        files,
      };
      if (opts.json) {
        io.out(json(out));
        return;
      }
      io.out(
        `Coder agreement in ${path}: Krippendorff's alpha, interval metric, units = actor × issue (positions rescaled to 0–100), 95% bootstrap interval over units (${resamples} resamples, seed ${seed}). α ≥ 0.8: reliable; ≥ 0.667: tentative (Krippendorff 2004).\n`,
      );
      io.out(
        table(
          ['file', 'coders', 'units', 'alpha (positions)', 'alpha (saliences)'],
          files.map((f) => [
            f.file,
            f.coders.join(', ') || '–',
            String(f.positions.units),
            fmtAlpha(f.positions),
            fmtAlpha(f.saliences),
          ]),
        ),
      );
      io.out(
        `\nAll files: ${out.positions.units} units; positions ${fmtAlpha(out.positions)}; saliences ${fmtAlpha(out.saliences)}`,
      );
      const perIssue = files.flatMap((f) =>
        f.issues
          .filter((i) => i.positions.units > 0)
          .map((i) => [
            `${f.scenario}/${i.id}`,
            String(i.positions.units),
            fmtAlpha(i.positions),
            fmtAlpha(i.saliences),
          ]),
      );
      if (perIssue.length)
        io.out(
          `\nPer issue:\n${table(['issue', 'units', 'alpha (positions)', 'alpha (saliences)'], perIssue)}`,
        );
    });
}
