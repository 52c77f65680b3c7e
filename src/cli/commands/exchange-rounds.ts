/** The exchange model's rounds on one issue, explained for `concord forecast --model exchange`. */
import { type IssueExchange, type IssueForecast, modelNoteIn } from '../../bargaining/forecast.js';
import { ConcordError, type LocalizedText } from '../../errors.js';
import { DEFAULT_LOCALE, type Locale, translator } from '../../i18n/index.js';
import { cliForecast } from '../../i18n/messages/cli-forecast/index.js';
import { exchange as exchangeMessages } from '../../i18n/messages/exchange/index.js';
import type { ResolvedScenario } from '../../scenario/types.js';
import { cliText } from '../i18n.js';
import type { CliIO } from '../io.js';
import { pointText } from '../points.js';

/** The detail cell of the model table, in `locale`. */
export function exchangeDetail(x: IssueExchange, locale: Locale = DEFAULT_LOCALE): string {
  const ks = new Set(x.ks ?? [x.k]);
  const n = x.run.rounds.reduce(
    (acc, r) => acc + r.exchanges.filter((e) => ks.has(e.i.supply) || ks.has(e.j.supply)).length,
    0,
  );
  return translator(cliForecast, locale)('exchange.detail', { rounds: x.run.rounds.length, count: n });
}

/** One line per round: the forecast before and after, and each exchange that moved someone here. */
export function exchangeRounds(
  s: ResolvedScenario,
  x: IssueExchange,
  issueIds: readonly string[],
  locale: Locale = DEFAULT_LOCALE,
): string[] {
  const t = translator(cliForecast, locale);
  const pt = pointText(locale);
  const lines = [t('exchange.heading')];
  const id = (a: number) => s.actors[a]!.id;
  const kl = x.ks ?? [x.k];
  const ks = new Set(kl);
  const at = (v: Float64Array) =>
    pt.point(
      Float64Array.from(kl, (k) => v[k]!),
      2,
    );
  x.run.rounds.forEach((r, k) => {
    const here = r.exchanges.filter((e) => ks.has(e.i.supply) || ks.has(e.j.supply));
    lines.push(
      t('exchange.round', {
        round: k + 1,
        before: at(r.before),
        after: at(r.after),
        count: here.length,
        total: r.exchanges.length,
      }),
    );
    for (const e of here.slice(0, 8)) {
      const [m, p] = ks.has(e.i.supply) ? [e.i, e.j] : [e.j, e.i];
      lines.push(
        t('exchange.move', {
          actor: id(m.actor),
          dim: kl.length > 1 ? ` (${issueIds[m.supply]})` : '',
          from: pt.point(m.from, 2),
          to: pt.point(m.to, 2),
          partner: id(p.actor),
          issue: issueIds[p.supply]!,
          partnerFrom: pt.point(p.from, 2),
          partnerTo: pt.point(p.to, 2),
          gain: pt.point(e.gain, 3),
        }),
      );
    }
    if (here.length > 8) lines.push(t('exchange.more', { count: here.length - 8 }));
  });
  return lines;
}

/** The labels of the exchange model's issues: issue ids, `id.dimension` for each dimension of an issue of several. */
export function exchangeIssueIds(s: ResolvedScenario): string[] {
  return s.issues.flatMap((is) => (is.dims === 1 ? [is.id] : is.dimensionIds.map((d) => `${is.id}.${d}`)));
}

/** `--model exchange` asked for explicitly on a scenario it cannot run on: exit 2 naming the field. */
export function requireExchange(file: string, _s: ResolvedScenario, fs: readonly IssueForecast[]): void {
  const f = fs.find((x) => x.exchange === null);
  if (!f) return;
  const path = 'issues';
  const note = f.notes.exchange ?? 'the exchange model cannot run here';
  // The note in each language for the error's message (`modelNoteIn`; English where it has none).
  const noteIn: LocalizedText = {
    en: note,
    ru: modelNoteIn(note, 'ru') ?? note,
    'zh-Hans': modelNoteIn(note, 'zh-Hans') ?? note,
  };
  throw new ConcordError('E_VALIDATION', `${file}: ${path}: ${note} (only "${f.issue.id}")`, {
    path,
    hint: 'The exchange model needs at least two issues (or dimensions) with positions and saliences of the same actors; run other models (--model compromise median nash eum) on a single issue.',
    key: 'cli.forecast.exchangeCannotRun',
    values: { file, path, note: noteIn, issue: f.issue.id },
  });
}

/**
 * The exchange model's seeded repetitions (p > 0 or several runs), once per scenario: the mean,
 * standard deviation and range of the final forecast per model issue, then each run (up to 20).
 */
export function exchangeRepetitionLines(io: CliIO, fs: readonly IssueForecast[]): string[] {
  const x = fs.find((f) => f.exchange?.summary)?.exchange;
  const sm = x?.summary;
  if (!x || !sm) return [];
  const { t, fixed } = cliText(io, exchangeMessages);
  const labels = x.labels ?? [];
  const lines = [
    t('repetitions.title', {
      count: sm.repetitions,
      p: fixed(sm.p, 2),
      first: sm.seed,
      last: sm.seed + sm.repetitions - 1,
    }),
  ];
  labels.forEach((label, k) => {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const f of sm.forecasts) {
      min = Math.min(min, f[k]!);
      max = Math.max(max, f[k]!);
    }
    lines.push(
      t('repetitions.issue', {
        issue: label,
        mean: fixed(sm.mean[k]!, 2),
        sd: fixed(sm.sd[k]!, 2),
        min: fixed(min, 2),
        max: fixed(max, 2),
      }),
    );
  });
  const shown = Math.min(20, sm.repetitions);
  for (let r = 0; r < shown; r++) {
    lines.push(
      t('repetitions.run', {
        run: r + 1,
        seed: sm.seed + r,
        exchanges: sm.exchanges[r]!,
        outcomes: labels.map((l, k) => `${l} ${fixed(sm.forecasts[r]![k]!, 2)}`).join(', '),
      }),
    );
  }
  if (sm.repetitions > shown) lines.push(t('repetitions.more', { count: sm.repetitions - shown }));
  return lines;
}
