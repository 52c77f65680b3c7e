// The forecast routes take the exchange model's run options as `concord forecast` does
// (exchangeP, exchangeRepetitions, seed, exchangeVariant); bad ones answer 400 naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { type TestServer, testServer } from '../helpers/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await testServer();
});
afterAll(async () => s?.close());

const ID = 'sco-india-pakistan-2017';
const get = (q: string) => s.app.inject({ method: 'GET', url: `/api/scenarios/${ID}/forecast?${q}` });

describe('forecast query: the exchange model', () => {
  it('repeats a randomised run as the CLI does, with each run and the mean and sd', async () => {
    const r = await get('models=exchange&exchangeP=0.5&exchangeRepetitions=3&seed=2');
    expect(r.statusCode).toBe(200);
    const io = memoryIO();
    const args = ['forecast', 'scenarios/sco/08-india-pakistan-2017.yaml', '--model', 'exchange', '--json'];
    expect(
      await main([...args, '--exchange-p', '0.5', '--exchange-repetitions', '3', '--seed', '2'], io),
    ).toBe(0);
    expect(r.json().issues).toEqual(JSON.parse(io.stdout.join('\n')).issues);
    const reps = r.json().issues[0].models.exchange.repetitions;
    expect(reps.count).toBe(3);
    expect(reps.runs).toHaveLength(3);
    expect(typeof reps.sd).toBe('number');
  });

  it('answers 400 naming the field for p outside [0, 1], repetitions below 1 and an unknown variant', async () => {
    for (const [q, field] of [
      ['exchangeP=1.5', 'query.exchangeP'],
      ['exchangeP=-1', 'query.exchangeP'],
      ['exchangeP=x', 'query.exchangeP'],
      ['exchangeRepetitions=0', 'query.exchangeRepetitions'],
      ['exchangeVariant=random-rate', 'query.exchangeVariant'],
      ['seed=-3', 'query.seed'],
    ] as const) {
      const r = await get(q);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().error.path, q).toBe(field);
    }
  });
});
