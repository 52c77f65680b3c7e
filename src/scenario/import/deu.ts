/**
 * DEU-style tables ("The European Union Decides", Thomson, Stokman, Achen & König 2006): one row per
 * issue, tab- or comma-separated, with a header row. Columns:
 *
 *   id (or issue)   the issue's id (default: row<line>)
 *   title           optional
 *   p<ACTOR>        the actor's position on 0–100 (an empty cell: no position)
 *   s<ACTOR>        the actor's salience on 0–100
 *   rp              the reference point (status quo), optional
 *   out             the observed outcome, optional
 *   proposer, prop  optional: the proposing actor and its proposal (default: the actor COM, the
 *                   Commission, when present, and its position)
 *   rule            optional: consensus (or unanimity), majority, or a rule of the rule language in
 *                   YAML flow syntax (default: consensus of every actor but COM, which proposes
 *                   and does not vote)
 *
 * Lines starting with # are comments. Every row must have as many cells as the header. The table
 * carries no capabilities: they come from a file (`actor,capability`) or are equal. The observed
 * outcome counts as adopted when it differs from the reference point.
 */
import { parse as parseYaml } from 'yaml';
import type { ScenarioFileInput } from '../schema.js';
import { formatError, num, type Row, rows, sniffDelimiter } from './table.js';

export type CapabilityInput = 'equal' | Readonly<Record<string, number>>;

export function parseDeu(
  text: string,
  file: string,
  capabilities: CapabilityInput,
  id = 'deu',
): ScenarioFileInput {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headLine = lines.find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';
  const delim = sniffDelimiter(headLine);
  const all = rows(text, delim, '#');
  const header = all[0];
  if (!header) throw formatError(file, 1, 'the table is empty', 'Give a header row and one row per issue.');
  const cols = header.cells;
  const col = (name: string) => cols.indexOf(name);
  const actorsP = new Map<string, number>();
  const actorsS = new Map<string, number>();
  cols.forEach((c, k) => {
    const m = /^([ps])([A-Za-z0-9][A-Za-z0-9_.-]*)$/.exec(c);
    if (!m || c === 'prop' || c === 'proposer') return;
    (m[1] === 'p' ? actorsP : actorsS).set(m[2]!, k);
  });
  if (actorsP.size === 0) {
    throw formatError(
      file,
      header.line,
      'the header has no p<ACTOR> columns',
      'Name position columns p<ACTOR> (pFR, pDE…) and salience columns s<ACTOR>.',
    );
  }
  for (const a of actorsP.keys()) {
    if (!actorsS.has(a))
      throw formatError(
        file,
        header.line,
        `column p${a} has no salience column s${a}`,
        `Add a column s${a}.`,
      );
  }
  for (const a of actorsS.keys()) {
    if (!actorsP.has(a))
      throw formatError(
        file,
        header.line,
        `column s${a} has no position column p${a}`,
        `Add a column p${a}.`,
      );
  }
  const actors = [...actorsP.keys()];
  if (capabilities !== 'equal') {
    const missing = actors.filter((a) => !(a in capabilities));
    if (missing.length) {
      throw formatError(
        file,
        header.line,
        `the capabilities file gives nothing for ${missing.join(', ')}`,
        'Add a line `ACTOR,capability` for each actor of the table, or use --capabilities equal.',
      );
    }
  }
  const idCol = col('id') >= 0 ? col('id') : col('issue');
  const [titleCol, rpCol, outCol, proposerCol, propCol, ruleCol] = [
    'title',
    'rp',
    'out',
    'proposer',
    'prop',
    'rule',
  ].map(col);
  const known = new Set([
    idCol,
    titleCol!,
    rpCol!,
    outCol!,
    proposerCol!,
    propCol!,
    ruleCol!,
    ...actorsP.values(),
    ...actorsS.values(),
  ]);
  cols.forEach((c, k) => {
    if (!known.has(k)) {
      throw formatError(
        file,
        header.line,
        `unknown column "${c}"`,
        'Columns: id, title, p<ACTOR>, s<ACTOR>, rp, out, proposer, prop, rule.',
      );
    }
  });
  const scale = (r: Row, k: number, what: string, lo: number, hi: number): number | undefined => {
    if ((r.cells[k] ?? '') === '') return undefined;
    const v = num(file, r, k, cols[k]!, `${what} is a number on 0–100.`);
    if (v < lo || v > hi)
      throw formatError(
        file,
        r.line,
        `column ${cols[k]}: ${what} ${v} is outside [${lo}, ${hi}]`,
        `DEU ${what}s are on 0–100.`,
      );
    return v;
  };
  const ids = new Set<string>();
  const issues = all.slice(1).map((r) => {
    if (r.cells.length !== cols.length) {
      throw formatError(
        file,
        r.line,
        `row has ${r.cells.length} cells; the header has ${cols.length} (ragged row)`,
        'Give every row one cell per column (an empty cell for no position).',
      );
    }
    const issueId = idCol >= 0 && r.cells[idCol] ? r.cells[idCol]! : `row${r.line}`;
    if (ids.has(issueId))
      throw formatError(file, r.line, `issue id "${issueId}" is used twice`, 'Give each row its own id.');
    ids.add(issueId);
    const positions: Record<string, { position: number; salience: number } | null> = {};
    for (const a of actors) {
      const p = scale(r, actorsP.get(a)!, 'position', 0, 100);
      const s = scale(r, actorsS.get(a)!, 'salience', 0, 100);
      if (p === undefined && s !== undefined) {
        throw formatError(
          file,
          r.line,
          `column s${a}: a salience without a position (p${a} is empty)`,
          `Give p${a}, or leave s${a} empty too.`,
        );
      }
      if (p !== undefined && s === undefined) {
        throw formatError(
          file,
          r.line,
          `column s${a}: empty, but p${a} gives a position`,
          `Give the salience s${a} (0–100).`,
        );
      }
      positions[a] = p === undefined ? null : { position: p, salience: s! / 100 };
    }
    const rp = rpCol! >= 0 ? scale(r, rpCol!, 'reference point', 0, 100) : undefined;
    const out = outCol! >= 0 ? scale(r, outCol!, 'outcome', 0, 100) : undefined;
    let proposer = proposerCol! >= 0 && r.cells[proposerCol!] ? r.cells[proposerCol!] : undefined;
    if (proposer !== undefined && !actors.includes(proposer)) {
      throw formatError(
        file,
        r.line,
        `column proposer: "${proposer}" is not an actor of the table`,
        `Name one of ${actors.join(', ')}.`,
      );
    }
    if (proposer === undefined && actors.includes('COM') && positions.COM) proposer = 'COM';
    const prop = propCol! >= 0 ? scale(r, propCol!, 'proposal', 0, 100) : undefined;
    let rule: unknown;
    const ruleText = ruleCol! >= 0 ? r.cells[ruleCol!] : '';
    if (ruleText) {
      if (/^(consensus|unanimity)$/i.test(ruleText)) rule = 'consensus';
      else if (/^majority$/i.test(ruleText)) rule = { count: { moreThanShare: 0.5 } };
      else {
        try {
          rule = parseYaml(ruleText);
        } catch {
          throw formatError(
            file,
            r.line,
            `column rule: "${ruleText}" is not a rule`,
            'Write consensus, majority, or a rule in YAML flow syntax such as {count: {atLeastShare: 0.55}}.',
          );
        }
      }
    }
    return {
      id: issueId,
      title: titleCol! >= 0 && r.cells[titleCol!] ? r.cells[titleCol!] : undefined,
      scale: [0, 100] as [number, number],
      statusQuo: rp,
      proposer,
      proposal: prop,
      positions,
      rule: rule as never,
      outcome:
        out === undefined
          ? undefined
          : {
              position: out,
              adopted: rp === undefined ? undefined : Math.abs(out - rp) > 0,
              source: `${file}:${r.line}`,
            },
      source: `${file}:${r.line}`,
    };
  });
  if (issues.length === 0)
    throw formatError(file, header.line, 'the table has a header but no rows', 'Add one row per issue.');
  return {
    id,
    title: `${file} (DEU-style table)`,
    // The Commission proposes but does not vote: by default it takes no part in the consensus.
    rule: actors.includes('COM') ? { consensusMinus: ['COM'] } : 'consensus',
    capability: 'equal',
    actors: Object.fromEntries(
      actors.map((a) => [a, capabilities === 'equal' ? {} : { capability: capabilities[a]! }]),
    ),
    issues,
    source: file,
  };
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
      );
    }
    if (!v || typeof v !== 'object' || Array.isArray(v))
      throw formatError(file, 1, 'expected a mapping ACTOR: capability', 'Write e.g. `FR: 8.4`.');
    const out: Record<string, number> = {};
    for (const [k, x] of Object.entries(v)) {
      if (typeof x !== 'number' || !Number.isFinite(x) || x < 0)
        throw formatError(
          file,
          1,
          `${k}: capability ${JSON.stringify(x)} is not a non-negative number`,
          'Give a number ≥ 0.',
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
      );
    if (k === 0 && !Number.isFinite(Number(r.cells[1]))) return; // header
    const v = num(file, r, 1, 'capability', 'A capability is a non-negative number.');
    if (v < 0)
      throw formatError(
        file,
        r.line,
        `column capability: ${v} is negative`,
        'A capability is a non-negative number.',
      );
    out[r.cells[0]!] = v;
  });
  if (Object.keys(out).length === 0)
    throw formatError(file, 1, 'no capabilities found', 'One `actor,capability` per line.');
  return out;
}
