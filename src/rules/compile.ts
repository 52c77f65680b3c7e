/**
 * Exact compilation of a rule against its players: the rule becomes a monotone Boolean formula over
 * weighted-threshold atoms `Σ_{i∈S} w_i ≥ Q` with non-negative integer weights and quotas.
 *
 * Exactness scheme (no floating-point tolerance anywhere):
 *  - a number is read as the shortest decimal that round-trips to it (what was written in the
 *    file: 83.2 is 832/10, not the binary double nearest to it);
 *  - all weights of one field, and the absolute quotas on it, are scaled by one power of ten to
 *    integers (BigInt), then divided by the weights' greatest common divisor;
 *  - a share quota s = a/b (a decimal or a fraction string) on a total T becomes the integer quota
 *    ⌈a·T/b⌉ ("at least") or ⌊a·T/b⌋ + 1 ("more than"), which is exactly the set of integer sums
 *    that satisfy the comparison with the real number s·T.
 * Counting rules are atoms on the all-ones weights; consensus is "count ≥ n"; consensusMinus is
 * "count of the voting parties ≥ their number" (weights 1 for them, 0 for the others).
 *
 * Every power algorithm (src/power/) works on this compiled form, and the reference predicate
 * `winsExactly` below is what the tests compare them with.
 */
import { ConcordError, type ErrorValues } from '../errors.js';
import type { Player } from './evaluate.js';
import { FRACTION } from './fraction.js';
import type { Rule, Share } from './schema.js';

/** One weight vector shared by the atoms that sum the same thing. */
export interface Dimension {
  /** `count`, a field name, or `voting:ID,ID…` for a consensus-minus rule. */
  readonly key: string;
  readonly label: string;
  /** True for the all-ones vector (a count of players). */
  readonly isCount: boolean;
  readonly weights: readonly bigint[];
  readonly total: bigint;
  /** The scaled integer weights are the field's values times this factor: num/den. */
  readonly scale: { num: bigint; den: bigint };
}

export interface Atom {
  readonly dim: number;
  /** The atom holds for coalition S iff Σ_{i∈S} weights[i] ≥ quota. */
  readonly quota: bigint;
  /** Where the atom comes from in the rule, e.g. `rule.all[1]`. */
  readonly path: string;
}

export type Formula =
  | { readonly kind: 'const'; readonly value: boolean }
  | { readonly kind: 'atom'; readonly atom: number }
  | { readonly kind: 'all' | 'any'; readonly parts: readonly Formula[] };

export interface CompiledRule {
  readonly n: number;
  readonly ids: readonly string[];
  readonly dims: readonly Dimension[];
  readonly atoms: readonly Atom[];
  readonly formula: Formula;
}

/** A non-negative decimal value: mantissa × 10^exp. */
export interface Decimal {
  readonly mantissa: bigint;
  readonly exp: number;
}

/** The shortest decimal that round-trips to `x` (finite, non-negative). */
export function toDecimal(x: number): Decimal {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`not a finite non-negative number: ${x}`);
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new RangeError(`cannot read ${x} as a decimal`);
  const frac = m[2] ?? '';
  let mantissa = BigInt(m[1]! + frac);
  let exp = Number(m[3] ?? 0) - frac.length;
  while (mantissa !== 0n && mantissa % 10n === 0n) {
    mantissa /= 10n;
    exp += 1;
  }
  return { mantissa, exp: mantissa === 0n ? 0 : exp };
}

/** A share as an exact fraction num/den. */
export function shareFraction(s: Share): { num: bigint; den: bigint } {
  if (typeof s === 'string') {
    const m = FRACTION.exec(s)!;
    return { num: BigInt(m[1]!), den: BigInt(m[2]!) };
  }
  const d = toDecimal(s);
  return d.exp >= 0
    ? { num: d.mantissa * 10n ** BigInt(d.exp), den: 1n }
    : { num: d.mantissa, den: 10n ** BigInt(-d.exp) };
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x;
}

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

/** Throws E_VALIDATION `path: message`; `key` names a `rules.` message ({path}: …) and its hint. */
function fail(path: string, message: string, hint: string, key: string, values: ErrorValues = {}): never {
  throw new ConcordError('E_VALIDATION', `${path}: ${message}`, {
    path,
    hint,
    key,
    values: { path, ...values },
  });
}

/** A field's values, checked: present, finite, non-negative numbers on every player. */
export function fieldValues(players: readonly Player[], field: string, path: string): number[] {
  if (!players.some((p) => field in p)) {
    const known = [...new Set(players.flatMap((p) => Object.keys(p)))].filter(
      (k) => k !== 'id' && typeof players[0]?.[k] === 'number',
    );
    fail(
      path,
      `unknown field "${field}": no player has it`,
      known.length
        ? `Sum over a numeric field of the players: ${known.join(', ')}.`
        : 'Give the players a numeric field (votes, population…) to sum over.',
      'rules.unknownField',
      { field, known: known.join(', ') || 'none' },
    );
  }
  return players.map((p, i) => {
    const v = p[field];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new ConcordError(
        'E_VALIDATION',
        `players[${i}].${field}: player ${p.id} has no usable "${field}" (got ${v === undefined ? 'nothing' : JSON.stringify(v)}) for ${path}`,
        {
          path: `players[${i}].${field}`,
          hint: `Give every player a finite, non-negative number in "${field}", or sum over another field.`,
          key: 'rules.unusableField',
          values: {
            path: `players[${i}].${field}`,
            player: p.id,
            field,
            got: v === undefined ? 'none' : JSON.stringify(v),
            where: path,
          },
        },
      );
    }
    return v;
  });
}

/** Compiles `rule` for `players`; throws E_VALIDATION naming the path of an impossible rule. */
export function compile(rule: Rule, players: readonly Player[], path = 'rule'): CompiledRule {
  const n = players.length;
  if (n === 0) fail('players', 'no players', 'Give at least one player.', 'rules.noPlayers');
  const ids = players.map((p) => p.id);
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    if (seen.has(id))
      fail(
        `players[${i}].id`,
        `duplicate id "${id}" (also players[${seen.get(id)}])`,
        'Give every player its own id.',
        'rules.duplicateId',
        { id, other: `players[${seen.get(id)}]` },
      );
    seen.set(id, i);
  });

  // Pass 1: the absolute quotas written on each field, to choose the field's scale.
  const absolute = new Map<string, number[]>();
  const collect = (r: Rule) => {
    if (typeof r === 'string') return;
    if ('sum' in r && r.atLeast !== undefined)
      absolute.set(r.sum, [...(absolute.get(r.sum) ?? []), r.atLeast]);
    if ('all' in r) r.all.forEach(collect);
    if ('any' in r) r.any.forEach(collect);
  };
  collect(rule);

  const dims: Dimension[] = [];
  const dimIndex = new Map<string, number>();
  const atoms: Atom[] = [];

  const countDim = (): number => {
    const key = 'count';
    if (!dimIndex.has(key)) {
      dimIndex.set(key, dims.length);
      dims.push({
        key,
        label: 'members',
        isCount: true,
        weights: ids.map(() => 1n),
        total: BigInt(n),
        scale: { num: 1n, den: 1n },
      });
    }
    return dimIndex.get(key)!;
  };

  const fieldDim = (field: string, p: string): number => {
    if (dimIndex.has(field)) return dimIndex.get(field)!;
    const values = fieldValues(players, field, `${p}.sum`).map(toDecimal);
    const quotas = (absolute.get(field) ?? []).map(toDecimal);
    const e = Math.min(0, ...values.map((d) => d.exp), ...quotas.map((d) => d.exp));
    let weights = values.map((d) => d.mantissa * 10n ** BigInt(d.exp - e));
    const g = weights.reduce((a, b) => gcd(a, b), 0n) || 1n;
    weights = weights.map((w) => w / g);
    dimIndex.set(field, dims.length);
    dims.push({
      key: field,
      label: field,
      isCount: false,
      weights,
      total: weights.reduce((a, b) => a + b, 0n),
      // scaled = value × 10^-e / g
      scale: { num: 10n ** BigInt(-e), den: g },
    });
    return dims.length - 1;
  };

  const atom = (dim: number, quota: bigint, p: string): Formula => {
    if (quota <= 0n) return { kind: 'const', value: true };
    const total = dims[dim]!.total;
    if (quota > total) throw new Error(`internal: quota ${quota} above total ${total} at ${p}`);
    const found = atoms.findIndex((a) => a.dim === dim && a.quota === quota);
    if (found >= 0) return { kind: 'atom', atom: found };
    atoms.push({ dim, quota, path: p });
    return { kind: 'atom', atom: atoms.length - 1 };
  };

  const shareQuota = (s: Share, total: bigint, strict: boolean): bigint => {
    const { num, den } = shareFraction(s);
    return strict ? (num * total) / den + 1n : ceilDiv(num * total, den);
  };

  // kind words the total: named (`count` named players), players (`count` players), sum
  // (`amount` of `field`), share (a share below 1), zero (0: every player's `field` is 0).
  const tooHigh = (p: string, quota: string, total: string, kind: string, values: ErrorValues = {}): never =>
    fail(
      p,
      `quota ${quota} is above the total ${total}: no coalition can win`,
      'Lower the quota to at most the players’ total.',
      'rules.quotaAboveTotal',
      { quota, kind, count: '', amount: '', field: '', ...values },
    );

  const walk = (r: Rule, p: string): Formula => {
    if (r === 'consensus') return atom(countDim(), BigInt(n), p);
    if (typeof r !== 'object' || r === null)
      fail(p, `not a rule: ${JSON.stringify(r)}`, 'See docs/rules.md.', 'rules.notARule', {
        rule: JSON.stringify(r),
      });
    if ('consensusMinus' in r) {
      const out = new Set<string>();
      r.consensusMinus.forEach((id, i) => {
        if (!seen.has(id))
          fail(
            `${p}.consensusMinus[${i}]`,
            `"${id}" is not a player`,
            `Name players of this game: ${ids.join(', ')}.`,
            'rules.notAPlayer',
            { id, players: ids.join(', ') },
          );
        out.add(id);
      });
      const key = `voting:${[...out].sort().join(',')}`;
      if (!dimIndex.has(key)) {
        const weights: bigint[] = ids.map((id) => (out.has(id) ? 0n : 1n));
        dimIndex.set(key, dims.length);
        dims.push({
          key,
          label: `members other than ${[...out].join(', ')}`,
          isCount: false,
          weights,
          total: weights.reduce((a, b) => a + b, 0n),
          scale: { num: 1n, den: 1n },
        });
      }
      const d = dimIndex.get(key)!;
      return atom(d, dims[d]!.total, p);
    }
    if ('among' in r) {
      const named = new Set<string>();
      r.among.forEach((id, i) => {
        if (!seen.has(id))
          fail(
            `${p}.among[${i}]`,
            `"${id}" is not a player`,
            `Name players of this game: ${ids.join(', ')}.`,
            'rules.notAPlayer',
            { id, players: ids.join(', ') },
          );
        named.add(id);
      });
      const key = `among:${[...named].sort().join(',')}`;
      if (!dimIndex.has(key)) {
        const weights: bigint[] = ids.map((id) => (named.has(id) ? 1n : 0n));
        dimIndex.set(key, dims.length);
        dims.push({
          key,
          label: `members among ${[...named].join(', ')}`,
          isCount: false,
          weights,
          total: BigInt(named.size),
          scale: { num: 1n, den: 1n },
        });
      }
      const d = dimIndex.get(key)!;
      const m = BigInt(named.size);
      if (r.atLeast !== undefined) {
        if (r.atLeast > named.size)
          tooHigh(`${p}.atLeast`, String(r.atLeast), `${named.size} named players`, 'named', {
            count: String(named.size),
          });
        return atom(d, BigInt(r.atLeast), p);
      }
      if (r.atLeastShare !== undefined) return atom(d, shareQuota(r.atLeastShare, m, false), p);
      const q = shareQuota(r.moreThanShare!, m, true);
      if (q > m) tooHigh(`${p}.moreThanShare`, String(r.moreThanShare), 'a share below 1', 'share');
      return atom(d, q, p);
    }
    if ('count' in r) {
      const k = r.count;
      const d = countDim();
      const N = BigInt(n);
      if (k.atLeast !== undefined) {
        if (k.atLeast > n)
          tooHigh(`${p}.count.atLeast`, String(k.atLeast), `${n} players`, 'players', { count: String(n) });
        return atom(d, BigInt(k.atLeast), p);
      }
      if (k.atLeastShare !== undefined) return atom(d, shareQuota(k.atLeastShare, N, false), p);
      if (k.moreThanShare !== undefined) {
        const q = shareQuota(k.moreThanShare, N, true);
        if (q > N) tooHigh(`${p}.count.moreThanShare`, String(k.moreThanShare), 'a share below 1', 'share');
        return atom(d, q, p);
      }
      return atom(d, N - BigInt(Math.min(n, k.atMostAgainst!)), p);
    }
    if ('sum' in r) {
      const d = fieldDim(r.sum, p);
      const dim = dims[d]!;
      if (r.atLeast !== undefined) {
        const q = toDecimal(r.atLeast);
        // quota in scaled units: value × 10^-e / g, rounded up (sums are integers in these units)
        const scaled = q.mantissa * 10n ** BigInt(Math.max(0, q.exp)) * dim.scale.num;
        const den = 10n ** BigInt(Math.max(0, -q.exp)) * dim.scale.den;
        const quota = ceilDiv(scaled, den);
        if (quota > dim.total)
          tooHigh(`${p}.atLeast`, String(r.atLeast), `${fmtTotal(dim)} of ${r.sum}`, 'sum', {
            amount: fmtTotal(dim),
            field: r.sum,
          });
        return atom(d, quota, p);
      }
      if (r.atLeastShare !== undefined) return atom(d, shareQuota(r.atLeastShare, dim.total, false), p);
      const q = shareQuota(r.moreThanShare!, dim.total, true);
      if (q > dim.total)
        tooHigh(
          `${p}.moreThanShare`,
          String(r.moreThanShare),
          dim.total === 0n ? `0 (every player's ${r.sum} is 0)` : 'a share below 1',
          dim.total === 0n ? 'zero' : 'share',
          { field: r.sum },
        );
      return atom(d, q, p);
    }
    if ('all' in r)
      return combine(
        'all',
        r.all.map((x, i) => walk(x, `${p}.all[${i}]`)),
      );
    if ('any' in r)
      return combine(
        'any',
        r.any.map((x, i) => walk(x, `${p}.any[${i}]`)),
      );
    return fail(
      p,
      `unknown rule ${JSON.stringify(r)}`,
      'See docs/rules.md for the rule language.',
      'rules.unknownRule',
      {
        rule: JSON.stringify(r),
      },
    );
  };

  const formula = walk(rule, path);
  return { n, ids, dims, atoms, formula };
}

function fmtTotal(d: Dimension): string {
  // total in the field's own units = total × den / num
  const num = d.total * d.scale.den;
  const den = d.scale.num;
  if (num % den === 0n) return String(num / den);
  return String(Number(num) / Number(den));
}

function combine(kind: 'all' | 'any', parts: Formula[]): Formula {
  const out: Formula[] = [];
  for (const f of parts) {
    if (f.kind === 'const') {
      if (kind === 'all' && !f.value) return f;
      if (kind === 'any' && f.value) return f;
      continue;
    }
    if (f.kind === kind) out.push(...f.parts);
    else out.push(f);
  }
  if (out.length === 0) return { kind: 'const', value: kind === 'all' };
  if (out.length === 1) return out[0]!;
  return { kind, parts: out };
}

/** Evaluates the formula given each atom's truth value. */
export function evalFormula(f: Formula, atomValue: (atom: number) => boolean): boolean {
  switch (f.kind) {
    case 'const':
      return f.value;
    case 'atom':
      return atomValue(f.atom);
    case 'all':
      return f.parts.every((p) => evalFormula(p, atomValue));
    default:
      return f.parts.some((p) => evalFormula(p, atomValue));
  }
}

/**
 * Three-valued evaluation: true/false when decided, null when it depends on atoms still open.
 * `atomValue` returns true, false, or null (undecided).
 */
export function evalFormula3(f: Formula, atomValue: (atom: number) => boolean | null): boolean | null {
  switch (f.kind) {
    case 'const':
      return f.value;
    case 'atom':
      return atomValue(f.atom);
    case 'all': {
      let open = false;
      for (const p of f.parts) {
        const v = evalFormula3(p, atomValue);
        if (v === false) return false;
        if (v === null) open = true;
      }
      return open ? null : true;
    }
    default: {
      let open = false;
      for (const p of f.parts) {
        const v = evalFormula3(p, atomValue);
        if (v === true) return true;
        if (v === null) open = true;
      }
      return open ? null : false;
    }
  }
}

/** The reference predicate: does coalition S (membership flags aligned with the players) win? */
export function winsExactly(c: CompiledRule, coalition: ReadonlyArray<boolean>): boolean {
  const sums = c.dims.map((d) => d.weights.reduce((s, w, i) => (coalition[i] ? s + w : s), 0n));
  return evalFormula(c.formula, (a) => sums[c.atoms[a]!.dim]! >= c.atoms[a]!.quota);
}

/** The atoms as numbers, when every dimension's total is a safe integer (the fast engines need it). */
export interface NumericRule {
  readonly n: number;
  readonly weights: ReadonlyArray<Float64Array>;
  readonly totals: readonly number[];
  readonly isCount: readonly boolean[];
  readonly atomDim: Int32Array;
  readonly atomQuota: Float64Array;
  readonly formula: Formula;
}

export function numericRule(c: CompiledRule): NumericRule | null {
  if (c.dims.some((d) => d.total > BigInt(Number.MAX_SAFE_INTEGER))) return null;
  return {
    n: c.n,
    weights: c.dims.map((d) => Float64Array.from(d.weights, Number)),
    totals: c.dims.map((d) => Number(d.total)),
    isCount: c.dims.map((d) => d.isCount),
    atomDim: Int32Array.from(c.atoms, (a) => a.dim),
    atomQuota: Float64Array.from(c.atoms, (a) => Number(a.quota)),
    formula: c.formula,
  };
}

/** Compiles the formula to a fast predicate on the dimension sums. */
export function sumsPredicate(r: NumericRule): (sums: ArrayLike<number>) => boolean {
  const build = (f: Formula): ((s: ArrayLike<number>) => boolean) => {
    switch (f.kind) {
      case 'const': {
        const v = f.value;
        return () => v;
      }
      case 'atom': {
        const d = r.atomDim[f.atom]!;
        const q = r.atomQuota[f.atom]!;
        return (s) => s[d]! >= q;
      }
      case 'all': {
        const ps = f.parts.map(build);
        return (s) => {
          for (const p of ps) if (!p(s)) return false;
          return true;
        };
      }
      default: {
        const ps = f.parts.map(build);
        return (s) => {
          for (const p of ps) if (p(s)) return true;
          return false;
        };
      }
    }
  };
  return build(r.formula);
}
