/**
 * Claims that reach every sentence of the claim check's explanations: the seed paper's claims, every
 * measure under every comparison, the nuclear-weapon states named right, with one too many and with
 * one missing, and a date with no data.
 */
import type { ClaimsFile } from '../../src/claims/schema.js';

const VALUES: Record<string, number> = {
  memberCount: 10,
  areaKm2: 34e6,
  eurasiaAreaShare: 0.6,
  population: 3.4e9,
  worldPopulationShare: 0.5,
  gdpUsd: 2.3e13,
  worldGdpShare: 0.25,
  cinc: 0.3,
  nuclearStates: 4,
};

export function claimVariants(seed: ClaimsFile): ClaimsFile {
  const comparisons = ['moreThan', 'atLeast', 'lessThan', 'atMost', 'about', 'equals'] as const;
  const claims: ClaimsFile['claims'] = [...seed.claims];
  for (const [measure, value] of Object.entries(VALUES))
    for (const comparison of comparisons)
      claims.push({
        id: `${measure}-${comparison}`,
        quote: 'test',
        measure: measure as ClaimsFile['claims'][number]['measure'],
        comparison,
        value,
      });
  const nuclear = (id: string, states: string[]) =>
    claims.push({
      id,
      quote: 'test',
      measure: 'nuclearStates',
      comparison: 'equals',
      value: states.length,
      states,
    });
  nuclear('nuclear-right', ['CHN', 'IND', 'PAK', 'RUS']);
  nuclear('nuclear-extra', ['CHN', 'IND', 'PAK', 'RUS', 'IRN']);
  nuclear('nuclear-missing', ['CHN', 'IND', 'RUS']);
  nuclear('nuclear-both', ['CHN', 'IND', 'RUS', 'KAZ']);
  claims.push({
    id: 'gdp-2002',
    quote: 'test',
    measure: 'gdpUsd',
    comparison: 'about',
    value: 1e12,
    date: '2002-06-15',
  });
  claims.push({
    id: 'cinc-2026',
    quote: 'test',
    measure: 'cinc',
    comparison: 'about',
    value: 0.3,
    date: '2026-11-01',
  });
  return { ...seed, claims };
}

/** A group of states (no organization): Israel's undeclared arsenal, and figures the data lack. */
export function groupVariants(seed: ClaimsFile): ClaimsFile {
  return {
    ...seed,
    organization: undefined,
    states: ['ISR', 'IND', 'PRK'],
    claims: [
      {
        id: 'group-nuclear',
        quote: 'test',
        measure: 'nuclearStates',
        comparison: 'equals',
        value: 3,
        states: ['ISR', 'IND', 'PRK'],
      },
      { id: 'group-gdp', quote: 'test', measure: 'gdpUsd', comparison: 'about', value: 4e12 },
      {
        id: 'group-gdp-1900',
        quote: 'test',
        measure: 'gdpUsd',
        comparison: 'about',
        value: 4e12,
        date: '1900-01-01',
      },
      {
        id: 'group-cinc-1900',
        quote: 'test',
        measure: 'cinc',
        comparison: 'about',
        value: 0.1,
        date: '1900-01-01',
      },
    ],
  };
}
