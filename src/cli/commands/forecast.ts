/** `concord forecast FILE [--model NAME…] [--json]`: every model's forecast for each issue of a scenario. */
import type { Command } from 'commander';
import {
  type ForecastJson,
  fmtIntervals,
  fmtPoint,
  forecastAll,
  forecastJson,
  type IssueForecast,
  MODEL_NAMES,
} from '../../bargaining/forecast.js';
import { ConcordError } from '../../errors.js';
import { FORMATS, type Format, loadFile } from '../../scenario/load.js';
import type { ModelName } from '../../scenario/schema.js';
import type { ResolvedScenario } from '../../scenario/types.js';
import { json, table } from '../../util/format.js';
import type { CliIO } from '../io.js';
import { exchangeDetail, exchangeIssueIds, exchangeRounds, requireExchange } from './exchange-rounds.js';

export function parseModels(names: readonly string[] | undefined): ModelName[] {
  if (!names || names.length === 0) return [...MODEL_NAMES];
  const out: ModelName[] = [];
  for (const raw of names.flatMap((n) => n.split(','))) {
    const m = raw.trim() as ModelName;
    if (!MODEL_NAMES.includes(m)) {
      throw new ConcordError('E_USAGE', `--model: unknown model "${raw}"`, {
        path: '--model',
        hint: `Models: ${MODEL_NAMES.join(', ')}.`,
      });
    }
    if (!out.includes(m)) out.push(m);
  }
  return out;
}

export function parseFormat(f: string | undefined): Format | undefined {
  if (f === undefined) return undefined;
  if (!(FORMATS as readonly string[]).includes(f)) {
    throw new ConcordError('E_USAGE', `--format: unknown format "${f}"`, {
      path: '--format',
      hint: `Formats: ${FORMATS.join(', ')}.`,
    });
  }
  return f as Format;
}

export function parseRounds(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 100000) {
    throw new ConcordError('E_USAGE', `--max-rounds: "${v}" is not a whole number from 1 to 100000`, {
      path: '--max-rounds',
      hint: 'For example --max-rounds 50.',
    });
  }
  return n;
}

interface Opts {
  model?: string[];
  json?: boolean;
  format?: string;
  capabilities?: string;
  maxRounds?: string;
}

export function register(program: Command, io: CliIO): void {
  program
    .command('forecast')
    .description(
      'forecast each issue of a scenario with every model (consensus, compromise, median, nash, eum, exchange)',
    )
    .argument('<file>', 'a scenario file (YAML/JSON), or a KTAB, DECIDE or DEU-style table')
    .option('--model <names...>', `models to run (default: all): ${MODEL_NAMES.join(', ')}`)
    .option('--format <format>', `input format (default: from the file): ${FORMATS.join(', ')}`)
    .option('--capabilities <source>', 'equal, or a file of `actor,capability` lines (needed for DEU tables)')
    .option('--max-rounds <n>', 'round limit of the expected-utility model (default 100)')
    .option('--json', 'print JSON')
    .action((file: string, opts: Opts) => {
      const models = parseModels(opts.model);
      const maxRounds = parseRounds(opts.maxRounds);
      const loaded = loadFile(file, io.cwd, {
        format: parseFormat(opts.format),
        capabilities: opts.capabilities,
      });
      const results = loaded.map(({ scenario }) => {
        const fs = forecastAll(scenario, { models, eum: { maxRounds } });
        for (const f of fs) {
          if (models.includes('consensus') && !f.issue.statusQuo && opts.model?.length) {
            throw new ConcordError(
              'E_VALIDATION',
              `${file}: issues[${f.issue.index}].statusQuo: the consensus model needs a status quo on issue "${f.issue.id}"`,
              {
                path: `issues[${f.issue.index}].statusQuo`,
                hint: 'Give `statusQuo`, or run other models (--model compromise median nash eum).',
              },
            );
          }
        }
        if (opts.model?.length) requireExchange(file, scenario, fs);
        return { scenario, forecasts: fs };
      });
      if (opts.json) {
        const out = results.map((r) => forecastJson(r.scenario, r.forecasts));
        io.out(json(out.length === 1 ? out[0] : { scenarios: out }));
        return;
      }
      io.out(
        results
          .map((r) => formatForecast(r.scenario, r.forecasts, forecastJson(r.scenario, r.forecasts)))
          .join('\n\n'),
      );
    });
}

function fmtCap(x: number): string {
  if (x === 0) return '0';
  return x >= 0.1 ? x.toFixed(2) : x.toPrecision(2);
}

export function formatForecast(s: ResolvedScenario, fs: readonly IssueForecast[], j: ForecastJson): string {
  const lines: string[] = [];
  lines.push(`${s.id} — ${s.title}`);
  const capText =
    s.capabilitySource === 'equal'
      ? 'capabilities: equal (or as given)'
      : `capabilities: ${s.capabilitySource.toUpperCase()}${s.capabilityYear ? ` ${s.capabilityYear}` : ''} shares`;
  const head = [
    s.organization ? `${s.organization.shortName} on ${s.date}` : s.date ? `on ${s.date}` : null,
    s.chair >= 0 ? `chair: ${s.actors[s.chair]!.id}` : null,
    capText,
  ].filter(Boolean);
  lines.push(head.join(' · '));
  if (s.capabilityNote) lines.push(`note: ${s.capabilityNote}`);
  fs.forEach((f, k) => {
    const is = f.issue;
    const ij = j.issues[k]!;
    lines.push('', `Issue ${is.id}${is.title !== is.id ? ` — ${is.title}` : ''}`);
    const scale =
      is.dims === 1
        ? `scale ${is.lo[0]}${is.poles[0] ? ` (${is.poles[0][0]})` : ''} to ${is.hi[0]}${is.poles[0] ? ` (${is.poles[0][1]})` : ''}`
        : `${is.dims} dimensions: ${is.dimensionIds.map((d, i) => `${d} [${is.lo[i]}, ${is.hi[i]}]`).join(', ')}`;
    const facts = [
      scale,
      `rule: ${is.rule.description}`,
      is.statusQuo ? `status quo ${fmtPoint(is.statusQuo)}` : 'no status quo',
      is.proposal
        ? `${is.proposer >= 0 ? `${s.actors[is.proposer]!.id}'s ` : ''}proposal ${fmtPoint(is.proposal)}`
        : null,
      is.optOut ? 'opt-out allowed' : is.amendable ? 'amendable' : 'take it or leave it',
    ].filter(Boolean);
    lines.push(facts.join(' · '));
    const actorRows = s.actors.map((a, i) => [
      a.id,
      fmtCap(s.capability[i]!),
      is.has[i] ? fmtPoint(is.position.subarray(i * is.dims, (i + 1) * is.dims)) : '–',
      is.has[i] ? fmtPoint(is.salience.subarray(i * is.dims, (i + 1) * is.dims), 2) : '–',
      is.rule.veto[i] ? 'veto' : '',
    ]);
    lines.push('', table(['actor', 'capability', 'position', 'salience', 'rule'], actorRows));
    const rows: string[][] = [];
    for (const m of MODEL_NAMES) {
      const mj = ij.models[m];
      if (!mj) continue;
      const yes = (b: unknown) => (b === true ? 'yes' : b === false ? 'no' : '–');
      let detail = '';
      let outcome = '–';
      if (m === 'consensus' && f.consensus) {
        const c = f.consensus;
        outcome = fmtPoint(c.outcome);
        const parts: string[] = [];
        if (c.blockers.length) parts.push(`blockers ${c.blockers.map((i) => s.actors[i]!.id).join(', ')}`);
        if (c.participants && !c.proposalPasses)
          parts.push(`participants ${c.participants.map((i) => s.actors[i]!.id).join(', ') || 'none'}`);
        if (c.mode === 'agenda-setter' && c.setter >= 0) parts.push(`setter ${s.actors[c.setter]!.id}`);
        if (c.winSet) parts.push(`win-set ${fmtIntervals(c.winSet)}`);
        if (c.core) parts.push(`core ${fmtIntervals(c.core)}`);
        if (c.note && c.outcome) parts.push(c.note);
        if (!c.outcome && c.note) parts.push(c.note);
        detail = parts.join(' · ');
      } else if (m === 'eum' && f.eum) {
        outcome = fmtPoint(f.eum.outcome);
        detail = `${f.eum.rounds} round${f.eum.rounds === 1 ? '' : 's'}${f.eum.converged ? ', converged' : ', round limit reached'}; mean of final positions ${fmtPoint(f.eum.mean)}`;
      } else if (m === 'nash' && f.nash) {
        outcome = fmtPoint(f.nash.outcome);
        detail = `disagreement point: ${f.nash.disagreement === 'statusQuo' ? 'the status quo for veto players' : 'worst point (no status quo)'}; feasible [${fmtPoint(f.nash.feasible[0])}, ${fmtPoint(f.nash.feasible[1])}]`;
      } else if (m === 'compromise' && f.compromise) {
        outcome = fmtPoint(f.compromise);
        detail = 'capability × salience weighted mean';
      } else if (m === 'exchange' && f.exchange) {
        outcome = fmtPoint(f.exchange.outcome);
        detail = exchangeDetail(f.exchange);
      } else if (m === 'median' && f.median) {
        outcome = fmtPoint(f.median);
        detail = 'capability × salience weighted median';
      } else {
        detail = f.notes[m] ?? '';
      }
      rows.push([m, outcome, yes((mj as { adopted?: unknown }).adopted), detail]);
    }
    if (is.observed) {
      const o = is.observed;
      rows.push([
        'observed',
        fmtPoint(o.position),
        o.adopted === null ? '–' : o.adopted ? 'yes' : 'no',
        o.participants ? `participants ${o.participants.map((i) => s.actors[i]!.id).join(', ')}` : '',
      ]);
    }
    lines.push('', table(['model', 'outcome', 'adopted', 'detail'], rows));
    lines.push('', ij.explanation);
    if (f.exchange) lines.push('', ...exchangeRounds(s, f.exchange, exchangeIssueIds(s)));
    const notes = Object.entries(is.modelNotes);
    if (notes.length) {
      lines.push('', 'Notes from the case file:');
      for (const [m, t] of notes) lines.push(`  ${m}: ${t}`);
    }
  });
  return lines.join('\n');
}
