/**
 * Report section: how robust the forecasts of the SCO cases are to the coding. A modest seeded
 * Monte Carlo sweep of every case (scenarios/sco/*.yaml) under the default uncertainty, computed
 * while the report is written (in memory, no store): outcome histograms per model, the probability
 * of adoption, and how often each member blocks. Reproduce a case with the command shown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from '../../data/load.js';
import { loadOrganizationCases } from '../../scenario/load.js';
import type { SweepFrame } from '../../sweep/adapter.js';
import { adapterIds } from '../../sweep/adapters.js';
import { DEFAULT_UNCERTAINTY_TEXT, type SweepSummary } from '../../sweep/engine.js';
import { planSweep, sweepInMemory } from '../../sweep/run.js';
import { pct } from '../../util/format.js';
import { esc } from '../../util/html.js';
import { MODEL_COLOURS } from '../../util/palette.js';
import { renderHistograms } from '../charts/histogram.js';
import { htmlTable } from '../html.js';
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

const fmt = (x: number | null | undefined) => (x == null ? '–' : Number(x.toFixed(1)).toString());

export const sweepsSection: ReportSection = {
  id: 'sweeps',
  title: 'Uncertainty',
  // The organization's own cases (scenarios/<id>/) and the forecast models; none: no section.
  applies: (ctx) => adapterIds().includes('forecast') && loadOrganizationCases(ctx.orgId).length > 0,
  render(ctx) {
    const started = Date.now();
    const cases = sweepScoCases(REPORT_SWEEP_RUNS, REPORT_SWEEP_SEED, ctx.orgId);
    if (!cases.length)
      return {
        html: '<p class="note">The uncertainty sweeps need the organization\'s cases (scenarios/) and the forecast models.</p>',
        summary: [],
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
      if (iss.statusQuo) raw.push({ x: iss.statusQuo[dim]!, label: 'status quo', colour: '#555' });
      if (iss.proposal) raw.push({ x: iss.proposal[dim]!, label: 'proposal', colour: '#555' });
      if (iss.observed?.position)
        raw.push({ x: iss.observed.position[dim]!, label: 'observed', colour: '#a3161b' });
      const marks: typeof raw = [];
      for (const m of raw) {
        const same = marks.find((x) => x.x === m.x);
        if (same) {
          same.label = `${same.label} = ${m.label}`;
          if (m.label === 'observed') same.colour = m.colour;
        } else marks.push({ ...m });
      }
      const svg = renderHistograms({
        title: `${title}: outcome distributions over ${runs} runs`,
        lo: out.scale[0],
        hi: out.scale[1],
        marks,
        series: rows.map((r) => ({
          label: r.model,
          counts: r.histogram.counts,
          colour: MODEL_COLOURS[r.model] ?? '#777',
          note: r.adoption === null ? `mean ${fmt(r.mean)}` : `adopted ${pct(r.adoption, 0)}`,
        })),
      });
      const consensus = rows.find((r) => r.model === 'consensus');
      const blockers = consensus?.blocking
        ? Object.entries(consensus.blocking)
            .filter(([, v]) => v >= 0.005)
            .sort((a, b) => b[1] - a[1])
            .map(([a, v]) => `${a} ${pct(v, 0)}`)
            .join(', ') || 'nobody'
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
<figcaption><strong>${esc(title)}</strong>${c.frame.date ? ` (${esc(c.frame.date)})` : ''}${observed == null ? '' : ` · observed: ${observed ? 'adopted' : 'not adopted'}`}</figcaption>
${svg}
<p class="note" style="margin:.2rem 0">Blocks the tabled proposal (consensus model, share of runs): ${esc(blockers)}${participants ? `<br>Takes part: ${esc(participants)}` : ''}</p>
</figure>`;
    });
    // Blocking frequency by member across the cases.
    const members = [...new Set(cases.flatMap((c) => c.summary.sweep.actors))];
    const table = htmlTable(
      ['Case', 'P(adopted), consensus', ...members],
      outputs.map(({ c, out, title }) => {
        const r = c.summary.results.find(
          (x) => x.point === 0 && x.issue === out.issue && x.model === 'consensus',
        );
        return [
          title,
          r?.adoption == null ? '–' : pct(r.adoption, 0),
          ...members.map((m) => (r?.blocking && m in r.blocking ? pct(r.blocking[m], 0) : '')),
        ];
      }),
      {
        caption: `How often each member blocks the tabled proposal (consensus model; share of ${runs.toLocaleString('en-US')} runs; blank: not a member then)`,
      },
    );
    const seconds = (Date.now() - started) / 1000;
    const html = `<p>Coded positions and saliences are judgements. To show how much the forecasts depend on them, each SCO case is re-run ${runs.toLocaleString('en-US')} times with perturbed inputs (seed ${REPORT_SWEEP_SEED}; the default uncertainty, as no case file has an <code>uncertainty</code> block: ${esc(DEFAULT_UNCERTAINTY_TEXT)}). Each strip is the distribution of one model's forecast on the case's scale; dashed lines mark the status quo, the proposal and the observed outcome. Reproduce or enlarge a case with <code>concord sweep ${esc(cases[0]!.file)} --runs 100000 --seed 1</code> (see docs/sweeps.md), which also gives Sobol indices with <code>--sensitivity</code>.</p>
<div style="display:grid;grid-template-columns:repeat(auto-fill,minmax(min(460px,100%),1fr));gap:.8rem">${cards.join('\n')}</div>
${table}
<p class="note">Computed in ${seconds.toFixed(1)} s while writing this report (models: ${REPORT_SWEEP_MODELS.join(', ')}).</p>`;
    const adoption = outputs.map(
      ({ c, out }) =>
        c.summary.results.find((x) => x.issue === out.issue && x.model === 'consensus')?.adoption ?? null,
    );
    const robust = adoption.filter((a) => a !== null && (a <= 0.05 || a >= 0.95)).length;
    return {
      html,
      summary: [
        `${cases.length} SCO cases (${outputs.length} issues) × ${runs.toLocaleString('en-US')} perturbed runs (seed ${REPORT_SWEEP_SEED}): the consensus model's adoption call is the same in ≥ 95% of runs on ${robust} of ${outputs.length} issues`,
      ],
    };
  },
};
