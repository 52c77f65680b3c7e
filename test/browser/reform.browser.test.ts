// The reform explorer on the lab's Decision page: toggling constraints recomputes the list of rules
// (POST /api/orgs/sco/reform), and an infeasible set shows the conflict the API names.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { buildWeb, type Lab, startLab, watchPage } from '../helpers/lab.js';

let browser: Browser;
let lab: Lab;

beforeAll(async () => {
  buildWeb();
  // A generous compute budget: a cold worker loads the data first, slow on a shared machine.
  lab = await startLab({ args: ['--budget', '60'] });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lab?.stop();
});

describe('the reform panel', () => {
  it('recomputes the rules as constraints are toggled', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const w = watchPage(page, lab.base);
    await page.goto(`${lab.base}/decision`);
    const panel = page.getByTestId('reform-panel');
    const count = page.getByTestId('reform-count');
    // Preset: passage ≥ 5% and each Central Asian member keeps a veto — the done-when's two rules.
    await expect.poll(async () => count.textContent(), { timeout: 60_000 }).toMatch(/^2 rules meet/);
    const rows = page.getByTestId('reform-table').locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().textContent()).toMatch(
      />1\/2 of members, each of KAZ, KGZ, TJK, UZB keeping a veto.*5\.57%/,
    );
    const head = (await page.getByTestId('reform-table').locator('thead').textContent()) ?? '';
    expect(head).toMatch(/2001 \(6\).*2017 \(8\).*2023 \(9\).*2024 \(10\)\*/);

    // Drop the veto constraint: more rules; then ask for the bloc as a whole to keep a veto.
    await panel.locator('input[data-constraint="veto:KAZ,KGZ,TJK,UZB"]').uncheck();
    await expect.poll(async () => count.textContent(), { timeout: 60_000 }).toMatch(/^4\d rules meet/);
    await panel.locator('input[data-constraint="bloc-veto:KAZ,KGZ,TJK,UZB"]').check();
    await expect
      .poll(async () => count.textContent(), { timeout: 60_000 })
      .toMatch(/rules meet these constraints/);
    const withBloc = Number(/^(\d+)/.exec((await count.textContent()) ?? '')![1]);
    expect(withBloc).toBeGreaterThan(2);

    // A written constraint that conflicts: five vetoes cannot go with passage ≥ 5%.
    await panel.getByRole('textbox').fill('veto:CHN,RUS,IND,PAK,IRN');
    await panel.getByRole('button', { name: '+' }).click();
    await expect.poll(async () => panel.textContent(), { timeout: 60_000 }).toMatch(/no rule of the family/);
    expect(await panel.textContent()).toMatch(/body\.constraints\[0\].*body\.constraints\[\d\]/);
    // The blocs panel: the SCO's two blocs by default, Banzhaf → Banzhaf–Owen beside each member.
    const blocs = page.getByTestId('blocs-members');
    await blocs.waitFor({ timeout: 60_000 });
    expect(await blocs.locator('tbody tr').first().textContent()).toMatch(/CHN.*→/);
    expect(await page.getByTestId('blocs-unions').textContent()).toMatch(/KAZ, KGZ, TJK, UZB.*veto/);
    expect(w.foreign).toEqual([]);
    expect(w.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });
});
