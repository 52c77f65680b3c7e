/**
 * Runs: the history of stored runs visible to this workspace (and public ones), with live progress,
 * export, resume, publish and delete; and the workspace's registered forecasts with their scores.
 */
import { type ReactNode, useEffect, useState } from 'react';
import { api, download, streamEvents } from '../api.js';
import { ErrorNote } from '../components/Notice.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { RegistryPanel } from '../components/RegistryPanel.js';
import { type Summary, SweepSummaryView } from '../components/SweepSummary.js';
import { TableBox } from '../components/TableBox.js';
import { useLab } from '../context.js';
import { useApi } from '../hooks.js';
import { Link, navigate, useSearch, useTitle } from '../router.js';
import type { Progress, Run, RunDetail } from '../types.js';

export function RunsPage() {
  useTitle('Runs');
  const { workspace } = useLab();
  const selected = useSearch().get('id');
  const runs = useApi<{ runs: Run[] }>('/api/runs?limit=200', [workspace]);
  const anyRunning = runs.data?.runs.some((r) => r.status === 'running' || r.status === 'pending');
  useEffect(() => {
    if (!anyRunning) return;
    const t = setInterval(runs.reload, 3000);
    return () => clearInterval(t);
  }, [anyRunning, runs.reload]);

  return (
    <>
      <h1 tabIndex={-1}>Runs</h1>
      <p className="muted">
        {workspace
          ? `The runs of workspace “${workspace}” and the public runs of others, newest first.`
          : 'Public runs only: give a workspace token (top right) to see and manage your own.'}
      </p>
      <ErrorNote error={runs.error} />
      <div className="grid-runs">
        <section aria-labelledby="runs-h" className="panel">
          <h2 id="runs-h">History</h2>
          <button type="button" onClick={runs.reload}>
            Refresh
          </button>
          {runs.data && runs.data.runs.length === 0 ? <p>No runs yet.</p> : null}
          {runs.data && runs.data.runs.length > 0 ? (
            <TableBox className="scroll tall" label="Run history">
              <table className="runs">
                <caption className="sr-only">Stored runs</caption>
                <thead>
                  <tr>
                    <th scope="col">Run</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Status</th>
                    <th scope="col">Replicates</th>
                    <th scope="col">Created</th>
                    <th scope="col">Access</th>
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
                      <td>{r.kind}</td>
                      <td>
                        <span className={`status s-${r.status}`}>{r.status}</span>
                      </td>
                      <td className="num">{r.total.toLocaleString('en-US')}</td>
                      <td>{r.createdAt.slice(0, 16).replace('T', ' ')}</td>
                      <td>
                        {r.visibility}
                        {r.owned ? ' · yours' : ' · another workspace'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableBox>
          ) : null}
        </section>
        <section aria-labelledby="run-h" className="panel">
          <h2 id="run-h">Run</h2>
          {selected ? (
            <RunView id={selected} onChange={runs.reload} />
          ) : (
            <p>Choose a run in the history to see its manifest, progress and results.</p>
          )}
        </section>
      </div>
      <section aria-labelledby="registry-h" className="panel">
        <h2 id="registry-h">Registered forecasts</h2>
        <RegistryPanel />
      </section>
    </>
  );
}

export function RunView({ id, onChange }: { id: string; onChange?: () => void }) {
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
  if (!run) return <p>Loading…</p>;
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
        <strong>{run.title ?? run.id}</strong> <span className={`status s-${p.status}`}>{p.status}</span>
      </p>
      <ProgressBar progress={p} />
      <dl className="kv">
        {(
          [
            ['id', <code key="id">{run.id}</code>],
            ['kind', run.kind],
            [
              'workspace',
              `${run.workspace ?? 'another workspace'} (${run.visibility}${run.owned ? ', yours' : ''})`,
            ],
            ['seed', <code key="seed">{run.seed}</code>],
            ['replicates', `${run.total.toLocaleString('en-US')} in batches of ${run.batchSize}`],
            ['stored rows', run.results.toLocaleString('en-US')],
            ['created', run.createdAt],
            ...(run.finishedAt ? [['finished', run.finishedAt]] : []),
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
      {run.error ? <p className="note error">error: {run.error}</p> : null}
      <div className="button-row">
        <button
          type="button"
          onClick={() =>
            act(() => download(`/api/runs/${run.id}/export?format=csv`, `concord-run-${run.id}.csv`))
          }
        >
          Export CSV
        </button>
        <button
          type="button"
          onClick={() =>
            act(() => download(`/api/runs/${run.id}/export?format=json`, `concord-run-${run.id}.json`))
          }
        >
          Export JSON
        </button>
        {run.owned && run.resumable ? (
          <button
            type="button"
            className="primary"
            onClick={() => act(() => api(`/api/runs/${run.id}/resume`, { method: 'POST' }))}
          >
            Resume
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
            Make {run.visibility === 'public' ? 'private' : 'public'}
          </button>
        ) : null}
        {run.owned && !p.active ? (
          <button
            type="button"
            className="danger"
            onClick={() => {
              if (window.confirm(`Delete run ${run.id} and its ${run.results} result rows?`))
                void act(async () => {
                  await api(`/api/runs/${run.id}`, { method: 'DELETE' });
                  navigate('/runs');
                });
            }}
          >
            Delete
          </button>
        ) : null}
      </div>
      <ErrorNote error={actionError} />
      {run.kind === 'sweep' ? <RunSummary id={run.id} version={`${p.status}${p.batchesDone}`} /> : null}
      <details>
        <summary>Parameters</summary>
        <pre>{JSON.stringify(run.params, null, 2)}</pre>
      </details>
    </div>
  );
}

function RunSummary({ id, version }: { id: string; version: string }) {
  const r = useApi<{ complete: boolean; summary: Summary | null }>(
    `/api/runs/${encodeURIComponent(id)}/summary`,
    [version],
  );
  if (r.error) return <ErrorNote error={r.error} />;
  if (!r.data?.summary) return <p className="small muted">No batch done yet: no summary.</p>;
  return (
    <>
      {!r.data.complete ? <p className="small muted">Summary of the batches done so far:</p> : null}
      <SweepSummaryView summary={r.data.summary} />
    </>
  );
}
