/**
 * map.geojson against a zod schema of RFC 7946 (positions, geometry types, closed rings with the
 * right-hand rule), the engageable segments against the track points' engageableBy, the split
 * at the antimeridian of lines and footprints, and the `openbmd` foreign member.
 */
import { describe, expect, it } from 'vitest';
import { footprintPolygons, mapGeoJson } from '../../src/export/geojson.js';
import { fixtureRunResult } from './fixture.js';
import { featureCollection, linearRing } from './geojson-schema.js';

type Position = readonly number[];

/** Twice the signed planar area of a ring (positive: counter-clockwise). */
const signedArea2 = (ring: readonly Position[]): number => {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1] ?? [0, 0];
    const b = ring[i] ?? [0, 0];
    sum += (a[0] ?? 0) * (b[1] ?? 0) - (b[0] ?? 0) * (a[1] ?? 0);
  }
  return sum;
};

/** A circle of radius `radiusDeg` of great-circle angle around a point, counter-clockwise, closed. */
const circle = (latDeg: number, lonDeg: number, radiusDeg: number, n = 72): number[][] => {
  const d = Math.PI / 180;
  const ring: number[][] = [];
  for (let i = 0; i <= n; i++) {
    // Azimuths decreasing: counter-clockwise seen from above.
    const az = (-2 * Math.PI * (i % n)) / n;
    const phi1 = latDeg * d;
    const delta = radiusDeg * d;
    const phi2 = Math.asin(
      Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(az),
    );
    const lambda2 =
      lonDeg * d +
      Math.atan2(
        Math.sin(az) * Math.sin(delta) * Math.cos(phi1),
        Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2),
      );
    const lon = ((((lambda2 / d + 180) % 360) + 360) % 360) - 180;
    ring.push([lon, phi2 / d]);
  }
  return ring;
};

describe('map.geojson', () => {
  const r = fixtureRunResult();
  const fc = mapGeoJson(r);
  const roundTrip: unknown = JSON.parse(JSON.stringify(fc));

  it('is an RFC 7946 FeatureCollection with counter-clockwise exterior rings', () => {
    const parsed = featureCollection.parse(roundTrip);
    for (const f of parsed.features) {
      const g = f.geometry;
      if (g?.type === 'Polygon') expect(signedArea2(g.coordinates[0] ?? [])).toBeGreaterThan(0);
      if (g?.type === 'MultiPolygon') {
        for (const p of g.coordinates) expect(signedArea2(p[0] ?? [])).toBeGreaterThan(0);
      }
    }
    const kinds = parsed.features.map((f) => f.properties?.['kind']);
    expect(kinds.filter((k) => k === 'site')).toHaveLength(r.sites.length);
    expect(kinds.filter((k) => k === 'interceptor-site')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'radar-coverage')).toHaveLength(1);
    // First and last intercept of the two engageable baseline engagements.
    expect(kinds.filter((k) => k === 'intercept')).toHaveLength(4);
    const ids = parsed.features.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('cuts each track where the sites that can engage it change, coloured by engageability', () => {
    const segments = fc.features.filter((f) => f.properties['kind'] === 'track-segment');
    for (const track of r.tracks) {
      const own = segments.filter((f) => f.properties['threatId'] === track.threatId);
      expect(own.length).toBeGreaterThan(0);
      for (const f of own) {
        const startS = Number(f.properties['startS']);
        const endS = Number(f.properties['endS']);
        const by = f.properties['engageableBy'];
        const engageable = f.properties['engageable'];
        expect(Array.isArray(by)).toBe(true);
        expect(engageable).toBe((by as unknown[]).length > 0);
        expect(f.properties['stroke']).toBe(engageable ? '#2ca02c' : '#d62728');
        // Every point inside the segment has those sites; an engageable segment starts and ends
        // on engageable points (the connecting pieces go to the side with fewer sites).
        const inside = engageable
          ? (t: number) => t >= startS && t <= endS
          : (t: number) => t > startS && t < endS;
        for (const p of track.points.filter((q) => inside(q.timeS))) {
          expect([...p.engageableBy].sort()).toEqual(by);
        }
      }
      // Consecutive segments cover the track without gaps.
      const times = own.map((f) => [Number(f.properties['startS']), Number(f.properties['endS'])]);
      for (let i = 1; i < times.length; i++) expect(times[i]?.[0]).toBe(times[i - 1]?.[1]);
      expect(times[0]?.[0]).toBe(track.points[0]?.timeS);
      expect(times[times.length - 1]?.[1]).toBe(track.points[track.points.length - 1]?.timeS);
    }
    const london = segments.filter((f) => f.properties['threatId'] === 'semnan-london');
    expect(london.map((f) => f.properties['engageable'])).toEqual([false, true, false]);
    expect(london[1]?.properties['engageableBy']).toEqual(['redzikowo']);
    // Exactly the baseline intercept window of the fixture, 640-960 s.
    expect([london[1]?.properties['startS'], london[1]?.properties['endS']]).toEqual([640, 960]);
  });

  it('splits lines at the antimeridian', () => {
    const pacific = fc.features.filter(
      (f) =>
        f.properties['kind'] === 'track-segment' &&
        f.properties['threatId'] === 'kamchatka-anchorage',
    );
    expect(pacific).toHaveLength(1);
    const g = pacific[0]?.geometry;
    if (g?.type !== 'MultiLineString')
      throw new Error(`expected a MultiLineString, got ${g?.type}`);
    expect(g.coordinates).toHaveLength(2);
    const [west, east] = g.coordinates;
    const end = west?.[west.length - 1];
    const start = east?.[0];
    expect(end?.[0]).toBe(180);
    expect(start?.[0]).toBe(-180);
    expect(start?.[1]).toBe(end?.[1]);
    expect(start?.[2]).toBe(end?.[2]);
    for (const f of fc.features) {
      const lines =
        f.geometry.type === 'LineString'
          ? [f.geometry.coordinates]
          : f.geometry.type === 'MultiLineString'
            ? f.geometry.coordinates
            : [];
      for (const line of lines) {
        for (let i = 1; i < line.length; i++) {
          expect(Math.abs((line[i]?.[0] ?? 0) - (line[i - 1]?.[0] ?? 0))).toBeLessThan(180);
        }
      }
    }
  });

  it('splits a footprint that crosses the antimeridian, and closes one round a pole over it', () => {
    const crossing = footprintPolygons(circle(60, 179, 5));
    expect(crossing).toHaveLength(2);
    const lons = crossing.flatMap((p) => p.flatMap((ring) => ring.map((q) => q[0] ?? 0)));
    expect(Math.max(...lons)).toBe(180);
    expect(Math.min(...lons)).toBe(-180);
    for (const p of crossing) {
      const ring = p[0] ?? [];
      expect(linearRing.safeParse(ring).success).toBe(true);
      expect(signedArea2(ring)).toBeGreaterThan(0);
      for (let i = 1; i < ring.length; i++) {
        expect(Math.abs((ring[i]?.[0] ?? 0) - (ring[i - 1]?.[0] ?? 0))).toBeLessThan(180);
      }
    }
    const polar = footprintPolygons(circle(80, -60, 15));
    expect(polar).toHaveLength(1);
    const ring = polar[0]?.[0] ?? [];
    expect(linearRing.safeParse(ring).success).toBe(true);
    expect(ring.some((q) => q[1] === 90)).toBe(true);
    expect(signedArea2(ring)).toBeGreaterThan(0);
    // Clockwise input comes out counter-clockwise too.
    const reversed = footprintPolygons(circle(50, 10, 5).reverse());
    expect(signedArea2(reversed[0]?.[0] ?? [])).toBeGreaterThan(0);
    expect(footprintPolygons(circle(50, 10, 5))).toHaveLength(1);
  });

  it('carries the provenance, the ledger and the sources in its openbmd member', () => {
    expect(fc.openbmd.notional).toBe(true);
    expect(fc.openbmd.provenance.scenarioSha256).toBe(r.provenance.scenarioSha256);
    expect(fc.openbmd.ledger.parameters).toHaveLength(2);
    expect(fc.openbmd.sources).toEqual(r.sources);
    expect((roundTrip as { openbmd: unknown }).openbmd).toEqual(
      JSON.parse(JSON.stringify(fc.openbmd)),
    );
  });
});
