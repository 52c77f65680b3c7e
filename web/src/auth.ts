/**
 * The bearer token of the lab's workspace, kept in sessionStorage (gone when the tab closes).
 * `concord serve` prints the lab's address with a session token in the fragment (#token=…), which
 * is read once here and removed from the address bar.
 */
const KEY = 'concord.token';

export function takeTokenFromFragment(): void {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]{8,200})/.exec(window.location.hash);
  if (!m) return;
  sessionStorage.setItem(KEY, m[1]!);
  history.replaceState(null, '', window.location.pathname + window.location.search);
}

export function getToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token.trim());
  else sessionStorage.removeItem(KEY);
}
