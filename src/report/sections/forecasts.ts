/**
 * Report section: the SCO cases (scenarios/sco/) — per issue a chart of the members' positions,
 * the status quo, the core, every model's forecast and the observed outcome, with the consensus
 * model's explanation and the case file's notes on misses — the backtest table with its baselines,
 * the paired-bootstrap comparisons and their 95% intervals, the figures per coder (with the sentence
 * saying which coder is not independent), the calibration of each model's adoption probability (a
 * reliability diagram and its ten-bin table, with the Brier and log scores, from a seeded sweep of
 * every case's uncertainty of REPORT_CALIBRATION_RUNS replicates), and each model's forecast under
 * each capability yardstick.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASELINE_NAMES, type BacktestResult, backtestWithCoders } from '../../bargaining/backtest.js';
import { capabilitySensitivity, yardsticksOf } from '../../bargaining/capability-sensitivity.js';
import {
  ADOPTION_RULE,
  ADOPTION_TOLERANCE,
  explain,
  forecastAll,
  MODEL_NAMES,
  MODEL_TITLES,
  modelOutcome,
} from '../../bargaining/forecast.js';
import { packageRoot } from '../../data/load.js';
import { DEFAULT_LOCALE, formatter, translator } from '../../i18n/index.js';
import { forecasts as forecastsMessages } from '../../i18n/messages/forecasts/index.js';
import { reportForecasts } from '../../i18n/messages/report-forecasts/index.js';
import { loadOrganizationCases, resolveWithLines } from '../../scenario/load.js';
import { adoptionProbabilities } from '../../sweep/backtest.js';
import { esc } from '../../util/html.js';
import { MODEL_COLOURS } from '../../util/palette.js';
import { renderIssueLine } from '../charts/issue-line.js';
import { renderReliability } from '../charts/reliability.js';
import { downloadLinks, escLinks, htmlTable } from '../html.js';
import { describeRuleIn, type Locale, localeOf, numbers, punctuation, rich, summaryT } from '../i18n.js';
import { actorNamer, orgNames } from '../names.js';
import type { ReportContext, ReportSection } from '../report.js';

/**
 * The sweep behind the report's adoption probabilities: replicates per case file (every model), and
 * its seed. 200 keeps the section to a few seconds on the 26 SCO files (about 0.03 s a replicate for
 * all six models under load, most of it the expected-utility model); `concord backtest scenarios/sco
 * --sweep-runs 2000 --seed 1` is the full run.
 */
export const REPORT_CALIBRATION_RUNS = 200;
export const REPORT_CALIBRATION_SEED = 1;

type FT = ReturnType<typeof forecastT>;
const forecastT = (l: Locale) => translator(reportForecasts, l);

/** A model's title in the locale (English: bargaining/forecast.ts's MODEL_TITLES). */
function modelTitle(m: (typeof MODEL_NAMES)[number], t: FT): string {
  if (t.locale === 'en') return MODEL_TITLES[m];
  const key = `model.${m}`;
  return t.has(key) ? t(key as Parameters<FT>[0]) : MODEL_TITLES[m];
}

/** A model's short name (its id in English, as `--model` takes it). */
function modelShort(m: (typeof MODEL_NAMES)[number], t: FT): string {
  if (t.locale === 'en') return m;
  const key = `model-short.${m}`;
  return t.has(key) ? t(key as Parameters<FT>[0]) : m;
}

/** A capability yardstick's name (its id in English: gdp, cinc, population, milex, equal, or a field). */
function yardstickName(y: string, t: FT): string {
  if (t.locale === 'en') return y;
  const key = `yardstick.name.${y}`;
  return t.has(key) ? t(key as Parameters<FT>[0]) : y;
}

/** Text written in English in the case files and the models (titles, explanations, notes): marked as such in another language. */
const en = (text: string, l: Locale, html = esc(text)) =>
  l === 'en' ? html : `<span lang="en">${html}</span>`;

export const forecastsSection: ReportSection = {
  id: 'forecasts',
  title: 'Forecasts',
  titleIn: (l) => forecastT(l)('section.forecasts'),
  // The organization's own cases (scenarios/<id>/); none: no section.
  applies: (ctx) => loadOrganizationCases(ctx.orgId).length > 0,
  render(ctx) {
    const l = localeOf(ctx);
    const t = forecastT(l);
    const n = numbers(l);
    const { pct } = n;
    const P = punctuation(l);
    const cases = loadOrganizationCases(ctx.orgId);
    const short = orgNames(ctx.registry.get(ctx.orgId), l).shortName;
    const scenarios = cases.map((c) => c.scenario);
    const files = [...new Set(cases.map((c) => c.file))].filter((f) => /\.(ya?ml|json)$/i.test(f));
    const probabilities = adoptionProbabilities(
      files.map((f) => ({ file: f, text: readFileSync(join(packageRoot(), f), 'utf8') })),
      REPORT_CALIBRATION_RUNS,
      REPORT_CALIBRATION_SEED,
      MODEL_NAMES,
    );
    const bt = backtestWithCoders(scenarios, { probabilities });
    const locale = (ctx as ReportContext & { readonly locale?: Locale }).locale ?? DEFAULT_LOCALE;
    const calibration = calibrationBlock(bt, locale, ctx.orgId);
    const fmt = (v: number | null | undefined) =>
      v === null || v === undefined ? '–' : Number.isInteger(v) ? String(v) : n.fixed(v, 1);
    const one = (v: number | undefined) => (v === undefined ? '–' : n.fixed(v, 1));
    const scores = htmlTable(
      [
        t('th.model'),
        t('th.mae'),
        t('th.cases'),
        t('th.adoption-right'),
        t('th.calls'),
        t('th.participation-right'),
        t('th.calls'),
      ],
      MODEL_NAMES.map((m) => {
        const s = bt.models[m]!;
        return [
          { html: `<span style="color:${MODEL_COLOURS[m]}">●</span> ${esc(modelTitle(m, t))}` },
          one(s.mae),
          s.n.mae,
          s.adoptionAccuracy === undefined ? '–' : pct(s.adoptionAccuracy),
          s.n.adoption,
          s.participantAccuracy === undefined ? '–' : pct(s.participantAccuracy),
          s.n.participants,
        ];
      }),
      {
        caption: t('backtest-caption', { decisions: scenarios.length, org: short, issues: bt.cases.length }),
        lang: l,
      },
    );
    const BASELINE_TITLES: Record<(typeof BASELINE_NAMES)[number], string> = {
      statusQuo: t('baseline.statusQuo'),
      proposal: t('baseline.proposal'),
      alwaysAdopted: t('baseline.alwaysAdopted'),
      meanPosition: t('baseline.meanPosition'),
    };
    const baselines = htmlTable(
      [t('th.baseline'), t('th.mae'), t('th.cases'), t('th.adoption-right'), t('th.calls')],
      BASELINE_NAMES.map((b) => {
        const s = bt.baselines[b];
        return [
          BASELINE_TITLES[b],
          one(s.mae),
          s.n.mae,
          s.adoptionAccuracy === undefined ? '–' : pct(s.adoptionAccuracy),
          s.n.adoption,
        ];
      }),
      { caption: t('baselines-caption'), lang: l },
    );
    // always adopted forecasts no position, so it has no MAE to compare with
    const against = [...BASELINE_NAMES.filter((b) => b !== 'alwaysAdopted'), 'compromise'] as const;
    const signed = (v: number) => (v < 0 ? `−${n.fixed(-v, 1)}` : n.fixed(v, 1));
    const comparisons = htmlTable(
      [
        t('th.model'),
        ...against.map((a) =>
          a === 'compromise'
            ? t('th.vs-compromise')
            : t('th.vs', { other: l === 'en' ? BASELINE_TITLES[a].toLowerCase() : BASELINE_TITLES[a] }),
        ),
      ],
      MODEL_NAMES.map((m) => [
        { html: `<span style="color:${MODEL_COLOURS[m]}">●</span> ${esc(modelTitle(m, t))}` },
        ...against.map((a) => {
          const c = bt.comparisons.find((x) => x.model === m && x.against === a);
          if (!c || c.maeDifference === null) return '–';
          // A decimal comma (Russian) needs another separator between the bounds.
          const ci = c.ci95 ? ` [${signed(c.ci95[0])}${l === 'ru' ? '; ' : ', '}${signed(c.ci95[1])}]` : '';
          const sure = c.ci95 && (c.ci95[1] < 0 || c.ci95[0] > 0);
          return {
            html: `${sure ? '<strong>' : ''}${signed(c.maeDifference)}${sure ? '</strong>' : ''}${esc(ci)}`,
          };
        }),
      ]),
      {
        caption: t('comparisons-caption', {
          resamples: n.int(bt.bootstrap.resamples),
          seed: bt.bootstrap.seed,
        }),
        lang: l,
      },
    );
    const ni = bt.codersNotIndependent;
    const coderRows = bt.coders
      ? htmlTable(
          [t('th.coding'), ...MODEL_NAMES.map((m) => modelTitle(m, t))],
          [
            [t('coders.mean'), ...MODEL_NAMES.map((m) => one(bt.models[m]?.mae))],
            ...Object.entries(bt.coders).map(([c, x]) => [
              t(ni?.coders.includes(c) ? 'coders.alone-dependent' : 'coders.alone', { coder: c }),
              ...MODEL_NAMES.map((m) => one(x.models[m]?.mae)),
            ]),
          ],
          { caption: t('coders-caption'), lang: l },
        ) +
        (ni
          ? `\n<p class="note">${esc(
              l === 'en'
                ? ni.note
                : ni.independent.length
                  ? t('coders.not-independent', {
                      dependent: ni.coders.join(', '),
                      independent: ni.independent.join(', '),
                    })
                  : t('coders.not-independent-none', { dependent: ni.coders.join(', ') }),
            )}</p>`
          : '')
      : '';
    const yardstickTable = capabilityTable(cases, l);
    const perCase = htmlTable(
      [t('th.case'), t('th.observed'), ...MODEL_NAMES.map((m) => modelShort(m, t))],
      bt.cases.map((c) => [
        `${c.scenario} / ${c.issue}`,
        `${fmt(c.observed.position as number)}${c.observed.adopted === null ? '' : ` ${t(c.observed.adopted ? 'adopted' : 'not-adopted')}`}`,
        ...MODEL_NAMES.map((m) => {
          const r = c.models[m];
          if (!r || r.outcome === null) return '–';
          const mark = r.adoptionRight === null ? '' : r.adoptionRight ? ' ✓' : ' ✗';
          return `${fmt(r.outcome as number)} (${fmt(r.error)})${mark}`;
        }),
      ]),
      {
        caption: `${t('per-case-caption')} (${l === 'en' ? ADOPTION_RULE : t('adoption-rule', { share: pct(ADOPTION_TOLERANCE, 0) })})`,
        lang: l,
      },
    );
    const charts = cases
      .map(({ scenario: s, file }) => {
        const fs = forecastAll(s);
        const namer = actorNamer(ctx.ds.countries, l);
        return fs
          .map((f) => {
            const is = f.issue;
            if (is.dims !== 1) return '';
            const blockers = new Set(f.consensus?.blockers ?? []);
            const svg = renderIssueLine({
              id: `case-${s.id}-${is.id}`,
              title: `${s.title}: ${is.title}`,
              locale: l,
              lo: is.lo[0]!,
              hi: is.hi[0]!,
              poles: is.poles[0],
              actors: s.actors.flatMap((a, i) =>
                is.has[i]
                  ? [
                      {
                        id: a.id,
                        position: is.position[i]!,
                        capability: s.capability[i]!,
                        blocks: blockers.has(i),
                      },
                    ]
                  : [],
              ),
              statusQuo: is.statusQuo ? is.statusQuo[0]! : null,
              proposal: is.proposal ? is.proposal[0]! : null,
              core: f.consensus?.core ?? null,
              winSet: f.consensus?.winSet ?? null,
              models: MODEL_NAMES.map((m) => ({
                name: m,
                label: modelShort(m, t),
                outcome: modelOutcome(f, m)?.[0] ?? null,
              })),
              observed: is.observed?.position ? is.observed.position[0]! : null,
            });
            const notes = Object.entries(is.modelNotes)
              .map(([m, note]) => `<li><strong>${esc(m)}</strong>: ${en(note, l)}</li>`)
              .join('');
            const mode = t(is.optOut ? 'mode.opt-out' : is.amendable ? 'mode.amendable' : 'mode.take-it');
            const rule = l === 'en' ? is.rule.description : describeRuleIn(is.rule.rule, l);
            return `<figure class="case">
<figcaption><strong>${en(s.title, l)}</strong> — ${en(is.title, l)} <span class="note">(${esc(s.date ?? '')}${P.sep}${esc(rule)}${P.sep}${esc(mode)}${P.sep}${esc(t('file', { file }))})</span></figcaption>
${svg}
<p>${esc(explain(s, f, l, namer))}${P.stop}${is.observed?.source ? ` <span class="note">${esc(t('observed-source'))} ${en(is.observed.source, l, escLinks(is.observed.source))}</span>` : ''}</p>
${notes ? `<ul class="note">${notes}</ul>` : ''}
</figure>`;
          })
          .join('\n');
      })
      .join('\n');
    const legend = `<p class="note">${rich(t, 'legend', { org: ctx.orgId })}</p>`;
    const sum = summaryT(l);
    const mae = (v: number | undefined) => (v === undefined ? '–' : n.fixed(v, 1));
    const summary = [
      sum('forecasts.cases', {
        cases: String(scenarios.length),
        org: short,
        issues: String(bt.cases.length),
      }),
      ...(bt.codersNotIndependent && bt.coders
        ? [
            sum('forecasts.coders', {
              mae: mae(bt.models.consensus?.mae),
              alone: bt.codersNotIndependent.independent
                .map((c) =>
                  sum('forecasts.coderAlone', { mae: mae(bt.coders![c]?.models.consensus?.mae), coder: c }),
                )
                .join(sum('list')),
              coders: bt.codersNotIndependent.coders.join(', '),
            }),
          ]
        : []),
      ...MODEL_NAMES.map((m) => {
        const s = bt.models[m]!;
        return sum('forecasts.model', {
          model: modelShort(m, t),
          mae: mae(s.mae),
          share: s.adoptionAccuracy === undefined ? '–' : pct(s.adoptionAccuracy),
        });
      }),
      calibration.summary,
    ];
    return {
      html: `${legend}\n${scores}\n${baselines}\n${comparisons}\n${coderRows}\n${calibration.html}\n${charts}\n<h3>${esc(t('h.every-case'))}</h3>\n${perCase}\n<div class="keep"><h3>${esc(t('h.by-yardstick'))}</h3>\n${yardstickTable}</div>`,
      summary,
    };
  },
};

/**
 * The calibration block: the reliability diagram of every model's adoption probability beside its
 * ten-bin table, then the Brier and log scores of the models and the baselines. Its strings are in
 * the `forecasts` catalogue (src/i18n/messages/forecasts/).
 */
/** The command that runs the full calibration sweep (a command line: the same in every language). */
const fullRunCommand = (orgId: string, seed: number) =>
  ['concord', 'backtest', `scenarios/${orgId}`, '--sweep-runs', '2000', '--seed', String(seed)].join(' ');

export function calibrationBlock(
  bt: BacktestResult,
  locale: Locale,
  orgId: string,
): { html: string; summary: string } {
  const t = translator(forecastsMessages, locale);
  const f = formatter(locale);
  const sweep = bt.sweep!;
  const cal = bt.calibration!;
  const models = MODEL_NAMES.filter((m) => cal[m]?.some((b) => b.n > 0));
  const ft = forecastT(locale);
  const p2 = (v: number | null) => (v === null ? '–' : f.fixed(v, 2));
  const range = (lo: number, hi: number) => `[${f.fixed(lo, 1)}, ${f.fixed(hi, 1)}${hi === 1 ? ']' : ')'}`;
  const series = models.map((m) => ({
    key: m,
    label: modelShort(m, ft),
    colour: MODEL_COLOURS[m],
    bins: cal[m]!,
  }));
  const svg = renderReliability({
    id: `${orgId}-reliability`,
    title: t('calibration.chartTitle'),
    series,
    xLabel: t('calibration.x'),
    yLabel: t('calibration.y'),
    diagonalLabel: t('calibration.diagonal'),
    tick: (v) => f.fixed(v, 1),
    pointTitle: (s, b) =>
      t('calibration.point', {
        model: modelTitle(s.key as (typeof MODEL_NAMES)[number], ft),
        n: b.n,
        range: range(b.lo, b.hi),
        p: p2(b.meanProbability),
        obs: p2(b.observedFrequency),
      }),
  });
  const csv = [
    'model,bin_lo,bin_hi,issues,mean_probability,observed_share',
    ...models.flatMap((m) =>
      cal[m]!.map(
        (b) => `${m},${b.lo},${b.hi},${b.n},${b.meanProbability ?? ''},${b.observedFrequency ?? ''}`,
      ),
    ),
  ].join('\n');
  const bins = htmlTable(
    [t('calibration.bin'), ...models.map((m) => modelShort(m, ft))],
    cal[models[0] ?? 'consensus']!.map((b0, k) => [
      { html: `<span style="white-space:nowrap">${esc(range(b0.lo, b0.hi))}</span>` },
      ...models.map((m) => {
        const b = cal[m]![k]!;
        return b.n
          ? {
              html: `<span style="white-space:nowrap">${esc(t('calibration.cell', { n: b.n, p: p2(b.meanProbability), obs: p2(b.observedFrequency) }))}</span>`,
            }
          : '·';
      }),
    ]),
    // its data download is the chart's (the same bins, tidy): one CSV link for the figure and its table
    { caption: t('calibration.tableCaption'), csv: '' },
  );
  const fmt3 = (v: number | undefined) => (v === undefined ? '–' : f.fixed(v, 3));
  const BASELINE_LABELS: Record<(typeof BASELINE_NAMES)[number], string> = {
    statusQuo: t('baseline.statusQuo'),
    proposal: t('baseline.proposal'),
    alwaysAdopted: t('baseline.alwaysAdopted'),
    meanPosition: t('baseline.meanPosition'),
  };
  const scores = htmlTable(
    [t('scores.predictor'), t('scores.brier'), t('scores.log'), t('scores.issues')],
    [
      ...models.map((m) => {
        const s = bt.models[m]!;
        return [
          { html: `<span style="color:${MODEL_COLOURS[m]}">●</span> ${esc(modelTitle(m, ft))}` },
          fmt3(s.brier),
          fmt3(s.logScore),
          s.n.probability ?? 0,
        ];
      }),
      ...BASELINE_NAMES.map((b) => {
        const s = bt.baselines[b];
        return [
          t('scores.baseline', { name: BASELINE_LABELS[b] }),
          fmt3(s.brier),
          fmt3(s.logScore),
          s.n.probability ?? 0,
        ];
      }),
    ],
    {
      caption: t('scores.caption', { runs: sweep.runs, seed: sweep.seed }),
      csv: `${orgId}-probabilistic-scores`,
    },
  );
  const issues = bt.cases.filter((c) => c.observed.adopted !== null);
  const html = `<div class="keep"><h3>${esc(t('calibration.heading'))}</h3>
<p>${esc(
    t('calibration.intro', {
      runs: sweep.runs,
      seed: sweep.seed,
      uncertainty: sweep.uncertainty,
      issues: issues.length,
      adopted: issues.filter((c) => c.observed.adopted).length,
    }),
  )}</p></div>
<div class="calibration" style="display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:flex-start">
<figure style="flex:1 1 300px;max-width:400px;margin:.4rem 0;min-width:0">${svg}${downloadLinks(`${orgId}-reliability`, svg, csv)}</figure>
<div style="flex:1 1 560px;min-width:0;font-size:.85rem">${bins}</div>
</div>
${scores}
<p class="note">${esc(t('scores.note'))} ${esc(t('calibration.size', { runs: sweep.runs, command: '{command}' })).replace('{command}', `<code>${esc(fullRunCommand(orgId, sweep.seed))}</code>`)}</p>`;
  const summary = t('summary.brier', {
    runs: sweep.runs,
    seed: sweep.seed,
    scores: f.list(models.map((m) => `${m} ${fmt3(bt.models[m]!.brier)}`)),
  });
  return { html, summary };
}

/**
 * Each model's forecast per issue under each capability yardstick the cases' data offer (one cell
 * per model: the forecasts in the yardsticks' order, or one number when they all agree).
 */
function capabilityTable(cases: ReturnType<typeof loadOrganizationCases>, l: Locale): string {
  const t = forecastT(l);
  const per = cases.map(({ input, file }) => ({
    input,
    cs: capabilitySensitivity(
      yardsticksOf(input),
      (capability) => resolveWithLines({ ...input, capability }, file, null),
      input.issues.map((i) => i.id),
    ),
  }));
  const names = [...new Set(per.flatMap((p) => p.cs.yardsticks.map((y) => y.capability)))];
  const f = (v: number | null | undefined) => (v === null || v === undefined ? '–' : String(Math.round(v)));
  const unavailable = new Map<string, string[]>();
  const rows = per.flatMap(({ input, cs }) =>
    input.issues.map((is) => {
      for (const y of cs.yardsticks)
        if (!y.available)
          unavailable.set(y.capability, [...new Set([...(unavailable.get(y.capability) ?? []), input.id])]);
      return [
        `${input.id.replace(/^sco-/, '')} / ${is.id}`,
        ...MODEL_NAMES.map((m) => {
          const vs = names.map((n) => {
            const y = cs.yardsticks.find((x) => x.capability === n);
            return y?.available ? f(y.forecasts[is.id]?.[m]) : '–';
          });
          return new Set(vs).size === 1
            ? `${vs[0]!} ${t('yardstick.all')}`
            : { html: `<span style="white-space:nowrap">${esc(vs.join(' · '))}</span>` };
        }),
      ];
    }),
  );
  const missing = [...unavailable]
    .map(([y, ids]) => t('yardstick.missing-item', { yardstick: yardstickName(y, t), cases: ids.join(', ') }))
    .join('; ');
  return `${htmlTable([t('th.case-issue'), ...MODEL_NAMES.map((m) => modelTitle(m, t))], rows, {
    caption: t('yardstick.caption', { order: names.map((y) => yardstickName(y, t)).join(' · ') }),
    lang: l,
  })}
<p class="note">${rich(t, missing ? 'yardstick.note-missing' : 'yardstick.note', { names: names.map((y) => yardstickName(y, t)).join(', '), missing })}</p>`;
}
