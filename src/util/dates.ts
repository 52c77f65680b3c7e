/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`). Strings of this form compare correctly with `<`,
 * so membership intervals need no Date objects and no time zones.
 */
import { z } from 'zod';
import { ConcordError } from '../errors.js';

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2100-12-31';

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return d <= days[mo - 1]!;
}

/** The zod schema of a date field. */
export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'expected a calendar date written YYYY-MM-DD' })
  .describe('A calendar date, YYYY-MM-DD');

/** Parse a user-supplied date: `YYYY-MM-DD`, or `today`. Throws E_BAD_DATE / E_DATE_OUT_OF_RANGE. */
export function parseDate(input: string, field = 'date', today: IsoDate = todayIso()): IsoDate {
  const s = input.trim();
  if (s === 'today') return today;
  if (!isIsoDate(s)) {
    throw new ConcordError('E_BAD_DATE', `${field}: "${input}" is not a calendar date`, {
      hint: 'Write dates as YYYY-MM-DD, for example 2021-04-29.',
      path: field,
      key: 'badDate',
      values: { field, input },
    });
  }
  if (s < MIN_DATE || s > MAX_DATE) {
    throw new ConcordError('E_DATE_OUT_OF_RANGE', `${field}: ${s} is outside ${MIN_DATE}…${MAX_DATE}`, {
      hint: `Give a date between ${MIN_DATE} and ${MAX_DATE}.`,
      path: field,
      key: 'dateOutOfRange',
      values: { field, date: s, min: MIN_DATE, max: MAX_DATE },
    });
  }
  return s;
}

export function todayIso(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Is `date` inside the half-open interval [from, to)? An absent `to` is open-ended. */
export function within(date: IsoDate, from: IsoDate, to?: IsoDate | null): boolean {
  return from <= date && (to == null || date < to);
}
