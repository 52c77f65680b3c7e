// A negotiation room played in headless Chromium against a real `concord serve`: the moderator
// starts a room from the Iran 2019 case on the lab's Rooms page; three participants in separate
// browser contexts join by code (Russia, Tajikistan, China; the other five delegations are bots);
// round 1 ends in a call blocked by Tajikistan; the server is killed with SIGKILL in round 2 and
// restarted on the same store and port, and the pages reconnect and resume from the last event
// seen (no event lost, none twice); round 2's text is adopted; a participant trying to read another
// delegation's brief is refused; the debrief sets the outcome beside the models' forecasts; the
// printable debrief has no script; the played positions reload as a scenario. The moderator's
// console and a participant's view are checked with axe. Two of the participants' contexts keep
// the lab's Content-Security-Policy (the live channel must be a WebSocket under it).
import { createServer } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { buildWeb, type Lab, startLab } from '../helpers/lab.js';

let browser: Browser;
let lab: Lab;
let port: number;

/** A port free now (the server is restarted on the same one, so the pages' origin stays). */
function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });
}

beforeAll(async () => {
  buildWeb();
  port = await freePort();
  lab = await startLab({ port });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lab?.stop();
});

interface Player {
  ctx: BrowserContext;
  page: Page;
  errors: string[];
}

async function context(o: { bypassCSP: boolean }): Promise<Player> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: o.bypassCSP });
  const page = await ctx.newPage();
  const errors: string[] = [];
  // Uncaught errors only: while the server is down, failed connections are logged on the console.
  page.on('pageerror', (e) => errors.push(e.message));
  return { ctx, page, errors };
}

async function joinAs(p: Player, code: string, name: string, delegation: string) {
  await p.page.goto(`${lab.base}/rooms?code=${encodeURIComponent(code)}`);
  await p.page.locator('#room-join button[type=submit]').click();
  await p.page.locator('#room-join-seat').waitFor();
  await p.page.locator('#room-join-seat').getByLabel('Your name').fill(name);
  await p.page.locator('#room-join-seat select').selectOption(delegation);
  await p.page.getByRole('button', { name: 'Join' }).click();
  await p.page.locator('#room-brief').waitFor();
}

const text = (p: Page, sel: string) => p.locator(sel).innerText();
async function waitText(p: Page, sel: string, re: RegExp, timeout = 15_000) {
  await p.waitForFunction(
    ([s, src]) => new RegExp(src as string).test(document.querySelector(s as string)?.textContent ?? ''),
    [sel, re.source],
    { timeout },
  );
}

async function answer(p: Page, a: 'Accept' | 'Object' | 'Abstain') {
  const b = p.locator('#room-answers').getByRole('button', { name: a });
  await b.waitFor({ timeout: 15_000 });
  await b.click();
  await p.waitForFunction(
    (name) =>
      Array.from(document.querySelectorAll('#room-answers button')).some(
        (x) => x.textContent === name && x.getAttribute('aria-pressed') === 'true',
      ),
    a,
  );
}

describe('a negotiation room in the lab', () => {
  it('is played by a moderator and three participants to a blocked and an adopted call, across a kill -9', async () => {
    // The moderator: the lab's address with the session token, then the Rooms page.
    const mod = await context({ bypassCSP: true });
    await mod.page.goto(lab.labUrl);
    await mod.page.getByRole('link', { name: 'Rooms' }).click();
    await mod.page.locator('form#room-start').waitFor();
    await mod.page.getByLabel('Scenario').selectOption('sco-iran-membership-2019');
    await mod.page.getByRole('button', { name: 'Start a room' }).click();
    await mod.page.locator('#room-code').waitFor();
    const code = await text(mod.page, '#room-code');
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const roomId = new URL(mod.page.url()).searchParams.get('room')!;
    await waitText(mod.page, '#room-connection', /Live \(WebSocket\)/);

    const rus = await context({ bypassCSP: false });
    const tjk = await context({ bypassCSP: false });
    const chn = await context({ bypassCSP: true });
    await joinAs(rus, code, 'Anna', 'RUS');
    await joinAs(tjk, code, 'Bakhtiyor', 'TJK');
    await joinAs(chn, code, 'Chen', 'CHN');
    for (const p of [rus, tjk]) await waitText(p.page, '#room-connection', /Live \(WebSocket\)/);
    // Who is connected, live on the console; the five other delegations are bots.
    await waitText(mod.page, '#room-presence', /Connected: 3 of 3 players/);
    expect(await mod.page.locator('#room-delegations tr[data-delegation=KAZ]').innerText()).toMatch(
      /bot \(consensus\)/,
    );
    // Each participant reads its own brief.
    expect(await text(tjk.page, '#room-brief')).toMatch(/Tajikistan/);
    expect(await text(tjk.page, '#room-brief')).toMatch(/your objection blocks/);

    // Round 1: Russia amends, the moderator tables the proposal (100), calls; Tajikistan objects.
    await mod.page.getByRole('button', { name: /Start round 1/ }).click();
    await waitText(rus.page, '#room-phase', /Round 1/);
    await rus.page.locator('#room-amend input[type=number]').fill('90');
    await rus.page.getByRole('button', { name: 'Send the amendment' }).click();
    await waitText(mod.page, '#room-amendments', /Russia: .*90/);
    await mod.page.locator('#room-table input[type=number]').fill('100');
    await mod.page.getByRole('button', { name: 'Table this text' }).click();
    for (const p of [rus, tjk, chn]) await waitText(p.page, '#room-text', /100/);
    await mod.page.locator('#room-call').click();
    await answer(rus.page, 'Accept');
    await answer(chn.page, 'Accept');
    await answer(tjk.page, 'Object');
    // The answers arrive on the console as they come (and the bots' at once).
    await waitText(mod.page, '#room-delegations tr[data-delegation=TJK]', /Object/);
    expect(await text(mod.page, '#room-delegations tr[data-delegation=KGZ]')).toMatch(/Accept \(bot\)/);

    // Accessibility of the live views, with a call open.
    for (const p of [mod.page, chn.page]) {
      const { serious } = await axeViolations(p);
      expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);
    }

    await mod.page.locator('#room-close-call').click();
    for (const p of [mod, rus, tjk, chn]) await waitText(p.page, '#room-calls', /blocked by Tajikistan/);

    // Round 2 begins; a message; then the server is killed mid-round.
    await mod.page.getByRole('button', { name: /Start round 2/ }).click();
    await waitText(tjk.page, '#room-phase', /Round 2/);
    await tjk.page.locator('#room-message input').fill('We could accept a procedure that starts slowly.');
    await tjk.page.locator('#room-message button[type=submit]').click();
    await waitText(rus.page, '#room-messages', /starts slowly/);
    const before = await mod.page.locator('.room-feed li').count();
    expect(await lab.stop('SIGKILL')).toBeNull();
    for (const p of [mod, rus]) await waitText(p.page, '#room-connection', /Reconnecting/);
    lab = await startLab({ port, store: lab.store });
    for (const p of [mod, rus, tjk, chn]) await waitText(p.page, '#room-connection', /Live/, 30_000);
    await waitText(mod.page, '#room-phase', /Round 2/);

    // The game goes on: a compromise text at 40 is adopted (Tajikistan accepts, China abstains).
    await mod.page.locator('#room-table input[type=number]').fill('40');
    await mod.page.getByRole('button', { name: 'Table this text' }).click();
    for (const p of [rus, tjk, chn]) await waitText(p.page, '#room-text', /40/);
    await mod.page.locator('#room-call').click();
    await answer(rus.page, 'Accept');
    await answer(tjk.page, 'Accept');
    await answer(chn.page, 'Abstain');
    await waitText(mod.page, '#room-delegations tr[data-delegation=CHN]', /Abstain/);
    await mod.page.locator('#room-close-call').click();
    for (const p of [mod, rus, tjk, chn]) await waitText(p.page, '#room-calls', /adopted/);

    // Nothing lost, nothing twice: the console's feed holds every event of the log once.
    const log = (await (
      await fetch(`${lab.base}/api/rooms/${roomId}/log`, {
        headers: {
          authorization: `Bearer ${await mod.page.evaluate((id) => JSON.parse(sessionStorage.getItem(`concord.room.${id}`)!).token, roomId)}`,
        },
      })
    ).json()) as { events: Array<{ seq: number; type: string }> };
    const seqs = log.events.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, k) => k + 1));
    await mod.page.waitForFunction(
      (n) => document.querySelectorAll('.room-feed li').length === n,
      seqs.length,
    );
    const shown = await mod.page.locator('.room-feed li .muted').allInnerTexts();
    const shownSeqs = shown.map((s) => Number(/#(\d+)/.exec(s)![1]));
    expect(new Set(shownSeqs).size).toBe(seqs.length);
    expect(before).toBeLessThan(seqs.length);

    // A participant tries to read another delegation's brief: refused, by the API and in the view.
    const refused = await rus.page.evaluate(async (id) => {
      const t = JSON.parse(sessionStorage.getItem(`concord.room.${id}`)!).token as string;
      const r = await fetch(`/api/rooms/${id}/briefs/TJK`, { headers: { authorization: `Bearer ${t}` } });
      return { status: r.status, body: await r.json() };
    }, roomId);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('E_FORBIDDEN');
    expect(await rus.page.getByRole('button', { name: 'its brief' }).count()).toBe(0);
    expect(await text(rus.page, '#room-brief')).not.toMatch(/Tajikistan/);

    // The debrief: the game's outcome beside every model's forecast, for everyone.
    await mod.page.getByRole('button', { name: /End the game: debrief/ }).click();
    for (const p of [mod, tjk])
      await p.page.locator('#room-debrief table').first().waitFor({ timeout: 30_000 });
    const debrief = await text(tjk.page, '#room-debrief');
    expect(debrief).toMatch(/the game ended at 40/);
    expect(debrief).toMatch(/consensus/);
    expect(debrief).toMatch(/TJK \(player\) blocked/);
    await mod.page.getByRole('button', { name: 'Reveal every brief' }).click();
    await rus.page.getByRole('button', { name: 'its brief' }).first().waitFor();

    // The printable debrief: self-contained (no script, nothing to fetch).
    const modToken = await mod.page.evaluate(
      (id) => JSON.parse(sessionStorage.getItem(`concord.room.${id}`)!).token as string,
      roomId,
    );
    const html = await (
      await fetch(`${lab.base}/api/rooms/${roomId}/debrief.html`, {
        headers: { authorization: `Bearer ${modToken}` },
      })
    ).text();
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(html).toMatch(/Who blocked, and why/);
    expect(html).toMatch(/Tajikistan \(TJK\)<\/strong> \(its players\) blocked/);
    const print = await context({ bypassCSP: false });
    const requests: string[] = [];
    print.page.on('request', (r) => requests.push(r.url()));
    await print.page.setContent(html);
    expect(requests.filter((u) => !u.startsWith('data:') && u !== 'about:blank')).toEqual([]);
    expect(await print.page.locator('h2').allInnerTexts()).toContain('Timeline');

    // The played positions reload as a scenario that Concord forecasts.
    const played = await (
      await fetch(`${lab.base}/api/rooms/${roomId}/scenario`, {
        headers: { authorization: `Bearer ${modToken}` },
      })
    ).json();
    const f = await fetch(`${lab.base}/api/forecast`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(played),
    });
    expect(f.status).toBe(200);

    for (const p of [mod, rus, tjk, chn, print]) {
      expect(p.errors).toEqual([]);
      await p.ctx.close();
    }
  });
});
