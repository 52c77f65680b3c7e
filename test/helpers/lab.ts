/**
 * The lab for browser tests: builds the web app, starts `concord serve` as a child process on a free
 * port with its own store, and gives its address (with the session token it printed).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

export interface Lab {
  readonly base: string;
  /** The lab's address with the session token in the fragment. */
  readonly labUrl: string;
  readonly store: string;
  readonly child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function buildWeb(): void {
  execFileSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
}

export async function startLab(
  o: { store?: string | null; args?: string[]; env?: Record<string, string>; port?: number } = {},
): Promise<Lab> {
  // null: no --store (the server then takes DATABASE_URL, or its default file).
  const store =
    o.store === null ? '' : (o.store ?? join(mkdtempSync(join(tmpdir(), 'concord-lab-')), 'lab.sqlite'));
  const child = spawn(
    process.execPath,
    [
      resolve('bin/concord.js'),
      'serve',
      '--port',
      String(o.port ?? 0),
      ...(store ? ['--store', store] : []),
      ...(o.args ?? []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...o.env } },
  );
  let out = '';
  let err = '';
  // The session token is printed on standard error (never on standard output).
  const withToken = !(o.args ?? []).includes('--no-session-token');
  const { base, labUrl } = await new Promise<{ base: string; labUrl: string }>((ok, fail) => {
    const check = () => {
      const b = /listening on (http:\/\/\S+)/.exec(out);
      const l = withToken ? /session token: (http:\/\/\S+)/.exec(err) : /lab: (http:\/\/\S+)/.exec(out);
      if (b && l) ok({ base: b[1]!, labUrl: l[1]! });
    };
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      check();
    });
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      check();
    });
    child.once('exit', (code) => fail(new Error(`concord serve exited (${code}):\n${out}\n${err}`)));
  });
  return {
    base,
    labUrl,
    store,
    child,
    stop(signal = 'SIGTERM') {
      return new Promise((ok) => {
        if (child.exitCode !== null) return ok(child.exitCode);
        child.once('exit', (code) => ok(code));
        child.kill(signal);
      });
    },
  };
}

/** Collects console errors, page errors and requests that leave the lab's origin. */
export function watchPage(page: Page, base: string) {
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  return { errors, foreign };
}

/** Every page of the lab, with a selector that is present once the page has drawn. */
export const LAB_PAGES: ReadonlyArray<{ path: string; name: string; ready: string }> = [
  { path: '/?org=sco&at=2021-04-29', name: 'organization', ready: 'svg#lab-map path' },
  { path: '/decision', name: 'decision', ready: 'svg#lab-blocking' },
  { path: '/workbench?scenario=sco-india-pakistan-2017', name: 'workbench', ready: 'svg.issue-line g.actor' },
  { path: '/sweeps', name: 'sweeps', ready: 'h1' },
  { path: '/alignment', name: 'alignment', ready: 'svg#lab-cohesion' },
  { path: '/briefing?stage=2017', name: 'briefing', ready: 'svg#lab-briefing-passage' },
  { path: '/runs', name: 'runs', ready: 'h1' },
  { path: '/rooms', name: 'rooms', ready: 'form#room-start' },
];
