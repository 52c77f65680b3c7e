import type { ReactNode } from 'react';
import { ApiError } from '../api.js';

/** An error from the API, with its code, path and hint. */
export function ErrorNote({ error }: { error: Error | null }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  return (
    <div className="note error" role="alert">
      <strong>{e ? `${e.code}: ` : ''}</strong>
      {error.message}
      {e?.path ? <span className="muted"> (at {e.path})</span> : null}
      {e?.hint ? <div className="muted">{e.hint}</div> : null}
    </div>
  );
}

/** A page whose library is not part of this build says so, and does not pretend to work. */
export function NotInThisBuild({
  what,
  issue,
  children,
}: {
  what: string;
  issue: string;
  children?: ReactNode;
}) {
  return (
    <div className="note unavailable" role="status">
      <p>
        <strong>Not available in this build.</strong> {what} comes from {issue}, which is not part of the
        version of Concord this server runs (its <code>/api/health</code> does not list it).
      </p>
      {children}
    </div>
  );
}
