/** Simplification of the world boundaries (topojson-simplify), applied once when they are loaded. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { Topology } from 'topojson-specification';

/**
 * Visvalingam simplification of the boundaries to a minimum triangle area in steradians; 1e-6 sr
 * is about a fifth of a pixel at the report's scale, and cuts the SVG by 60%.
 */
export function simplifyTopology(topology: Topology, minWeight = 1e-6): Topology {
  return simplify(
    presimplify(structuredClone(topology) as Topology<never>, sphericalTriangleArea),
    minWeight,
  ) as Topology;
}

let topology: Topology | undefined;

/** Natural Earth 1:50m country boundaries from the npm package world-atlas (bundled, no network), simplified. */
export function loadWorldTopology(): Topology {
  const require = createRequire(import.meta.url);
  topology ??= simplifyTopology(
    JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')),
  );
  return topology;
}
