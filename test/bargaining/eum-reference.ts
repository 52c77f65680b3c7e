/**
 * A slow, literal transcription of the expected-utility model's equations as documented in
 * src/bargaining/eum.ts (Scholz, Calbert & Smith 2011), written independently of the fast
 * implementation (objects and maps, no workspace, no canonical order), for cross-checking it.
 */
import { SAME_POSITION } from '../../src/bargaining/eum.js';

export interface RefActor {
  name: string;
  x: number;
  c: number;
  s: number;
}

export function refMedian(actors: RefActor[]): number {
  // positions with their total weight, ascending
  const groups = new Map<number, number>();
  for (const a of actors) if (a.c * a.s > 0) groups.set(a.x, (groups.get(a.x) ?? 0) + a.c * a.s);
  const xs = [...groups.keys()].sort((a, b) => a - b);
  const total = [...groups.values()].reduce((t, w) => t + w, 0);
  let cum = 0;
  for (let k = 0; k < xs.length; k++) {
    cum += groups.get(xs[k]!)!;
    if (cum >= total / 2 - total * 1e-12) {
      if (k + 1 < xs.length && Math.abs(cum - total / 2) <= total * 1e-12) return (xs[k]! + xs[k + 1]!) / 2;
      return xs[k]!;
    }
  }
  return Number.NaN;
}

export function refEum(
  input: RefActor[],
  maxRounds = 100,
  tol = 1e-3,
  scale = 100,
): { outcome: number; rounds: number; positions: Map<string, number> } {
  const actors = input.map((a) => ({ ...a }));
  const xs = actors.map((a) => a.x);
  const R = Math.max(...xs) - Math.min(...xs);
  // the model's one tolerance for "same position" (SAME_POSITION of the scale; the tests use 0–100)
  const same = SAME_POSITION * Math.max(scale, R);
  // a distance as a share of R: 0 within the tolerance of 0, 1 within it of R
  const nd = (dx: number) => (dx <= same ? 0 : R - dx <= same ? 1 : dx / R);
  if (!(R > 1e-9 * 100))
    return { outcome: refMedian(actors), rounds: 0, positions: new Map(actors.map((a) => [a.name, a.x])) };
  const prob = (i: RefActor, j: RefActor) => {
    let num = 0;
    let den = 0;
    for (const k of actors) {
      // the votes are linear in the distances: no tolerance (as in the model)
      const uki = 1 - (2 * Math.abs(k.x - i.x)) / R;
      const ukj = 1 - (2 * Math.abs(k.x - j.x)) / R;
      const v = k.c * k.s * (uki - ukj);
      if (v > 0) num += v;
      den += Math.abs(v);
    }
    return den > 0 ? num / den : 0.5;
  };
  const expected = (r: number, i: RefActor, j: RefActor, tolerance = true) => {
    const d = tolerance ? nd(Math.abs(i.x - j.x)) : Math.abs(i.x - j.x) / R;
    const us = 2 - 4 * (0.5 - 0.5 * d) ** r;
    const uf = 2 - 4 * (0.5 + 0.5 * d) ** r;
    const usq = 2 - 4 * 0.5 ** r;
    const p = prob(i, j);
    return j.s * (p * us + (1 - p) * uf) + (1 - j.s) * us - usq;
  };
  let rounds = 0;
  for (;;) {
    if (rounds >= maxRounds) break;
    rounds++;
    const S = new Map(
      actors.map((i) => [
        i.name,
        actors.filter((j) => j !== i).reduce((t, j) => t + expected(1, j, i, false), 0),
      ]),
    );
    const smax = Math.max(...S.values());
    const smin = Math.min(...S.values());
    const risk = new Map(
      actors.map((i) => {
        const Ri = smax > smin ? (2 * S.get(i.name)! - smax - smin) / (smax - smin) : 0;
        return [i.name, (1 - Ri / 3) / (1 + Ri / 3)];
      }),
    );
    const offers = new Map<string, Array<{ to: number; eu: number }>>();
    for (const i of actors) {
      for (const j of actors) {
        if (i === j || Math.abs(i.x - j.x) <= same) continue;
        const a = expected(risk.get(i.name)!, i, j);
        const b = expected(risk.get(i.name)!, j, i);
        const tie = 1e-12;
        let to: number | null = null;
        if (a > tie && b > tie && a > b + tie) to = i.x;
        else if (a > tie && b <= tie) to = a > -b ? j.x + (i.x - j.x) * Math.max(0, -b / a) : i.x;
        if (to !== null) offers.set(j.name, [...(offers.get(j.name) ?? []), { to, eu: a }]);
      }
    }
    let moved = 0;
    const next = new Map<string, number>();
    for (const j of actors) {
      const list = offers.get(j.name) ?? [];
      if (!list.length) {
        next.set(j.name, j.x);
        continue;
      }
      // the least move; moves within the tolerance of the least are tied: the largest sender EU
      // (within 1e-12 of it tied), then the lowest position
      const least = Math.min(...list.map((o) => Math.abs(o.to - j.x)));
      const tied = list.filter((o) => Math.abs(o.to - j.x) <= least + same);
      const top = Math.max(...tied.map((o) => o.eu));
      const pick = tied.filter((o) => o.eu >= top - 1e-12).sort((p, q) => p.to - q.to)[0]!;
      next.set(j.name, pick.to);
      moved = Math.max(moved, Math.abs(pick.to - j.x));
    }
    for (const j of actors) j.x = next.get(j.name)!;
    if (moved <= tol * R) break;
  }
  return { outcome: refMedian(actors), rounds, positions: new Map(actors.map((a) => [a.name, a.x])) };
}
