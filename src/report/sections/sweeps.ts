/**
 * Report section: how robust the forecasts of the SCO cases are to the coding. A modest seeded
 * Monte Carlo sweep of every case (scenarios/sco/*.yaml) under the default uncertainty, computed
 * while the report is written (in memory, no store): outcome histograms per model, the probability
 * of adoption, and how often each member blocks. Reproduce a case with the command shown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from '../../data/load.js';
import type { SweepFrame } from '../../sweep/adapter.js';
import { adapterIds } from '../../sweep/adapters.js';
import { DEFAULT_UNCERTAINTY_TEXT, type SweepSummary } from '../../sweep/engine.js';
import { planSweep, sweepInMemory } from '../../sweep/run.js';
import { pct } from '../../util/format.js';
import { MODEL_COLOURS, renderHistograms } from '../charts/histogram.js';
import { esc, htmlTable } from '../html.js';
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
export function sweepScoCases(runs = REPORT_SWEEP_RUNS, seed = REPORT_SWEEP_SEED): CaseSweep[] {
  if (!adapterIds().includes('forecast')) return [];
  const dir = join(packageRoot(), 'scenarios', 'sco');
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
  render() {
    const started = Date.now();
    const cases = sweepScoCases();
    if (!cases.length)
      return {
        html: '<p class="note">The uncertainty sweeps need the SCO cases (scenarios/sco/) and the forecast models.</p>',
        summary: [],
      };
    const runs = cases[0]!.summary.sweep.runs;
    const cards = cases.map((c) => {
      const s = c.summary;
      const iss = c.frame.issues[0]!;
      const out = s.sweep.outputs[0]!;
      const rows = s.results.filter((r) => r.point === 0 && r.issue === out.issue);
      const marks: Array<{ x: number; label: string; colour?: string }> = [];
      if (iss.statusQuo) marks.push({ x: iss.statusQuo[0]!, label: 'status quo', colour: '#555' });
      if (iss.proposal) marks.push({ x: iss.proposal[0]!, label: 'proposal', colour: '#555' });
      if (iss.observed?.position)
        marks.push({ x: iss.observed.position[0]!, label: 'observed', colour: '#a3161b' });
      const svg = renderHistograms({
        title: `${c.frame.title ?? c.frame.id}: outcome distributions over ${runs} runs`,
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
<figcaption><strong>${esc(c.frame.title ?? c.frame.id)}</strong>${c.frame.date ? ` (${esc(c.frame.date)})` : ''}${observed == null ? '' : ` · observed: ${observed ? 'adopted' : 'not adopted'}`}</figcaption>
${svg}
<p class="note" style="margin:.2rem 0">Blocks the tabled proposal (consensus model, share of runs): ${esc(blockers)}${participants ? `<br>Takes part: ${esc(participants)}` : ''}</p>
</figure>`;
    });
    // Blocking frequency by member across the cases.
    const members = [...new Set(cases.flatMap((c) => c.summary.sweep.actors))];
    const table = htmlTable(
      ['Case', 'P(adopted), consensus', ...members],
      cases.map((c) => {
        const r = c.summary.results.find((x) => x.point === 0 && x.model === 'consensus');
        return [
          c.frame.title ?? c.frame.id,
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
<div style="display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:.8rem">${cards.join('\n')}</div>
${table}
<p class="note">Computed in ${seconds.toFixed(1)} s while writing this report (models: ${REPORT_SWEEP_MODELS.join(', ')}).</p>`;
    const adoption = cases.map(
      (c) => c.summary.results.find((x) => x.model === 'consensus')?.adoption ?? null,
    );
    const robust = adoption.filter((a) => a !== null && (a <= 0.05 || a >= 0.95)).length;
    return {
      html,
      summary: [
        `${cases.length} SCO cases × ${runs.toLocaleString('en-US')} perturbed runs (seed ${REPORT_SWEEP_SEED}): the consensus model's adoption call holds in ≥ 95% of runs for ${robust} of ${cases.length} cases`,
      ],
    };
  },
};
