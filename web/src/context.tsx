/** What the server can do (capabilities) and who we are (workspace), shared by every page. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api } from './api.js';

export interface Health {
  status: 'ok';
  version: string;
  store: { dialect: 'sqlite' | 'postgres'; schemaVersion: number };
  capabilities: Record<string, boolean>;
}

export interface LabState {
  health: Health | null;
  healthError: string | null;
  workspace: string | null;
  authError: string | null;
  refreshAuth: () => void;
}

const Ctx = createContext<LabState>({
  health: null,
  healthError: null,
  workspace: null,
  authError: null,
  refreshAuth: () => {},
});

export function LabProvider({ children }: { children: ReactNode }) {
  const [health, setHealth] = useState<Health | null>(null);
  const [healthError, setHealthError] = useState<string | null>(null);
  const [workspace, setWorkspace] = useState<string | null>(null);
  const [authError, setAuthError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    api<Health>('/api/health')
      .then(setHealth)
      .catch((e: Error) => setHealthError(e.message));
  }, []);
  useEffect(() => {
    void tick;
    api<{ workspace: string | null }>('/api/whoami')
      .then((w) => {
        setWorkspace(w.workspace);
        setAuthError(null);
      })
      .catch((e: Error) => {
        setWorkspace(null);
        setAuthError(e.message);
      });
  }, [tick]);
  const refreshAuth = useCallback(() => setTick((t) => t + 1), []);
  return (
    <Ctx.Provider value={{ health, healthError, workspace, authError, refreshAuth }}>{children}</Ctx.Provider>
  );
}

export function useLab(): LabState {
  return useContext(Ctx);
}
