/** The exchange model's rounds on one issue, explained for `concord forecast --model exchange`. */
import type { IssueExchange } from '../../bargaining/forecast.js';
import { fmtPoint } from '../../bargaining/forecast.js';
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
