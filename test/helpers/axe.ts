/**
 * axe-core (WCAG 2.1 A and AA rules) run in a page: the violations of impact serious or critical,
 * one line each with the rule, the impact and where. The page's context must bypass its CSP
 * (`bypassCSP: true`), since axe is injected as a script.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

export async function axeViolations(page: Page): Promise<{ serious: AxeFinding[]; all: AxeFinding[] }> {
  await page.addScriptTag({ content: source });
  const all = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: RunOptions) => Promise<AxeResults> } }
    ).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => String(n.target.join(' '))),
    }));
  });
  return { all, serious: all.filter((v: AxeFinding) => v.impact === 'serious' || v.impact === 'critical') };
}
