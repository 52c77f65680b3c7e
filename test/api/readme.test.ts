/**
 * The README's "Use it from code" example, run as a user runs it (a Node process importing
 * `concord` through package.json `exports`); its output must be the one the README shows, and its
 * figures those of `concord capacity sco --json`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';

const root = join(import.meta.dirname, '..', '..');

function section(): { code: string; output: string } {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('## Use it from code');
  expect(start).toBeGreaterThan(0);
  const body = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const blocks = [...body.matchAll(/```(\w*)\n([\s\S]*?)```/g)];
  const code = blocks.find((b) => b[1] === 'js')?.[2];
  const output = blocks.find((b) => b[1] === '')?.[2];
  expect(code && output).toBeTruthy();
  return { code: code!, output: output! };
}

describe('README: Use it from code', () => {
  it('the example is at most ten lines, imports only concord, and prints what the README shows', () => {
    const { code, output } = section();
    const lines = code.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(10);
    expect(code).toMatch(/from 'concord';/);
    const printed = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(printed).toBe(output);
  });

  it("its figures are the CLI's", async () => {
    const { output } = section();
    const r = await run('capacity', 'sco', '--rule', 'majority', '--rule', 'two-thirds', '--no-eu', '--json');
    expect(r.code).toBe(0);
    const cli = JSON.parse(r.out) as {
      stages: Array<{ from: string; members: string[]; outcomes: Array<{ passageProbability: number }> }>;
    };
    const rows = output.trim().split('\n');
    expect(rows.length).toBe(cli.stages.length);
    cli.stages.forEach((s, i) => {
      const figures = [...rows[i]!.matchAll(/([\d.]+)%/g)].map((m) => Number(m[1]));
      expect(rows[i]!.startsWith(`${s.from} ${s.members.length} members`)).toBe(true);
      expect(figures).toEqual(s.outcomes.map((o) => Number((o.passageProbability * 100).toFixed(2))));
    });
  });
});
