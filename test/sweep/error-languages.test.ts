/**
 * The errors of sweeps (one or more per file of src/sweep) in Russian and Chinese: built by the
 * real code, worded by localizeError with the code and the path unchanged.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { localizeError } from '../../src/i18n/errors.js';
import { getAdapter } from '../../src/sweep/adapters.js';
import { Cell, summarizeCell } from '../../src/sweep/aggregate.js';
import { designPoints } from '../../src/sweep/design.js';
import { resolveBounded } from '../../src/sweep/distributions.js';
import { splitBlocks } from '../../src/sweep/engine.js';
import { checkRedis } from '../../src/sweep/executors/bullmq.js';
import { forecastAdapter } from '../../src/sweep/forecast.js';
import { planSweep } from '../../src/sweep/run.js';
import { syntheticAdapter } from '../../src/sweep/synthetic.js';
import { expectTranslated, rejected, thrown } from '../helpers/localized.js';

const scenario = `id: s
title: t
actors: { A: { capability: 1 }, B: { capability: 1 } }
issues:
  - id: x
    scale: [0, 100]
    positions: { A: { position: 10, salience: 0.5 }, B: { position: 90, salience: 0.5 } }
`;

describe('sweep errors in Russian and Chinese', () => {
  it('run.ts: a run count that is not positive', async () => {
    const e = thrown(() =>
      planSweep({
        adapter: 'forecast',
        runs: 0,
        seed: 1,
        scenario: { file: 's.yaml', text: scenario },
      } as never),
    );
    expect(e.key).toBe('sweep.badRuns');
    expect(e.path).toBe('--runs');
    await expectTranslated(e);
    expect(localizeError(e, 'ru').message).toBe('--runs должно быть целым положительным числом, получено 0');
  });

  it('engine.ts: a file that is not a mapping', async () => {
    await expectTranslated(thrown(() => splitBlocks([1, 2], 'case.yaml')));
  });

  it('design.ts: a grid range without steps', async () => {
    const e = thrown(() =>
      designPoints({ design: 'grid', parameters: { 'position.x.A': { from: 0, to: 10 } } } as never, 1),
    );
    expect(e.path).toBe('sweep.parameters.position.x.A');
    await expectTranslated(e);
  });

  it('adapters.ts: an unknown adapter', async () => {
    await expectTranslated(thrown(() => getAdapter('nope')));
  });

  it('aggregate.ts: a summary figure that is not finite', async () => {
    const c = new Cell(0, 100, 2);
    c.n = 2;
    c.m2 = Number.POSITIVE_INFINITY;
    await expectTranslated(thrown(() => summarizeCell(c, ['A', 'B'])));
  });

  it('distributions.ts: a triangular distribution out of order', async () => {
    const e = thrown(() =>
      resolveBounded(
        { dist: 'triangular', min: 50, mode: 10, max: 60 } as never,
        20,
        0,
        100,
        'uncertainty.position',
      ),
    );
    expect(e.key).toBe('sweep.dist.triangularOrder');
    await expectTranslated(e);
  });

  it('forecast.ts: a design parameter naming no issue', async () => {
    const s = forecastAdapter.parse(parseYaml(scenario), 's.yaml');
    await expectTranslated(thrown(() => forecastAdapter.withPoint(s, { 'position.nope.A': 1 }, 's.yaml')));
  });

  it('synthetic.ts: a capability of an unknown actor', async () => {
    const s = syntheticAdapter.parse(
      {
        id: 's',
        actors: { A: 1 },
        issues: [{ id: 'x', statusQuo: 0, positions: { A: { position: 50, salience: 1 } } }],
      },
      's.yaml',
    );
    await expectTranslated(thrown(() => syntheticAdapter.withPoint(s, { 'capability.Z': 1 }, 's.yaml')));
  });

  it('executors/bullmq.ts: a Redis URL that is not one', async () => {
    const e = await rejected(checkRedis('http://127.0.0.1:6379'));
    expect(e.path).toBe('--redis');
    await expectTranslated(e);
  });
});
