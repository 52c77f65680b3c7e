/** The sweep adapters by id: what evaluates a replicate. */
import { ConcordError } from '../errors.js';
import type { SweepAdapter } from './adapter.js';
import { forecastAdapter } from './forecast.js';
import { syntheticAdapter } from './synthetic.js';

// biome-ignore lint/suspicious/noExplicitAny: adapters differ in their scenario types
const ADAPTERS: Record<string, SweepAdapter<any, any>> = {
  forecast: forecastAdapter,
  synthetic: syntheticAdapter,
};

export const DEFAULT_ADAPTER = 'forecast';

// biome-ignore lint/suspicious/noExplicitAny: see above
export function getAdapter(id: string): SweepAdapter<any, any> {
  const a = ADAPTERS[id];
  if (!a)
    throw new ConcordError('E_VALIDATION', `unknown sweep adapter "${id}"`, {
      path: '--adapter',
      hint: `Choose among ${Object.keys(ADAPTERS).join(', ')}.`,
      key: 'sweep.unknownAdapter',
      values: { id, adapters: Object.keys(ADAPTERS).join(', ') },
    });
  return a;
}

export function adapterIds(): string[] {
  return Object.keys(ADAPTERS);
}
