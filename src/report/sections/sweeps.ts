/**
 * Report section: how robust the forecasts of the SCO cases are to the coding. A modest seeded
 * Monte Carlo sweep of every case (scenarios/sco/*.yaml) under the default uncertainty, computed
 * while the report is written (in memory, no store): outcome histograms per model, the probability
 * of adoption, and how often each member blocks. Reproduce a case with the command shown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from '../../data/load.js';
import { translator } from '../../i18n/index.js';
import { reportForecasts } from '../../i18n/messages/report-forecasts/index.js';
import { loadOrganizationCases } from '../../scenario/load.js';
import type { SweepFrame } from '../../sweep/adapter.js';
import { adapterIds } from '../../sweep/adapters.js';
import { DEFAULT_UNCERTAINTY, DEFAULT_UNCERTAINTY_TEXT, type SweepSummary } from '../../sweep/engine.js';
import { planSweep, sweepInMemory } from '../../sweep/run.js';
import { esc } from '../../util/html.js';
import { MODEL_COLOURS } from '../../util/palette.js';
import { renderHistograms } from '../charts/histogram.js';
import { htmlTable } from '../html.js';
import { localeOf, numbers, rich, summaryT } from '../i18n.js';
import { orgNames } from '../names.js';
import type { ReportSection } from '../report.js';

export const REPORT_SWEEP_RUNS = 2000;
export const REPORT_SWEEP_SEED = 1;
export const REPORT_SWEEP_MODELS = ['consensus', 'compromise', 'median'] as const;

export interface CaseSweep {
  readonly file: string;
  readonly frame: SweepFrame;
  readonly summary: SweepSummary;
}

/** The SCO cases swept in memory (empty when the cases or the forecast models are not there). */
export function sweepScoCases(
  runs = REPORT_SWEEP_RUNS,
  seed = REPORT_SWEEP_SEED,
  orgId = 'sco',
): CaseSweep[] {
  if (!adapterIds().includes('forecast')) return [];
  if (!/^[a-z0-9-]+$/.test(orgId)) return [];
  const dir = join(packageRoot(), 'scenarios', orgId);
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
  } catch {
    return [];
  }
  return files.map((f) => {
    const path = join(dir, f);
    const planned = planSweep({
      adapter: 'forecast',
      file: relative(packageRoot(), path),
      text: readFileSync(path, 'utf8'),
      models: [...REPORT_SWEEP_MODELS],
      runs,
      seed,
      keep: 'summary',
    });
    return { file: relative(packageRoot(), path), frame: planned.ctx.frame, summary: sweepInMemory(planned) };
  });
}

export const sweepsSection: ReportSection = {
  id: 'sweeps',
  title: 'Uncertainty',
  titleIn: (l) => translator(reportForecasts, l)('section.sweeps'),
  // The organization's own cases (scenarios/<id>/) and the forecast models; none: no section.
  applies: (ctx) => adapterIds().includes('forecast') && loadOrganizationCases(ctx.orgId).length > 0,
  render(ctx) {
    const started = Date.now();
    const l = localeOf(ctx);
    const t = translator(reportForecasts, l);
    const n = numbers(l);
    const { pct } = n;
    const fmt = (x: number | null | undefined) =>
      x == null ? '–' : n.fixed(Number(x.toFixed(1)), x % 1 ? 1 : 0);
    const cases = sweepScoCases(REPORT_SWEEP_RUNS, REPORT_SWEEP_SEED, ctx.orgId);
    if (!cases.length) return { html: `<p class="note">${esc(t('sweeps.none'))}</p>`, summary: [] };
    const en = (text: string) => (l === 'en' ? esc(text) : `<span lang="en">${esc(text)}</span>`);
    const modelName = (m: string) => {
      const key = `model-short.${m}`;
      return l !== 'en' && t.has(key) ? t(key as Parameters<typeof t>[0]) : m;
    };
    const runs = cases[0]!.summary.sweep.runs;
    const outputs = cases.flatMap((c) =>
      c.summary.sweep.outputs.map((out, k) => {
        const [id, dimId] = out.issue.split('/');
        const d = c.frame.issues.findIndex((i) => i.id === id);
        const iss = c.frame.issues[d]!;
        const dim = dimId === undefined ? 0 : Math.max(0, iss.dimensionIds?.indexOf(dimId) ?? 0);
        const title = `${c.frame.title ?? c.frame.id}${c.summary.sweep.outputs.length > 1 ? ` — ${iss.title ?? out.issue}` : ''}`;
        return { c, out, k, iss, dim, title };
      }),
    );
    const cards = outputs.map(({ c, out, iss, dim, title }) => {
      const s = c.summary;
      const rows = s.results.filter((r) => r.point === 0 && r.issue === out.issue);
      // Marks at the status quo, the proposal and the observed outcome; coinciding marks share a label.
      const raw: Array<{ x: number; label: string; colour: string }> = [];
      const observedLabel = t('sweeps.mark.observed');
      if (iss.statusQuo)
        raw.push({ x: iss.statusQuo[dim]!, label: t('sweeps.mark.status-quo'), colour: '#555' });
      if (iss.proposal) raw.push({ x: iss.proposal[dim]!, label: t('sweeps.mark.proposal'), colour: '#555' });
      if (iss.observed?.position)
        raw.push({ x: iss.observed.position[dim]!, label: observedLabel, colour: '#a3161b' });
      const marks: typeof raw = [];
      for (const m of raw) {
        const same = marks.find((x) => x.x === m.x);
        if (same) {
          same.label = `${same.label} = ${m.label}`;
          if (m.label === observedLabel) same.colour = m.colour;
        } else marks.push({ ...m });
      }
      const svg = renderHistograms({
        title: t('sweeps.chart-title', { title, runs: n.int(runs) }),
        lo: out.scale[0],
        hi: out.scale[1],
        marks,
        series: rows.map((r) => ({
          label: modelName(r.model),
          counts: r.histogram.counts,
          colour: MODEL_COLOURS[r.model] ?? '#777',
          note:
            r.adoption === null
              ? t('sweeps.note.mean', { value: fmt(r.mean) })
              : t('sweeps.note.adopted', { share: pct(r.adoption, 0) }),
        })),
      });
      const consensus = rows.find((r) => r.model === 'consensus');
      const blockers = consensus?.blocking
        ? Object.entries(consensus.blocking)
            .filter(([, v]) => v >= 0.005)
            .sort((a, b) => b[1] - a[1])
            .map(([a, v]) => `${a} ${pct(v, 0)}`)
            .join(', ') || t('sweeps.nobody')
        : '–';
      const participants = consensus?.participation
        ? Object.entries(consensus.participation)
            .filter(([, v]) => v >= 0.005)
            .sort((a, b) => b[1] - a[1])
            .map(([a, v]) => `${a} ${pct(v, 0)}`)
            .join(', ')
        : null;
      const observed = iss.observed?.adopted;
      return `<figure style="margin:0;padding:.6rem;border:1px solid var(--line);border-radius:4px">
<figcaption><strong>${en(title)}</strong>${c.frame.date ? ` (${esc(c.frame.date)})` : ''}${observed == null ? '' : ` · ${esc(t(observed ? 'sweeps.observed-adopted' : 'sweeps.observed-not-adopted'))}`}</figcaption>
${svg}
<p class="note" style="margin:.2rem 0">${esc(t('sweeps.blocks', { list: blockers }))}${participants ? `<br>${esc(t('sweeps.takes-part', { list: participants }))}` : ''}</p>
</figure>`;
    });
    // Blocking frequency by member across the cases.
    const members = [...new Set(cases.flatMap((c) => c.summary.sweep.actors))];
    const table = htmlTable(
      [t('th.case'), t('sweeps.th.p-adopted'), ...members],
      outputs.map(({ c, out, title }) => {
        const r = c.summary.results.find(
          (x) => x.point === 0 && x.issue === out.issue && x.model === 'consensus',
        );
        return [
          { html: en(title) },
          r?.adoption == null ? '–' : pct(r.adoption, 0),
          ...members.map((m) => (r?.blocking && m in r.blocking ? pct(r.blocking[m], 0) : '')),
        ];
      }),
      { caption: t('sweeps.table-caption', { runs: n.int(runs) }), lang: l },
    );
    const seconds = (Date.now() - started) / 1000;
    const uncertainty =
      l === 'en'
        ? DEFAULT_UNCERTAINTY_TEXT
        : t('sweeps.default-uncertainty', {
            position: n.fixed(DEFAULT_UNCERTAINTY.positionSdShare, 1),
            salience: n.fixed(DEFAULT_UNCERTAINTY.salienceSd, 1),
            capability: String(DEFAULT_UNCERTAINTY.capabilitySigma).replace('.', l === 'ru' ? ',' : '.'),
          });
    const html = `<p>${rich(t, 'sweeps.intro', { runs: n.int(runs), seed: REPORT_SWEEP_SEED, uncertainty, file: cases[0]!.file })}</p>
<div style="display:grid;grid-template-columns:repeat(auto-fill,minmax(min(460px,100%),1fr));gap:.8rem">${cards.join('\n')}</div>
${table}
<p class="note">${esc(t('sweeps.computed', { seconds: n.fixed(seconds, 1), models: REPORT_SWEEP_MODELS.map(modelName).join(', ') }))}</p>`;
    const adoption = outputs.map(
      ({ c, out }) =>
        c.summary.results.find((x) => x.issue === out.issue && x.model === 'consensus')?.adoption ?? null,
    );
    const robust = adoption.filter((a) => a !== null && (a <= 0.05 || a >= 0.95)).length;
    return {
      html,
      summary: [
        summaryT(l)('sweeps.robust', {
          cases: String(cases.length),
          org: l === 'en' ? 'SCO' : orgNames(ctx.registry.get(ctx.orgId), l).shortName,
          issues: String(outputs.length),
          runs: n.int(runs),
          seed: String(REPORT_SWEEP_SEED),
          robust: String(robust),
        }),
      ],
    };
  },
};
