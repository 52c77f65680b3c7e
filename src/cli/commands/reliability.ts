/**
 * `concord reliability PATH [--resamples N] [--seed S] [--json]`: how far the coders of the positions
 * agree — Krippendorff's alpha (interval metric; units = actor × issue) of the positions and of the
 * saliences, per issue, per file and over all the files in PATH, each with a seeded bootstrap
 * interval over units (src/scenario/reliability.ts).
 */
import type { Command } from 'commander';
import { ConcordError } from '../../errors.js';
import { cliScenario } from '../../i18n/messages/cli-scenario/index.js';
import { loadPath } from '../../scenario/load.js';
import {
  type AlphaResult,
  alphaWithInterval,
  codersOf,
  DEFAULT_RELIABILITY_RESAMPLES,
  DEFAULT_RELIABILITY_SEED,
  issueUnits,
} from '../../scenario/reliability.js';
import { json, table } from '../../util/format.js';
import { type CliText, cliText, type NamespaceKeys } from '../i18n.js';
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
      key: 'cli.reliability.badCount',
      values: { flag, input: v, max: String(max), dflt: String(dflt) },
    });
  return n;
}

/** An alpha with its interval, or why it is undefined, in the locale of `c`. */
const fmtAlpha = (c: CliText<NamespaceKeys<typeof cliScenario>>, a: AlphaResult) =>
  a.alpha === null
    ? a.units === 0
      ? c.t('rel.noPairs')
      : c.t('rel.noVariation')
    : `${c.fixed(a.alpha, 3)}${a.ci95 ? ` [${c.fixed(a.ci95[0], 2)}, ${c.fixed(a.ci95[1], 2)}]` : ''}`;

export function register(program: Command, io: CliIO): void {
  program
    .command('reliability')
    .description(
      "coder agreement: Krippendorff's alpha of the coded positions and saliences, per issue and file",
    )
    .argument('<path>', 'a scenario file or a directory of them (e.g. scenarios/sco)')
    .option(
      '--resamples <n>',
      `bootstrap resamples for the 95% interval (default ${DEFAULT_RELIABILITY_RESAMPLES}; 0 for none)`,
    )
    .option('--seed <n>', `seed of the bootstrap (default ${DEFAULT_RELIABILITY_SEED})`)
    .option('--json', 'print JSON')
    .action((path: string, opts: Opts) => {
      const resamples = count(opts.resamples, '--resamples', DEFAULT_RELIABILITY_RESAMPLES, 1_000_000);
      const seed = count(opts.seed, '--seed', DEFAULT_RELIABILITY_SEED, 2 ** 31 - 1);
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
      const c = cliText(io, cliScenario);
      const { t } = c;
      const alpha = (a: AlphaResult) => fmtAlpha(c, a);
      const n = (x: number) => (c.locale === 'en' ? String(x) : c.fmt.number(x, 0));
      io.out(t('rel.title', { path, resamples: n(resamples), seed: String(seed) }));
      io.out(
        table(
          [
            t('rel.col.file'),
            t('rel.col.coders'),
            t('rel.col.units'),
            t('rel.col.positions'),
            t('rel.col.saliences'),
          ],
          files.map((f) => [
            f.file,
            f.coders.join(', ') || '–',
            n(f.positions.units),
            alpha(f.positions),
            alpha(f.saliences),
          ]),
        ),
      );
      io.out(
        t('rel.all', {
          units: n(out.positions.units),
          positions: alpha(out.positions),
          saliences: alpha(out.saliences),
        }),
      );
      const perIssue = files.flatMap((f) =>
        f.issues
          .filter((i) => i.positions.units > 0)
          .map((i) => [
            `${f.scenario}/${i.id}`,
            n(i.positions.units),
            alpha(i.positions),
            alpha(i.saliences),
          ]),
      );
      if (perIssue.length)
        io.out(
          t('rel.perIssue', {
            table: table(
              [t('rel.col.issue'), t('rel.col.units'), t('rel.col.positions'), t('rel.col.saliences')],
              perIssue,
            ),
          }),
        );
    });
}
