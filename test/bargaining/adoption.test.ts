// One definition of "adopted" for every model: the outcome moves the status quo by more than
// ADOPTION_TOLERANCE of the scale, stated in the JSON output.
import { describe, expect, it } from 'vitest';
import {
  ADOPTION_RULE,
  ADOPTION_TOLERANCE,
  adoptionCall,
  forecastAll,
  forecastJson,
  MODEL_NAMES,
  modelAdoption,
  modelOutcome,
} from '../../src/bargaining/forecast.js';
import { loadScoCases } from '../../src/scenario/load.js';
import { simple } from '../helpers/scenarios.js';

describe('adopted', () => {
  const s = simple(
    [
      { id: 'A', x: 0 },
      { id: 'B', x: 100 },
    ],
    { statusQuo: 20, scale: [0, 200] },
  );
  const is = s.issues[0]!;

  it('is a move of the status quo by more than the stated tolerance of the scale', () => {
    expect(ADOPTION_TOLERANCE).toBe(0.05);
    expect(ADOPTION_RULE).toContain('5% of the scale');
    // 5% of a 200-wide scale is 10.
    expect(adoptionCall(is, [29.9])).toBe(false);
    expect(adoptionCall(is, [30.1])).toBe(true);
    expect(adoptionCall(is, [10.1])).toBe(false);
    expect(adoptionCall(is, [9.9])).toBe(true);
    expect(adoptionCall(is, [NaN])).toBeNull();
  });

  it('gives every model the same call for the same outcome, on every SCO case', () => {
    for (const c of loadScoCases()) {
      const fs = forecastAll(c.scenario);
      for (const f of fs) {
        for (const m of MODEL_NAMES) {
          const o = modelOutcome(f, m);
          if (!o) continue;
          expect(modelAdoption(f, m), `${c.scenario.id} ${m}`).toBe(adoptionCall(f.issue, o));
        }
      }
      expect(forecastJson(c.scenario, fs).adoption).toEqual({ tolerance: 0.05, rule: ADOPTION_RULE });
    }
  });

  it('calls the 2003 free-trade case the same way for consensus (20) and Nash (19.9)', () => {
    const c = loadScoCases().find((x) => x.scenario.id === 'sco-free-trade-area-2003')!;
    const f = forecastAll(c.scenario)[0]!;
    expect(modelAdoption(f, 'consensus')).toBe(modelAdoption(f, 'nash'));
  });
});
