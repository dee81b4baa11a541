/**
 * The report's world map: an inline SVG drawn with d3-geo in the Natural Earth projection,
 * rotated to the scenario's central longitude and fitted to its extent (or the whole world when
 * the scenario spans most of it): ocean, graticule, land and borders (Natural Earth 1:110m from
 * world-atlas), radar coverage footprints, tracks coloured by engageability, sites and intercept
 * points. Coordinates are rounded to 0.01 degree before projecting and to 0.1 px in the SVG,
 * and everything outside the frame is clipped away, to keep the file small.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type RunResult, wrapLonDeg } from '@openbmd/core';
import {
  type GeoPermissibleObjects,
  type GeoProjection,
  geoArea,
  geoBounds,
  geoGraticule,
  geoNaturalEarth1,
  geoPath,
} from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import { escapeHtml } from './html.js';
import { allTrackSegments, colours, interceptMarks, roundTo } from './scene.js';

type Topology = Parameters<typeof mesh>[0];
type MeshObject = NonNullable<Parameters<typeof mesh>[1]>;
interface WorldAtlas {
  readonly topology: Topology;
  readonly countries: MeshObject;
}

let atlas: WorldAtlas | undefined;

/** Natural Earth 1:110m countries and land (world-atlas 2), read once. */
const worldAtlas = (): WorldAtlas => {
  if (atlas !== undefined) return atlas;
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  const countries = topology.objects['countries'] as MeshObject | undefined;
  if (countries === undefined || topology.objects['land'] === undefined) {
    throw new Error(`${file} has no countries or land object`);
  }
  const loaded: WorldAtlas = { topology, countries };
  atlas = loaded;
  return loaded;
};

const MAP_WIDTH_PX = 960;
const MARGIN_PX = 24;
const MIN_HEIGHT_PX = 320;
const MAX_HEIGHT_PX = 620;
/** Longitude span above which the whole world is shown, deg. */
const WORLD_SPAN_DEG = 240;
/** How far the map may zoom in, relative to the whole world. */
const MAX_ZOOM = 8;

const p2 = (lonDeg: number, latDeg: number): [number, number] => [
  roundTo(wrapLonDeg(lonDeg), 2),
  roundTo(latDeg, 2),
];

/**
 * A place's name as a map label: up to its first comma or parenthesis ("Brdy military area,
 * Czech Republic (planned X-band radar)" gives "Brdy military area"); the full name is the
 * label's tooltip.
 */
export const shortPlaceName = (name: string): string => {
  const cut = name.search(/,| \(/);
  const short = cut > 0 ? name.slice(0, cut) : name;
  return short.length <= 32 ? short : `${short.slice(0, 31)}\u2026`;
};

/** A spherical ring as d3-geo wants it: clockwise around its inside (the smaller side). */
const smallSideRing = (ring: ReadonlyArray<readonly number[]>): [number, number][] => {
  const positions = ring.map((p) => p2(p[0] ?? 0, p[1] ?? 0));
  const polygon: GeoPermissibleObjects = { type: 'Polygon', coordinates: [positions] };
  return geoArea(polygon) > 2 * Math.PI ? positions.reverse() : positions;
};

interface Frame {
  readonly projection: GeoProjection;
  readonly heightPx: number;
}

/** The projection centred on, and fitted to, everything the scenario draws. */
const frameFor = (extent: [number, number][]): Frame => {
  const projection = geoNaturalEarth1();
  const sphere: GeoPermissibleObjects = { type: 'Sphere' };
  const inner = MAP_WIDTH_PX - 2 * MARGIN_PX;
  const world = (centreLonDeg: number): Frame => {
    projection.rotate([-centreLonDeg, 0]).fitWidth(inner, sphere);
    const [[, y0], [, y1]] = geoPath(projection).bounds(sphere);
    const heightPx = Math.round(y1 - y0 + 2 * MARGIN_PX);
    projection.fitExtent(
      [
        [MARGIN_PX, MARGIN_PX],
        [MAP_WIDTH_PX - MARGIN_PX, heightPx - MARGIN_PX],
      ],
      sphere,
    );
    return { projection, heightPx };
  };
  if (extent.length === 0) return world(0);
  const points: GeoPermissibleObjects = { type: 'MultiPoint', coordinates: extent };
  const [[west, south], [east, north]] = geoBounds(points);
  const spanDeg = east >= west ? east - west : east + 360 - west;
  // Centred on the scenario, so that its tracks are not cut at the map's edge.
  const centreLonDeg = wrapLonDeg(west + spanDeg / 2);
  if (spanDeg > WORLD_SPAN_DEG || north - south > 150) return world(centreLonDeg);
  projection.rotate([-centreLonDeg, 0]).fitWidth(inner, sphere);
  const worldScale = projection.scale();
  projection.fitWidth(inner, points);
  const [[, y0], [, y1]] = geoPath(projection).bounds(points);
  const heightPx = Math.round(
    Math.min(MAX_HEIGHT_PX, Math.max(MIN_HEIGHT_PX, y1 - y0 + 2 * MARGIN_PX)),
  );
  projection.fitExtent(
    [
      [MARGIN_PX, MARGIN_PX],
      [MAP_WIDTH_PX - MARGIN_PX, heightPx - MARGIN_PX],
    ],
    points,
  );
  if (projection.scale() > MAX_ZOOM * worldScale) {
    const centre: [number, number] = [centreLonDeg, (north + south) / 2];
    projection.scale(MAX_ZOOM * worldScale).translate([MAP_WIDTH_PX / 2, heightPx / 2]);
    const at = projection(centre);
    if (at !== null) {
      const [tx, ty] = projection.translate();
      projection.translate([tx + MAP_WIDTH_PX / 2 - at[0], ty + heightPx / 2 - at[1]]);
    }
  }
  return { projection, heightPx };
};

/** The map as an inline `<svg data-chart="map">`. */
export const mapSvg = (r: RunResult): string => {
  const segments = allTrackSegments(r);
  const coverageRings = r.sensors.flatMap((s) => {
    const ring = s.coverage?.geometry.coordinates[0];
    return ring === undefined || ring.length < 4 ? [] : [{ sensor: s, ring: smallSideRing(ring) }];
  });
  const extent: [number, number][] = [
    ...segments.flatMap((s) => s.points.map((p) => p2(p.lonDeg, p.latDeg))),
    ...r.sites.map((s) => p2(s.lonDeg, s.latDeg)),
    ...r.interceptorSites.map((s) => p2(s.lonDeg, s.latDeg)),
    ...coverageRings.flatMap((c) => c.ring),
  ];
  const { projection, heightPx } = frameFor(extent);
  projection.clipExtent([
    [0, 0],
    [MAP_WIDTH_PX, heightPx],
  ]);
  const path = geoPath(projection).digits(1);
  const d = (object: GeoPermissibleObjects): string => path(object) ?? '';
  const { topology, countries } = worldAtlas();

  const out: string[] = [];
  out.push(
    `<svg data-chart="map" viewBox="0 0 ${MAP_WIDTH_PX} ${heightPx}" width="${MAP_WIDTH_PX}" height="${heightPx}" role="img" aria-label="Map of tracks, sites and radar coverage" font-family="system-ui, sans-serif" font-size="11">`,
  );
  out.push(`<path d="${d({ type: 'Sphere' })}" fill="#eaf2f8" stroke="none"/>`);
  out.push(
    `<path d="${d(geoGraticule().step([15, 15])())}" fill="none" stroke="#c9d6e0" stroke-width="0.5"/>`,
  );
  out.push(
    `<path d="${d(feature(topology, 'land'))}" fill="#ecebe4" stroke="#b9b6aa" stroke-width="0.5"/>`,
  );
  out.push(
    `<path d="${d(mesh(topology, countries, (a, b) => a !== b))}" fill="none" stroke="#b9b6aa" stroke-width="0.5"/>`,
  );
  for (const { sensor, ring } of coverageRings) {
    out.push(
      `<path d="${d({ type: 'Polygon', coordinates: [ring] })}" fill="${colours.coverage}" fill-opacity="0.12" stroke="${colours.coverage}" stroke-width="1"><title>${escapeHtml(`${sensor.name} coverage`)}</title></path>`,
    );
  }
  for (const s of segments) {
    const line: GeoPermissibleObjects = {
      type: 'LineString',
      coordinates: s.points.map((p) => p2(p.lonDeg, p.latDeg)),
    };
    const title = s.engageable
      ? `${s.threatId}: engageable by ${s.engageableBy.join(', ')}, ${s.startS.toFixed(0)}-${s.endS.toFixed(0)} s`
      : `${s.threatId}: not engageable, ${s.startS.toFixed(0)}-${s.endS.toFixed(0)} s`;
    out.push(
      `<path d="${d(line)}" fill="none" stroke="${s.engageable ? colours.engageable : colours.notEngageable}" stroke-width="${s.engageable ? 3 : 2}" stroke-linecap="round"><title>${escapeHtml(title)}</title></path>`,
    );
  }
  // Places first (their names are the short ones), then the interceptor sites that stand on no
  // place already drawn; a place with an interceptor site on it is drawn in the site's colour.
  const drawn: Array<[number, number]> = [];
  const near = (lonDeg: number, latDeg: number): boolean =>
    drawn.some(([lon, lat]) => Math.abs(lon - lonDeg) < 0.05 && Math.abs(lat - latDeg) < 0.05);
  const interceptorAt = (lonDeg: number, latDeg: number): boolean =>
    r.interceptorSites.some(
      (s) => Math.abs(s.lonDeg - lonDeg) < 0.05 && Math.abs(s.latDeg - latDeg) < 0.05,
    );
  const place = (
    id: string,
    name: string,
    lonDeg: number,
    latDeg: number,
    interceptor: boolean,
  ): void => {
    if (near(lonDeg, latDeg)) return;
    drawn.push([lonDeg, latDeg]);
    const xy = projection(p2(lonDeg, latDeg));
    if (xy === null) return;
    const [x, y] = xy;
    if (x < 0 || y < 0 || x > MAP_WIDTH_PX || y > heightPx) return;
    const hex = interceptor ? colours.interceptorSite : colours.site;
    const label = shortPlaceName(name);
    // Labels near the right edge go to the left of their point, so they stay in the frame.
    const leftward = x > MAP_WIDTH_PX - 7 * label.length - 12;
    out.push(
      `<g transform="translate(${x.toFixed(1)},${y.toFixed(1)})"><circle r="4" fill="${hex}" stroke="#fff" stroke-width="1"/><text x="${leftward ? -6 : 6}" y="4"${leftward ? ' text-anchor="end"' : ''} fill="#222" stroke="#fff" stroke-width="3" paint-order="stroke">${escapeHtml(label)}</text><title>${escapeHtml(`${name} (${id})`)}</title></g>`,
    );
  };
  for (const s of r.sites) {
    const interceptor = s.roles.includes('interceptor') || interceptorAt(s.lonDeg, s.latDeg);
    place(s.id, s.name, s.lonDeg, s.latDeg, interceptor);
  }
  for (const s of r.interceptorSites) place(s.id, s.name, s.lonDeg, s.latDeg, true);
  for (const m of interceptMarks(r)) {
    const xy = projection(p2(m.point.lonDeg, m.point.latDeg));
    if (xy === null) continue;
    const [x, y] = xy;
    out.push(
      `<path d="M${(x - 4).toFixed(1)},${(y - 4).toFixed(1)}l8,8m0,-8l-8,8" stroke="${colours.intercept}" stroke-width="2.5"><title>${escapeHtml(`${m.which} intercept of ${m.threatId} from ${m.siteId} at ${m.point.timeS.toFixed(0)} s, ${m.point.altitudeKm.toFixed(0)} km`)}</title></path>`,
    );
  }
  out.push(
    `<path d="${d({ type: 'Sphere' })}" fill="none" stroke="#8a9aa8" stroke-width="1"/>`,
    '</svg>',
  );
  return out.join('');
};
