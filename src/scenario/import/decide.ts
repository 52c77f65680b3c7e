/**
 * The input format of the DECIDE exchange-model package (Stokman's exchange model;
 * https://github.com/foarsitter/decide-exchange-model, data/input/*.csv): one record per line, the
 * first cell saying what it is, cells separated by tabs or semicolons, each cell optionally
 * quoted with single or double quotes — the package's own files (data/input/sample_data.txt,
 * cop21.csv, copenhagen.csv) write `'#A'\t'Willems'\t'Willems'\t'Test'`:
 *
 *   #O  title                                  (optional)
 *   #/  …                                      a comment
 *   #A  actor-id  full name  [comment]         an actor
 *   #P  issue-id  name  [description]          an issue
 *   #M  issue-id  value  [meaning]             a labelled point of the issue's scale (optional)
 *   #D  actor-id  issue-id  position  salience  power  [comment]
 *
 * Saliences are on 0–1; power is any non-negative number. An issue's scale runs from its lowest to
 * its highest #M value when it has two or more, else 0–100. An actor without a #D line on an issue
 * takes no position on it. There is no status quo, rule or outcome. When every actor has the same
 * power on every issue the file becomes one scenario; otherwise one scenario per issue (capabilities
 * are scenario-wide in Concord).
 */
import type { ScenarioFileInput } from '../schema.js';
import { formatError, num, type Row, rows, sniffDelimiter, toId, trimTrailing } from './table.js';

export function parseDecide(text: string, file: string): ScenarioFileInput[] {
  const firstData = text.split(/\r?\n/).find((l) => /^\s*['"]?#/.test(l)) ?? '';
  const delim = firstData.includes('\t') ? '\t' : firstData.includes(';') ? ';' : sniffDelimiter(firstData);
  const all = rows(text, delim, undefined, `'"`).map((r) => ({ line: r.line, cells: trimTrailing(r.cells) }));
  let title: string | undefined;
  const actors = new Map<string, { name: string; line: number }>();
  const issues = new Map<string, { title: string; marks: number[]; line: number }>();
  const data: Array<{
    row: Row;
    actor: string;
    issue: string;
    position: number;
    salience: number;
    power: number;
  }> = [];
  for (const r of all) {
    const tag = r.cells[0]!;
    if (!tag.startsWith('#')) {
      throw formatError(
        file,
        r.line,
        `"${tag}" is not a record type; lines start with #A, #P, #M, #D, #O or #/`,
        'Each line starts with a record type (#A, #P, #M, #D, #O or #/), quoted or not; see docs/scenarios.md.',
        'import.decide.recordType',
        { tag },
      );
    }
    const need = (k: number, what: string) => {
      if (r.cells.length < k) {
        throw formatError(
          file,
          r.line,
          `${tag} line has ${r.cells.length} cells; it needs ${k} (${what})`,
          'Check the separators (tab or semicolon) on this line.',
          'import.decide.tooFewCells',
          { tag, count: String(r.cells.length), need: String(k), what },
        );
      }
    };
    switch (tag) {
      case '#O':
        title = r.cells[1];
        break;
      case '#/':
        break;
      case '#A': {
        need(2, '#A, id, name');
        const id = r.cells[1]!;
        if (actors.has(id))
          throw formatError(
            file,
            r.line,
            `actor "${id}" is defined twice`,
            'Keep one #A line per actor.',
            'import.decide.actorTwice',
            { id },
          );
        actors.set(id, { name: r.cells[2] || id, line: r.line });
        break;
      }
      case '#P': {
        need(2, '#P, id, description');
        const id = r.cells[1]!;
        if (issues.has(id))
          throw formatError(
            file,
            r.line,
            `issue "${id}" is defined twice`,
            'Keep one #P line per issue.',
            'import.decide.issueTwice',
            { id },
          );
        issues.set(id, { title: r.cells[2] || id, marks: [], line: r.line });
        break;
      }
      case '#M': {
        need(3, '#M, issue, value, meaning');
        const issue = issues.get(r.cells[1]!);
        if (!issue)
          throw formatError(
            file,
            r.line,
            `#M refers to issue "${r.cells[1]}", not defined by a #P line above`,
            'Define the issue first.',
            'import.decide.markUnknownIssue',
            { issue: String(r.cells[1]) },
          );
        issue.marks.push(num(file, r, 2, 'value', 'A #M value is a number.', 'decideMark'));
        break;
      }
      case '#D': {
        need(6, '#D, actor, issue, position, salience, power');
        if (r.cells.length > 7) {
          throw formatError(
            file,
            r.line,
            `#D line has ${r.cells.length} cells; it takes 6 or 7 (#D, actor, issue, position, salience, power, comment)`,
            'Remove the extra cells.',
            'import.decide.tooManyCells',
            { count: String(r.cells.length) },
          );
        }
        const actor = r.cells[1]!;
        const issue = r.cells[2]!;
        if (!actors.has(actor))
          throw formatError(
            file,
            r.line,
            `column actor: "${actor}" is not defined by an #A line`,
            'Add `#A <id> <name>` for it.',
            'import.column',
            {
              column: 'actor',
              problem: 'noActorLine',
              value: actor,
              advice: 'decideAddActor',
              example: '#A <id> <name>',
            },
          );
        if (!issues.has(issue))
          throw formatError(
            file,
            r.line,
            `column issue: "${issue}" is not defined by a #P line`,
            'Add `#P <id> <description>` for it.',
            'import.column',
            {
              column: 'issue',
              problem: 'noIssueLine',
              value: issue,
              advice: 'decideAddIssue',
              example: '#P <id> <description>',
            },
          );
        const position = num(file, r, 3, 'position', 'Positions are numbers.', 'decidePosition');
        const salience = num(file, r, 4, 'salience', 'Saliences are numbers on 0–1.', 'decideSalience');
        const power = num(file, r, 5, 'power', 'Power is a non-negative number.', 'power');
        if (salience < 0 || salience > 1)
          throw formatError(
            file,
            r.line,
            `column salience: ${salience} is outside [0, 1]`,
            'DECIDE saliences are on 0–1.',
            'import.column',
            { column: 'salience', problem: 'outside01', value: String(salience), advice: 'decideSalience01' },
          );
        if (power < 0)
          throw formatError(
            file,
            r.line,
            `column power: ${power} is negative`,
            'Power is a non-negative number.',
            'import.column',
            { column: 'power', problem: 'negative', value: String(power), advice: 'power' },
          );
        if (data.some((d) => d.actor === actor && d.issue === issue)) {
          throw formatError(
            file,
            r.line,
            `actor "${actor}" has two #D lines on issue "${issue}"`,
            'Keep one.',
            'import.decide.twoLines',
            { actor, issue },
          );
        }
        data.push({ row: r, actor, issue, position, salience, power });
        break;
      }
      default:
        throw formatError(
          file,
          r.line,
          `unknown record type "${tag}"`,
          'Lines start with #A, #P, #M, #D, #O or #/.',
          'import.decide.unknownRecord',
          { tag },
        );
    }
  }
  if (actors.size === 0 || issues.size === 0 || data.length === 0) {
    throw formatError(
      file,
      all[all.length - 1]?.line ?? 1,
      'the file needs #A, #P and #D lines',
      'A DECIDE file defines actors (#A), issues (#P) and positions (#D); see docs/scenarios.md.',
      'import.decide.empty',
    );
  }
  const ids = new Map([...actors.keys()].map((a) => [a, toId(a)]));
  const scale = (id: string): [number, number] => {
    const m = issues.get(id)!.marks;
    const lo = Math.min(...m);
    const hi = Math.max(...m);
    return m.length >= 2 && hi > lo ? [lo, hi] : [0, 100];
  };
  for (const d of data) {
    const [lo, hi] = scale(d.issue);
    if (d.position < lo || d.position > hi) {
      throw formatError(
        file,
        d.row.line,
        `column position: ${d.position} is outside the scale [${lo}, ${hi}] of issue "${d.issue}"`,
        'Fix the position, or the #M points of the issue.',
        'import.column',
        {
          column: 'position',
          problem: 'outsideIssueScale',
          value: String(d.position),
          low: String(lo),
          high: String(hi),
          issue: d.issue,
          advice: 'decidePositionFix',
        },
      );
    }
  }
  const issueInput = (id: string) => ({
    id: toId(id),
    title: issues.get(id)!.title,
    scale: scale(id),
    positions: Object.fromEntries(
      [...actors.keys()].map((a) => {
        const d = data.find((x) => x.actor === a && x.issue === id);
        return [ids.get(a)!, d ? { position: d.position, salience: d.salience } : null];
      }),
    ),
  });
  const powerOf = (a: string, issue?: string) =>
    data.find((d) => d.actor === a && (issue === undefined || d.issue === issue))?.power;
  const consistent = [...actors.keys()].every((a) => {
    const ps = data.filter((d) => d.actor === a).map((d) => d.power);
    return ps.every((p) => p === ps[0]);
  });
  const base = (
    suffix: string,
    issueIds: string[],
    power: (a: string) => number | undefined,
  ): ScenarioFileInput => ({
    id: `${toId(title ?? 'decide')}${suffix}`,
    title: title ?? file,
    actors: Object.fromEntries(
      [...actors].map(([a, v]) => [ids.get(a)!, { name: v.name, capability: power(a) ?? 0 }]),
    ),
    issues: issueIds.map(issueInput),
    source: file,
  });
  if (consistent) return [base('', [...issues.keys()], (a) => powerOf(a))];
  return [...issues.keys()].map((i) => base(`-${toId(i)}`, [i], (a) => powerOf(a, i)));
}
