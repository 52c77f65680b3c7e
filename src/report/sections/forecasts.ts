/**
 * Report section: the SCO cases (scenarios/sco/) — per issue a chart of the members' positions,
 * the status quo, the core, every model's forecast and the observed outcome, with the consensus
 * model's explanation and the case file's notes on misses — the backtest table with its baselines,
 * the paired-bootstrap comparisons and their 95% intervals, the figures per coder (with the sentence
 * saying which coder is not independent), and each model's forecast under each capability yardstick.
 */
import { BASELINE_NAMES, backtestWithCoders } from '../../bargaining/backtest.js';
import { capabilitySensitivity, yardsticksOf } from '../../bargaining/capability-sensitivity.js';
import {
  ADOPTION_RULE,
  forecastAll,
  forecastJson,
  MODEL_NAMES,
  MODEL_TITLES,
  modelOutcome,
} from '../../bargaining/forecast.js';
import { loadOrganizationCases, resolveWithLines } from '../../scenario/load.js';
import { pct } from '../../util/format.js';
import { esc } from '../../util/html.js';
import { MODEL_COLOURS } from '../../util/palette.js';
import { renderIssueLine } from '../charts/issue-line.js';
import { escLinks, htmlTable } from '../html.js';
import type { ReportSection } from '../report.js';

export const forecastsSection: ReportSection = {
  id: 'forecasts',
  title: 'Forecasts',
  // The organization's own cases (scenarios/<id>/); none: no section.
  applies: (ctx) => loadOrganizationCases(ctx.orgId).length > 0,
  render(ctx) {
    const cases = loadOrganizationCases(ctx.orgId);
    const short = ctx.registry.get(ctx.orgId).shortName;
    const scenarios = cases.map((c) => c.scenario);
    const bt = backtestWithCoders(scenarios);
    const fmt = (v: number | null | undefined) =>
      v === null || v === undefined ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(1);
    const scores = htmlTable(
      [
        'Model',
        'Mean absolute error (0–100)',
        'Cases',
        'Adoption calls right',
        'Calls',
        'Participation calls right',
        'Calls',
      ],
      MODEL_NAMES.map((m) => {
        const s = bt.models[m]!;
        return [
          { html: `<span style="color:${MODEL_COLOURS[m]}">●</span> ${esc(MODEL_TITLES[m])}` },
          s.mae === undefined ? '–' : s.mae.toFixed(1),
          s.n.mae,
          s.adoptionAccuracy === undefined ? '–' : pct(s.adoptionAccuracy),
          s.n.adoption,
          s.participantAccuracy === undefined ? '–' : pct(s.participantAccuracy),
          s.n.participants,
        ];
      }),
      {
        caption: `Backtest on the ${scenarios.length} ${short} decisions (${bt.cases.length} issues with an observed outcome)`,
      },
    );
    const BASELINE_TITLES: Record<(typeof BASELINE_NAMES)[number], string> = {
      statusQuo: 'Status quo (nothing changes)',
      proposal: 'The tabled proposal',
      alwaysAdopted: 'Always adopted',
      meanPosition: 'Unweighted mean of the positions',
    };
    const baselines = htmlTable(
      ['Baseline', 'Mean absolute error (0–100)', 'Cases', 'Adoption calls right', 'Calls'],
      BASELINE_NAMES.map((b) => {
        const s = bt.baselines[b];
        return [
          BASELINE_TITLES[b],
          s.mae === undefined ? '–' : s.mae.toFixed(1),
          s.n.mae,
          s.adoptionAccuracy === undefined ? '–' : pct(s.adoptionAccuracy),
          s.n.adoption,
        ];
      }),
      { caption: 'Baselines on the same issues: a model earns its keep only where it beats them' },
    );
    // always adopted forecasts no position, so it has no MAE to compare with
    const against = [...BASELINE_NAMES.filter((b) => b !== 'alwaysAdopted'), 'compromise'] as const;
    const signed = (v: number) => (v < 0 ? `−${(-v).toFixed(1)}` : v.toFixed(1));
    const comparisons = htmlTable(
      [
        'Model',
        ...against.map(
          (a) => `vs ${a === 'compromise' ? 'compromise model' : BASELINE_TITLES[a].toLowerCase()}`,
        ),
      ],
      MODEL_NAMES.map((m) => [
        { html: `<span style="color:${MODEL_COLOURS[m]}">●</span> ${esc(MODEL_TITLES[m])}` },
        ...against.map((a) => {
          const c = bt.comparisons.find((x) => x.model === m && x.against === a);
          if (!c || c.maeDifference === null) return '–';
          const ci = c.ci95 ? ` [${signed(c.ci95[0])}, ${signed(c.ci95[1])}]` : '';
          const sure = c.ci95 && (c.ci95[1] < 0 || c.ci95[0] > 0);
          return {
            html: `${sure ? '<strong>' : ''}${signed(c.maeDifference)}${sure ? '</strong>' : ''}${esc(ci)}`,
          };
        }),
      ]),
      {
        caption: `Model MAE minus the other's, paired over the same issues, with the 95% interval of a seeded paired bootstrap over cases (${bt.bootstrap.resamples.toLocaleString('en')} resamples, seed ${bt.bootstrap.seed}); below 0 the model is better; bold: the interval excludes 0`,
      },
    );
    const coderRows = bt.coders
      ? htmlTable(
          ['Coding', ...MODEL_NAMES.map((m) => MODEL_TITLES[m])],
          [
            ['Mean of the coders (the headline above)', ...MODEL_NAMES.map((m) => fmtMae(bt.models[m]?.mae))],
            ...Object.entries(bt.coders).map(([c, x]) => [
              `Coder ${c} alone${bt.codersNotIndependent?.coders.includes(c) ? ' (not independent)' : ''}`,
              ...MODEL_NAMES.map((m) => fmtMae(x.models[m]?.mae)),
            ]),
          ],
          {
            caption:
              "Mean absolute error (0–100) per coder: each coder's codings where given, the mean coding elsewhere",
          },
        ) + (bt.codersNotIndependent ? `\n<p class="note">${esc(bt.codersNotIndependent.note)}</p>` : '')
      : '';
    const yardstickTable = capabilityTable(cases);
    const perCase = htmlTable(
      ['Case', 'Observed', ...MODEL_NAMES],
      bt.cases.map((c) => [
        `${c.scenario} / ${c.issue}`,
        `${fmt(c.observed.position as number)}${c.observed.adopted === null ? '' : c.observed.adopted ? ' (adopted)' : ' (not adopted)'}`,
        ...MODEL_NAMES.map((m) => {
          const r = c.models[m];
          if (!r || r.outcome === null) return '–';
          const mark = r.adoptionRight === null ? '' : r.adoptionRight ? ' ✓' : ' ✗';
          return `${fmt(r.outcome as number)} (${fmt(r.error)})${mark}`;
        }),
      ]),
      {
        caption: `Forecast (absolute error on 0–100) per case; ✓/✗: the adoption call was right/wrong (${ADOPTION_RULE})`,
      },
    );
    const charts = cases
      .map(({ scenario: s, file }) => {
        const fs = forecastAll(s);
        const j = forecastJson(s, fs);
        return fs
          .map((f, k) => {
            const is = f.issue;
            if (is.dims !== 1) return '';
            const blockers = new Set(f.consensus?.blockers ?? []);
            const svg = renderIssueLine({
              id: `case-${s.id}-${is.id}`,
              title: `${s.title}: ${is.title}`,
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
              models: MODEL_NAMES.map((m) => ({ name: m, outcome: modelOutcome(f, m)?.[0] ?? null })),
              observed: is.observed?.position ? is.observed.position[0]! : null,
            });
            const notes = Object.entries(is.modelNotes)
              .map(([m, t]) => `<li><strong>${esc(m)}</strong>: ${esc(t)}</li>`)
              .join('');
            return `<figure class="case">
<figcaption><strong>${esc(s.title)}</strong> — ${esc(is.title)} <span class="note">(${esc(s.date ?? '')}; ${esc(is.rule.description)}; ${is.optOut ? 'opt-out allowed' : is.amendable ? 'amendable' : 'take it or leave it'}; file ${esc(file)})</span></figcaption>
${svg}
<p>${esc(j.issues[k]!.explanation)}.${is.observed?.source ? ` <span class="note">Observed: ${escLinks(is.observed.source)}</span>` : ''}</p>
${notes ? `<ul class="note">${notes}</ul>` : ''}
</figure>`;
          })
          .join('\n');
      })
      .join('\n');
    const legend = `<p class="note">Each chart: members' positions (dot area grows with the capability share; red: blocks the tabled proposal), the status quo (◆) and the proposal (▽), the core of the rule (green) and the win-set of the status quo (light blue), each model's forecast on its own row, and the observed outcome (★, dashed line). Positions and saliences are the coding in scenarios/${esc(ctx.orgId)}/*.yaml, each with its rationale and source; capabilities are GDP shares on the decision date. Models: docs/models.md.</p>`;
    const summary = [
      `${scenarios.length} ${short} cases, ${bt.cases.length} issues with an observed outcome`,
      ...(bt.codersNotIndependent && bt.coders
        ? [
            `consensus MAE ${fmtMae(bt.models.consensus?.mae)} on the mean coding, ${bt.codersNotIndependent.independent.map((c) => `${fmtMae(bt.coders![c]?.models.consensus?.mae)} by coder ${c} alone`).join(', ')} (coder ${bt.codersNotIndependent.coders.join(', ')} not independent)`,
          ]
        : []),
      ...MODEL_NAMES.map((m) => {
        const s = bt.models[m]!;
        return `${m}: MAE ${s.mae === undefined ? '–' : s.mae.toFixed(1)}, adoption calls ${s.adoptionAccuracy === undefined ? '–' : pct(s.adoptionAccuracy)} right`;
      }),
    ];
    return {
      html: `${legend}\n${scores}\n${baselines}\n${comparisons}\n${coderRows}\n${charts}\n<h3>Every case</h3>\n${perCase}\n<div class="keep"><h3>Forecasts by capability yardstick</h3>\n${yardstickTable}</div>`,
      summary,
    };
  },
};

const fmtMae = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(1));

/**
 * Each model's forecast per issue under each capability yardstick the cases' data offer (one cell
 * per model: the forecasts in the yardsticks' order, or one number when they all agree).
 */
function capabilityTable(cases: ReturnType<typeof loadOrganizationCases>): string {
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
            ? `${vs[0]!} (all)`
            : { html: `<span style="white-space:nowrap">${esc(vs.join(' · '))}</span>` };
        }),
      ];
    }),
  );
  const missing = [...unavailable].map(([y, ids]) => `${y} for ${ids.join(', ')}`).join('; ');
  return `${htmlTable(['Case / issue', ...MODEL_NAMES.map((m) => MODEL_TITLES[m])], rows, {
    caption: `Each model's forecast under each capability yardstick, in the order ${names.join(' · ')}, in whole points of the 0–100 scale; (all): the same under every one`,
  })}
<p class="note">The scenario files code capabilities as GDP shares; here each case is run again with ${names.join(', ')} (World Bank GDP, COW CINC to 2016, population, SIPRI military expenditure, equal weights), on the decision date or the latest earlier year with data for every member, the rest of the file unchanged${missing ? `. Without data for every member: ${esc(missing)} (–)` : ''}. The weighted models move with the yardstick; <code>concord forecast FILE --capability-sensitivity</code> gives the exact values per file.</p>`;
}
