/** KTAB's SMP on one issue, explained turn by turn for `concord forecast --model smp`. */
import type { IssueForecast } from '../../bargaining/forecast.js';
import { fmtPoint } from '../../bargaining/forecast.js';
import { type IssueSmp, smpBargainCounts, smpMoves } from '../../bargaining/smp.js';
import { ConcordError } from '../../errors.js';
import { formatter, type Locale, translator } from '../../i18n/index.js';
import { smp as smpMessages } from '../../i18n/messages/smp/index.js';
import type { ResolvedIssue, ResolvedScenario } from '../../scenario/types.js';

function pointAt(is: ResolvedIssue, P: ArrayLike<number>, k: number): string {
  const D = is.dims;
  return fmtPoint(
    Float64Array.from({ length: D }, (_, d) => is.lo[d]! + P[k * D + d]! * (is.hi[d]! - is.lo[d]!)),
  );
}

/** The detail cell of the model table. */
export function smpDetail(x: IssueSmp, locale: Locale): string {
  const t = translator(smpMessages, locale);
  return t('detail', {
    turns: x.run.turns.length,
    stop: x.run.stop === 'quiet' ? t('stop.quiet') : t('stop.turnLimit'),
    modal: fmtPoint(x.modal),
  });
}

/** Each turn: its challenges and bargains counted, then one line per actor that moved (and why), the others in one line. */
export function smpTurns(s: ResolvedScenario, is: ResolvedIssue, x: IssueSmp, locale: Locale): string[] {
  const t = translator(smpMessages, locale);
  const f = formatter(locale);
  const id = (k: number) => s.actors[x.actors[k]!]!.id;
  const lines = [t('heading')];
  if (x.excluded.length)
    lines.push(`  ${t('excluded', { actors: x.excluded.map((e) => s.actors[e.actor]!.id).join(', ') })}`);
  const run = x.run;
  run.turns.forEach((turn, k) => {
    const c = smpBargainCounts(turn);
    lines.push(
      `  ${t('turn', {
        turn: k + 1,
        challenges: turn.challenges.filter((ch) => ch !== null).length,
        struck: c.struck,
        oneSided: c.oneSided,
        refused: c.refused,
        ratio: f.percent(turn.ratio, 1),
      })}`,
    );
    const after = k + 1 < run.turns.length ? run.turns[k + 1]!.from.position : run.final.position;
    const stayed: string[] = [];
    for (const m of smpMoves(run, k)) {
      const from = pointAt(is, turn.from.position, m.actor);
      const to = pointAt(is, after, m.actor);
      if (!m.moved) {
        stayed.push(id(m.actor));
        continue;
      }
      const common = {
        actor: id(m.actor),
        from,
        to,
        partner: m.partner >= 0 ? id(m.partner) : '',
        partnerTook: m.partnerTook ? 'yes' : 'no',
        probability: f.fixed(m.probability, 2),
        options: m.options,
      };
      lines.push(
        `    ${
          m.kind === 'ownChallenge'
            ? t('move.ownChallenge', {
                ...common,
                pWin: f.fixed(m.challenge?.pWin ?? 0, 2),
                gain: f.fixed(m.challenge?.gain ?? 0, 3),
              })
            : m.kind === 'challenged'
              ? t('move.challenged', common)
              : m.kind === 'statusQuo'
                ? t('move.statusQuo', { ...common, bargains: m.options - 1 })
                : t('move.none', common)
        }`,
      );
    }
    if (stayed.length) lines.push(`    ${t('stayed', { actors: stayed.join(', ') })}`);
  });
  lines.push(
    `  ${t('final', {
      positions: x.actors.map((_, k) => `${id(k)} ${pointAt(is, run.final.position, k)}`).join(', '),
    })}`,
  );
  return lines;
}

/** `--model smp` asked for explicitly on an issue it cannot run on: exit 2 naming the issue and field. */
export function requireSmp(file: string, fs: readonly IssueForecast[]): void {
  const f = fs.find((x) => x.smp === null && x.smpRefusal);
  if (!f) return;
  const r = f.smpRefusal!;
  // SMP's refusal is written by the library (src/bargaining/smp.ts), in English.
  throw new ConcordError('E_VALIDATION', `${file}: ${r.path}: ${r.note}`, {
    path: r.path,
    hint: r.hint,
    key: 'cli.smpRefused',
    values: { file, path: r.path, note: r.note },
  });
}
