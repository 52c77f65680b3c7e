/**
 * Tables of "The European Union Decides" (DEU I–III: Thomson, Stokman, Achen & König 2006; Thomson
 * et al. 2012; Arregui & Perarnaud 2021, doi:10.34810/data53) as they are published: one row per
 * controversial issue, semicolon-, tab- or comma-separated, with a header row. docs/scenarios.md
 * shows a published header line; in short:
 *
 *   p<X> and s<X>   actor X's position and salience on the issue's 0–100 scale. A pair is an actor
 *                   only when BOTH columns exist (pcom/scom, pep/sep, pfr/sfr…); every other
 *                   column — prnr, prname, proc, post04, pepppty… — is case metadata, kept on the
 *                   issue and shown; so is pcou/scou, the Council's aggregate in derived files.
 *   isnr (or id)    the issue's id (default: row<line>); prname (or title) names it
 *   rp, out         the reference point (status quo) and the observed outcome
 *   a voting rule   (column rule, qmv, vote, votingrule…): qmv / qualified majority / 1 → the
 *                   Council's qualified majority on the issue's date; unanimity / u / 0 →
 *                   unanimity of the member states; also consensus, majority or a rule in YAML flow
 *                   syntax. Without the column (or an empty cell): the qualified majority of
 *                   the issue's date when it has one, else unanimity of the member states.
 *   a procedure     (proc, procedure, cod): a cell naming codecision (COD, "codecision",
 *                   ordinary legislative procedure) makes the Parliament (EP) an actor whose consent
 *                   is needed; otherwise the EP takes a position but no part in the decision.
 *   a date          (finact, date, adopted, intro…): the date of the decision, which fixes the
 *                   Council's members, weights and thresholds (see ./council.ts).
 *   proposer, prop  optional: the agenda setter and its proposal (default: the Commission, COM,
 *                   and its position — the Commission proposes and does not vote).
 *
 * Cells: an empty cell, `.`, `NA` and the DEU missing-data codes (999, -999, -99, 9999) are missing;
 * any other value outside 0–100 is an error naming the line and the column. An actor with a salience
 * but no position is absent from that issue; a position without a salience takes the default
 * salience (`defaultSalience`, 50 on 0–100 unless set); a row with fewer than two positions is
 * skipped. Every such cell is counted in the import summary. DEU country codes (at, be, bu, cr, el,
 * uk…) become ISO 3166 alpha-3 ids (AUT, BEL, BGR, HRV, GRC, GBR…); com → COM, ep → EP.
 */
import { parse as parseYaml } from 'yaml';
import { DEFAULT_SALIENCE } from '../../bargaining/options.js';
import type { Rule } from '../../rules/schema.js';
import type { ScenarioFileInput } from '../schema.js';
import { type CouncilEra, councilRule, eraCapability, eraFields, eraKey } from './council.js';
import { type ImportSummary, Tally } from './summary.js';
import { formatError, num, type Row, rows, sniffDelimiter, trimTrailing } from './table.js';

export type CapabilityInput = 'equal' | 'votes' | Readonly<Record<string, number>>;

export interface DeuOptions {
  /** The scenario id (default: deu). */
  readonly id?: string;
  readonly capabilities?: CapabilityInput;
  /** The salience given to a position without one, on 0–100 (default 50). */
  readonly defaultSalience?: number;
  /** The Council of the EU on a date: members, weights, thresholds (needed for QMV and `votes`). */
  readonly council?: (date: string) => CouncilEra | null;
}

export interface DeuImport {
  readonly scenarios: ScenarioFileInput[];
  readonly summary: ImportSummary;
}

export { DEFAULT_SALIENCE } from '../../bargaining/options.js';

/** DEU's two-letter codes that are not the ISO 3166 alpha-2 code, and the institutions. */
const DEU_CODES: Record<string, string> = {
  com: 'COM',
  ep: 'EP',
  at: 'AUT',
  be: 'BEL',
  bu: 'BGR',
  bg: 'BGR',
  cr: 'HRV',
  hr: 'HRV',
  cy: 'CYP',
  cz: 'CZE',
  dk: 'DNK',
  ee: 'EST',
  fi: 'FIN',
  fr: 'FRA',
  de: 'DEU',
  ge: 'DEU',
  el: 'GRC',
  gr: 'GRC',
  hu: 'HUN',
  ie: 'IRL',
  ir: 'IRL',
  it: 'ITA',
  lv: 'LVA',
  la: 'LVA',
  lt: 'LTU',
  li: 'LTU',
  lu: 'LUX',
  mt: 'MLT',
  ma: 'MLT',
  nl: 'NLD',
  ne: 'NLD',
  pl: 'POL',
  po: 'POL',
  pt: 'PRT',
  ro: 'ROU',
  si: 'SVN',
  sl: 'SVN',
  sk: 'SVK',
  es: 'ESP',
  sp: 'ESP',
  se: 'SWE',
  sw: 'SWE',
  uk: 'GBR',
  gb: 'GBR',
};

const NAMES: Record<string, string> = { COM: 'European Commission', EP: 'European Parliament' };

/** The actor id of a DEU column code. */
export function deuActorId(code: string): string {
  return DEU_CODES[code.toLowerCase()] ?? code.toUpperCase();
}

const ROLES = {
  id: ['isnr', 'id', 'issue', 'issueid', 'issue_id'],
  title: ['title', 'isname', 'issuename', 'issue_name'],
  proposalName: ['prname', 'proposal', 'proposalname'],
  rp: ['rp', 'ref', 'refpoint', 'sq', 'statusquo'],
  out: ['out', 'outcome'],
  proposer: ['proposer'],
  prop: ['prop'],
  rule: ['rule', 'qmv', 'vote', 'voting', 'votingrule', 'voterule', 'decrule', 'decisionrule', 'councilrule'],
  procedure: ['proc', 'procedure', 'cod', 'legproc', 'proctype'],
  date: ['finact', 'adopted', 'adoption', 'date', 'decdate', 'decision', 'intro', 'introdate', 'start'],
} as const;
type Role = keyof typeof ROLES;

const MISSING_TEXT = new Set(['', '.', 'na', 'n/a', 'nan', '-', 'missing']);
const MISSING_CODES = new Set([999, -999, -99, 9999, 99999]);

function monthFirst(d: string, m: string, y: string): string | null {
  let year = Number(y);
  if (y.length === 2) year = year >= 50 ? 1900 + year : 2000 + year;
  const month = Number(m);
  const day = Number(d);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && year >= 1950 && year <= 2100)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date cell as ISO: 2005-06-13, 13-06-05, 13/06/2005, 13.06.2005, or a year (→ July 1). */
export function parseDeuDate(cell: string): string | null {
  const t = cell.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(t);
  if (m) return monthFirst(m[3]!, m[2]!, m[1]!);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(t);
  if (m) return monthFirst(m[1]!, m[2]!, m[3]!);
  m = /^(\d{4})$/.exec(t);
  if (m) return monthFirst('1', '7', m[1]!);
  return null;
}

export function parseDeu(text: string, file: string, opts: DeuOptions = {}): DeuImport {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headLine = lines.find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';
  const delim = sniffDelimiter(headLine);
  const all = rows(text, delim, '#');
  const header = all[0];
  if (!header)
    throw formatError(
      file,
      1,
      'the table is empty',
      'Give a header row and one row per issue.',
      'import.deu.empty',
    );
  const cols = trimTrailing(header.cells);
  const lower = cols.map((c) => c.toLowerCase());
  const dup = lower.findIndex((c, k) => c !== '' && lower.indexOf(c) !== k);
  if (dup >= 0)
    throw formatError(
      file,
      header.line,
      `column "${cols[dup]}" appears twice`,
      'Give each column its own name.',
      'import.deu.columnTwice',
      { column: cols[dup]! },
    );

  // Actors: p<X> columns with an s<X> column.
  const actorCols: Array<{ code: string; id: string; p: number; s: number }> = [];
  lower.forEach((c, k) => {
    if (c.length < 2 || c[0] !== 'p') return;
    const s = lower.indexOf(`s${c.slice(1)}`);
    if (s < 0) return;
    // pcou/scou, where a derived file has them, is the Council's aggregate, not an actor.
    if (c === 'pcou') return;
    const code = cols[k]!.slice(1);
    actorCols.push({ code, id: deuActorId(code), p: k, s });
  });
  if (actorCols.length === 0) {
    throw formatError(
      file,
      header.line,
      'the header has no actor: no pair of columns p<X> and s<X> (position and salience)',
      'A DEU table names each actor X by two columns, pX and sX (pcom, scom, pfr, sfr…).',
      'import.deu.noActor',
      { p: 'p<X>', s: 's<X>' },
    );
  }
  const seenIds = new Map<string, string>();
  for (const a of actorCols) {
    const other = seenIds.get(a.id);
    if (other)
      throw formatError(
        file,
        header.line,
        `columns p${other} and p${a.code} are the same actor ${a.id}`,
        'Keep one pair of columns per actor.',
        'import.deu.sameActor',
        { other, code: a.code, id: a.id },
      );
    seenIds.set(a.id, a.code);
  }
  const actorColumn = new Set(actorCols.flatMap((a) => [a.p, a.s]));
  const role = {} as Record<Role, number>;
  for (const r of Object.keys(ROLES) as Role[]) {
    role[r] = -1;
    for (const name of ROLES[r]) {
      const k = lower.indexOf(name);
      if (k >= 0 && !actorColumn.has(k)) {
        role[r] = k;
        break;
      }
    }
  }
  const dateCols = ROLES.date.map((n) => lower.indexOf(n)).filter((k) => k >= 0 && !actorColumn.has(k));
  // Model inputs are not metadata; the rest (procedure, date, rule and proposal name included) is.
  const inputs = new Set(
    [role.id, role.title, role.rp, role.out, role.proposer, role.prop].filter((k) => k >= 0),
  );
  const metaCols = cols
    .map((_, k) => k)
    .filter((k) => !actorColumn.has(k) && !inputs.has(k) && cols[k] !== '');
  const tally = new Tally();
  const actors = actorCols.map((a) => a.id);

  const caps = opts.capabilities ?? 'equal';
  if (caps !== 'equal' && caps !== 'votes') {
    const missing = actors.filter((a) => !(a in caps) && !(actorCols.find((c) => c.id === a)!.code in caps));
    if (missing.length) {
      throw formatError(
        file,
        header.line,
        `the capabilities file gives nothing for ${missing.join(', ')}`,
        'Add a line `ACTOR,capability` for each actor of the table, or use --capabilities equal.',
        'import.deu.noCapabilities',
        { actors: missing.join(', ') },
      );
    }
  }
  const defaultSalience = opts.defaultSalience ?? DEFAULT_SALIENCE;

  /** A 0–100 cell: undefined when missing; an error outside the scale. */
  const cell = (r: Row, k: number, what: string, place: string): number | undefined => {
    const whatId = what === 'reference point' ? 'referencePoint' : what;
    const raw = (r.cells[k] ?? '').trim();
    if (MISSING_TEXT.has(raw.toLowerCase())) return undefined;
    const v = num(
      file,
      r,
      k,
      cols[k]!,
      `${what} is a number on 0–100 (or empty, ., NA or 999 for missing).`,
      'deuNumber',
      { what: whatId },
    );
    if (MISSING_CODES.has(v)) {
      tally.add('note', `missing-data code ${raw} read as missing`, place);
      return undefined;
    }
    if (v < 0 || v > 100)
      throw formatError(
        file,
        r.line,
        `column ${cols[k]}: ${what} ${v} is outside the scale [0, 100]`,
        `DEU ${what}s are on 0–100; missing values are empty, ., NA or 999.`,
        'import.column',
        { column: cols[k]!, problem: 'outsideScale100', what: whatId, value: String(v), advice: 'deuScale' },
      );
    return v;
  };

  const ids = new Set<string>();
  type Built = {
    issue: NonNullable<ScenarioFileInput['issues']>[number];
    era: CouncilEra | null;
    date: string | null;
  };
  const built: Built[] = [];
  for (const r of all.slice(1)) {
    const cells = r.cells.length > cols.length ? trimTrailing(r.cells) : r.cells;
    if (cells.length !== cols.length) {
      throw formatError(
        file,
        r.line,
        `row has ${cells.length} cells; the header has ${cols.length} (ragged row)`,
        'Give every row one cell per column of the header (an empty cell for a missing value).',
        'import.deu.ragged',
        { count: String(cells.length), width: String(cols.length) },
      );
    }
    const row: Row = { line: r.line, cells };
    const issueId = role.id >= 0 && cells[role.id] ? cells[role.id]! : `row${r.line}`;
    if (ids.has(issueId))
      throw formatError(
        file,
        r.line,
        `column ${role.id >= 0 ? cols[role.id] : 'id'}: issue id "${issueId}" is used twice`,
        'Give each row its own issue id.',
        'import.column',
        {
          column: role.id >= 0 ? cols[role.id]! : 'id',
          problem: 'issueTwice',
          value: issueId,
          advice: 'deuIssueTwice',
        },
      );
    ids.add(issueId);
    const positions: Record<string, { position: number; salience: number } | null> = {};
    let n = 0;
    for (const a of actorCols) {
      const place = `line ${r.line}, column ${cols[a.s]}`;
      const p = cell(row, a.p, 'position', `line ${r.line}, column ${cols[a.p]}`);
      const s = cell(row, a.s, 'salience', place);
      if (p === undefined) {
        positions[a.id] = null;
        if (s !== undefined)
          tally.add('skipped', 'salience without a position: the actor is absent from the issue', place);
        continue;
      }
      let sal = s;
      if (sal === undefined) {
        sal = defaultSalience;
        tally.add('defaulted', `position without a salience: salience set to ${defaultSalience}`, place);
      }
      positions[a.id] = { position: p, salience: sal / 100 };
      n++;
    }
    if (n < 2) {
      tally.add('skipped', 'row with fewer than two positions: issue left out', `line ${r.line}`);
      continue;
    }
    const rp =
      role.rp >= 0
        ? cell(row, role.rp, 'reference point', `line ${r.line}, column ${cols[role.rp]}`)
        : undefined;
    const out =
      role.out >= 0 ? cell(row, role.out, 'outcome', `line ${r.line}, column ${cols[role.out]}`) : undefined;
    if (out === undefined)
      tally.add('note', 'no observed outcome: forecast, not scored by backtest', `line ${r.line}`);
    if (rp === undefined)
      tally.add(
        'note',
        'no reference point: no status quo (the consensus model needs one)',
        `line ${r.line}`,
      );

    let proposer = role.proposer >= 0 && cells[role.proposer] ? cells[role.proposer]! : undefined;
    if (proposer !== undefined) {
      const pid = actors.includes(proposer) ? proposer : deuActorId(proposer);
      if (!actors.includes(pid))
        throw formatError(
          file,
          r.line,
          `column ${cols[role.proposer]}: "${proposer}" is not an actor of the table`,
          `Name one of ${actors.join(', ')}.`,
          'import.column',
          {
            column: cols[role.proposer]!,
            problem: 'notAnActor',
            value: proposer,
            advice: 'nameActor',
            actors: actors.join(', '),
          },
        );
      proposer = pid;
    } else if (positions.COM) proposer = 'COM';
    if (proposer && !positions[proposer]) {
      tally.add('note', `the proposer takes no position: no proposal`, `line ${r.line}`);
      proposer = undefined;
    }
    const prop =
      role.prop >= 0
        ? cell(row, role.prop, 'proposal', `line ${r.line}, column ${cols[role.prop]}`)
        : undefined;

    // The date of the decision: the first date column with a date (finact before intro).
    let date: string | null = null;
    for (const k of dateCols) {
      const t = (cells[k] ?? '').trim();
      if (MISSING_TEXT.has(t.toLowerCase())) continue;
      date = parseDeuDate(t);
      if (!date)
        throw formatError(
          file,
          r.line,
          `column ${cols[k]}: "${t}" is not a date`,
          'Write dates as 2005-06-13, 13-06-05 (day-month-year), 13/06/2005 or a year.',
          'import.column',
          { column: cols[k]!, problem: 'notADate', value: t, advice: 'deuDate' },
        );
      if (k !== dateCols[0])
        tally.add(
          'defaulted',
          `no ${cols[dateCols[0]!]} date: the date is taken from ${cols[k]}`,
          `line ${r.line}`,
        );
      break;
    }
    const procedure = role.procedure >= 0 ? (cells[role.procedure] ?? '') : '';
    const codecision = /cod|co-?decision|ordinary/i.test(procedure) && actors.includes('EP');
    const ruleText = role.rule >= 0 ? (cells[role.rule] ?? '').trim() : '';
    const kind = ruleKind(ruleText, lower[role.rule] ?? '');
    let rule: Rule | undefined;
    let era: CouncilEra | null = null;
    if (kind === 'yaml') {
      try {
        rule = parseYaml(ruleText) as Rule;
      } catch {
        throw formatError(
          file,
          r.line,
          `column ${cols[role.rule]}: "${ruleText}" is not a rule`,
          'Write qmv, unanimity, consensus, majority, or a rule in YAML flow syntax such as {count: {atLeastShare: 0.55}}.',
          'import.column',
          {
            column: cols[role.rule]!,
            problem: 'notARule',
            value: ruleText,
            advice: 'deuRule',
            example: '{count: {atLeastShare: 0.55}}',
          },
        );
      }
    } else if (kind === 'majority') {
      rule = { count: { moreThanShare: 0.5 } };
    } else {
      if (date && opts.council) era = opts.council(date);
      if (kind === 'qmv' && !era) {
        throw formatError(
          file,
          r.line,
          `column ${cols[role.rule]}: qualified majority needs the date of the decision${date ? ` (no Council rule is known on ${date})` : ''}`,
          'Give a date column (finact, date or intro) with the date of the decision, from 1958 on.',
          'import.column',
          { column: cols[role.rule]!, problem: 'qmvNoDate', date: date ?? 'none', advice: 'deuQmv' },
        );
      }
      // No rule given: the Council's usual rule for legislation, a qualified majority, when the
      // date is known; else unanimity of the member states.
      if (kind === 'none')
        tally.add(
          'defaulted',
          era
            ? 'no voting rule given: qualified majority of the date'
            : 'no voting rule and no date: unanimity of the member states',
          `line ${r.line}`,
        );
      if (era) rule = councilRule(era, kind === 'unanimity' ? 'unanimity' : 'qmv', codecision);
      else {
        // Unanimity of the member states: every actor but the Commission (and the Parliament
        // outside codecision) must agree.
        const minus = actors.filter((a) => a === 'COM' || (a === 'EP' && !codecision));
        rule = minus.length ? { consensusMinus: minus } : 'consensus';
      }
    }
    if (codecision) tally.add('note', 'codecision: the Parliament’s consent is needed', `line ${r.line}`);
    const metadata: Record<string, string> = {};
    for (const k of metaCols) {
      const v = cells[k] ?? '';
      if (v !== '') metadata[cols[k]!] = v;
    }
    const pname = role.proposalName >= 0 ? cells[role.proposalName] : '';
    const title =
      role.title >= 0 && cells[role.title]
        ? cells[role.title]
        : pname
          ? `${pname} (issue ${issueId})`
          : undefined;
    built.push({
      era,
      date,
      issue: {
        id: issueId,
        title,
        scale: [0, 100],
        statusQuo: rp,
        proposer,
        proposal: proposer ? prop : undefined,
        positions,
        rule,
        metadata: Object.keys(metadata).length ? metadata : undefined,
        outcome:
          out === undefined
            ? undefined
            : {
                position: out,
                adopted: rp === undefined ? undefined : Math.abs(out - rp) > 0,
                source: `${file}:${r.line}`,
              },
        source: `${file}:${r.line}`,
      },
    });
  }
  if (built.length === 0)
    throw formatError(
      file,
      header.line,
      'the table has no issue with two or more positions',
      'Add one row per issue, with the positions of at least two actors.',
      'import.deu.noIssue',
    );
  if (caps === 'votes' && built.some((b) => !b.era))
    throw formatError(
      file,
      header.line,
      '--capabilities votes needs the date of each decision',
      'Give a date column (finact, date or intro), or use --capabilities equal or a file.',
      'import.deu.votesNeedDate',
    );

  // One scenario per Council era (members, weights) and year (the population of the date): the
  // rule's fields are per actor. Without the Council, one scenario.
  const base = opts.id ?? 'deu';
  const groups = new Map<string, Built[]>();
  for (const b of built) {
    const key = b.era ? eraKey(b.era, b.date!) : '';
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  const scenarios: ScenarioFileInput[] = [...groups].map(([key, bs]) => {
    const era = bs[0]!.era;
    const date = bs[0]!.date;
    const actorEntries: Array<readonly [string, Record<string, unknown>]> = actors.map((id) => {
      const entry: { name?: string; capability?: number; fields?: Record<string, number> } = {};
      if (NAMES[id]) entry.name = NAMES[id];
      if (era) entry.fields = eraFields(era, id);
      if (caps === 'votes') entry.capability = eraCapability(era!, id);
      else if (caps !== 'equal') {
        const code = actorCols.find((c) => c.id === id)!.code;
        entry.capability = (caps[id] ?? caps[code])!;
      }
      return [id, entry] as const;
    });
    // Members of the Council on the date with no column in the table still vote: they are
    // actors without a position (indifferent), so that the rule counts them.
    const extra = era ? era.members.filter((m) => !actors.includes(m)) : [];
    for (const id of extra) {
      actorEntries.push([
        id,
        {
          fields: eraFields(era!, id),
          ...(caps === 'votes'
            ? { capability: eraCapability(era!, id) }
            : caps !== 'equal'
              ? { capability: 0 }
              : {}),
        },
      ]);
      tally.add(
        'note',
        'a member of the Council on the date has no column: it votes, with no position',
        `${id} in ${era!.name}`,
      );
    }
    return {
      id: key ? `${base}-${key}` : base,
      title: `${file} (DEU table${key ? `, ${era!.name}` : ''})`,
      ...(era && date ? { date: `${date.slice(0, 4)}-07-01` } : {}),
      capability: 'equal',
      actors: Object.fromEntries(actorEntries),
      issues: bs.map((b) =>
        extra.length
          ? {
              ...b.issue,
              positions: { ...b.issue.positions, ...Object.fromEntries(extra.map((m) => [m, null])) },
            }
          : b.issue,
      ),
      source: file,
    };
  });
  if (caps === 'equal')
    tally.notes.push('capabilities: equal (a DEU table records none; give --capabilities votes or FILE)');
  else if (caps === 'votes')
    tally.notes.push(
      "capabilities: each member's Council votes on the date (under Lisbon the last Nice weights); the Commission and the Parliament the members' mean",
    );
  return {
    scenarios,
    summary: {
      format: 'deu',
      file,
      issues: built.length,
      actors: actors.length,
      metadata: metaCols.map((k) => cols[k]!),
      counts: tally.counts(),
      notes: tally.notes,
    },
  };
}

/** What a voting-rule cell says. */
function ruleKind(text: string, column: string): 'qmv' | 'unanimity' | 'majority' | 'yaml' | 'none' {
  const t = text
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
  if (t === '' || MISSING_TEXT.has(t)) return 'none';
  if (/^(qmv|qm|q|qualified majority( voting)?)$/.test(t)) return 'qmv';
  if (/^(unanimity|unanimous|u|consensus)$/.test(t)) return 'unanimity';
  if (/^(majority|simple majority|sm)$/.test(t)) return 'majority';
  if (column === 'qmv' && (t === '1' || t === 'yes')) return 'qmv';
  if (column === 'qmv' && (t === '0' || t === 'no')) return 'unanimity';
  return 'yaml';
}

/**
 * A capabilities file: `actor,capability` lines (comma, tab or semicolon; an optional header), or a
 * YAML/JSON mapping `{ FR: 8.4, DE: 8.4 }`.
 */
export function parseCapabilities(text: string, file: string): Record<string, number> {
  const trimmed = text.trim();
  if (/\.(ya?ml|json)$/i.test(file) || trimmed.startsWith('{')) {
    let v: unknown;
    try {
      v = parseYaml(text);
    } catch (e) {
      throw formatError(
        file,
        1,
        `not valid YAML or JSON: ${(e as Error).message.split('\n')[0]}`,
        'Write a mapping ACTOR: capability.',
        'import.capabilities.yaml',
        { detail: (e as Error).message.split('\n')[0] ?? '' },
      );
    }
    if (!v || typeof v !== 'object' || Array.isArray(v))
      throw formatError(
        file,
        1,
        'expected a mapping ACTOR: capability',
        'Write e.g. `FR: 8.4`.',
        'import.capabilities.notMapping',
      );
    const out: Record<string, number> = {};
    for (const [k, x] of Object.entries(v)) {
      if (typeof x !== 'number' || !Number.isFinite(x) || x < 0)
        throw formatError(
          file,
          1,
          `${k}: capability ${JSON.stringify(x)} is not a non-negative number`,
          'Give a number ≥ 0.',
          'import.capabilities.badValue',
          { actor: k, value: JSON.stringify(x) },
        );
      out[k] = x;
    }
    return out;
  }
  const firstLine = trimmed.split(/\r?\n/)[0] ?? '';
  const all = rows(text, sniffDelimiter(firstLine), '#');
  const out: Record<string, number> = {};
  all.forEach((r, k) => {
    if (r.cells.length !== 2)
      throw formatError(
        file,
        r.line,
        `expected 2 cells (actor, capability), got ${r.cells.length}`,
        'One `actor,capability` per line.',
        'import.capabilities.cells',
        { count: String(r.cells.length) },
      );
    if (k === 0 && !Number.isFinite(Number(r.cells[1]))) return; // header
    const v = num(file, r, 1, 'capability', 'A capability is a non-negative number.', 'capability');
    if (v < 0)
      throw formatError(
        file,
        r.line,
        `column capability: ${v} is negative`,
        'A capability is a non-negative number.',
        'import.column',
        { column: 'capability', problem: 'negative', value: String(v), advice: 'capability' },
      );
    out[r.cells[0]!] = v;
  });
  if (Object.keys(out).length === 0)
    throw formatError(
      file,
      1,
      'no capabilities found',
      'One `actor,capability` per line.',
      'import.capabilities.none',
    );
  return out;
}
