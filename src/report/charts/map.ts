/**
 * A map of Eurasia with states coloured by status, rendered to an SVG string with d3-geo
 * (Albers equal-area conic, central meridian 80°E, standard parallels 25°N and 65°N, so areas compare fairly).
 * Boundaries: Natural Earth 1:50m via the npm package world-atlas. States too small to see get a
 * dot at their centroid. Pure: the topology is passed in.
 */
import { geoCentroid, geoConicEqualArea, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPoint } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { CountryRecord } from '../../data/types.js';
import { esc } from '../../util/html.js';
import { STATUS_COLOURS } from '../../util/palette.js';

export interface MapOptions {
  readonly width?: number;
  readonly height?: number;
  readonly title: string;
  /** Status per ISO3 code; absent = no status. */
  readonly status: ReadonlyMap<string, string>;
  readonly countries: readonly CountryRecord[];
  readonly id?: string;
}

/**
 * The frame of the map: the extreme points of Eurasia (with Egypt and the Bay of Bengal). Fitting
 * to the states' own shapes would also fit their overseas territories (French Guiana, the Canaries).
 */
const EURASIA_FRAME: MultiPoint = {
  type: 'MultiPoint',
  // biome-ignore format: a list of points
  coordinates: [
    [-10, 36], [-10, 56], [25, 71.5], [105, 78], [-170, 66], [162, 56], [145, 35], [104, 0], [80, 5], [44, 12], [25, 22],
  ],
};

type CountryFeature = Feature<Geometry, { name: string }> & { id?: string | number };

export function worldFeatures(topology: Topology): CountryFeature[] {
  const fc = feature(
    topology,
    topology.objects.countries as GeometryCollection<{ name: string }>,
  ) as FeatureCollection<Geometry, { name: string }>;
  return fc.features as CountryFeature[];
}

/** A state's outline on the map of Eurasia, projected to SVG coordinates. */
export interface MapShape {
  /** ISO3 code, '' for territories that are not UN member states. */
  readonly iso3: string;
  readonly name: string;
  /** SVG path data. */
  readonly d: string;
  /** Where to put a dot for a state too small to see, or null. */
  readonly dot: readonly [number, number] | null;
}

/**
 * The outlines of every state visible in the Eurasia frame, projected once (the report colours them
 * on each render; the web lab ships them precomputed and colours them in the browser).
 */
export function mapShapes(
  topology: Topology,
  countries: readonly CountryRecord[],
  width = 960,
  height = 560,
): MapShape[] {
  const features = worldFeatures(topology);
  const byNumeric = new Map(countries.map((c) => [c.isoNumeric, c]));
  const projection = geoConicEqualArea()
    .rotate([-80, 0])
    .parallels([25, 65])
    .fitExtent(
      [
        [8, 8],
        [width - 8, height - 8],
      ],
      EURASIA_FRAME,
    );
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
  const path = geoPath(projection).digits(1);
  const shapes: MapShape[] = [];
  for (const f of features) {
    const c = byNumeric.get(String(f.id));
    const d = path(f);
    if (!d) continue;
    const [[x0, y0], [x1, y1]] = path.bounds(f);
    if (x1 < 0 || y1 < 0 || x0 > width || y0 > height) continue;
    let dot: [number, number] | null = null;
    if ((x1 - x0) * (y1 - y0) < 30) {
      const p = projection(geoCentroid(f));
      if (p && p[0] >= 0 && p[0] <= width && p[1] >= 0 && p[1] <= height) dot = [p[0], p[1]];
    }
    shapes.push({ iso3: c?.iso3 ?? '', name: c?.name ?? f.properties.name, d, dot });
  }
  return shapes;
}

export function renderMap(topology: Topology, o: MapOptions): string {
  const width = o.width ?? 960;
  const height = o.height ?? 560;
  const paths: string[] = [];
  const dots: string[] = [];
  for (const shape of mapShapes(topology, o.countries, width, height)) {
    const { iso3, d, dot } = shape;
    const status = (iso3 && o.status.get(iso3)) || 'none';
    const label = `${shape.name}${status !== 'none' ? `: ${status}` : ''}`;
    paths.push(
      `<path d="${d}" fill="${STATUS_COLOURS[status] ?? STATUS_COLOURS.none}" data-iso3="${esc(iso3)}" data-status="${esc(status)}"><title>${esc(label)}</title></path>`,
    );
    if (dot && status !== 'none') {
      dots.push(
        `<circle cx="${dot[0].toFixed(1)}" cy="${dot[1].toFixed(1)}" r="4" fill="${STATUS_COLOURS[status]}" stroke="#fff" stroke-width="1" data-iso3="${esc(iso3)}"><title>${esc(label)}</title></circle>`,
      );
    }
  }
  const used = [...new Set(o.status.values())];
  const order = ['member', 'observer', 'dialogue partner', 'partner', 'applicant'].filter((s) =>
    used.includes(s),
  );
  const legend = order
    .map(
      (s, i) =>
        `<g transform="translate(${16 + i * 150},${height - 22})"><rect width="14" height="14" fill="${STATUS_COLOURS[s]}" stroke="#333" stroke-width=".5"/><text x="20" y="12">${esc(s)}</text></g>`,
    )
    .join('');
  return `<svg id="${esc(o.id ?? 'map')}" class="map" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${esc(o.id ?? 'map')}-title" xmlns="http://www.w3.org/2000/svg">
<title id="${esc(o.id ?? 'map')}-title">${esc(o.title)}</title>
<rect width="${width}" height="${height}" fill="#f4f8fb"/>
<g stroke="#ffffff" stroke-width="0.4">${paths.join('\n')}</g>
<g>${dots.join('')}</g>
<g font-size="12" font-family="system-ui, sans-serif" fill="#222">${legend}</g>
</svg>`;
}
