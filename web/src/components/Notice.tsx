import type { ReactNode } from 'react';
import { lab } from '../../../src/i18n/messages/lab/index.js';
import { ApiError } from '../api.js';
import { rich, useT } from '../i18n.js';

/** An error from the API, with its code, path and hint. */
export function ErrorNote({ error }: { error: Error | null }) {
  const t = useT(lab);
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  return (
    <div className="note error" role="alert">
      <strong>{e ? `${e.code}: ` : ''}</strong>
      {error.message}
      {e?.path ? <span className="muted"> {t('error.at', { path: e.path })}</span> : null}
      {e?.hint ? <div className="muted">{e.hint}</div> : null}
    </div>
  );
}

/** A page whose library is not part of this build says so, and does not pretend to work. */
export function NotInThisBuild({ what, children }: { what: string; children?: ReactNode }) {
  const t = useT(lab);
  return (
    <div className="note unavailable" role="status">
      <p>
        <strong>{t('unavailable.title')}</strong>{' '}
        {rich(t('unavailable.body', { what, health: '\u0000health\u0000' }), {
          health: <code>/api/health</code>,
        })}
      </p>
      {children}
    </div>
  );
}
