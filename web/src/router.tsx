/** A small router over the History API: the lab's pages are paths (/decision, /runs…). */
import { type AnchorHTMLAttributes, useEffect, useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
const subscribe = (l: () => void) => {
  listeners.add(l);
  window.addEventListener('popstate', l);
  return () => {
    listeners.delete(l);
    window.removeEventListener('popstate', l);
  };
};

export function navigate(to: string): void {
  if (to === window.location.pathname + window.location.search) return;
  history.pushState(null, '', to);
  for (const l of listeners) l();
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function useSearch(): URLSearchParams {
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  return new URLSearchParams(search);
}

export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { href, onClick, ...rest } = props;
  return (
    <a
      {...rest}
      href={href}
      onClick={(e) => {
        onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        if (!href.startsWith('/') || href.startsWith('/api/')) return;
        e.preventDefault();
        navigate(href);
      }}
    />
  );
}

/** Sets the document title, for screen readers and history. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Concord lab`;
  }, [title]);
}
