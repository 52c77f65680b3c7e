/**
 * Plain long tables (CSV, TSV, or the first sheet of an XLSX workbook): one row per actor and issue.
 *
 *   actor, issue, position, salience[, capability, statusQuo, proposal, proposer, outcome,
 *   scaleMin, scaleMax]
 *
 * Headers are matched case-insensitively, ignoring spaces, `_` and `-` (`Status quo`, `status_quo`
 * and `statusQuo` are one column). `actor`, `position` and `salience` are required; without `issue`
 * every row is about one issue (named after the file). Saliences are on 0–1, or on 0–100 when any is
 * above 1 (the summary says so). `capability` is the actor's (the same on each of its rows); the
 * issue columns (`statusQuo` … `scaleMax`) may be given on any row of the issue, and must agree
 * where given twice. Scales default to 0–100. An empty position: the actor takes no position on
 * that issue. Errors name the file, the line and the column, and show the expected header.
 */
import type { ScenarioFileInput } from '../schema.js';
import { type ImportSummary, Tally } from './summary.js';
import { formatError, toId } from './table.js';

export const LONG_COLUMNS = [
  'actor',
  'issue',
  'position',
  'salience',
  'capability',
  'statusQuo',
  'proposal',
  'proposer',
  'outcome',
  'scaleMin',
  'scaleMax',
] as const;
type Column = (typeof LONG_COLUMNS)[number];
const REQUIRED: Column[] = ['actor', 'position', 'salience'];
export const EXPECTED_HEADER =
  'actor,issue,position,salience[,capability,statusQuo,proposal,proposer,outcome,scaleMin,scaleMax]';

const norm = (h: string) => h.toLowerCase().replace(/[\s_-]+/g, '');
const BY_NORM = new Map(LONG_COLUMNS.map((c) => [norm(c), c]));

/** Whether a header row is a long table's: it names actor, position and salience. */
export function isLongHeader(cells: readonly string[]): boolean {
  const n = new Set(cells.map(norm));
  return REQUIRED.every((c) => n.has(norm(c)));
}

export interface TableRows {
  /** The header and the data rows, each with its line (CSV) or row number (XLSX). */
  readonly rows: ReadonlyArray<{ readonly line: number; readonly cells: readonly string[] }>;
  /** A spreadsheet's rows end where their cells end: short rows are not ragged. */
  readonly sheet?: boolean;
}

export interface LongImport {
  readonly scenario: ScenarioFileInput;
  readonly summary: ImportSummary;
}

export function parseLong(table: TableRows, file: string, id: string): LongImport {
  const hint = `A long table has one row per actor and issue; the header is ${EXPECTED_HEADER}.`;
  const [header, ...data] = table.rows;
  if (!header)
    throw formatError(file, 1, 'the table is empty', hint, 'import.long.empty', { header: EXPECTED_HEADER });
  const col = {} as Record<Column, number>;
  for (const c of LONG_COLUMNS) col[c] = -1;
  header.cells.forEach((h, k) => {
    if (h.trim() === '' && data.every((r) => (r.cells[k] ?? '').trim() === '')) return;
    const c = BY_NORM.get(norm(h));
    if (!c)
      throw formatError(
        file,
        header.line,
        `column ${k + 1} "${h}": unknown column`,
        hint,
        'import.long.unknownColumn',
        { index: String(k + 1), name: h, header: EXPECTED_HEADER },
      );
    if (col[c] >= 0)
      throw formatError(
        file,
        header.line,
        `column ${k + 1} "${h}": ${c} is given twice`,
        hint,
        'import.long.columnTwice',
        { index: String(k + 1), name: h, column: c, header: EXPECTED_HEADER },
      );
    col[c] = k;
  });
  for (const c of REQUIRED)
    if (col[c] < 0)
      throw formatError(
        file,
        header.line,
        `the header has no column ${c}`,
        hint,
        'import.long.missingColumn',
        { column: c, header: EXPECTED_HEADER },
      );
  const width = header.cells.length;
  const tally = new Tally();
  const defaultIssue = toId(id) || 'issue';

  const numberAt = (r: TableRows['rows'][number], c: Column): number | undefined => {
    if (col[c] < 0) return undefined;
    const raw = (r.cells[col[c]] ?? '').trim();
    if (raw === '') return undefined;
    const v = Number(raw);
    if (!Number.isFinite(v))
      throw formatError(
        file,
        r.line,
        `column ${c}: "${raw}" is not a number`,
        `Give ${c} as a number, or leave it empty.`,
        'import.column',
        { column: c, problem: 'notNumber', value: raw, advice: 'longNumber' },
      );
    return v;
  };
  const textAt = (r: TableRows['rows'][number], c: Column): string =>
    col[c] < 0 ? '' : (r.cells[col[c]] ?? '').trim();

  type IssueAcc = {
    id: string;
    line: number;
    fields: Partial<Record<Column, { value: number | string; line: number }>>;
    rows: Array<{ line: number; actor: string; position: number | undefined; salience: number | undefined }>;
  };
  const issues = new Map<string, IssueAcc>();
  const actors = new Map<string, { capability?: number; line: number; name: string }>();
  const seen = new Map<string, number>();
  for (const r of data) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    const extra = r.cells.slice(width).some((c) => c.trim() !== '');
    if (extra || (!table.sheet && r.cells.length < width))
      throw formatError(
        file,
        r.line,
        `row has ${r.cells.length} cells; the header has ${width} (ragged row)`,
        `Give every row one cell per column of the header: ${header.cells.join(',')}.`,
        'import.long.ragged',
        { count: String(r.cells.length), width: String(width), header: header.cells.join(',') },
      );
    const name = textAt(r, 'actor');
    if (!name)
      throw formatError(
        file,
        r.line,
        'column actor: empty',
        'Name the actor on every row.',
        'import.column',
        { column: 'actor', problem: 'empty', advice: 'actorEmpty' },
      );
    const actor = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(name) ? name : toId(name);
    const issueName = col.issue >= 0 ? textAt(r, 'issue') : defaultIssue;
    if (!issueName)
      throw formatError(
        file,
        r.line,
        'column issue: empty',
        'Name the issue on every row.',
        'import.column',
        { column: 'issue', problem: 'empty', advice: 'issueEmpty' },
      );
    const key = `${actor}\u0000${issueName}`;
    const before = seen.get(key);
    if (before !== undefined)
      throw formatError(
        file,
        r.line,
        `column actor: ${actor} already has a row on issue "${issueName}" (line ${before}): duplicate actor–issue row`,
        'Keep one row per actor and issue.',
        'import.column',
        {
          column: 'actor',
          problem: 'duplicateRow',
          value: actor,
          issue: issueName,
          otherLine: String(before),
          advice: 'oneRow',
        },
      );
    seen.set(key, r.line);
    let issue = issues.get(issueName);
    if (!issue) {
      issue = { id: issueName, line: r.line, fields: {}, rows: [] };
      issues.set(issueName, issue);
    }
    for (const c of ['statusQuo', 'proposal', 'outcome', 'scaleMin', 'scaleMax', 'proposer'] as const) {
      const v = c === 'proposer' ? textAt(r, c) || undefined : numberAt(r, c);
      if (v === undefined) continue;
      const had = issue.fields[c];
      if (had && had.value !== v)
        throw formatError(
          file,
          r.line,
          `column ${c}: ${v} differs from ${had.value} given for issue "${issueName}" on line ${had.line}`,
          `Give ${c} once per issue, or the same value on every row of the issue.`,
          'import.column',
          {
            column: c,
            problem: 'differs',
            value: String(v),
            other: String(had.value),
            issue: issueName,
            otherLine: String(had.line),
            advice: 'oncePerIssue',
          },
        );
      issue.fields[c] = { value: v, line: r.line };
    }
    const cap = numberAt(r, 'capability');
    const a = actors.get(actor);
    if (cap !== undefined && cap < 0)
      throw formatError(
        file,
        r.line,
        `column capability: ${cap} is negative`,
        'A capability is a non-negative number.',
        'import.column',
        { column: 'capability', problem: 'negative', value: String(cap), advice: 'capability' },
      );
    if (!a) actors.set(actor, { capability: cap, line: r.line, name });
    else if (cap !== undefined) {
      if (a.capability !== undefined && a.capability !== cap)
        throw formatError(
          file,
          r.line,
          `column capability: ${cap} differs from ${a.capability} given for ${actor} on line ${a.line}`,
          'An actor has one capability: give the same value on each of its rows, or give it once.',
          'import.column',
          {
            column: 'capability',
            problem: 'capabilityDiffers',
            value: String(cap),
            other: String(a.capability),
            actor,
            otherLine: String(a.line),
            advice: 'oneCapability',
          },
        );
      a.capability = cap;
    }
    const position = numberAt(r, 'position');
    const salience = numberAt(r, 'salience');
    if (position === undefined) {
      tally.add('skipped', 'empty position: the actor takes no position on the issue', `line ${r.line}`);
    } else if (salience === undefined) {
      throw formatError(
        file,
        r.line,
        'column salience: empty',
        'Give the salience (0–1) of every position.',
        'import.column',
        { column: 'salience', problem: 'empty', advice: 'salienceEmpty' },
      );
    } else if (salience < 0 || salience > 100) {
      throw formatError(
        file,
        r.line,
        `column salience: ${salience} is outside [0, 1]`,
        'Saliences are on 0–1 (or 0–100).',
        'import.column',
        { column: 'salience', problem: 'outside01', value: String(salience), advice: 'salienceScale' },
      );
    }
    issue.rows.push({ line: r.line, actor, position, salience });
  }
  if (issues.size === 0)
    throw formatError(file, header.line, 'the table has a header but no rows', hint, 'import.long.noRows', {
      header: EXPECTED_HEADER,
    });
  const maxSalience = Math.max(...[...issues.values()].flatMap((i) => i.rows.map((r) => r.salience ?? 0)));
  const salienceScale = maxSalience > 1 ? 100 : 1;
  if (salienceScale === 100) tally.notes.push('saliences read on 0–100 (one is above 1) and divided by 100');
  const withCap = [...actors.values()].filter((a) => a.capability !== undefined).length;
  if (withCap > 0 && withCap < actors.size) {
    const missing = [...actors].find(([, a]) => a.capability === undefined)!;
    throw formatError(
      file,
      missing[1].line,
      `column capability: empty for ${missing[0]}, given for other actors`,
      'Give every actor a capability, or none (then they are equal).',
      'import.column',
      { column: 'capability', problem: 'emptyFor', actor: missing[0], advice: 'capabilityAll' },
    );
  }
  const out: ScenarioFileInput['issues'] = [...issues.values()].map((is) => {
    const f = is.fields;
    const lo = (f.scaleMin?.value as number | undefined) ?? 0;
    const hi = (f.scaleMax?.value as number | undefined) ?? 100;
    if (!(hi > lo))
      throw formatError(
        file,
        (f.scaleMax ?? f.scaleMin)!.line,
        `column scaleMax: the scale [${lo}, ${hi}] of issue "${is.id}" is empty`,
        'Give scaleMax above scaleMin.',
        'import.column',
        {
          column: 'scaleMax',
          problem: 'emptyScale',
          low: String(lo),
          high: String(hi),
          issue: is.id,
          advice: 'scaleMax',
        },
      );
    const inScale = (c: Column, v: number | undefined, line: number) => {
      if (v !== undefined && (v < lo || v > hi))
        throw formatError(
          file,
          line,
          `column ${c}: ${v} is outside the scale [${lo}, ${hi}] of issue "${is.id}"`,
          'Fix the value, or give the issue’s scaleMin and scaleMax.',
          'import.column',
          {
            column: c,
            problem: 'outsideIssueScale',
            value: String(v),
            low: String(lo),
            high: String(hi),
            issue: is.id,
            advice: 'fixValue',
          },
        );
    };
    const positions: Record<string, { position: number; salience: number } | null> = {};
    for (const a of actors.keys()) positions[a] = null;
    for (const r of is.rows) {
      inScale('position', r.position, r.line);
      if (r.position !== undefined)
        positions[r.actor] = { position: r.position, salience: r.salience! / salienceScale };
    }
    for (const c of ['statusQuo', 'proposal', 'outcome'] as const)
      inScale(c, f[c]?.value as number | undefined, f[c]?.line ?? is.line);
    const proposer = f.proposer?.value as string | undefined;
    if (proposer !== undefined && !actors.has(proposer))
      throw formatError(
        file,
        f.proposer!.line,
        `column proposer: "${proposer}" is not an actor of the table`,
        `Name one of ${[...actors.keys()].join(', ')}.`,
        'import.column',
        {
          column: 'proposer',
          problem: 'notAnActor',
          value: proposer,
          advice: 'nameActor',
          actors: [...actors.keys()].join(', '),
        },
      );
    const sq = f.statusQuo?.value as number | undefined;
    const outcome = f.outcome?.value as number | undefined;
    return {
      id: is.id,
      scale: [lo, hi] as [number, number],
      statusQuo: sq,
      proposer,
      proposal: f.proposal?.value as number | undefined,
      positions,
      outcome:
        outcome === undefined
          ? undefined
          : {
              position: outcome,
              adopted: sq === undefined ? undefined : outcome !== sq,
              source: `${file}:${f.outcome!.line}`,
            },
      source: `${file}:${is.line}`,
    };
  });
  const scenario: ScenarioFileInput = {
    id: toId(id) || 'table',
    title: `${file} (long table)`,
    capability: 'equal',
    actors: Object.fromEntries(
      [...actors].map(([k, a]) => [
        k,
        {
          ...(a.name !== k ? { name: a.name } : {}),
          ...(a.capability !== undefined ? { capability: a.capability } : {}),
        },
      ]),
    ),
    issues: out,
    source: file,
  };
  if (withCap === 0) tally.notes.push('no capability column: capabilities are equal');
  return {
    scenario,
    summary: {
      format: 'long',
      file,
      issues: out.length,
      actors: actors.size,
      metadata: [],
      counts: tally.counts(),
      notes: tally.notes,
    },
  };
}
