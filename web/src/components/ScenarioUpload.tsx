/**
 * Upload a scenario of one's own into the workspace: a scenario file (YAML, JSON), a long table
 * (CSV, TSV, XLSX) or a DEU, DECIDE or KTAB file. The server imports it as `concord forecast FILE`
 * does and stores the scenario it stands for; the import summary (what was skipped or defaulted)
 * is shown, and the scenario can then be swept like a shipped one.
 */
import { useState } from 'react';
import { labSweeps } from '../../../src/i18n/messages/lab-sweeps/index.js';
import { api } from '../api.js';
import { useT } from '../i18n.js';
import { ErrorNote } from './Notice.js';

export interface ImportCount {
  kind: string;
  reason: string;
  count: number;
  where: string[];
}
export interface ImportSummary {
  format: string;
  file: string;
  issues: number;
  actors: number;
  metadata: string[];
  counts: ImportCount[];
  notes: string[];
}
export interface Uploaded {
  id: string;
  name: string;
  format: string;
  title: string | null;
  bytes: number;
  createdAt: string;
  import: ImportSummary | null;
}

const BINARY = /\.xlsx$/i;

function base64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const t = useT(labSweeps);
  return (
    <div className="small" data-testid="import-summary">
      <p>
        {t('import.summary', {
          file: summary.file,
          format: summary.format,
          table: summary.format === 'long' || summary.format === 'deu' ? 'yes' : 'no',
          issues: summary.issues,
          actors: summary.actors,
        })}
        {summary.metadata.length ? t('import.metadata', { list: summary.metadata.join(', ') }) : ''}
      </p>
      {summary.counts.length || summary.notes.length ? (
        <ul>
          {summary.counts.map((c) => (
            <li key={c.reason}>
              {c.kind} {c.count}: {c.reason} ({c.where.join('; ')}
              {c.count > c.where.length ? ', …' : ''})
            </li>
          ))}
          {summary.notes.map((n) => (
            <li key={n}>{t('import.note', { note: n })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function ScenarioUpload({
  disabled,
  onUploaded,
}: {
  disabled: boolean;
  onUploaded: (u: Uploaded[]) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<{ scenarios: Uploaded[]; import: ImportSummary | null } | null>(null);

  const t = useT(labSweeps);
  const send = async () => {
    if (!file) return;
    setError(null);
    setBusy(true);
    try {
      const binary = BINARY.test(file.name);
      const content = binary ? base64(await file.arrayBuffer()) : await file.text();
      const r = await api<{ scenarios: Uploaded[]; import: ImportSummary | null }>(
        '/api/workspace/scenarios',
        {
          method: 'POST',
          body: { name: file.name, content, encoding: binary ? 'base64' : 'text' },
        },
      );
      setLast(r);
      onUploaded(r.scenarios);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="panel"
      aria-label={t('upload.form')}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h2>{t('upload.heading')}</h2>
      <p className="small muted">{t('upload.help')}</p>
      <label>
        {t('upload.file')}{' '}
        <input
          type="file"
          accept=".yaml,.yml,.json,.csv,.tsv,.txt,.xlsx"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="upload-file"
        />
      </label>{' '}
      <button type="submit" disabled={disabled || !file || busy}>
        {busy ? t('upload.busy') : t('upload.button')}
      </button>
      <ErrorNote error={error} />
      {last ? (
        <div role="status">
          <p className="small">
            {t('upload.stored', { list: last.scenarios.map((s) => s.title ?? s.name).join(', ') })}
          </p>
          {last.import ? <ImportSummaryView summary={last.import} /> : null}
        </div>
      ) : null}
    </form>
  );
}
