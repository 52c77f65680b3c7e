/**
 * Camps: communities of the agreement graph, and modularity. Pure (the random generator is injected).
 *
 * The agreement graph has one node per state and an undirected edge per pair, weighted by the
 * pair's agreement (a similarity in [0, 1]; pairs without common votes get no edge). Camps are the
 * communities found by the Louvain method (Blondel, Guillaume, Lambiotte & Lefebvre 2008, "Fast
 * unfolding of communities in large networks", J. Stat. Mech. P10008), as implemented by
 * graphology-communities-louvain, with a seeded generator for its random node order. Applied to
 * UN General Assembly agreement networks by Macon, Mucha & Porter (2012, "Community structure in
 * the United Nations General Assembly", Physica A 391: 343–361).
 *
 * Modularity (Newman & Girvan 2004; Newman 2006) of a partition of a weighted graph:
 * Q = (1 / 2m) Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j), with A the weights (no self-loops),
 * k_i = Σ_j A_ij, 2m = Σ_ij A_ij and γ the resolution (1 by default). Q > 0 when states agree more
 * within the parts than their overall agreement would predict. Because every pair of states agrees
 * on much of what the Assembly votes, the agreement graph is dense and Q stays small: compare Q
 * between windows or groups, not with thresholds from sparse networks.
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { DEFAULT_CAMP_SEED, DEFAULT_RESOLUTION } from './options.js';

// The package is CommonJS: Node's ESM loader gives module.exports as the default import, while its
// typings describe an ES default export. Accept either shape.
const louvain = ((louvainModule as unknown as { default?: unknown }).default ??
  louvainModule) as typeof louvainModule.default;

/** Mulberry32: a small seeded generator of uniform numbers in [0, 1) (Tommy Ettinger, public domain). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A symmetric weight matrix over `nodes`; `weights[i][j]` null = no edge. Diagonal ignored. */
export interface WeightedGraph {
  readonly nodes: readonly string[];
  readonly weights: ReadonlyArray<ReadonlyArray<number | null>>;
}

/** Modularity of a partition (community index per node). */
export function modularity(g: WeightedGraph, community: readonly number[], resolution = 1): number {
  const n = g.nodes.length;
  const k = new Array<number>(n).fill(0);
  let twoM = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const w = g.weights[i]![j] ?? 0;
      k[i]! += w;
      twoM += w;
    }
  if (twoM <= 0) return 0;
  let q = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (community[i] !== community[j]) continue;
      const a = i === j ? 0 : (g.weights[i]![j] ?? 0);
      q += a - (resolution * k[i]! * k[j]!) / twoM;
    }
  return q / twoM;
}

export interface Camps {
  /** The camps, largest first; states in the order of `nodes`. */
  readonly camps: string[][];
  /** Community index per node (camps' order). */
  readonly community: number[];
  readonly modularity: number;
  readonly seed: number;
  readonly resolution: number;
}

/** Louvain communities of a weighted graph, with a seeded generator. */
export function findCamps(g: WeightedGraph, opts: { seed?: number; resolution?: number } = {}): Camps {
  const seed = opts.seed ?? DEFAULT_CAMP_SEED;
  const resolution = opts.resolution ?? DEFAULT_RESOLUTION;
  const n = g.nodes.length;
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  for (const node of g.nodes) graph.addNode(node);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const w = g.weights[i]![j];
      if (w !== null && w !== undefined && w > 0) graph.addEdge(g.nodes[i]!, g.nodes[j]!, { weight: w });
    }
  let raw: number[];
  if (graph.size === 0) raw = g.nodes.map((_, i) => i);
  else {
    const result = louvain.detailed(graph, { rng: seededRandom(seed), resolution, getEdgeWeight: 'weight' });
    raw = g.nodes.map((node) => result.communities[node]!);
  }
  // Relabel: largest camp first, ties by the first member's position.
  const groups = new Map<number, number[]>();
  raw.forEach((c, i) => {
    groups.set(c, [...(groups.get(c) ?? []), i]);
  });
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
  const community = new Array<number>(n).fill(0);
  ordered.forEach((members, c) => {
    for (const i of members) community[i] = c;
  });
  return {
    camps: ordered.map((members) => members.map((i) => g.nodes[i]!)),
    community,
    modularity: modularity(g, community, resolution),
    seed,
    resolution,
  };
}

/** The partition with the highest modularity, by enumerating all set partitions (tests; n ≤ 10). */
export function bestPartitionBruteForce(
  g: WeightedGraph,
  resolution = 1,
): { community: number[]; modularity: number } {
  const n = g.nodes.length;
  if (n > 10) throw new Error('brute force is for at most 10 nodes');
  let best = {
    community: new Array<number>(n).fill(0),
    modularity: modularity(g, new Array(n).fill(0), resolution),
  };
  const c = new Array<number>(n).fill(0);
  const rec = (i: number, max: number) => {
    if (i === n) {
      const q = modularity(g, c, resolution);
      if (q > best.modularity + 1e-12) best = { community: [...c], modularity: q };
      return;
    }
    for (let v = 0; v <= max + 1; v++) {
      c[i] = v;
      rec(i + 1, Math.max(max, v));
    }
  };
  if (n > 0) {
    c[0] = 0;
    rec(1, 0);
  }
  return best;
}
