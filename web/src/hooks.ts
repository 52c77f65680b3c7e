/** Fetching with loading and error states; the latest request wins. */
import { useCallback, useEffect, useState } from 'react';
import { type ApiError, api } from './api.js';

export interface Fetched<T> {
  data: T | null;
  error: ApiError | Error | null;
  loading: boolean;
}

export function useApi<T>(path: string | null, deps: unknown[] = []): Fetched<T> & { reload: () => void } {
  const [state, setState] = useState<Fetched<T>>({ data: null, error: null, loading: !!path });
  const [n, setN] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: deps are the caller's
  useEffect(() => {
    if (!path) return;
    const ac = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    api<T>(path, { signal: ac.signal })
      .then((data) => setState({ data, error: null, loading: false }))
      .catch((error: Error) => {
        if (!ac.signal.aborted) setState((s) => ({ data: s.data, error, loading: false }));
      });
    return () => ac.abort();
  }, [path, n, ...deps]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { ...state, reload };
}

/**
 * Any request (a POST with a body, say) with loading and error states, keyed by `deps`: the latest
 * answer wins. A superseded request is ignored rather than aborted, so that an answer computed for a
 * choice the user undid is in the server's cache when they choose it again. On an error the last
 * answer is dropped; with no request (null) the state is empty.
 */
export function useLatest<T>(request: (() => Promise<T>) | null, deps: unknown[]): Fetched<T> {
  const [state, setState] = useState<Fetched<T>>({ data: null, error: null, loading: !!request });
  // biome-ignore lint/correctness/useExhaustiveDependencies: deps are the caller's
  useEffect(() => {
    if (!request) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    let stale = false;
    setState((s) => ({ ...s, loading: true }));
    request()
      .then((data) => !stale && setState({ data, error: null, loading: false }))
      .catch((error: Error) => !stale && setState({ data: null, error, loading: false }));
    return () => {
      stale = true;
    };
  }, [...deps]);
  return state;
}
