import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../helpers/cli.js';

describe('a coder that is not independent is said to be', () => {
  it('every coder b coding of the SCO cases says independent: false, with the reason in its note', () => {
    let n = 0;
    for (const f of readdirSync('scenarios/sco').filter((x) => x.endsWith('.yaml'))) {
      const s = parse(readFileSync(`scenarios/sco/${f}`, 'utf8'));
      for (const is of s.issues)
        for (const entry of Object.values(is.positions ?? {}))
          for (const c of Array.isArray(entry) ? entry : [entry])
            if ((c as { coder?: string }).coder === 'b') {
              n++;
              expect(c).toMatchObject({
                independent: false,
                note: expect.stringMatching(/^not an independent coder/),
              });
            }
    }
    expect(n).toBeGreaterThan(0);
  });

  it('concord backtest prints coder a alone next to the mean-coding headline, and the sentence', async () => {
    const r = await run('backtest', 'scenarios/sco');
    expect(r.code).toBe(0);
    const head = r.out.match(/^mean of the coders \(headline\)\s+([\d.]+)/m);
    const a = r.out.match(/^coder a alone\s+([\d.]+)/m);
    expect(head).not.toBeNull();
    expect(a).not.toBeNull();
    expect(r.out).toMatch(/^coder b alone \(not independent\)/m);
    expect(r.out).toMatch(/Coder b is not an independent coder/);
    const j = JSON.parse((await run('backtest', 'scenarios/sco', '--json')).out);
    expect(j.codersNotIndependent.coders).toEqual(['b']);
    expect(j.codersNotIndependent.independent).toEqual(['a']);
    // the printed figures are the JSON's: the headline is the mean coding, coder a its own run
    expect(Number(head![1])).toBeCloseTo(j.models.consensus.mae, 1);
    expect(Number(a![1])).toBeCloseTo(j.coders.a.models.consensus.mae, 1);
    // the two runs differ (on the compromise model: since the India–Pakistan package, coder a's
    // consensus MAE equals the headline's)
    expect(j.coders.a.models.compromise.mae).not.toBeCloseTo(j.models.compromise.mae, 1);
  });
});
