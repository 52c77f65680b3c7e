/** The exchange model's rounds on one issue, explained for `concord forecast --model exchange`. */
import type { IssueExchange, IssueForecast } from '../../bargaining/forecast.js';
import { fmtPoint } from '../../bargaining/forecast.js';
import { ConcordError } from '../../errors.js';
import type { ResolvedScenario } from '../../scenario/types.js';

export function exchangeDetail(x: IssueExchange): string {
  const n = x.run.rounds.reduce(
    (acc, r) => acc + r.exchanges.filter((e) => e.i.supply === x.k || e.j.supply === x.k).length,
    0,
  );
  return `${x.run.rounds.length} rounds, ${n} exchange${n === 1 ? '' : 's'} moved positions on this issue; forecast = weighted mean of the last round's voting positions`;
}

/** One line per round: the forecast before and after, and each exchange that moved someone here. */
export function exchangeRounds(s: ResolvedScenario, x: IssueExchange, issueIds: readonly string[]): string[] {
  const lines = ['Exchange model, round by round (who shifts here, in return for whom shifting where):'];
  const id = (a: number) => s.actors[a]!.id;
  x.run.rounds.forEach((r, t) => {
    const here = r.exchanges.filter((e) => e.i.supply === x.k || e.j.supply === x.k);
    lines.push(
      `  round ${t + 1}: forecast ${fmtPoint(r.before[x.k]!, 2)} → ${fmtPoint(r.after[x.k]!, 2)}; ${here.length} exchange${here.length === 1 ? '' : 's'} of ${r.exchanges.length}`,
    );
    for (const e of here.slice(0, 8)) {
      const [m, p] = e.i.supply === x.k ? [e.i, e.j] : [e.j, e.i];
      lines.push(
        `    ${id(m.actor)} ${fmtPoint(m.from, 2)} → ${fmtPoint(m.to, 2)} for ${id(p.actor)} on ${issueIds[p.supply]} ${fmtPoint(p.from, 2)} → ${fmtPoint(p.to, 2)} (gain ${fmtPoint(e.gain, 3)} each)`,
      );
    }
    if (here.length > 8) lines.push(`    … and ${here.length - 8} more (--json lists all)`);
  });
  return lines;
}

/** The ids of the exchange model's issues (the scenario's one-dimensional issues, in order). */
export function exchangeIssueIds(s: ResolvedScenario): string[] {
  return s.issues.filter((is) => is.dims === 1).map((is) => is.id);
}

/** `--model exchange` asked for explicitly on a scenario it cannot run on: exit 2 naming the field. */
export function requireExchange(file: string, s: ResolvedScenario, fs: readonly IssueForecast[]): void {
  const f = fs.find((x) => x.exchange === null);
  if (!f) return;
  const one = s.issues.length < 2;
  const path = one ? 'issues' : `issues[${f.issue.index}].dimensions`;
  throw new ConcordError(
    'E_VALIDATION',
    `${file}: ${path}: ${f.notes.exchange ?? 'the exchange model cannot run here'}${one ? ` (only "${f.issue.id}")` : ` (issue "${f.issue.id}")`}`,
    {
      path,
      hint: one
        ? 'The exchange model needs at least two issues with positions and saliences of the same actors; run other models (--model compromise median nash eum) on a single issue.'
        : 'The exchange model runs on one-dimensional issues only; give this issue one dimension or run other models on it.',
    },
  );
}
