import fc from 'fast-check';
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import {
  bestPartitionBruteForce,
  findCamps,
  modularity,
  seededRandom,
  type WeightedGraph,
} from '../../src/alignment/camps.js';

const louvain = ((louvainModule as unknown as { default?: unknown }).default ??
  louvainModule) as typeof louvainModule.default;

function graph(n: number, edges: Array<[number, number, number]>): WeightedGraph {
  const w = Array.from({ length: n }, () => new Array<number | null>(n).fill(null));
  for (const [a, b, x] of edges) {
    w[a]![b] = x;
    w[b]![a] = x;
  }
  return { nodes: Array.from({ length: n }, (_, i) => `N${i}`), weights: w };
}

// Two triangles joined by one edge (unweighted): m = 7, each triangle has 3 inner edges and degree sum 7,
// so Q = 2 · (3/7 − (7/14)²) = 5/14 (Newman 2006, eq. for Q = Σ_c [l_c/m − (d_c/2m)²]).
const twoTriangles = graph(6, [
  [0, 1, 1],
  [1, 2, 1],
  [0, 2, 1],
  [3, 4, 1],
  [4, 5, 1],
  [3, 5, 1],
  [2, 3, 1],
]);

const weightedGraph = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc
    .array(fc.option(fc.double({ min: 0.01, max: 1, noNaN: true }), { nil: null }), {
      minLength: (n * (n - 1)) / 2,
      maxLength: (n * (n - 1)) / 2,
    })
    .map((ws) => {
      const edges: Array<[number, number, number]> = [];
      let k = 0;
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          const w = ws[k++];
          if (w !== null && w !== undefined) edges.push([i, j, w]);
        }
      return graph(n, edges);
    }),
);

describe('modularity', () => {
  it('is 5/14 for two triangles joined by an edge, split into the triangles', () => {
    expect(modularity(twoTriangles, [0, 0, 0, 1, 1, 1])).toBeCloseTo(5 / 14, 12);
    expect(modularity(twoTriangles, [0, 0, 0, 0, 0, 0])).toBeCloseTo(0, 12);
  });

  it('agrees with graphology-communities-louvain on its own partitions', () => {
    fc.assert(
      fc.property(weightedGraph, fc.integer(), (g, seed) => {
        const G = new UndirectedGraph();
        for (const n of g.nodes) G.addNode(n);
        g.weights.forEach((row, i) => {
          row.forEach((w, j) => {
            if (j > i && w !== null) G.addEdge(g.nodes[i]!, g.nodes[j]!, { weight: w });
          });
        });
        fc.pre(G.size > 0);
        const r = louvain.detailed(G, { rng: seededRandom(seed), getEdgeWeight: 'weight' });
        expect(
          modularity(
            g,
            g.nodes.map((n) => r.communities[n]!),
          ),
        ).toBeCloseTo(r.modularity, 9);
      }),
      { numRuns: 60 },
    );
  });
});

describe('camps (Louvain)', () => {
  it('finds the two triangles', () => {
    const c = findCamps(twoTriangles, { seed: 7 });
    expect(c.camps).toEqual([
      ['N0', 'N1', 'N2'],
      ['N3', 'N4', 'N5'],
    ]);
    expect(c.modularity).toBeCloseTo(5 / 14, 12);
  });

  it('never beats the best partition found by enumeration, and is deterministic for a seed', () => {
    fc.assert(
      fc.property(weightedGraph, fc.integer(), (g, seed) => {
        const a = findCamps(g, { seed });
        const best = bestPartitionBruteForce(g);
        expect(a.modularity).toBeLessThanOrEqual(best.modularity + 1e-9);
        expect(a.modularity).toBeCloseTo(modularity(g, a.community), 12);
        expect(findCamps(g, { seed })).toEqual(a);
        expect(a.camps.flat().sort()).toEqual([...g.nodes].sort());
      }),
      { numRuns: 60 },
    );
  });

  it('reaches the optimum on planted camps', () => {
    // Three camps of three: strong inside (0.9), weak across (0.1).
    const edges: Array<[number, number, number]> = [];
    for (let i = 0; i < 9; i++)
      for (let j = i + 1; j < 9; j++) edges.push([i, j, Math.floor(i / 3) === Math.floor(j / 3) ? 0.9 : 0.1]);
    const g = graph(9, edges);
    const c = findCamps(g, { seed: 3 });
    expect(c.camps).toHaveLength(3);
    expect(c.modularity).toBeCloseTo(bestPartitionBruteForce(g).modularity, 9);
  });

  it('keeps states without any edge apart', () => {
    const c = findCamps(graph(3, []));
    expect(c.camps).toEqual([['N0'], ['N1'], ['N2']]);
    expect(c.modularity).toBe(0);
  });
});

describe('the seeded generator', () => {
  it('is reproducible and uniform enough', () => {
    const a = seededRandom(5);
    const b = seededRandom(5);
    const xs = Array.from({ length: 10000 }, () => a());
    expect(Array.from({ length: 10000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
  });
});
