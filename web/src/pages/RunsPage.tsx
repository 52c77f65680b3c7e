/**
 * Runs: the history of stored runs visible to this workspace (and public ones), with live progress,
 * export, resume, publish and delete; and the workspace's registered forecasts with their scores.
 */
import { type ReactNode, useEffect, useState } from 'react';
import { lab } from '../../../src/i18n/messages/lab/index.js';
import { labRuns } from '../../../src/i18n/messages/lab-runs/index.js';
import { api, download, streamEvents } from '../api.js';
import { ErrorNote } from '../components/Notice.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { RegistryPanel } from '../components/RegistryPanel.js';
import { type Summary, SweepSummaryView } from '../components/SweepSummary.js';
import { TableBox } from '../components/TableBox.js';
import { useLab } from '../context.js';
import { useApi } from '../hooks.js';
import { useFormat, useT } from '../i18n.js';
import { Link, navigate, useSearch, useTitle } from '../router.js';
import type { Progress, Run, RunDetail } from '../types.js';

export function RunsPage() {
  const t = useT(labRuns);
  const n = useFormat();
  useTitle(t('title'));
  const { workspace } = useLab();
  const selected = useSearch().get('id');
  const runs = useApi<{ runs: Run[] }>('/api/runs?limit=200', [workspace]);
  const anyRunning = runs.data?.runs.some((r) => r.status === 'running' || r.status === 'pending');
  useEffect(() => {
    if (!anyRunning) return;
    const timer = setInterval(runs.reload, 3000);
    return () => clearInterval(timer);
  }, [anyRunning, runs.reload]);

  return (
    <>
      <h1 tabIndex={-1}>{t('title')}</h1>
      <p className="muted">{workspace ? t('intro.workspace', { workspace }) : t('intro.public')}</p>
      <ErrorNote error={runs.error} />
      <div className="grid-runs">
        <section aria-labelledby="runs-h" className="panel">
          <h2 id="runs-h">{t('history')}</h2>
          <button type="button" onClick={runs.reload}>
            {t('refresh')}
          </button>
          {runs.data && runs.data.runs.length === 0 ? <p>{t('none')}</p> : null}
          {runs.data && runs.data.runs.length > 0 ? (
            <TableBox className="scroll tall" label={t('history.table')}>
              <table className="runs">
                <caption className="sr-only">{t('history.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('col.run')}</th>
                    <th scope="col">{t('col.kind')}</th>
                    <th scope="col">{t('col.status')}</th>
                    <th scope="col">{t('col.replicates')}</th>
                    <th scope="col">{t('col.created')}</th>
                    <th scope="col">{t('col.access')}</th>
                  </tr>
                </thead>
                <tbody>
                  {runs.data.runs.map((r) => (
                    <tr key={r.id} className={r.id === selected ? 'selected' : ''}>
                      <td>
                        <Link href={`/runs?id=${r.id}`} aria-current={r.id === selected ? 'true' : undefined}>
                          {r.title ?? r.id.slice(0, 8)}
                        </Link>
                      </td>
                      <td>{t.or(`kind.${r.kind}`, r.kind)}</td>
                      <td>
                        <span className={`status s-${r.status}`}>{t.or(`status.${r.status}`, r.status)}</span>
                      </td>
                      <td className="num">{n.number(r.total, 0)}</td>
                      <td>{r.createdAt.slice(0, 16).replace('T', ' ')}</td>
                      <td>
                        {t.or(`visibility.${r.visibility}`, r.visibility)}
                        {r.owned ? t('access.yours') : t('access.other')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableBox>
          ) : null}
        </section>
        <section aria-labelledby="run-h" className="panel">
          <h2 id="run-h">{t('run')}</h2>
          {selected ? <RunView id={selected} onChange={runs.reload} /> : <p>{t('choose')}</p>}
        </section>
      </div>
      <section aria-labelledby="registry-h" className="panel">
        <h2 id="registry-h">{t('registry')}</h2>
        <RegistryPanel />
      </section>
    </>
  );
}

export function RunView({ id, onChange }: { id: string; onChange?: () => void }) {
  const t = useT(labRuns);
  const tl = useT(lab);
  const n = useFormat();
  const detail = useApi<RunDetail>(`/api/runs/${encodeURIComponent(id)}`);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [actionError, setActionError] = useState<Error | null>(null);
  const run = detail.data;
  const live = run && (run.progress.active || run.status === 'running' || run.status === 'pending');

  // biome-ignore lint/correctness/useExhaustiveDependencies: restart the stream only for a new run
  useEffect(() => {
    setProgress(null);
    if (!live) return;
    const ac = new AbortController();
    streamEvents(
      `/api/runs/${encodeURIComponent(id)}/events`,
      (event, data) => {
        const p = JSON.parse(data) as Progress;
        setProgress(p);
        if (event === 'end') {
          detail.reload();
          onChange?.();
        }
      },
      ac.signal,
    ).catch(() => {});
    return () => ac.abort();
  }, [id, live]);

  if (detail.error) return <ErrorNote error={detail.error} />;
  if (!run) return <p>{tl('loading')}</p>;
  const p = progress ?? run.progress;
  const act = async (f: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await f();
      detail.reload();
      onChange?.();
    } catch (e) {
      setActionError(e as Error);
    }
  };
  return (
    <div className="run-view">
      <p>
        <strong>{run.title ?? run.id}</strong>{' '}
        <span className={`status s-${p.status}`}>{t.or(`status.${p.status}`, p.status)}</span>
      </p>
      <ProgressBar progress={p} />
      <dl className="kv">
        {(
          [
            [t('field.id'), <code key="id">{run.id}</code>],
            [t('field.kind'), t.or(`kind.${run.kind}`, run.kind)],
            [
              t('field.workspace'),
              t('field.workspaceValue', {
                workspace: run.workspace ?? t('access.anotherWorkspace'),
                visibility: t.or(`visibility.${run.visibility}`, run.visibility),
                owned: run.owned ? 'yes' : 'no',
              }),
            ],
            [t('field.seed'), <code key="seed">{run.seed}</code>],
            [
              t('field.replicates'),
              t('field.replicatesValue', { total: n.number(run.total, 0), batch: run.batchSize }),
            ],
            [t('field.rows'), n.number(run.results, 0)],
            [t('field.created'), run.createdAt],
            ...(run.finishedAt ? [[t('field.finished'), run.finishedAt]] : []),
            ...Object.entries(run.manifest)
              .filter(([k, v]) => (typeof v === 'string' || typeof v === 'number') && k !== 'seed')
              .map(([k, v]) => [k, String(v)]),
          ] as Array<[string, ReactNode]>
        ).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {run.error ? <p className="note error">{t('error', { error: run.error })}</p> : null}
      <div className="button-row">
        <button
          type="button"
          onClick={() =>
            act(() => download(`/api/runs/${run.id}/export?format=csv`, `concord-run-${run.id}.csv`))
          }
        >
          {t('export.csv')}
        </button>
        <button
          type="button"
          onClick={() =>
            act(() => download(`/api/runs/${run.id}/export?format=json`, `concord-run-${run.id}.json`))
          }
        >
          {t('export.json')}
        </button>
        {run.owned && run.resumable ? (
          <button
            type="button"
            className="primary"
            onClick={() => act(() => api(`/api/runs/${run.id}/resume`, { method: 'POST' }))}
          >
            {t('resume')}
          </button>
        ) : null}
        {run.owned ? (
          <button
            type="button"
            onClick={() =>
              act(() =>
                api(`/api/runs/${run.id}`, {
                  method: 'PATCH',
                  body: { visibility: run.visibility === 'public' ? 'private' : 'public' },
                }),
              )
            }
          >
            {run.visibility === 'public' ? t('make.private') : t('make.public')}
          </button>
        ) : null}
        {run.owned && !p.active ? (
          <button
            type="button"
            className="danger"
            onClick={() => {
              if (window.confirm(t('delete.confirm', { id: run.id, rows: run.results })))
                void act(async () => {
                  await api(`/api/runs/${run.id}`, { method: 'DELETE' });
                  navigate('/runs');
                });
            }}
          >
            {t('delete')}
          </button>
        ) : null}
      </div>
      <ErrorNote error={actionError} />
      {run.kind === 'sweep' ? <RunSummary id={run.id} version={`${p.status}${p.batchesDone}`} /> : null}
      <details>
        <summary>{t('parameters')}</summary>
        <pre>{JSON.stringify(run.params, null, 2)}</pre>
      </details>
    </div>
  );
}

function RunSummary({ id, version }: { id: string; version: string }) {
  const t = useT(labRuns);
  const r = useApi<{ complete: boolean; summary: Summary | null }>(
    `/api/runs/${encodeURIComponent(id)}/summary`,
    [version],
  );
  if (r.error) return <ErrorNote error={r.error} />;
  if (!r.data?.summary) return <p className="small muted">{t('summary.none')}</p>;
  return (
    <>
      {!r.data.complete ? <p className="small muted">{t('summary.partial')}</p> : null}
      <SweepSummaryView summary={r.data.summary} />
    </>
  );
}
