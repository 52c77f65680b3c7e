/**
 * Package deals in the consensus model: issues linked into a package are voted on together. Each
 * actor compares the package of the tabled proposals y_k with the status quo q_k of every part by
 * the salience-weighted sum of its utilities over the parts,
 *
 *   Δ_i = Σ_k [ L_ik(q_k) − L_ik(y_k) ],   L_ik(z) = s̄_ik · d̂_ik(z),
 *
 * where d̂_ik is the distance of ./space.ts with the saliences of part k relative to their mean s̄_ik,
 * each dimension rescaled to [0, 1] by its scale: for a one-dimensional part, L_ik(z) = s_ik |z −
 * x_ik| / (hi − lo), the linear loss of ./line.ts weighted by salience, so the parts are added on one
 * scale. An actor with no position on a part counts 0 there. The package passes when the actors with
 * Δ_i ≥ 0 form a winning coalition under the rule of every part (each part is still decided under
 * its own rule; under consensus: no member strictly prefers the status quo of the whole package).
 * This is the logroll of issue linkage (Tollison & Willett 1979, "An economic theory of mutually
 * advantageous issue linkages in international negotiations", International Organization 33(4);
 * Sebenius 1983, "Negotiation arithmetic: adding and subtracting issues and parties", International
 * Organization 37(2)): a member that would block a part alone accepts the package when its gain on
 * the other parts outweighs its loss on this one.
 *
 * The setter (the package's `setter`, else the chair, else the first part's agenda setter) may
 * propose the package: it does when the package passes and the setter weakly prefers its proposals
 * to what the parts give when each is decided alone (each part's own consensus-model outcome). The
 * outcome of each part is then its tabled proposal; otherwise each part keeps its own outcome.
 * Not computed: an amended package (the setter's best point of the joint win-set).
 *
 * Reported: who supports and who blocks the package (Δ_i > 0 / < 0), and the blockers of each part
 * decided alone, so that the actors the linkage wins over can be read off.
 */
import type { ResolvedIssue, ResolvedPackage, ResolvedScenario } from '../scenario/types.js';
import type { ConsensusResult } from './consensus.js';
import { distance2, issueSpace } from './space.js';

export interface PackageResult {
  readonly pkg: ResolvedPackage;
  /** Why the package cannot be evaluated (a part without a status quo or a proposal), else null. */
  readonly note: string | null;
  /** The package of the tabled proposals beats the status quo under every part's rule. */
  readonly passes: boolean | null;
  /** Per actor: Δ_i, the package's gain over the status quo (salience-weighted, 0–1 per unit of scale). */
  readonly gain: Float64Array;
  /** Actors with Δ_i > 0 / Δ_i < 0 (beyond 1e-12). */
  readonly supporters: readonly number[];
  readonly blockers: readonly number[];
  /** Per part: the blockers of the part decided alone (its own consensus result). */
  readonly partBlockers: ReadonlyArray<readonly number[]>;
  /** The actor who may table the package (−1: none). */
  readonly setter: number;
  /** The setter proposes the package (it passes and the setter prefers it to the separate outcomes). */
  readonly proposed: boolean | null;
  /** Per part: its outcome decided alone (its own consensus outcome). */
  readonly separate: ReadonlyArray<Float64Array | null>;
  /** Per part: the outcome with the package (the proposal when proposed, else the separate outcome). */
  readonly outcome: ReadonlyArray<Float64Array | null>;
}

/**
 * Actor a's salience-weighted loss at z on an issue: s̄ · sqrt(Σ_d (s_d / s̄) ((z_d − x_d)/r_d)²) =
 * sqrt(s̄) · d(z) with d the distance of ./space.ts; 0 without a position.
 */
export function packageLoss(issue: ResolvedIssue, n: number, a: number, z: ArrayLike<number>): number {
  if (issue.has[a] === 0) return 0;
  let sbar = 0;
  for (let d = 0; d < issue.dims; d++) sbar += issue.salience[a * issue.dims + d]!;
  sbar /= issue.dims;
  if (!(sbar > 0)) return 0;
  return Math.sqrt(sbar) * Math.sqrt(distance2(issueSpace(issue, n), a, z));
}

/** The package model, given each part's own consensus result (in the order of `pkg.issues`). */
export function packageModel(
  s: ResolvedScenario,
  pkg: ResolvedPackage,
  parts: ReadonlyArray<ConsensusResult | null | undefined>,
): PackageResult {
  const n = s.actors.length;
  const issues = pkg.issues.map((q) => s.issues[q]!);
  const gain = new Float64Array(n);
  const separate = parts.map((c) => c?.outcome ?? null);
  const partBlockers = parts.map((c) => c?.blockers ?? []);
  const missing = issues.find((is) => !is.statusQuo || !is.proposal);
  if (missing) {
    return {
      pkg,
      note: `issue "${missing.id}" of the package has no ${missing.statusQuo ? 'proposal' : 'status quo'}: the package is not evaluated`,
      passes: null,
      gain,
      supporters: [],
      blockers: [],
      partBlockers,
      setter: pkg.setter,
      proposed: null,
      separate,
      outcome: separate,
    };
  }
  const supporters: number[] = [];
  const blockers: number[] = [];
  const coalition = new Array<boolean>(n);
  for (let a = 0; a < n; a++) {
    let g = 0;
    for (const is of issues) g += packageLoss(is, n, a, is.statusQuo!) - packageLoss(is, n, a, is.proposal!);
    gain[a] = g;
    if (g > 1e-12) supporters.push(a);
    else if (g < -1e-12) blockers.push(a);
    coalition[a] = g >= -1e-12;
  }
  const passes = issues.every((is) => is.rule.passable && is.rule.test(coalition));
  let proposed: boolean | null = false;
  const st = pkg.setter;
  if (passes) {
    if (st < 0) proposed = true;
    else {
      // the setter compares the package with the parts decided alone
      let withPkg = 0;
      let alone = 0;
      issues.forEach((is, k) => {
        withPkg += packageLoss(is, n, st, is.proposal!);
        alone += packageLoss(is, n, st, separate[k] ?? is.statusQuo!);
      });
      proposed = withPkg <= alone + 1e-12;
    }
  }
  return {
    pkg,
    note: null,
    passes,
    gain,
    supporters,
    blockers,
    partBlockers,
    setter: st,
    proposed,
    separate,
    outcome: issues.map((is, k) => (proposed ? is.proposal!.slice() : separate[k]!)),
  };
}
