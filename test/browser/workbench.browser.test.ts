// The workbench as a teacher and a colleague use it: Kazakhstan's salience and the rule changed, the
// link copied, and the colleague's browser (a phone) shows the same case and the same forecasts.
// Then undo/redo, the keyboard, handle sizes, adding and removing actors, saving and opening YAML.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ScenarioFileSchema } from '../../src/scenario/schema.js';
import { ARTIFACTS, launchBrowser } from '../helpers/browser.js';
import { buildWeb, type Lab, startLab, watchPage } from '../helpers/lab.js';

let browser: Browser;
let lab: Lab;

beforeAll(async () => {
  buildWeb();
  lab = await startLab();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lab?.stop();
});

/** Every forecast table of the page, as text. */
const forecasts = (page: Page) => page.locator('table.forecasts').allInnerTexts();
const state = (page: Page) => page.getByTestId('edit-state').textContent();

describe('the workbench', () => {
  it("shares a case: Kazakhstan's salience and the rule changed, the link opened elsewhere", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: lab.base });
    const page = await ctx.newPage();
    const w = watchPage(page, lab.base);
    await page.goto(`${lab.base}/workbench?scenario=sco-development-bank-2010`);
    await page.locator('g.actor[data-actor="KAZ"]').first().waitFor();
    const shipped = await forecasts(page);
    expect(await state(page)).toContain('As in sco-development-bank-2010');

    await page.locator('summary', { hasText: 'Edit positions and saliences' }).first().click();
    const salience = page.getByLabel("Kazakhstan's salience on", { exact: false }).first();
    await salience.fill('0.1');
    await salience.press('Enter');
    await page.getByLabel('Decision rule').selectOption('majority');
    await expect.poll(() => state(page)).toContain('2 changes');
    await expect.poll(() => forecasts(page)).not.toEqual(shipped);
    expect(page.url()).toContain('case=');
    await page.getByRole('button', { name: 'Copy link to this case' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(page.url());
    const teacher = await forecasts(page);
    await page.screenshot({ path: join(ARTIFACTS, 'workbench-teacher.png'), fullPage: true });

    // The colleague: another browser profile, on a phone.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    const other = await phone.newPage();
    const w2 = watchPage(other, lab.base);
    await other.goto(link);
    await other.locator('g.actor[data-actor="KAZ"]').first().waitFor();
    await expect.poll(() => forecasts(other)).toEqual(teacher);
    expect(await other.getByLabel('Decision rule').inputValue()).toBe('majority');
    await other.locator('summary', { hasText: 'Edit positions and saliences' }).first().click();
    expect(await other.getByLabel("Kazakhstan's salience on", { exact: false }).first().inputValue()).toBe(
      '0.1',
    );
    expect(await state(other)).toContain('from the link');
    expect(await other.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Touch targets of at least 44 px on the phone, handles of at least 24 px on the laptop.
    const touch = (await other.locator('g.handle.actor .hit').first().boundingBox())!;
    expect(Math.min(touch.width, touch.height)).toBeGreaterThanOrEqual(43.9);
    const mouse = (await page.locator('g.handle.actor .hit').first().boundingBox())!;
    expect(Math.min(mouse.width, mouse.height)).toBeGreaterThanOrEqual(23.9);
    await other.screenshot({ path: join(ARTIFACTS, 'workbench-colleague-390.png'), fullPage: true });

    // Undo both edits: the shipped case and a plain link again; redo one.
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => forecasts(page)).toEqual(shipped);
    expect(page.url()).not.toContain('case=');
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => state(page)).toContain('1 change');
    expect(w.errors).toEqual([]);
    expect(w2.errors).toEqual([]);
    await ctx.close();
    await phone.close();
  });

  it('moves a handle by keyboard and undoes it with Ctrl+Z; adds and removes actors', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const w = watchPage(page, lab.base);
    await page.goto(`${lab.base}/workbench?scenario=sco-development-bank-2010`);
    const kaz = page.locator('g.handle.actor[data-actor="KAZ"]').first();
    await kaz.waitFor();
    const at = await kaz.getAttribute('aria-valuenow');
    await kaz.focus();
    await page.keyboard.press('End');
    await expect.poll(() => kaz.getAttribute('aria-valuenow')).toBe('100');
    await page.keyboard.press('Control+z');
    await expect.poll(() => kaz.getAttribute('aria-valuenow')).toBe(at);

    const rows = page.locator('svg.issue-line').first().locator('g.actor-row');
    const n = await rows.count();
    await page.locator('summary', { hasText: 'Actors and capabilities' }).click();
    await page.getByRole('button', { name: 'Remove Russia from the case' }).click();
    await expect.poll(() => rows.count()).toBe(n - 1);
    expect(await page.locator('g.actor-row[data-actor="RUS"]').count()).toBe(0);
    await page.getByLabel("New actor's id").fill('TKM');
    await page.getByLabel('name', { exact: true }).fill('Turkmenistan');
    await page.getByRole('button', { name: /Add actor/ }).click();
    await expect.poll(() => rows.count()).toBe(n);
    expect(await page.locator('g.handle.actor[data-actor="TKM"]').first().getAttribute('aria-valuenow')).toBe(
      '50',
    );

    // Save as YAML, and open the saved file again: the same case.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save as YAML' }).click(),
    ]);
    const saved = join(ARTIFACTS, 'workbench-saved.yaml');
    await download.saveAs(saved);
    const file = ScenarioFileSchema.parse(parse(readFileSync(saved, 'utf8')));
    expect(Object.keys(file.actors ?? {})).toContain('TKM');
    expect(Object.keys(file.actors ?? {})).not.toContain('RUS');
    const before = await forecasts(page);
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await fresh.goto(`${lab.base}/workbench`);
    await fresh.locator('g.actor').first().waitFor();
    await fresh.getByLabel('Open a scenario file').setInputFiles(saved);
    await fresh.locator('g.handle.actor[data-actor="TKM"]').first().waitFor();
    expect(await forecasts(fresh)).toEqual(before);
    expect(w.errors).toEqual([]);
    await fresh.close();
    await page.close();
  });
});
