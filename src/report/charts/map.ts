/**
 * A map with states coloured by status, rendered to an SVG string with d3-geo. By default Eurasia
 * (Albers equal-area conic, central meridian 80°E, standard parallels 25°N and 65°N, so areas
 * compare fairly); with `fit`, the frame fitted to the given states (an equal-area conic centred on
 * them, or the Equal Earth world projection when they span the world).
 * Boundaries: Natural Earth 1:50m via the npm package world-atlas. States too small to see get a
 * dot at their centroid. Pure: the topology is passed in.
 */
import {
  type GeoProjection,
  geoArea,
  geoBounds,
  geoCentroid,
  geoConicEqualArea,
  geoDistance,
  geoEqualEarth,
  geoPath,
} from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPoint, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { CountryRecord } from '../../data/types.js';
import { esc } from '../../util/html.js';
import { STATUS_COLOURS } from '../../util/palette.js';
import { type Locale, statusName } from '../i18n.js';
import { CHART_FONT, flowLegend } from './text.js';

export interface MapOptions {
  readonly width?: number;
  readonly height?: number;
  readonly title: string;
  /** Status per ISO3 code; absent = no status. */
  readonly status: ReadonlyMap<string, string>;
  readonly countries: readonly CountryRecord[];
  readonly id?: string;
  /** Fit the map to these states (ISO3) instead of Eurasia. */
  readonly fit?: readonly string[];
  /** The language of the legend (English by default). */
  readonly locale?: Locale;
  /** The states' names in that language, by ISO3 (default: the country records' names). */
  readonly names?: (iso3: string) => string;
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
  fit?: readonly string[],
): MapShape[] {
  const features = worldFeatures(topology);
  const byNumeric = new Map(countries.map((c) => [c.isoNumeric, c]));
  const projection = fit?.length
    ? fittedProjection(features, countries, fit, width, height).projection
    : geoConicEqualArea()
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

/**
 * The polygons of a state linked to its largest one by gaps of at most 20° of arc (single linkage:
 * a polygon joins when its centroid is that close to a vertex of one already in): the mainland and
 * the islands around it, Indonesia from Sumatra to Papua, Russia across the antimeridian, but not
 * overseas territories (French Guiana for France, Réunion) that would stretch the frame across an
 * ocean.
 */
function mainPolygons(g: Geometry): Polygon['coordinates'][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type !== 'MultiPolygon') return [];
  const polys = g.coordinates.map((c) => ({
    c,
    area: geoArea({ type: 'Polygon', coordinates: c }),
    centre: geoCentroid({ type: 'Polygon', coordinates: c }),
  }));
  const largest = polys.reduce((a, b) => (b.area > a.area ? b : a));
  const inside = [largest];
  const rest = new Set(polys.filter((p) => p !== largest));
  const near = (p: (typeof polys)[number]) =>
    inside.some((q) => {
      const ring = q.c[0]!;
      const step = Math.max(1, Math.floor(ring.length / 200));
      for (let i = 0; i < ring.length; i += step)
        if (geoDistance(p.centre, ring[i] as [number, number]) <= Math.PI / 9) return true;
      return false;
    });
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of rest) {
      if (near(p)) {
        inside.push(p);
        rest.delete(p);
        grew = true;
      }
    }
  }
  return inside.map((p) => p.c);
}

export interface FittedFrame {
  readonly projection: GeoProjection;
  /** "regional" (equal-area conic centred on the states) or "world" (Equal Earth). */
  readonly kind: 'regional' | 'world';
}

/**
 * A projection fitted to the states `iso3s`: an Albers equal-area conic centred on their extent
 * (standard parallels at one sixth and five sixths of its latitudes), or the Equal Earth world map
 * when they span more than 180° of longitude or 100° of latitude.
 */
export function fittedProjection(
  features: readonly CountryFeature[],
  countries: readonly CountryRecord[],
  iso3s: readonly string[],
  width: number,
  height: number,
): FittedFrame {
  const numeric = new Set(countries.filter((c) => iso3s.includes(c.iso3)).map((c) => c.isoNumeric));
  const polygons = features.filter((f) => numeric.has(String(f.id))).flatMap((f) => mainPolygons(f.geometry));
  const extent: [[number, number], [number, number]] = [
    [8, 8],
    [width - 8, height - 30],
  ];
  const world = (): FittedFrame => ({
    kind: 'world',
    projection: geoEqualEarth().fitExtent(extent, { type: 'Sphere' }),
  });
  if (!polygons.length) return world();
  const shape: MultiPolygon = { type: 'MultiPolygon', coordinates: polygons };
  const [[lon0, lat0], [lon1, lat1]] = geoBounds(shape);
  const lonSpan = lon1 >= lon0 ? lon1 - lon0 : lon1 + 360 - lon0;
  const latSpan = lat1 - lat0;
  if (lonSpan > 180 || latSpan > 100) return world();
  // Centred on the states' area-weighted centroid (Russia and China for the SCO), not the middle
  // of their extent: the conic distorts least where most of the land is.
  const centre = geoCentroid(shape)[0];
  const p1 = lat0 + latSpan / 6;
  const p2 = lat1 - latSpan / 6;
  // Parallels symmetric about the equator make the conic a cylinder: keep them apart.
  const parallels: [number, number] = Math.abs(p1 + p2) < 1 ? [p1, p2 + 2] : [p1, p2];
  const projection = geoConicEqualArea().rotate([-centre, 0]).parallels(parallels).fitExtent(extent, shape);
  // A margin around the states: zoom out by 8%.
  const [tx, ty] = projection.translate();
  const k = projection.scale();
  projection
    .scale(k * 0.92)
    .translate([width / 2 + (tx - width / 2) * 0.92, (height - 22) / 2 + (ty - (height - 22) / 2) * 0.92]);
  return { kind: 'regional', projection };
}

export function renderMap(topology: Topology, o: MapOptions): string {
  const width = o.width ?? 960;
  const height = o.height ?? 560;
  const paths: string[] = [];
  const dots: string[] = [];
  for (const shape of mapShapes(topology, o.countries, width, height, o.fit)) {
    const { iso3, d, dot } = shape;
    const status = (iso3 && o.status.get(iso3)) || 'none';
    const name = iso3 && o.names ? o.names(iso3) : shape.name;
    const label = `${name}${status !== 'none' ? `: ${statusName(status, o.locale)}` : ''}`;
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
  // Each item as wide as its label needs (at least the 150 px English has always had), in rows from the bottom.
  const flow = flowLegend(
    order.map((s) => ({ status: s, label: statusName(s, o.locale) })),
    { x0: 16, x1: width - 16, swatch: 14, size: 12, minSlot: 150 },
  );
  const legend = flow.placed
    .map(
      (s) =>
        `<g transform="translate(${s.x},${height - 22 - (flow.rows - 1 - s.row) * 20})"><rect width="14" height="14" fill="${STATUS_COLOURS[s.status]}" stroke="#333" stroke-width=".5"/><text x="20" y="12">${esc(s.label)}</text></g>`,
    )
    .join('');
  return `<svg id="${esc(o.id ?? 'map')}" class="map" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${esc(o.id ?? 'map')}-title" xmlns="http://www.w3.org/2000/svg">
<title id="${esc(o.id ?? 'map')}-title">${esc(o.title)}</title>
<rect width="${width}" height="${height}" fill="#f4f8fb"/>
<g stroke="#ffffff" stroke-width="0.4">${paths.join('\n')}</g>
<g>${dots.join('')}</g>
<g font-size="12" font-family="${CHART_FONT}" fill="#222">${legend}</g>
</svg>`;
}
