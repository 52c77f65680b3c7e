/**
 * Tidy CSV of the alignment analysis (`concord alignment ID --format csv`, the API's
 * `?format=csv`), kept apart from the analysis so that either can change alone: long form, one
 * observation per row (docs/interop.md).
 *
 * organization, table, year, date, a, b, variable, value, where `table` is
 *   pairs     — a, b: two states; variables roll_calls, yes_no_roll_calls, agreement,
 *               agreement_yes_no, kappa, kappa_yes_no, s
 *   cohesion  — year; variables roll_calls, measured, members, agreement_index,
 *               agreement_index_se, rice, pair_agreement
 *   stages    — date: the stage; variables comparable (1/0), before (the old members' Agreement
 *               Index before it), after (the new members' after it), change, change_se,
 *               roll_calls_before, roll_calls_after
 */
import { type CsvValue, toCsv } from '../util/csv.js';

export const ALIGNMENT_CSV_COLUMNS = [
  'organization',
  'table',
  'year',
  'date',
  'a',
  'b',
  'variable',
  'value',
] as const;

type Num = number | null | undefined;

/** The parts of an alignment result the export reads (see ./analysis.ts). */
export interface AlignmentForCsv {
  readonly organization: { readonly id: string };
  readonly pairs: ReadonlyArray<{
    a: string;
    b: string;
    rollCalls?: Num;
    yesNoRollCalls?: Num;
    agreement?: Num;
    agreementYesNo?: Num;
    kappa?: Num;
    kappaYesNo?: Num;
    s?: Num;
  }>;
  readonly cohesion: {
    readonly byYear: ReadonlyArray<{
      year: number;
      rollCalls?: Num;
      measured?: Num;
      members?: Num;
      agreementIndex?: Num;
      agreementIndexSe?: Num;
      rice?: Num;
      pairAgreement?: Num;
    }>;
  };
  readonly stages: ReadonlyArray<{
    date: string;
    comparable: boolean;
    before: { rollCalls?: Num; oldSet?: { agreementIndex?: Num } } | null;
    after: { rollCalls?: Num; newSet?: { agreementIndex?: Num } } | null;
    change: Num;
    changeSe: Num;
  }>;
}

const PAIR_VARS = [
  ['roll_calls', 'rollCalls'],
  ['yes_no_roll_calls', 'yesNoRollCalls'],
  ['agreement', 'agreement'],
  ['agreement_yes_no', 'agreementYesNo'],
  ['kappa', 'kappa'],
  ['kappa_yes_no', 'kappaYesNo'],
  ['s', 's'],
] as const;

const YEAR_VARS = [
  ['roll_calls', 'rollCalls'],
  ['measured', 'measured'],
  ['members', 'members'],
  ['agreement_index', 'agreementIndex'],
  ['agreement_index_se', 'agreementIndexSe'],
  ['rice', 'rice'],
  ['pair_agreement', 'pairAgreement'],
] as const;

export function alignmentCsv(r: AlignmentForCsv): string {
  const organization = r.organization.id;
  const rows: Array<Record<string, CsvValue>> = [];
  for (const p of r.pairs)
    for (const [variable, k] of PAIR_VARS)
      rows.push({ organization, table: 'pairs', a: p.a, b: p.b, variable, value: p[k] ?? null });
  for (const y of r.cohesion.byYear)
    for (const [variable, k] of YEAR_VARS)
      rows.push({ organization, table: 'cohesion', year: y.year, variable, value: y[k] ?? null });
  for (const s of r.stages) {
    const base = { organization, table: 'stages', date: s.date };
    rows.push({ ...base, variable: 'comparable', value: s.comparable ? 1 : 0 });
    rows.push({ ...base, variable: 'before', value: s.before?.oldSet?.agreementIndex ?? null });
    rows.push({ ...base, variable: 'after', value: s.after?.newSet?.agreementIndex ?? null });
    rows.push({ ...base, variable: 'change', value: s.change ?? null });
    rows.push({ ...base, variable: 'change_se', value: s.changeSe ?? null });
    rows.push({ ...base, variable: 'roll_calls_before', value: s.before?.rollCalls ?? null });
    rows.push({ ...base, variable: 'roll_calls_after', value: s.after?.rollCalls ?? null });
  }
  return toCsv(ALIGNMENT_CSV_COLUMNS, rows);
}
