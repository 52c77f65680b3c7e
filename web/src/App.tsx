/** The lab's frame: a skip link, the navigation, the workspace control, and the current page. */
import { type ComponentType, useEffect, useRef, useState } from 'react';
import { lab } from '../../src/i18n/messages/lab/index.js';
import { getToken, setToken } from './auth.js';
import { useLab } from './context.js';
import { LanguageSwitch, rich, useT } from './i18n.js';
import { AlignmentPage } from './pages/AlignmentPage.js';
import { BriefingPage } from './pages/BriefingPage.js';
import { DecisionPage } from './pages/DecisionPage.js';
import { OrganizationPage } from './pages/OrganizationPage.js';
import { RunsPage } from './pages/RunsPage.js';
import { SweepsPage } from './pages/SweepsPage.js';
import { UnavailablePage } from './pages/Unavailable.js';
import { WorkbenchPage } from './pages/WorkbenchPage.js';
import { Link, usePath } from './router.js';

interface PageDef {
  path: string;
  /** The page's name in the lab catalogue: `page.<id>` (and `page.<id>.what` for the notice when absent). */
  id: 'organization' | 'decision' | 'workbench' | 'sweeps' | 'alignment' | 'briefing' | 'runs';
  capability: string;
  page?: ComponentType;
}

export const PAGES: PageDef[] = [
  { path: '/', id: 'organization', capability: 'organizations', page: OrganizationPage },
  { path: '/decision', id: 'decision', capability: 'power', page: DecisionPage },
  { path: '/workbench', id: 'workbench', capability: 'forecasts', page: WorkbenchPage },
  { path: '/sweeps', id: 'sweeps', capability: 'sweeps', page: SweepsPage },
  { path: '/alignment', id: 'alignment', capability: 'alignment', page: AlignmentPage },
  { path: '/briefing', id: 'briefing', capability: 'balance', page: BriefingPage },
  { path: '/runs', id: 'runs', capability: 'runs', page: RunsPage },
];

function WorkspaceControl() {
  const { workspace, authError, refreshAuth } = useLab();
  const t = useT(lab);
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  return (
    <div className="workspace">
      <span aria-live="polite">
        {workspace ? (
          <>
            {t('workspace.label')} <strong>{workspace}</strong>
          </>
        ) : (
          t('workspace.public')
        )}
      </span>{' '}
      <button type="button" aria-expanded={open} aria-controls="token-form" onClick={() => setOpen(!open)}>
        {t('token.open')}
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
            {t('token.field')}{' '}
            <input
              type="password"
              autoComplete="off"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              placeholder="cc_…"
            />
          </label>
          <button type="submit">{t('token.use')}</button>
          {getToken() ? (
            <button
              type="button"
              onClick={() => {
                setToken(null);
                setOpen(false);
                refreshAuth();
              }}
            >
              {t('token.forget')}
            </button>
          ) : null}
          <p className="small">
            {rich(t('token.help', { create: '\u0000create\u0000', serve: '\u0000serve\u0000' }), {
              create: <code>npx concord token create --workspace NAME</code>,
              serve: <code>concord serve</code>,
            })}
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
  const t = useT(lab);
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
        {t('skip')}
      </a>
      <header className="top">
        <div className="brand">
          <Link href="/">{t('brand')}</Link>
          <span className="muted-inv small">{health ? ` v${health.version}` : ''}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {PAGES.map((p) => (
              <li key={p.path}>
                <Link
                  href={p.path}
                  aria-current={p.path === def.path ? 'page' : undefined}
                  className={available(p) ? '' : 'unavailable'}
                  title={available(p) ? undefined : t('page.unavailable')}
                >
                  {t(`page.${p.id}`)}
                </Link>
              </li>
            ))}
            <li>
              <a href="/api/docs">{t('nav.api')}</a>
            </li>
          </ul>
        </nav>
        <LanguageSwitch />
        <WorkspaceControl />
      </header>
      <main id="main" ref={main}>
        {healthError ? (
          <div className="note error" role="alert">
            {t('api.down', { error: healthError })}
          </div>
        ) : null}
        {Page && available(def) ? (
          <Page />
        ) : (
          <UnavailablePage title={t(`page.${def.id}`)} what={t(`page.${def.id}.what`)} />
        )}
      </main>
    </>
  );
}
