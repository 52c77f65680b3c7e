/**
 * The forecast registry: `concord forecast FILE --register` stores every model's forecast with the
 * scenario's content hash (outcomes left out), Concord's version and the date; `concord registry
 * list | show ID | score [ID]` lists them, shows one, and scores them once their scenario files
 * carry an outcome — refusing one whose scenario changed since it was registered.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  canonicalScenario,
  type RegisteredForecast,
  type RegistryScore,
  scoreRegistered,
} from '../../bargaining/registry.js';
import { ConcordError } from '../../errors.js';
import { localizeError } from '../../i18n/errors.js';
import { cliRuns } from '../../i18n/messages/cli-runs/index.js';
import { reportForecasts } from '../../i18n/messages/report-forecasts/index.js';
import { translator } from '../../i18n/translate.js';
import { loadFile } from '../../scenario/load.js';
import type { ForecastRecord, RunStore } from '../../store/store.js';
import { json, table } from '../../util/format.js';
import { parseYamlText } from '../../util/validate.js';
import { type CliText, cliText, type NamespaceKeys } from '../i18n.js';
import type { CliIO } from '../io.js';
import { withStore } from '../store.js';

/** The content hash of a scenario file (its outcomes left out). */
export function scenarioFileHash(file: string, cwd: string): string {
  const full = resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (e) {
    throw new ConcordError('E_FILE_UNREADABLE', `${file}: cannot read the scenario file`, {
      path: file,
      hint: 'The registry scores a forecast against its scenario file: keep the file where it was registered.',
      cause: e,
      key: 'cli.registry.unreadable',
      values: { file },
    });
  }
  if (!/\.(ya?ml|json)$/i.test(file))
    throw new ConcordError('E_UNSUPPORTED', `${file}: only scenario files (YAML/JSON) can be registered`, {
      path: file,
      hint: 'Convert the table to a scenario file first.',
      key: 'cli.registry.notScenarioFile',
      values: { file },
    });
  return createHash('sha256')
    .update(canonicalScenario(parseYamlText(text, file)))
    .digest('hex');
}

interface Scored {
  id: string;
  status: 'scored' | 'no outcome yet' | 'scenario changed' | 'file missing';
  score: RegistryScore | null;
  message?: string;
  /** The file and date a changed scenario was registered with (not in the JSON). */
  readonly changed?: { readonly file: string; readonly date: string };
}

async function scoreOne(store: RunStore, rec: ForecastRecord, io: CliIO): Promise<Scored> {
  let hash: string;
  try {
    hash = scenarioFileHash(rec.file, io.cwd);
  } catch (e) {
    const r: Scored = { id: rec.id, status: 'file missing', score: null, message: (e as Error).message };
    errorsOf.set(r, e);
    return r;
  }
  if (hash !== rec.scenario_hash) {
    const r: Scored = {
      id: rec.id,
      status: 'scenario changed',
      score: null,
      message: `${rec.file} changed since the forecast was registered (${rec.created_at}) other than by adding outcomes: it is not the scenario that was forecast`,
    };
    // Not enumerable: the JSON output keeps its fields.
    Object.defineProperty(r, 'changed', {
      value: { file: rec.file, date: rec.created_at },
      enumerable: false,
    });
    return r;
  }
  const loaded = loadFile(rec.file, io.cwd, { format: 'scenario' });
  const score = scoreRegistered(rec.forecast as RegisteredForecast, loaded[0]!.scenario);
  if (!score) return { id: rec.id, status: 'no outcome yet', score: null };
  await store.setForecastScore(rec.id, score);
  return { id: rec.id, status: 'scored', score };
}

type RunsText = CliText<NamespaceKeys<typeof cliRuns>>;

/** Each model's error (and share of adoption calls right) in the locale of `c`. */
function fmtScore(s: RegistryScore | null, c: RunsText): string {
  if (!s) return '–';
  const en = c.locale === 'en';
  const models = translator(reportForecasts, c.locale);
  const name = (m: string) => {
    const key = `model-short.${m}`;
    return en || !models.has(key) ? m : models(key as 'model-short.consensus');
  };
  return Object.entries(s.models)
    .map(([m, x]) =>
      c.t('registry.score', {
        model: name(m),
        mae: x.mae === null ? '–' : c.fixed(x.mae, 1),
        adoption: x.adoptionAccuracy === null ? '' : c.pct(x.adoptionAccuracy),
        known: x.adoptionAccuracy === null ? 'no' : 'yes',
      }),
    )
    .join(c.t('registry.separator'));
}

/** A registry row's status and message in the locale (the JSON keeps the English). */
function statusText(r: Scored, c: RunsText): { status: string; message: string } {
  const status = c.t('registry.status', { status: STATUS_KEYS[r.status] });
  if (c.locale === 'en') return { status: r.status, message: r.message ?? '' };
  if (r.status === 'scenario changed' && r.changed)
    return { status, message: c.t('registry.changed', { file: r.changed.file, date: r.changed.date }) };
  const e = errorsOf.get(r);
  return {
    status,
    message: e instanceof ConcordError ? localizeError(e, c.locale).message : (r.message ?? ''),
  };
}

const STATUS_KEYS = {
  scored: 'scored',
  'no outcome yet': 'noOutcome',
  'scenario changed': 'changed',
  'file missing': 'missing',
} as const;

/** The error that made a row "file missing", for its message in the locale. */
const errorsOf = new WeakMap<Scored, unknown>();

/** The registered forecast `id` (or its first 8 characters), or E_NOT_FOUND. */
async function registered(store: RunStore, id: string): Promise<ForecastRecord> {
  const rec = await store.getForecast(id);
  if (!rec)
    throw new ConcordError('E_NOT_FOUND', `no registered forecast "${id}"`, {
      path: 'id',
      hint: 'See `concord registry list`.',
      key: 'cli.registry.notFound',
      values: { id },
    });
  return rec;
}

export function register(program: Command, io: CliIO): void {
  const reg = program
    .command('registry')
    .description('registered forecasts (concord forecast FILE --register): list, show, score');
  reg
    .command('list')
    .description('registered forecasts, newest first')
    .option('--store <path|url>', 'SQLite file or postgres:// URL')
    .option('--json', 'print JSON')
    .action((opts: { store?: string; json?: boolean }) =>
      withStore(io, opts.store, async (store) => {
        const rows = await store.listForecasts();
        if (opts.json) {
          io.out(json({ forecasts: rows }));
          return;
        }
        const c = cliText(io, cliRuns);
        if (rows.length === 0) {
          io.out(c.t('registry.none', { command: '`concord forecast FILE --register`' }));
          return;
        }
        io.out(
          table(
            [
              c.t('registry.col.id'),
              c.t('registry.col.registered'),
              c.t('registry.col.scenario'),
              c.t('registry.col.file'),
              c.t('registry.col.scored'),
              c.t('registry.col.mae'),
            ],
            rows.map((r) => [
              r.id.slice(0, 8),
              r.created_at.slice(0, 19).replace('T', ' '),
              r.scenario_id,
              r.file,
              r.scored_at ? c.date(r.scored_at.slice(0, 10)) : c.t('registry.notYet'),
              fmtScore(r.score as RegistryScore | null, c),
            ]),
          ),
        );
      }),
    );
  reg
    .command('show')
    .description('one registered forecast: what each model said, and its score')
    .argument('<id>', 'the id (or its first 8 characters)')
    .option('--store <path|url>', 'SQLite file or postgres:// URL')
    .action((id: string, opts: { store?: string }) =>
      withStore(io, opts.store, async (store) => {
        io.out(json(await registered(store, id)));
      }),
    );
  reg
    .command('score')
    .description('score registered forecasts whose scenario files now carry outcomes')
    .argument('[id]', 'one forecast (default: all)')
    .option('--store <path|url>', 'SQLite file or postgres:// URL')
    .option('--json', 'print JSON')
    .action((id: string | undefined, opts: { store?: string; json?: boolean }) =>
      withStore(io, opts.store, async (store) => {
        let recs: ForecastRecord[];
        if (id) {
          recs = [await registered(store, id)];
        } else recs = await store.listForecasts();
        const out: Scored[] = [];
        for (const r of recs) out.push(await scoreOne(store, r, io));
        if (id && out[0]!.status === 'scenario changed')
          throw new ConcordError('E_CONFLICT', `registered forecast ${id}: ${out[0]!.message}`, {
            path: recs[0]!.file,
            hint: 'Register the changed scenario as a new forecast (concord forecast FILE --register); only outcomes may be added to a registered one.',
            key: 'cli.registry.changed',
            values: { id, file: recs[0]!.file, date: recs[0]!.created_at },
          });
        if (opts.json) {
          io.out(json({ forecasts: out }));
          return;
        }
        const c = cliText(io, cliRuns);
        io.out(
          table(
            [c.t('registry.col.id'), c.t('registry.col.status'), c.t('registry.col.maePerModel')],
            out.map((r) => {
              const { status, message } = statusText(r, c);
              return [r.id.slice(0, 8), status, r.status === 'scored' ? fmtScore(r.score, c) : message];
            }),
          ),
        );
      }),
    );
}
