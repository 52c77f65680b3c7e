/**
 * States with nuclear weapons and the date of their first nuclear test.
 *
 * Sources: Arms Control Association, "Nuclear Testing Tally" and "Nuclear Weapons: Who Has What at a
 * Glance" (https://www.armscontrol.org/factsheets/nucleartesttally,
 * https://www.armscontrol.org/factsheets/nuclearweaponswhohaswhat); CTBTO, "The nuclear testing
 * era" (https://www.ctbto.org/nuclear-testing/history-of-nuclear-testing).
 *
 * `declared` states count as nuclear-weapon states from their first test. Israel neither confirms
 * nor denies and has no acknowledged test: it is recorded as `undeclared` and never counted as a
 * nuclear-weapon state, but reported separately. South Africa built weapons without a test and
 * dismantled them by 1991: recorded as `former`, not counted. The Soviet test of 1949 is credited to
 * Russia, its continuing state.
 */
import type { IsoDate } from '../util/dates.js';

export type NuclearStatus = 'declared' | 'undeclared' | 'former';

export interface NuclearState {
  readonly iso3: string;
  readonly status: NuclearStatus;
  /** Date of the first nuclear test; null when there was none. */
  readonly firstTest: IsoDate | null;
  readonly note: string;
  readonly source: string;
}

const ACA = 'https://www.armscontrol.org/factsheets/nucleartesttally';

export const NUCLEAR_STATES: readonly NuclearState[] = [
  { iso3: 'USA', status: 'declared', firstTest: '1945-07-16', note: 'Trinity, Alamogordo', source: ACA },
  {
    iso3: 'RUS',
    status: 'declared',
    firstTest: '1949-08-29',
    note: 'USSR, RDS-1, Semipalatinsk',
    source: ACA,
  },
  {
    iso3: 'GBR',
    status: 'declared',
    firstTest: '1952-10-03',
    note: 'Hurricane, Monte Bello Islands',
    source: ACA,
  },
  { iso3: 'FRA', status: 'declared', firstTest: '1960-02-13', note: 'Gerboise Bleue, Reggane', source: ACA },
  { iso3: 'CHN', status: 'declared', firstTest: '1964-10-16', note: 'Project 596, Lop Nur', source: ACA },
  { iso3: 'IND', status: 'declared', firstTest: '1974-05-18', note: 'Smiling Buddha, Pokhran', source: ACA },
  { iso3: 'PAK', status: 'declared', firstTest: '1998-05-28', note: 'Chagai-I', source: ACA },
  { iso3: 'PRK', status: 'declared', firstTest: '2006-10-09', note: 'Punggye-ri', source: ACA },
  {
    iso3: 'ISR',
    status: 'undeclared',
    firstTest: null,
    note: 'Policy of nuclear opacity: neither confirms nor denies; no acknowledged test',
    source: 'https://www.armscontrol.org/factsheets/nuclearweaponswhohaswhat',
  },
  {
    iso3: 'ZAF',
    status: 'former',
    firstTest: null,
    note: 'Six devices built without a test, dismantled 1989–1991; joined the NPT 1991',
    source: 'https://www.armscontrol.org/factsheets/nuclearweaponswhohaswhat',
  },
];

/** States counted as nuclear-weapon states on `date`: declared, with a first test on or before it. */
export function nuclearWeaponStatesOn(date: IsoDate): NuclearState[] {
  return NUCLEAR_STATES.filter((s) => s.status === 'declared' && s.firstTest !== null && s.firstTest <= date);
}
