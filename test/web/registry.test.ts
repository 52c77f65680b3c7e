// The lab's reading of registered forecasts (web/src/registry.ts): per-model score texts, models
// without an outcome said so, and the best model the one with the lowest error.
import { describe, expect, it } from 'vitest';
import { bestModel, modelScoreText, type RegistryEntry, scoreCells } from '../../web/src/registry.js';

const entry = (score: RegistryEntry['score']): RegistryEntry => ({
  id: '0f6b1a8e-0000-4000-8000-000000000000',
  createdAt: '2026-11-30T10:00:00.000Z',
  scenarioId: 'x',
  file: '/tmp/x.yaml',
  scenarioHash: 'ab'.repeat(32),
  codeVersion: '0.1.0',
  forecast: {
    scenario: { id: 'x', title: 'X', date: null },
    options: { models: ['median', 'nash', 'eum'], eum: {} },
    issues: [],
  },
  score,
  scoredAt: score ? '2026-11-30T11:00:00.000Z' : null,
});

describe('registry texts', () => {
  it('reads error and adoption, or says there is no outcome', () => {
    expect(modelScoreText({ mae: 12.345, adoptionAccuracy: 0.5, n: 2, errors: [10, 14.69] })).toBe(
      'error 12.3% of scale, adoption 50% right (n 2)',
    );
    expect(modelScoreText({ mae: null, adoptionAccuracy: 1, n: 1, errors: [null] })).toBe(
      'adoption 100% right (n 1)',
    );
    expect(modelScoreText({ mae: null, adoptionAccuracy: null, n: 0, errors: [] })).toBe('no outcome');
    expect(modelScoreText(undefined)).toBe('no outcome');
  });

  it('lists every registered model in order, and picks the lowest error', () => {
    const e = entry({
      issuesScored: 1,
      issues: 2,
      models: {
        median: { mae: 20, adoptionAccuracy: null, n: 1, errors: [20] },
        nash: { mae: 7.5, adoptionAccuracy: null, n: 1, errors: [7.5] },
        eum: { mae: null, adoptionAccuracy: null, n: 0, errors: [null] },
      },
    });
    expect(scoreCells(e).map((c) => c.model)).toEqual(['median', 'nash', 'eum']);
    expect(scoreCells(e)[2]!.text).toBe('no outcome');
    expect(bestModel(e)).toBe('nash');
    expect(scoreCells(entry(null))).toEqual([]);
    expect(bestModel(entry(null))).toBeNull();
  });
});
