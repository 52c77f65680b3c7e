/**
 * A resolved scenario: the scenario file with its defaults filled in from the organization and the
 * data (actors, capabilities, chair, rule), checked, and laid out in flat typed arrays so that the
 * models can run many times without allocating (the uncertainty sweeps perturb these arrays in
 * place; the web lab recomputes from them while a position is dragged). Browser-safe: no I/O.
 *
 * Conventions: actor `a` of an issue with `dims` dimensions has its ideal point in
 * `position[a * dims + d]` and its salience in `salience[a * dims + d]`; `has[a]` is 0 when the actor
 * takes no position on the issue (it then has no weight and never blocks). Capabilities are shares
 * (they sum to 1).
 */
import type { WinningTest } from '../rules/evaluate.js';
import type { Rule } from '../rules/schema.js';
import type { CapabilitySource, ModelName, ModelOptions } from './schema.js';

export interface ResolvedActor {
  readonly id: string;
  readonly name: string;
  /** True when the actor is a member of the organization on the date (false: an extra actor). */
  readonly member: boolean;
}

export interface ResolvedRule {
  readonly rule: Rule;
  readonly description: string;
  /** The winning test on coalitions given as membership arrays aligned with the actors. */
  readonly test: WinningTest;
  /** 1 for a veto player (in every winning coalition). */
  readonly veto: Uint8Array;
  /**
   * True when the winning coalitions are exactly those containing every veto player (consensus,
   * consensus-minus): the win-set is then an intersection, computed without enumerating coalitions.
   */
  readonly collegial: boolean;
  /** True when the grand coalition wins (else nothing can ever pass). */
  readonly passable: boolean;
}

export interface ResolvedObserved {
  readonly adopted: boolean | null;
  readonly position: Float64Array | null;
  /** Actor indices of the observed participants of an opt-out, or null when not recorded. */
  readonly participants: readonly number[] | null;
  readonly source: string | null;
  readonly note: string | null;
}

export interface ResolvedCoding {
  readonly coder: string;
  readonly position: Float64Array;
  readonly salience: Float64Array;
  /** false: the coding says it is not an independent coder's (see the schema's `independent`). */
  readonly independent?: boolean;
}

export interface ResolvedIssue {
  readonly id: string;
  readonly title: string;
  /** Position of the issue in the file (for error paths). */
  readonly index: number;
  readonly dims: number;
  readonly dimensionIds: readonly string[];
  readonly dimensionTitles: readonly string[];
  /** Scale ends per dimension. */
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly poles: ReadonlyArray<readonly [string, string] | null>;
  readonly position: Float64Array;
  readonly salience: Float64Array;
  readonly has: Uint8Array;
  readonly statusQuo: Float64Array | null;
  readonly proposal: Float64Array | null;
  /** Actor index of the proposer, or -1. */
  readonly proposer: number;
  /** The agenda setter: the proposer, else the chair, else -1. */
  readonly setter: number;
  readonly amendable: boolean;
  readonly optOut: boolean;
  readonly rule: ResolvedRule;
  readonly observed: ResolvedObserved | null;
  readonly positionNotes: ReadonlyArray<{
    note?: string;
    source?: string;
    /** True when every coding of the position is marked inferred from the outcome. */
    inferred?: boolean;
    /** The latest source date of the codings that rest on a dated source (not inferred), if any. */
    sourceDate?: string;
  } | null>;
  /** When some position has several codings: each actor's codings (null without a position; coder '' when unnamed). */
  readonly codings?: ReadonlyArray<readonly ResolvedCoding[] | null>;
  readonly modelNotes: Partial<Record<ModelName, string>>;
  /** Case metadata from an imported table (shown, never modelled). */
  readonly metadata: Readonly<Record<string, string>>;
  readonly note: string | null;
  readonly source: string | null;
}

/** A package deal (see the schema's `packages`), with its issues as indices into `issues`. */
export interface ResolvedPackage {
  readonly id: string;
  /** Position of the package in the file (for error paths). */
  readonly index: number;
  readonly issues: readonly number[];
  /** Actor index of who may table it (−1: none). */
  readonly setter: number;
  readonly source: string | null;
  readonly sourceDate: string | null;
  readonly inferred: boolean;
  readonly note: string | null;
}

export interface ResolvedScenario {
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly organization: { readonly id: string; readonly shortName: string } | null;
  readonly actors: readonly ResolvedActor[];
  /** Capability shares, aligned with `actors` (sum 1). */
  readonly capability: Float64Array;
  /** Where the capabilities come from; 'given' when the file gives every actor's capability. */
  readonly capabilitySource: CapabilitySource | 'file' | 'given';
  /** The data year the capabilities come from, when from the data. */
  readonly capabilityYear: number | null;
  readonly capabilityNote: string | null;
  /** Actor index of the chair, or -1. */
  readonly chair: number;
  readonly issues: readonly ResolvedIssue[];
  readonly source: string | null;
  readonly note: string | null;
  /** When the positions were coded (`coded:`), if the file says. */
  readonly coded?: string | null;
  /** The file's model options (`modelOptions:`). */
  readonly modelOptions?: ModelOptions;
  /** Package deals (`packages:`); absent or empty when none. */
  readonly packages?: readonly ResolvedPackage[];
}
