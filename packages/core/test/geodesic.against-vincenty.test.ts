/**
 * Geodesics against published reference lines:
 * - Vincenty, T. (1975), "Direct and inverse solutions of geodesics on the ellipsoid with
 *   application of nested equations", Survey Review 23(176):88-93, Table II, lines (a)-(e)
 *   (Bessel and International ellipsoids; distances to 1 mm, azimuths to 1e-5 arcsec).
 * - Flinders Peak -> Buninyong, the worked example of Vincenty's inverse formula in the
 *   Geocentric Datum of Australia Technical Manual (ICSM; Geoscience Australia), GRS80.
 * - JFK -> SIN on WGS84, values checked with geographiclib 2.2.0 (shared/design/ECOSYSTEM.md):
 *   a regression value, not an independent authority.
 * - WGS84 quarter meridian 10,001,965.729 m (Karney 2013, GeographicLib documentation).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geodeticToEcef } from '../src/earth/frames.js';
import { centralAngleRad, directGeodesic, inverseGeodesic } from '../src/earth/geodesic.js';
import { customEarthModel, type EarthModel, earthPresets } from '../src/earth/model.js';
import { errorCodes, OpenBmdError } from '../src/errors.js';

const oneMillimetreM = 1e-3;
const oneMicrometreM = 1e-6;
const deg = Math.PI / 180;
const arcsec = deg / 3600;
const dms = (d: number, m: number, s: number): number =>
  (Math.sign(d) || 1) * (Math.abs(d) + m / 60 + s / 3600) * deg;

const wgs84 = earthPresets.wgs84;
const round = earthPresets.round;
const bessel = customEarthModel(wgs84, { radiusM: 6377397.155, flattening: 1 / 299.1528128 });
const international = customEarthModel(wgs84, { radiusM: 6378388, flattening: 1 / 297 });
const grs80 = customEarthModel(wgs84, { flattening: 1 / 298.257222101 });

/** Difference of two angles, wrapped to [-pi, pi]. */
const angleDiff = (a: number, b: number): number => {
  let d = (a - b) % (2 * Math.PI);
  if (d > Math.PI) d -= 2 * Math.PI;
  if (d < -Math.PI) d += 2 * Math.PI;
  return d;
};

const p = new Float64Array(3);
const q = new Float64Array(3);
/** Straight-line distance between two surface points of the model, m. */
const chordM = (
  lat1: number,
  lon1: number,
  lat2: number,
  lon2: number,
  model: EarthModel,
): number => {
  geodeticToEcef(lat1, lon1, 0, model, p);
  geodeticToEcef(lat2, lon2, 0, model, q);
  return Math.hypot(
    (p[0] ?? 0) - (q[0] ?? 0),
    (p[1] ?? 0) - (q[1] ?? 0),
    (p[2] ?? 0) - (q[2] ?? 0),
  );
};

describe('ellipsoid geodesics against Vincenty (1975) Table II', () => {
  // [ellipsoid, lat1, lat2, lon2 (lon1 = 0), s, azimuth1, azimuth2 (forward, at point 2)]
  const lines: [string, EarthModel, number, number, number, number, number, number][] = [
    [
      'a',
      bessel,
      dms(55, 45, 0),
      dms(-33, 26, 0),
      dms(108, 13, 0),
      14110526.17,
      dms(96, 36, 8.7996),
      dms(137, 52, 22.01454),
    ],
    [
      'b',
      international,
      dms(37, 19, 54.95367),
      dms(26, 7, 42.83946),
      dms(41, 28, 35.50729),
      4085966.703,
      dms(95, 27, 59.63089),
      dms(118, 5, 58.96161),
    ],
    [
      'c',
      international,
      dms(35, 16, 11.24862),
      dms(67, 22, 14.77638),
      dms(137, 47, 28.31435),
      8084823.839,
      dms(15, 44, 23.7485),
      dms(144, 55, 39.92147),
    ],
    [
      'd',
      international,
      dms(1, 0, 0),
      -dms(0, 59, 53.83076),
      dms(179, 17, 48.02997),
      19960000.0,
      dms(89, 0, 0),
      dms(91, 0, 6.11733),
    ],
    [
      'e',
      international,
      dms(1, 0, 0),
      dms(1, 1, 15.18952),
      dms(179, 46, 17.84244),
      19780006.558,
      dms(4, 59, 59.99995),
      dms(174, 59, 59.88481),
    ],
  ];
  // Published to 1 mm and 1e-5 arcsec; Vincenty's series are good to about 0.1 mm.
  const distanceTolM = oneMillimetreM;
  const azimuthTolRad = 1e-4 * arcsec;
  // Line (d) is nearly antipodal: there the azimuth of the inverse problem is ill-conditioned
  // (d azimuth = d position / reduced length), so the 1e-5 arcsec (0.3 mm) rounding of the
  // published end point alone moves it by ~1e-3 arcsec.
  const inverseAzimuthTolRad = (line: string): number =>
    line === 'd' ? 0.01 * arcsec : azimuthTolRad;

  for (const [name, model, lat1, lat2, lon2, s, az1, az2] of lines) {
    it(`inverse reproduces line (${name}): s = ${s} m`, () => {
      const r = inverseGeodesic(lat1, 0, lat2, lon2, model);
      expect(Math.abs(r.distanceM - s)).toBeLessThan(distanceTolM);
      expect(Math.abs(angleDiff(r.azimuth1Rad, az1))).toBeLessThan(inverseAzimuthTolRad(name));
      expect(Math.abs(angleDiff(r.azimuth2Rad, az2))).toBeLessThan(inverseAzimuthTolRad(name));
    });

    it(`direct reproduces line (${name})`, () => {
      const r = directGeodesic(lat1, 0, az1, s, model);
      expect(chordM(r.latRad, r.lonRad, lat2, lon2, model)).toBeLessThan(distanceTolM);
      expect(Math.abs(angleDiff(r.azimuth2Rad, az2))).toBeLessThan(azimuthTolRad);
    });
  }
});

describe('ellipsoid geodesics: other published values', () => {
  it('Flinders Peak -> Buninyong (GDA Technical Manual, GRS80): 54,972.271 m', () => {
    const lat1 = -dms(37, 57, 3.7203);
    const lon1 = dms(144, 25, 29.5244);
    const lat2 = -dms(37, 39, 10.1561);
    const lon2 = dms(143, 55, 35.3839);
    const r = inverseGeodesic(lat1, lon1, lat2, lon2, grs80);
    expect(Math.abs(r.distanceM - 54972.271)).toBeLessThan(oneMillimetreM);
    // Published to 0.01 arcsec: forward 306 52 05.37, reverse 127 10 25.07.
    expect(Math.abs(angleDiff(r.azimuth1Rad, dms(306, 52, 5.37)))).toBeLessThan(0.006 * arcsec);
    expect(Math.abs(angleDiff(r.azimuth2Rad + Math.PI, dms(127, 10, 25.07)))).toBeLessThan(
      0.006 * arcsec,
    );
    // The WGS84 preset differs from GRS80 by 1.6e-11 in flattening: micrometres here.
    expect(
      Math.abs(inverseGeodesic(lat1, lon1, lat2, lon2, wgs84).distanceM - 54972.271),
    ).toBeLessThan(oneMillimetreM);
  });

  it('JFK -> SIN on WGS84 (geographiclib 2.2.0 values in ECOSYSTEM.md)', () => {
    const r = inverseGeodesic(40.64 * deg, -73.78 * deg, 1.36 * deg, 103.99 * deg, wgs84);
    expect(Math.abs(r.distanceM - 15347512.941)).toBeLessThan(oneMillimetreM);
    expect(Math.abs(r.azimuth1Rad - 3.305773478 * deg)).toBeLessThan(1e-9 * deg);
    expect(Math.abs(r.azimuth2Rad - 177.487840208 * deg)).toBeLessThan(1e-9 * deg);
    const d = directGeodesic(40.64 * deg, -73.78 * deg, r.azimuth1Rad, r.distanceM, wgs84);
    expect(Math.abs(d.latRad - 1.36 * deg)).toBeLessThan(1e-12 * deg);
    expect(Math.abs(d.lonRad - 103.99 * deg)).toBeLessThan(1e-12 * deg);
  });

  it('WGS84 quarter meridian 10,001,965.729 m; equatorial antipodes go over a pole', () => {
    const r = inverseGeodesic(0, 0.3, Math.PI / 2, 0.3, wgs84);
    expect(Math.abs(r.distanceM - 10001965.729)).toBeLessThan(oneMillimetreM);
    const anti = inverseGeodesic(0, 0, 0, Math.PI, wgs84);
    expect(Math.abs(anti.distanceM - 2 * 10001965.729)).toBeLessThan(2 * oneMillimetreM);
    expect(Math.abs(Math.cos(anti.azimuth1Rad))).toBe(1); // due north or south
    const same = inverseGeodesic(0.5, 0.5, 0.5, 0.5, wgs84);
    expect(same.distanceM).toBe(0);
  });
});

describe('sphere geodesics against closed forms', () => {
  const R = round.radiusM;

  it('quarter meridian and quarter equator are pi R / 2; antipodes pi R', () => {
    const m = inverseGeodesic(0, 1, Math.PI / 2, 1, round);
    expect(Math.abs(m.distanceM - (Math.PI * R) / 2)).toBeLessThan(oneMicrometreM);
    expect(m.azimuth1Rad).toBe(0);
    const e = inverseGeodesic(0, 0, 0, Math.PI / 2, round);
    expect(Math.abs(e.distanceM - (Math.PI * R) / 2)).toBeLessThan(oneMicrometreM);
    expect(Math.abs(e.azimuth1Rad - Math.PI / 2)).toBeLessThan(1e-15);
    expect(Math.abs(e.azimuth2Rad - Math.PI / 2)).toBeLessThan(1e-15);
    const a = inverseGeodesic(0.3, 0.2, -0.3, 0.2 + Math.PI, round);
    expect(Math.abs(a.distanceM - Math.PI * R)).toBeLessThan(oneMicrometreM);
  });

  it('coincident points: zero distance and zero azimuths', () => {
    const r = inverseGeodesic(0.7, -2, 0.7, -2, round);
    expect(r).toEqual({ distanceM: 0, azimuth1Rad: 0, azimuth2Rad: 0 });
  });

  it('centralAngleRad is accurate for tiny and antipodal separations', () => {
    // 1 mm apart along a meridian at 45 deg.
    const dLat = oneMillimetreM / R;
    // The input itself is rounded to ulp(0.785) R = 0.7 nm.
    expect(
      Math.abs(centralAngleRad(0.785, 0.1, 0.785 + dLat, 0.1) * R - oneMillimetreM),
    ).toBeLessThan(1e-9);
    // 1 mm short of antipodal.
    const near = centralAngleRad(0, 0, dLat, Math.PI);
    expect(Math.abs((Math.PI - near) * R - oneMillimetreM)).toBeLessThan(1e-9);
    expect(centralAngleRad(0.2, 0.3, -0.2, 0.3 + Math.PI)).toBe(Math.PI);
    expect(centralAngleRad(0.2, 0.3, 0.2, 0.3)).toBe(0);
  });

  it('direct along the equator and the meridian', () => {
    const r = directGeodesic(0, 0, Math.PI / 2, (Math.PI * R) / 4, round);
    expect(Math.abs(r.latRad)).toBeLessThan(1e-15);
    expect(Math.abs(r.lonRad - Math.PI / 4)).toBeLessThan(1e-15);
    expect(Math.abs(r.azimuth2Rad - Math.PI / 2)).toBeLessThan(1e-15);
    const n = directGeodesic(0.1, 0.2, 0, 0.3 * R, round);
    expect(Math.abs(n.latRad - 0.4)).toBeLessThan(1e-15);
    expect(Math.abs(n.lonRad - 0.2)).toBeLessThan(1e-15);
  });

  it('agrees with the ellipsoid solver at vanishing flattening (independent code)', () => {
    const nearSphere = customEarthModel(wgs84, { radiusM: R, flattening: 1e-12 });
    const lat = fc.double({ min: -Math.PI / 2, max: Math.PI / 2, noNaN: true });
    const lon = fc.double({ min: -Math.PI, max: Math.PI, noNaN: true });
    fc.assert(
      fc.property(lat, lon, lat, lon, (lat1, lon1, lat2, lon2) => {
        const sigma = centralAngleRad(lat1, lon1, lat2, lon2);
        fc.pre(sigma > 1e-6 && sigma < Math.PI - 1e-3);
        const s = inverseGeodesic(lat1, lon1, lat2, lon2, round);
        const e = inverseGeodesic(lat1, lon1, lat2, lon2, nearSphere);
        expect(Math.abs(s.distanceM - e.distanceM)).toBeLessThan(oneMillimetreM);
        expect(Math.abs(s.distanceM - R * sigma)).toBe(0);
        // Azimuths: 1e-5 m of the f = 1e-12 ellipsoid over the shortest distance, as an angle.
        const azTol = 1e-9 + 1e-5 / (R * Math.min(sigma, 1e-2));
        if (Math.abs(lat1) < Math.PI / 2 - 1e-6 && Math.abs(lat2) < Math.PI / 2 - 1e-6) {
          expect(Math.abs(angleDiff(s.azimuth1Rad, e.azimuth1Rad))).toBeLessThan(azTol);
          expect(Math.abs(angleDiff(s.azimuth2Rad, e.azimuth2Rad))).toBeLessThan(azTol);
        }
        const ds = directGeodesic(lat1, lon1, s.azimuth1Rad, s.distanceM, round);
        const de = directGeodesic(lat1, lon1, s.azimuth1Rad, s.distanceM, nearSphere);
        expect(chordM(ds.latRad, ds.lonRad, de.latRad, de.lonRad, round)).toBeLessThan(
          oneMillimetreM,
        );
      }),
      { numRuns: 500, seed: 42 },
    );
  });
});

describe('direct and inverse are mutual inverses (property)', () => {
  const lat = fc.oneof(
    fc.double({ min: -Math.PI / 2, max: Math.PI / 2, noNaN: true }),
    fc.constantFrom(0, Math.PI / 2, -Math.PI / 2, 89.9999 * deg),
  );
  const lon = fc.double({ min: -Math.PI, max: Math.PI, noNaN: true });
  for (const model of [wgs84, round, earthPresets.p1]) {
    it(`inverse -> direct returns to the second point within 1 mm on ${model.name}`, () => {
      fc.assert(
        fc.property(lat, lon, lat, lon, (lat1, lon1, lat2, lon2) => {
          const r = inverseGeodesic(lat1, lon1, lat2, lon2, model);
          const d = directGeodesic(lat1, lon1, r.azimuth1Rad, r.distanceM, model);
          expect(chordM(d.latRad, d.lonRad, lat2, lon2, model)).toBeLessThan(oneMillimetreM);
        }),
        { numRuns: 400, seed: 5 },
      );
    });

    it(`direct -> inverse recovers the distance and azimuth on ${model.name}`, () => {
      fc.assert(
        fc.property(
          lat,
          lon,
          fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
          fc.double({ min: 1, max: 19_000e3, noNaN: true }),
          (lat1, lon1, az, s) => {
            fc.pre(Math.abs(lat1) < Math.PI / 2 - 1e-6); // azimuth is defined off the poles
            const d = directGeodesic(lat1, lon1, az, s, model);
            const r = inverseGeodesic(lat1, lon1, d.latRad, d.lonRad, model);
            expect(Math.abs(r.distanceM - s)).toBeLessThan(oneMillimetreM);
            expect(Math.abs(angleDiff(r.azimuth1Rad, az)) * Math.min(s, 1e6)).toBeLessThan(
              oneMillimetreM,
            );
            expect(
              Math.abs(angleDiff(r.azimuth2Rad, d.azimuth2Rad)) * Math.min(s, 1e6),
            ).toBeLessThan(oneMillimetreM);
          },
        ),
        { numRuns: 400, seed: 6 },
      );
    });
  }
});

describe('input checks', () => {
  it('rejects latitudes beyond the poles and non-finite numbers by code', () => {
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return e instanceof OpenBmdError ? e.code : 'other';
      }
      return undefined;
    };
    expect(code(() => inverseGeodesic(2, 0, 0, 0, wgs84))).toBe(errorCodes.outOfRange);
    expect(code(() => inverseGeodesic(0, Number.NaN, 0, 0, round))).toBe(errorCodes.invalidInput);
    expect(code(() => directGeodesic(0, 0, 0, Number.POSITIVE_INFINITY, wgs84))).toBe(
      errorCodes.invalidInput,
    );
    // pi/2 from a degree conversion is accepted.
    expect(code(() => inverseGeodesic((90 / 180) * Math.PI, 0, 0, 0, wgs84))).toBeUndefined();
  });
});
