/** The lab's frame: a skip link, the navigation, the workspace control, and the current page. */
import { type ComponentType, useEffect, useRef, useState } from 'react';
import { getToken, setToken } from './auth.js';
import { useLab } from './context.js';
import { AlignmentPage } from './pages/AlignmentPage.js';
import { BriefingPage } from './pages/BriefingPage.js';
import { DecisionPage } from './pages/DecisionPage.js';
import { OrganizationPage } from './pages/OrganizationPage.js';
import { RoomsPage } from './pages/RoomsPage.js';
import { RunsPage } from './pages/RunsPage.js';
import { SweepsPage } from './pages/SweepsPage.js';
import { UnavailablePage } from './pages/Unavailable.js';
import { WorkbenchPage } from './pages/WorkbenchPage.js';
import { Link, usePath } from './router.js';

interface PageDef {
  path: string;
  label: string;
  capability: string;
  page?: ComponentType;
  what: string;
  issue: string;
}

export const PAGES: PageDef[] = [
  {
    path: '/',
    label: 'Organization',
    capability: 'organizations',
    page: OrganizationPage,
    what: '',
    issue: '',
  },
  {
    path: '/decision',
    label: 'Decision',
    capability: 'power',
    page: DecisionPage,
    what: 'Decision rules, voting power and passage probability by enlargement stage',
    issue: 'the voting-power library (issue 3)',
  },
  {
    path: '/workbench',
    label: 'Issue workbench',
    capability: 'forecasts',
    page: WorkbenchPage,
    what: 'The issue workbench (scenarios, the consensus core and the forecast models)',
    issue: 'the scenario and forecast library (issue 4)',
  },
  {
    path: '/sweeps',
    label: 'Sweeps',
    capability: 'sweeps',
    page: SweepsPage,
    what: 'Uncertainty sweeps',
    issue: 'the sweep engine (issue 5)',
  },
  {
    path: '/alignment',
    label: 'Alignment',
    capability: 'alignment',
    page: AlignmentPage,
    what: 'Voting alignment in the UN General Assembly',
    issue: 'the alignment library (issue 7)',
  },
  {
    path: '/briefing',
    label: 'Briefings',
    capability: 'balance',
    page: BriefingPage,
    what: 'Briefings per enlargement (balance, capacity, blocking power, alignment)',
    issue: 'the report library',
  },
  {
    path: '/rooms',
    label: 'Rooms',
    capability: 'rooms',
    page: RoomsPage,
    what: 'Negotiation rooms (a class plays a summit, with a debrief against the forecasts)',
    issue: 'negotiation rooms (issue 17)',
  },
  { path: '/runs', label: 'Runs', capability: 'runs', page: RunsPage, what: '', issue: '' },
];

function WorkspaceControl() {
  const { workspace, authError, refreshAuth } = useLab();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  return (
    <div className="workspace">
      <span aria-live="polite">
        {workspace ? (
          <>
            Workspace: <strong>{workspace}</strong>
          </>
        ) : (
          'Public access (read-only)'
        )}
      </span>{' '}
      <button type="button" aria-expanded={open} aria-controls="token-form" onClick={() => setOpen(!open)}>
        Token…
      </button>
      {open ? (
        <form
          id="token-form"
          className="token-form"
          onSubmit={(e) => {
            e.preventDefault();
            setToken(value || null);
            setValue('');
            setOpen(false);
            refreshAuth();
          }}
        >
          <label>
            Workspace token{' '}
            <input
              type="password"
              autoComplete="off"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              placeholder="cc_…"
            />
          </label>
          <button type="submit">Use</button>
          {getToken() ? (
            <button
              type="button"
              onClick={() => {
                setToken(null);
                setOpen(false);
                refreshAuth();
              }}
            >
              Forget
            </button>
          ) : null}
          <p className="small">
            Create one with <code>npx concord token create --workspace NAME</code>, or open the address{' '}
            <code>concord serve</code> printed. Kept in this tab only.
          </p>
        </form>
      ) : null}
      {authError ? (
        <span className="error small" role="alert">
          {' '}
          {authError}
        </span>
      ) : null}
    </div>
  );
}

export function App() {
  const path = usePath();
  const { health, healthError } = useLab();
  const main = useRef<HTMLElement>(null);
  // After moving to another page, focus its heading (screen readers announce the new page).
  const shown = useRef(path);
  useEffect(() => {
    if (shown.current === path) return;
    shown.current = path;
    main.current?.querySelector('h1')?.focus();
  }, [path]);
  const def = PAGES.find((p) => p.path === path) ?? PAGES[0]!;
  const available = (p: PageDef) => !!p.page && (health?.capabilities[p.capability] ?? true);
  const Page = def.page;
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <div className="brand">
          <Link href="/">Concord lab</Link>
          <span className="muted-inv small">{health ? ` v${health.version}` : ''}</span>
        </div>
        <nav aria-label="Pages">
          <ul>
            {PAGES.map((p) => (
              <li key={p.path}>
                <Link
                  href={p.path}
                  aria-current={p.path === def.path ? 'page' : undefined}
                  className={available(p) ? '' : 'unavailable'}
                  title={available(p) ? undefined : 'not available in this build'}
                >
                  {p.label}
                </Link>
              </li>
            ))}
            <li>
              <a href="/api/docs">API</a>
            </li>
          </ul>
        </nav>
        <WorkspaceControl />
      </header>
      <main id="main" ref={main}>
        {healthError ? (
          <div className="note error" role="alert">
            The API does not answer: {healthError}
          </div>
        ) : null}
        {Page && available(def) ? (
          <Page />
        ) : (
          <UnavailablePage title={def.label} what={def.what} issue={def.issue} />
        )}
      </main>
    </>
  );
}
