/**
 * map.geojson (RFC 7946): the baseline tracks cut into segments of constant engageability
 * (LineString, or MultiLineString where a segment crosses the antimeridian, RFC 7946 section
 * 3.1.9), the scenario's sites, the interceptor sites, the radar coverage footprints, the first
 * and last intercept points of each engageable baseline engagement, and a top-level `openbmd`
 * foreign member (section 6.1) with the provenance, the assumption ledger and the sources.
 * Styling properties follow the simplestyle convention (`stroke`, `fill`, `marker-color`) read
 * by geojson.io and others. Positions are [lon, lat] degrees to 1e-5, tracks with a third
 * element: height above the WGS84 ellipsoid, m.
 */
import { type RunResult, wrapLonDeg } from '@openbmd/core';
import {
  allTrackSegments,
  colours,
  interceptMarks,
  roundTo,
  splitAtAntimeridian,
} from './scene.js';

export type GeoJsonPosition = number[];

export type GeoJsonGeometry =
  | { type: 'Point'; coordinates: GeoJsonPosition }
  | { type: 'LineString'; coordinates: GeoJsonPosition[] }
  | { type: 'MultiLineString'; coordinates: GeoJsonPosition[][] }
  | { type: 'Polygon'; coordinates: GeoJsonPosition[][] }
  | { type: 'MultiPolygon'; coordinates: GeoJsonPosition[][][] };

export interface GeoJsonFeature {
  type: 'Feature';
  id: string;
  geometry: GeoJsonGeometry;
  properties: Record<string, unknown>;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: GeoJsonFeature[];
  /** Foreign member: where the result comes from and what it assumes. */
  openbmd: {
    notional: true;
    resultFormat: number;
    provenance: RunResult['provenance'];
    description: string | null;
    ledger: RunResult['ledger'];
    sources: readonly string[];
  };
}

const LON_LAT_DECIMALS = 5;

const lonLat = (lonDeg: number, latDeg: number): GeoJsonPosition => [
  roundTo(wrapLonDeg(lonDeg), LON_LAT_DECIMALS),
  roundTo(latDeg, LON_LAT_DECIMALS),
];

/** Twice the signed planar area of a closed ring in lon/lat (positive: counter-clockwise). */
const signedArea2 = (ring: readonly GeoJsonPosition[]): number => {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1];
    const b = ring[i];
    if (a === undefined || b === undefined) continue;
    sum += (a[0] ?? 0) * (b[1] ?? 0) - (b[0] ?? 0) * (a[1] ?? 0);
  }
  return sum;
};

/** Closes a ring (first position repeated last) and makes it counter-clockwise (RFC 7946 3.1.6). */
const closedCounterClockwise = (ring: GeoJsonPosition[]): GeoJsonPosition[] => {
  const first = ring[0];
  const last = ring[ring.length - 1];
  const closed =
    first !== undefined && last !== undefined && (first[0] !== last[0] || first[1] !== last[1])
      ? [...ring, [...first]]
      : ring;
  return signedArea2(closed) < 0 ? closed.reverse() : closed;
};

/** Keeps the part of an (open) ring with sign * (x - edge) >= 0 (Sutherland-Hodgman, one edge). */
const clipRing = (ring: readonly number[][], edgeLon: number, sign: 1 | -1): number[][] => {
  const out: number[][] = [];
  const inside = (p: readonly number[]): boolean => sign * ((p[0] ?? 0) - edgeLon) >= 0;
  for (let i = 0; i < ring.length; i++) {
    const current = ring[i];
    const previous = ring[(i + ring.length - 1) % ring.length];
    if (current === undefined || previous === undefined) continue;
    const x0 = previous[0] ?? 0;
    const x1 = current[0] ?? 0;
    if (inside(current) !== inside(previous)) {
      const f = (edgeLon - x0) / (x1 - x0);
      const y0 = previous[1] ?? 0;
      out.push([edgeLon, y0 + f * ((current[1] ?? 0) - y0)]);
    }
    if (inside(current)) out.push([x1, current[1] ?? 0]);
  }
  return out;
};

/**
 * A footprint ring as GeoJSON polygons: as it is when it stays on one side of the antimeridian;
 * cut in two there when it crosses it; and, when it goes round a pole, opened along the
 * antimeridian and closed over the pole, so that every polygon reads right on a flat map.
 */
export const footprintPolygons = (
  ring: ReadonlyArray<readonly number[]>,
): GeoJsonPosition[][][] => {
  const open = ring.slice();
  const head = open[0];
  const tail = open[open.length - 1];
  if (head !== undefined && tail !== undefined && head[0] === tail[0] && head[1] === tail[1]) {
    open.pop();
  }
  if (open.length < 3) return [];
  // Unwrap the longitudes so that no step exceeds 180 degrees.
  const unwrapped: number[][] = [];
  let offset = 0;
  let crossings = 0;
  for (let i = 0; i < open.length; i++) {
    const p = open[i];
    const q = open[i - 1];
    if (p === undefined) continue;
    if (q !== undefined) {
      const d = (p[0] ?? 0) - (q[0] ?? 0);
      if (d > 180) offset -= 360;
      if (d < -180) offset += 360;
      if (Math.abs(d) > 180) crossings += 1;
    }
    unwrapped.push([(p[0] ?? 0) + offset, p[1] ?? 0]);
  }
  const first = unwrapped[0];
  const last = unwrapped[unwrapped.length - 1];
  if (first === undefined || last === undefined) return [];
  const closingStep = (first[0] ?? 0) - (last[0] ?? 0);
  const rounded = (ps: readonly number[][]): GeoJsonPosition[] =>
    ps.map((p) => [roundTo(p[0] ?? 0, LON_LAT_DECIMALS), roundTo(p[1] ?? 0, LON_LAT_DECIMALS)]);
  if (Math.abs(closingStep) > 180) {
    // The ring winds once round a pole: open it at the antimeridian and close it over the pole.
    const meanLatDeg = unwrapped.reduce((s, p) => s + (p[1] ?? 0), 0) / unwrapped.length;
    const poleLatDeg = meanLatDeg >= 0 ? 90 : -90;
    const wrapped = unwrapped.map((p) => [wrapLonDeg(p[0] ?? 0), p[1] ?? 0]);
    // Start right after the crossing.
    let start = 0;
    for (let i = 1; i < wrapped.length; i++) {
      if (Math.abs((wrapped[i]?.[0] ?? 0) - (wrapped[i - 1]?.[0] ?? 0)) > 180) start = i;
    }
    const seq = [...wrapped.slice(start), ...wrapped.slice(0, start)];
    const a = seq[seq.length - 1] ?? [0, 0];
    const b = seq[0] ?? [0, 0];
    const eastward = (a[0] ?? 0) > (b[0] ?? 0);
    const edgeEnd = eastward ? 180 : -180;
    const aLon = a[0] ?? 0;
    const bLonUnwrapped = (b[0] ?? 0) + (eastward ? 360 : -360);
    const f = bLonUnwrapped === aLon ? 0 : (edgeEnd - aLon) / (bLonUnwrapped - aLon);
    const crossLat = (a[1] ?? 0) + f * ((b[1] ?? 0) - (a[1] ?? 0));
    const polygon = [
      [-edgeEnd, crossLat],
      ...seq,
      [edgeEnd, crossLat],
      [edgeEnd, poleLatDeg],
      [-edgeEnd, poleLatDeg],
    ];
    return [[closedCounterClockwise(rounded(polygon))]];
  }
  const minLon = Math.min(...unwrapped.map((p) => p[0] ?? 0));
  const maxLon = Math.max(...unwrapped.map((p) => p[0] ?? 0));
  if (crossings === 0 || (minLon >= -180 && maxLon <= 180)) {
    return [
      [closedCounterClockwise(rounded(unwrapped.map((p) => [wrapLonDeg(p[0] ?? 0), p[1] ?? 0])))],
    ];
  }
  const edge = maxLon > 180 ? 180 : -180;
  const near = clipRing(unwrapped, edge, edge > 0 ? -1 : 1);
  const far = clipRing(unwrapped, edge, edge > 0 ? 1 : -1).map((p) => [
    (p[0] ?? 0) - 2 * edge,
    p[1] ?? 0,
  ]);
  return [near, far].filter((r) => r.length >= 3).map((r) => [closedCounterClockwise(rounded(r))]);
};

const polygonGeometry = (polygons: GeoJsonPosition[][][]): GeoJsonGeometry | null => {
  if (polygons.length === 0) return null;
  if (polygons.length === 1 && polygons[0] !== undefined) {
    return { type: 'Polygon', coordinates: polygons[0] };
  }
  return { type: 'MultiPolygon', coordinates: polygons };
};

export const mapGeoJson = (r: RunResult): FeatureCollection => {
  const features: GeoJsonFeature[] = [];
  const threatNames = new Map(r.baseline.threats.map((t) => [t.threatId, t.name]));

  for (const segment of allTrackSegments(r)) {
    const positions = segment.points.map((p) => [
      wrapLonDeg(p.lonDeg),
      p.latDeg,
      roundTo(p.altitudeKm * 1000, 0),
    ]);
    // Split first (the crossing points lie on +180 and -180), then round.
    const parts = splitAtAntimeridian(positions).map((line) =>
      line.map((p) => [
        roundTo(p[0] ?? 0, LON_LAT_DECIMALS),
        roundTo(p[1] ?? 0, LON_LAT_DECIMALS),
        roundTo(p[2] ?? 0, 0),
      ]),
    );
    const geometry: GeoJsonGeometry | null =
      parts.length === 0
        ? null
        : parts.length === 1 && parts[0] !== undefined
          ? { type: 'LineString', coordinates: parts[0] }
          : { type: 'MultiLineString', coordinates: parts };
    if (geometry === null) continue;
    features.push({
      type: 'Feature',
      id: `track-${segment.threatId}-${segment.index}`,
      geometry,
      properties: {
        kind: 'track-segment',
        threatId: segment.threatId,
        threatName: threatNames.get(segment.threatId) ?? segment.threatId,
        segmentIndex: segment.index,
        startS: roundTo(segment.startS, 1),
        endS: roundTo(segment.endS, 1),
        engageable: segment.engageable,
        engageableBy: [...segment.engageableBy],
        stroke: segment.engageable ? colours.engageable : colours.notEngageable,
        'stroke-width': 3,
      },
    });
  }

  for (const site of r.sites) {
    features.push({
      type: 'Feature',
      id: `site-${site.id}`,
      geometry: { type: 'Point', coordinates: lonLat(site.lonDeg, site.latDeg) },
      properties: {
        kind: 'site',
        id: site.id,
        name: site.name,
        roles: [...site.roles],
        altitudeM: site.altitudeM,
        'marker-color': site.roles.includes('interceptor') ? colours.interceptorSite : colours.site,
      },
    });
  }

  for (const site of r.interceptorSites) {
    features.push({
      type: 'Feature',
      id: `interceptor-site-${site.id}`,
      geometry: { type: 'Point', coordinates: lonLat(site.lonDeg, site.latDeg) },
      properties: {
        kind: 'interceptor-site',
        id: site.id,
        name: site.name,
        interceptorId: site.interceptorId,
        interceptorName: site.interceptorName,
        burnoutSpeedMps: site.burnoutSpeedMps,
        inventory: site.inventory,
        'marker-color': colours.interceptorSite,
        'marker-symbol': 'rocket',
      },
    });
  }

  for (const sensor of r.sensors) {
    if (sensor.coverage === null) continue;
    const ring = sensor.coverage.geometry.coordinates[0];
    if (ring === undefined) continue;
    const geometry = polygonGeometry(footprintPolygons(ring));
    if (geometry === null) continue;
    features.push({
      type: 'Feature',
      id: `coverage-${sensor.id}`,
      geometry,
      properties: {
        kind: 'radar-coverage',
        ...sensor.coverage.properties,
        sensorName: sensor.name,
        fireControl: sensor.fireControl,
        stroke: colours.coverage,
        'stroke-width': 1,
        fill: colours.coverage,
        'fill-opacity': 0.15,
      },
    });
  }

  for (const mark of interceptMarks(r)) {
    const p = mark.point;
    features.push({
      type: 'Feature',
      id: `intercept-${mark.siteId}-${mark.threatId}-${mark.which}`,
      geometry: {
        type: 'Point',
        coordinates: [...lonLat(p.lonDeg, p.latDeg), roundTo(p.altitudeKm * 1000, 0)],
      },
      properties: {
        kind: 'intercept',
        siteId: mark.siteId,
        threatId: mark.threatId,
        which: mark.which,
        timeS: roundTo(p.timeS, 1),
        altitudeKm: roundTo(p.altitudeKm, 3),
        launchTimeS: roundTo(p.launchTimeS, 1),
        closingSpeedMps: roundTo(p.closingSpeedMps, 0),
        interceptGeometry: p.geometry,
        'marker-color': colours.intercept,
        'marker-symbol': 'cross',
      },
    });
  }

  return {
    type: 'FeatureCollection',
    features,
    openbmd: {
      notional: true,
      resultFormat: r.resultFormat,
      provenance: r.provenance,
      description: r.description,
      ledger: r.ledger,
      sources: r.sources,
    },
  };
};
