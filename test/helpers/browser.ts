/** Launching Debian's Chromium through playwright-core (never a downloaded browser); Playwright gives it a fresh profile. */

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(process.cwd(), 'artifacts');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Writes the report (only `sections`) to artifacts/sco-report-<name>.html and returns its path. */
export function writeReport(name: string, sections: string): string {
  const file = resolve(ARTIFACTS, `sco-report-${name}.html`);
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('node', [
    'bin/concord.js',
    'report',
    '--out',
    file,
    '--at',
    '2026-11-29',
    '--sections',
    sections,
  ]);
  return file;
}

/** Opens a local file in a new page, collecting console and page errors. */
export async function openFile(browser: Browser, file: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(file).href);
  return { page, errors };
}
