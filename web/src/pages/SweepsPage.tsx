/**
 * Sweeps: start an uncertainty sweep of a scenario (it runs on the server, in the background, and is
 * stored in your workspace), watch its progress over Server-Sent Events, and read its histograms as
 * the batches land. The engine is the library's (src/sweep/); the same run can be resumed or
 * exported from the Runs page or with `concord sweep --resume ID` / `concord runs export ID`.
 */
import { useEffect, useRef, useState } from 'react';
import { labRuns } from '../../../src/i18n/messages/lab-runs/index.js';
import { labSweeps } from '../../../src/i18n/messages/lab-sweeps/index.js';
import { api, streamEvents } from '../api.js';
import { ErrorNote } from '../components/Notice.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { ScenarioUpload, type Uploaded } from '../components/ScenarioUpload.js';
import { type Marks, type Summary, SweepSummaryView } from '../components/SweepSummary.js';
import { useLab } from '../context.js';
import { useApi } from '../hooks.js';
import { rich, useFormat, useT } from '../i18n.js';
import { Link, useTitle } from '../router.js';
import type { Progress, Run } from '../types.js';

interface Options {
  models: string[];
  defaultModels: string[];
  defaultUncertainty: string;
  limits: { total: number; rows: number };
}
interface ScenarioSummary {
  id: string;
  title: string;
  date: string | null;
}
interface ForecastIssue {
  id: string;
  statusQuo: number | number[] | null;
  proposal: number | number[] | null;
  observed: { position: number | number[] | null } | null;
}

function marksOf(issues: ForecastIssue[]): Marks {
  const one = (p: number | number[] | null | undefined) => (typeof p === 'number' ? p : null);
  const out: Marks = {};
  for (const is of issues) {
    const raw: Array<{ x: number; label: string; colour?: string }> = [];
    const q = one(is.statusQuo);
    const y = one(is.proposal);
    const o = one(is.observed?.position);
    if (q !== null) raw.push({ x: q, label: 'status quo', colour: '#4f5b66' });
    if (y !== null) raw.push({ x: y, label: 'proposal', colour: '#4f5b66' });
    if (o !== null) raw.push({ x: o, label: 'observed', colour: '#a11d1d' });
    const merged: typeof raw = [];
    for (const m of raw) {
      const same = merged.find((x) => x.x === m.x);
      if (same) same.label = `${same.label} = ${m.label}`;
      else merged.push({ ...m });
    }
    out[is.id] = merged;
  }
  return out;
}

export function SweepsPage() {
  const t = useT(labSweeps);
  const tr = useT(labRuns);
  const n = useFormat();
  useTitle(t('title'));
  const { workspace } = useLab();
  const options = useApi<Options>('/api/sweeps/options');
  const scenarios = useApi<{ scenarios: ScenarioSummary[] }>('/api/scenarios');
  const [scenario, setScenario] = useState('sco-development-bank-2010');
  // Scenarios uploaded into the workspace: the select's value is `upload:<id>` for them.
  const uploads = useApi<{ scenarios: Uploaded[] }>(workspace ? '/api/workspace/scenarios' : null, [
    workspace,
  ]);
  const uploadId = scenario.startsWith('upload:') ? scenario.slice('upload:'.length) : null;
  const [runs, setRuns] = useState('10000');
  const [seed, setSeed] = useState('1');
  const [models, setModels] = useState<string[] | null>(null);
  const [sensitivity, setSensitivity] = useState(false);
  const [keep, setKeep] = useState<'rows' | 'summary'>('rows');
  const [title, setTitle] = useState('');
  const [startError, setStartError] = useState<Error | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [summary, setSummary] = useState<{ complete: boolean; summary: Summary | null } | null>(null);
  const [marks, setMarks] = useState<Marks | undefined>(undefined);
  const recent = useApi<{ runs: Run[] }>(`/api/runs?kind=sweep&limit=8`, [
    workspace,
    runId,
    progress?.status,
  ]);
  const chosen = models ?? options.data?.defaultModels ?? ['consensus', 'compromise', 'median'];
  const lastFetch = useRef(0);

  // Follow the run: progress events, and the summary of the batches done so far now and then.
  useEffect(() => {
    if (!runId) return;
    const ac = new AbortController();
    const fetchSummary = () =>
      api<{ complete: boolean; summary: Summary | null }>(`/api/runs/${runId}/summary`, { signal: ac.signal })
        .then(setSummary)
        .catch(() => {});
    streamEvents(
      `/api/runs/${runId}/events`,
      (event, data) => {
        setProgress(JSON.parse(data) as Progress);
        const now = Date.now();
        if (event === 'end' || now - lastFetch.current > 1500) {
          lastFetch.current = now;
          void fetchSummary();
        }
      },
      ac.signal,
    ).catch(() => {});
    return () => ac.abort();
  }, [runId]);

  const start = async () => {
    setStartError(null);
    setSummary(null);
    setProgress(null);
    try {
      const r = await api<{ run: Run; progress: Progress }>('/api/sweeps', {
        method: 'POST',
        body: {
          ...(uploadId ? { upload: uploadId } : { scenario }),
          runs: Number(runs),
          seed: Number(seed),
          models: chosen,
          sensitivity,
          keep,
          ...(title.trim() ? { title: title.trim() } : {}),
        },
      });
      setProgress(r.progress);
      setRunId(r.run.id);
      api<{ issues: ForecastIssue[] }>(
        uploadId
          ? `/api/workspace/scenarios/${uploadId}/forecast`
          : `/api/scenarios/${encodeURIComponent(scenario)}/forecast`,
      )
        .then((f) => setMarks(marksOf(f.issues)))
        .catch(() => setMarks(undefined));
    } catch (e) {
      setStartError(e as Error);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('h1')}</h1>
      <ScenarioUpload
        disabled={!workspace}
        onUploaded={(u) => {
          uploads.reload();
          if (u[0]) setScenario(`upload:${u[0].id}`);
        }}
      />
      <form
        className="panel sweep-form"
        aria-label={t('form')}
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <label>
          {t('scenario')}{' '}
          <select
            value={scenario}
            onChange={(e) => setScenario(e.target.value)}
            className="wide-select"
            data-testid="sweep-scenario"
          >
            {uploads.data?.scenarios.length ? (
              <optgroup label={t('uploaded')}>
                {uploads.data.scenarios.map((u) => (
                  <option key={u.id} value={`upload:${u.id}`}>
                    {u.title && !u.title.includes(u.name) ? `${u.title} (${u.name})` : (u.title ?? u.name)}
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label={t('shipped')}>
              {(scenarios.data?.scenarios ?? [{ id: scenario, title: scenario, date: null }])
                .filter((s) => !s.id.startsWith('upload:'))
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.date ? `${s.date.slice(0, 4)}: ` : ''}
                    {s.title}
                  </option>
                ))}
            </optgroup>
          </select>
        </label>
        <label>
          {t('runs')}{' '}
          <input
            type="number"
            min={1}
            max={options.data?.limits.total}
            value={runs}
            onChange={(e) => setRuns(e.target.value)}
            className="runs-input"
          />
        </label>
        <label>
          {t('seed')}{' '}
          <input
            type="number"
            min={0}
            value={seed}
            onChange={(e) => setSeed(e.target.value)}
            className="year"
          />
        </label>
        <fieldset>
          <legend>{t('models')}</legend>
          {(options.data?.models ?? chosen).map((m) => (
            <label key={m}>
              <input
                type="checkbox"
                checked={chosen.includes(m)}
                onChange={(e) => setModels(e.target.checked ? [...chosen, m] : chosen.filter((x) => x !== m))}
              />{' '}
              {t.or(`model.${m}`, m)}{' '}
            </label>
          ))}
        </fieldset>
        <label>
          <input type="checkbox" checked={sensitivity} onChange={(e) => setSensitivity(e.target.checked)} />{' '}
          {t('sobol')}
        </label>
        <label>
          {t('store')}{' '}
          <select value={keep} onChange={(e) => setKeep(e.target.value as 'rows' | 'summary')}>
            <option value="rows">{t('store.rows')}</option>
            <option value="summary">{t('store.summary')}</option>
          </select>
        </label>
        <label>
          {t('titleField')}{' '}
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder={t('titleField.placeholder')}
            size={18}
          />
        </label>
        <button type="submit" className="primary" disabled={!workspace || chosen.length === 0}>
          {t('start')}
        </button>
        {!workspace ? (
          <p className="small note" role="note">
            {rich(t('needsWorkspace', { serve: '\u0000serve\u0000' }), { serve: <code>concord serve</code> })}
          </p>
        ) : null}
        {options.data ? (
          <p className="small muted">{t('defaultUncertainty', { value: options.data.defaultUncertainty })}</p>
        ) : null}
      </form>
      <ErrorNote error={startError ?? options.error} />
      {runId && progress ? (
        <section className="panel" aria-labelledby="run-h">
          <h2 id="run-h">
            {t('run')} <Link href={`/runs?id=${runId}`}>{runId.slice(0, 8)}</Link>{' '}
            <span className={`status s-${progress.status}`} data-testid="sweep-status">
              {tr.or(`status.${progress.status}`, progress.status)}
            </span>
          </h2>
          <ProgressBar progress={progress} />
          {progress.error ? <p className="note error">{progress.error}</p> : null}
          {summary?.summary ? (
            <>
              {!summary.complete ? <p className="small muted">{t('partial')}</p> : null}
              <SweepSummaryView summary={summary.summary} {...(marks ? { marks } : {})} />
            </>
          ) : null}
        </section>
      ) : null}
      <section className="panel" aria-labelledby="recent-h">
        <h2 id="recent-h">{t('recent')}</h2>
        {recent.data?.runs.length ? (
          <ul>
            {recent.data.runs.map((r) => (
              <li key={r.id}>
                <Link href={`/runs?id=${r.id}`}>{r.title ?? r.id.slice(0, 8)}</Link> —{' '}
                <span className={`status s-${r.status}`}>{tr.or(`status.${r.status}`, r.status)}</span>{' '}
                {t('recent.item', {
                  total: n.number(r.total, 0),
                  created: r.createdAt.slice(0, 16).replace('T', ' '),
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{workspace ? t('recent.none') : t('recent.noneVisible')}</p>
        )}
      </section>
    </>
  );
}
