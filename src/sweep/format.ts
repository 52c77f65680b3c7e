/** Plain-text rendering of a sweep summary for the terminal. */
import { formatter } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { reportForecasts } from '../i18n/messages/report-forecasts/index.js';
import { sweepSummary } from '../i18n/messages/sweep-summary/index.js';
import { translator } from '../i18n/translate.js';
import { pct, table } from '../util/format.js';
import { pointLabel } from './design.js';
import type { SweepSummary } from './engine.js';
import { adapterLabelIn, sobolWarningIn, sweepUncertaintyIn } from './notes.js';

const SPARK = '▁▂▃▄▅▆▇█';

/** A one-line histogram: one block character per bin, height by count (empty bins blank). */
export function sparkline(counts: readonly number[]): string {
  const max = Math.max(0, ...counts);
  if (max === 0) return ' '.repeat(counts.length);
  return counts.map((c) => (c === 0 ? ' ' : SPARK[Math.min(7, Math.floor((c / max) * 7.999))]!)).join('');
}

export function num(x: number | null | undefined, digits = 2): string {
  if (x == null || !Number.isFinite(x)) return '–';
  // No "-0.000": values that round to zero print as zero.
  return (Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x).toFixed(digits);
}

/**
 * The summary as text in `locale` (its frame, headings and numbers, and the library's own sentences
 * in it, the adapter's label, the uncertainty and the Sobol warnings, through ./notes.ts).
 */
export function formatSummary(s: SweepSummary, locale: Locale = 'en'): string {
  const d = s.sweep;
  const en = locale === 'en';
  const t = translator(sweepSummary, locale);
  const rf = { t: translator(reportForecasts, locale) };
  const f = formatter(locale);
  const n = (x: number | null | undefined, digits = 2) =>
    en || x == null || !Number.isFinite(x)
      ? num(x, digits)
      : f.fixed(Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x, digits);
  const share = (x: number | null | undefined) => (en || x == null ? pct(x) : f.percent(x, 1));
  const model = (m: string) => (en || !rf.t.has(`model-short.${m}`) ? m : rf.t(`model-short.${m}` as never));
  const sep = locale === 'ru' ? '; ' : ', ';
  const lines: string[] = [];
  const mode = d.mode === 'saltelli' ? t('mode.saltelli', { runs: d.runs }) : t('mode.monteCarlo');
  lines.push(
    t('title', {
      scenario: d.scenario,
      mode,
      replicates: s.replicates,
      batches: s.batches,
      seed: String(d.seed),
      models: d.models.map(model).join(locale === 'zh-Hans' ? '、' : ', '),
    }),
  );
  lines.push(t('adapter', { label: adapterLabelIn(d.adapter, d.adapterLabel, locale) }));
  if (d.uncertainty !== 'from the file')
    lines.push(t('uncertainty', { text: sweepUncertaintyIn(d.uncertainty, locale) ?? d.uncertainty }));
  if (d.factors.length) {
    const list = d.factors
      .slice(0, 6)
      .map((x) => `${x.name} ~ ${x.distribution}`)
      .join('; ');
    lines.push(
      t('factors', {
        count: String(d.factors.length),
        list: d.factors.length > 6 ? t('factors.more', { list, count: String(d.factors.length - 6) }) : list,
      }),
    );
  } else lines.push(t('factors.none'));
  const multi = d.points.length > 1;
  for (let p = 0; p < d.points.length; p++) {
    if (multi)
      lines.push(
        '',
        t('point', { n: String(p + 1), total: String(d.points.length), label: pointLabel(d.points[p]!) }),
      );
    for (const out of d.outputs) {
      const rows = s.results.filter((r) => r.point === p && r.issue === out.issue);
      lines.push(
        '',
        t('issue', {
          issue: out.issue,
          lo: en ? String(out.scale[0]) : f.number(out.scale[0], 6),
          hi: en ? String(out.scale[1]) : f.number(out.scale[1], 6),
          bins: rows[0]?.histogram.counts.length ?? 0,
        }),
        t('legend'),
      );
      lines.push(
        table(
          [
            t('col.model'),
            t('col.mean'),
            t('col.sd'),
            'p05',
            'p25',
            'p50',
            'p75',
            'p95',
            t('col.adopted'),
            t('col.vetoed'),
            t('col.histogram'),
          ],
          rows.map((r) => [
            model(r.model),
            n(r.mean),
            n(r.sd),
            n(r.quantiles.p05),
            n(r.quantiles.p25),
            n(r.quantiles.p50),
            n(r.quantiles.p75),
            n(r.quantiles.p95),
            r.adoption === null ? '–' : share(r.adoption),
            r.anyBlocker === null ? '–' : share(r.anyBlocker),
            `|${sparkline(r.histogram.counts)}|`,
          ]),
        ),
      );
      const withBlockers = rows.filter((r) => r.blocking);
      if (withBlockers.length) {
        lines.push(t('blocking'));
        lines.push(
          table(
            [t('col.model'), ...d.actors],
            withBlockers.map((r) => [model(r.model), ...d.actors.map((a) => share(r.blocking![a]))]),
          ),
        );
      }
      const withPart = rows.filter((r) => r.participation);
      if (withPart.length) {
        lines.push(t('participation'));
        lines.push(
          table(
            [t('col.model'), ...d.actors],
            withPart.map((r) => [model(r.model), ...d.actors.map((a) => share(r.participation![a]))]),
          ),
        );
      }
    }
  }
  if (s.sensitivity) {
    lines.push('', t('sobol.title', { runs: d.runs, replicates: s.replicates }));
    for (const sens of s.sensitivity) {
      const head = { issue: sens.issue, model: model(sens.model), variance: n(sens.variance, 3) };
      lines.push(
        '',
        sens.skipped ? t('sobol.issueSkipped', { ...head, skipped: sens.skipped }) : t('sobol.issue', head),
      );
      if (sens.variance === null || sens.factors.every((x) => x.first === null)) {
        lines.push(t('sobol.constant'));
        continue;
      }
      const sorted = [...sens.factors].sort((a, b) => (b.total ?? 0) - (a.total ?? 0));
      // Inputs whose indices both round to 0.000 are listed in one line.
      const shown = sorted.filter(
        (x) => Math.abs(x.total ?? 0) >= 0.0005 || Math.abs(x.first ?? 0) >= 0.0005,
      );
      const rest = sorted.length - shown.length;
      const ci = (x: [number, number] | null | undefined) => (x ? `[${n(x[0], 3)}${sep}${n(x[1], 3)}]` : '–');
      lines.push(
        table(
          [t('col.factor'), t('col.first'), t('col.interval'), t('col.total'), t('col.interval')],
          shown.map((x) => [x.factor, n(x.first, 3), ci(x.firstCi), n(x.total, 3), ci(x.totalCi)]),
        ),
      );
      if (rest) lines.push(t('sobol.rest', { count: rest, threshold: en ? '0.0005' : f.number(0.0005, 4) }));
      for (const w of sens.warnings ?? []) lines.push(t('warning', { text: sobolWarningIn(w, locale) ?? w }));
    }
  }
  return lines.join('\n');
}
