import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WGS84_A_M, WGS84_B_M } from '../src/earth/constants.js';
import {
  altitudeAboveSurfaceM,
  ecefToEci,
  ecefToGeodetic,
  eciToEcef,
  enuBasis,
  geodeticToEcef,
} from '../src/earth/frames.js';
import { type EarthModel, earthPresets } from '../src/earth/model.js';

const oneMillimetreM = 1e-3;
const oneMicrometreM = 1e-6;
const wgs84 = earthPresets.wgs84;
const round = earthPresets.round;
const p1 = earthPresets.p1;
const models: EarthModel[] = [wgs84, round, p1];
/** WGS84 semi-minor axis as printed in NIMA TR8350.2 (2000), table 3.3, m. */
const wgs84BPublishedM = 6356752.3142;

const deg = Math.PI / 180;
const pos = new Float64Array(3);
const pos2 = new Float64Array(3);
const geo = new Float64Array(3);

const dist3 = (a: Float64Array, b: Float64Array): number =>
  Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0), (a[2] ?? 0) - (b[2] ?? 0));

/** Latitudes spread over the globe with extra weight at and next to the poles and the equator. */
const latArb = fc.oneof(
  fc.double({ min: -Math.PI / 2, max: Math.PI / 2, noNaN: true }),
  fc.double({ min: 89.999 * deg, max: Math.PI / 2, noNaN: true }),
  fc.double({ min: -Math.PI / 2, max: -89.999 * deg, noNaN: true }),
  fc.constantFrom(0, Math.PI / 2, -Math.PI / 2, 1e-12, -1e-12),
);
const lonArb = fc.double({ min: -Math.PI, max: Math.PI, noNaN: true });
const altitudeArb = fc.oneof(
  fc.double({ min: -100e3, max: 40_000e3, noNaN: true }),
  fc.double({ min: -100e3, max: 10e3, noNaN: true }),
  fc.constantFrom(-100e3, 0, 40_000e3, 100_000e3),
);

describe('geodeticToEcef / ecefToGeodetic: known points (NIMA TR8350.2 WGS84 axes)', () => {
  it('puts lat 0, lon 0, h 0 at (a, 0, 0) and the poles at (0, 0, +-b)', () => {
    geodeticToEcef(0, 0, 0, wgs84, pos);
    expect(Math.abs((pos[0] ?? 0) - WGS84_A_M)).toBeLessThan(oneMicrometreM);
    expect(Math.abs(pos[1] ?? 0)).toBeLessThan(oneMicrometreM);
    expect(Math.abs(pos[2] ?? 0)).toBeLessThan(oneMicrometreM);
    geodeticToEcef(Math.PI / 2, 1.234, 0, wgs84, pos);
    expect(Math.abs((pos[2] ?? 0) - 6356752.314245)).toBeLessThan(oneMillimetreM);
    expect(Math.abs((pos[2] ?? 0) - wgs84BPublishedM)).toBeLessThan(0.1e-3);
    expect(Math.hypot(pos[0] ?? 0, pos[1] ?? 0)).toBeLessThan(oneMicrometreM);
    geodeticToEcef(-Math.PI / 2, 0, 1000, wgs84, pos);
    expect(Math.abs((pos[2] ?? 0) + WGS84_B_M + 1000)).toBeLessThan(oneMicrometreM);
  });

  it('writes at an offset', () => {
    const buf = new Float64Array(6);
    geodeticToEcef(0, Math.PI / 2, 100, wgs84, buf, 3);
    expect(buf[0]).toBe(0);
    expect(Math.abs((buf[4] ?? 0) - (WGS84_A_M + 100))).toBeLessThan(oneMicrometreM);
  });

  it('inverts the axis points, the origin and the equator', () => {
    ecefToGeodetic(0, 0, 6356752.314245, wgs84, geo);
    expect(geo[0]).toBe(Math.PI / 2);
    expect(geo[1]).toBe(0);
    expect(Math.abs(geo[2] ?? 0)).toBeLessThan(oneMillimetreM);
    ecefToGeodetic(0, 0, -WGS84_B_M - 5000, wgs84, geo);
    expect(geo[0]).toBe(-Math.PI / 2);
    expect(Math.abs((geo[2] ?? 0) - 5000)).toBeLessThan(oneMicrometreM);
    ecefToGeodetic(WGS84_A_M + 200, 0, 0, wgs84, geo);
    expect(geo[0]).toBe(0);
    expect(Math.abs((geo[2] ?? 0) - 200)).toBeLessThan(oneMicrometreM);
    // The origin maps to the north pole at depth b (GeographicLib's convention).
    ecefToGeodetic(0, 0, 0, wgs84, geo);
    expect(geo[0]).toBe(Math.PI / 2);
    expect(Math.abs((geo[2] ?? 0) + WGS84_B_M)).toBeLessThan(oneMicrometreM);
    ecefToGeodetic(0, 0, 0, round, geo);
    expect(geo[0]).toBe(Math.PI / 2);
    expect(geo[2]).toBe(-round.radiusM);
  });

  it('uses geocentric latitude and |r| - R on the sphere presets', () => {
    geodeticToEcef(45 * deg, 0, 1000, round, pos);
    const r = round.radiusM + 1000;
    expect(Math.abs((pos[0] ?? 0) - r * Math.SQRT1_2)).toBeLessThan(oneMicrometreM);
    expect(Math.abs((pos[2] ?? 0) - r * Math.SQRT1_2)).toBeLessThan(oneMicrometreM);
    ecefToGeodetic(3e6, 4e6, 12e6, p1, geo);
    expect(geo[0]).toBeCloseTo(Math.atan2(12e6, 5e6), 15);
    expect(geo[1]).toBeCloseTo(Math.atan2(4e6, 3e6), 15);
    expect(Math.abs((geo[2] ?? 0) - (13e6 - p1.radiusM))).toBeLessThan(oneMicrometreM);
  });
});

describe('geodetic -> ECEF -> geodetic round trip (property)', () => {
  for (const model of models) {
    it(`recovers lat, lon, altitude to < 1 mm on ${model.name}, poles included`, () => {
      fc.assert(
        fc.property(latArb, lonArb, altitudeArb, (lat, lon, h) => {
          geodeticToEcef(lat, lon, h, model, pos);
          ecefToGeodetic(pos[0] ?? 0, pos[1] ?? 0, pos[2] ?? 0, model, geo);
          const rM = Math.hypot(pos[0] ?? 0, pos[1] ?? 0, pos[2] ?? 0);
          const lat2 = geo[0] ?? Number.NaN;
          let dLon = Math.abs((geo[1] ?? Number.NaN) - lon);
          if (dLon > Math.PI) dLon = 2 * Math.PI - dLon;
          expect(Math.abs((geo[2] ?? Number.NaN) - h)).toBeLessThan(oneMillimetreM);
          // Angular errors as metres along the surface at that distance from the centre.
          expect(Math.abs(lat2 - lat) * rM).toBeLessThan(oneMillimetreM);
          expect(dLon * rM * Math.cos(lat)).toBeLessThan(oneMillimetreM);
          // The recovered point is the same point.
          geodeticToEcef(lat2, geo[1] ?? 0, geo[2] ?? 0, model, pos2);
          expect(dist3(pos, pos2)).toBeLessThan(oneMillimetreM);
        }),
        { numRuns: 3000, seed: 20240611 },
      );
    });
  }
});

describe('ECEF -> geodetic -> ECEF everywhere, deep inside and near the centre (property)', () => {
  const coordArb = fc.oneof(
    fc.double({ min: -1e8, max: 1e8, noNaN: true }),
    fc.double({ min: -7e6, max: 7e6, noNaN: true }),
    fc.double({ min: -50e3, max: 50e3, noNaN: true }),
    fc.double({ min: -1, max: 1, noNaN: true }),
    fc.constant(0),
  );
  for (const model of models) {
    it(`returns a point that maps back to within 1 mm on ${model.name}`, () => {
      fc.assert(
        fc.property(coordArb, coordArb, coordArb, (x, y, z) => {
          pos[0] = x;
          pos[1] = y;
          pos[2] = z;
          ecefToGeodetic(x, y, z, model, geo);
          expect(Math.abs(geo[0] ?? Number.NaN)).toBeLessThanOrEqual(Math.PI / 2);
          geodeticToEcef(geo[0] ?? 0, geo[1] ?? 0, geo[2] ?? 0, model, pos2);
          expect(dist3(pos, pos2)).toBeLessThan(oneMillimetreM);
          expect(altitudeAboveSurfaceM(x, y, z, model)).toBe(geo[2]);
        }),
        { numRuns: 3000, seed: 7 },
      );
    });
  }

  it('handles the equatorial plane inside the evolute, and tiny negative z', () => {
    for (const [x, y, z] of [
      [10e3, 0, 0],
      [0, -42e3, 0],
      [10e3, 0, -1e-9],
      [1e-3, 1e-3, 0],
    ] as const) {
      ecefToGeodetic(x, y, z, wgs84, geo);
      expect(Number.isFinite(geo[2])).toBe(true);
      if (z < 0) expect(geo[0]).toBeLessThan(0);
      geodeticToEcef(geo[0] ?? 0, geo[1] ?? 0, geo[2] ?? 0, wgs84, pos2);
      pos[0] = x;
      pos[1] = y;
      pos[2] = z;
      expect(dist3(pos, pos2)).toBeLessThan(oneMillimetreM);
    }
  });

  it('finds the nearest surface point outside the evolute (height is a local minimum)', () => {
    fc.assert(
      fc.property(
        latArb,
        lonArb,
        fc.double({ min: -100e3, max: 1e8, noNaN: true }),
        (lat, lon, h) => {
          geodeticToEcef(lat, lon, h, wgs84, pos);
          ecefToGeodetic(pos[0] ?? 0, pos[1] ?? 0, pos[2] ?? 0, wgs84, geo);
          const lat0 = geo[0] ?? 0;
          const lon0 = geo[1] ?? 0;
          const h0 = Math.abs(geo[2] ?? 0);
          for (const dLat of [-1e-4, 1e-4]) {
            const latN = Math.max(-Math.PI / 2, Math.min(Math.PI / 2, lat0 + dLat));
            geodeticToEcef(latN, lon0, 0, wgs84, pos2);
            expect(dist3(pos, pos2)).toBeGreaterThanOrEqual(h0 - oneMicrometreM);
          }
        },
      ),
      { numRuns: 500, seed: 99 },
    );
  });
});

describe('altitudeAboveSurfaceM', () => {
  it('is |r| - R on a sphere and the ellipsoidal height on WGS84', () => {
    expect(altitudeAboveSurfaceM(0, 0, 7e6, round)).toBe(7e6 - round.radiusM);
    geodeticToEcef(33 * deg, -117 * deg, 12_345.678, wgs84, pos);
    expect(
      Math.abs(altitudeAboveSurfaceM(pos[0] ?? 0, pos[1] ?? 0, pos[2] ?? 0, wgs84) - 12_345.678),
    ).toBeLessThan(oneMicrometreM);
  });
});

describe('enuBasis', () => {
  const basis = new Float64Array(9);
  const e = (i: number): number => basis[i] ?? Number.NaN;
  const dot = (i: number, j: number): number =>
    e(i) * e(j) + e(i + 1) * e(j + 1) + e(i + 2) * e(j + 2);

  it('is orthonormal and right-handed (east x north = up)', () => {
    fc.assert(
      fc.property(latArb, lonArb, (lat, lon) => {
        enuBasis(lat, lon, wgs84, basis);
        for (const i of [0, 3, 6]) expect(Math.abs(dot(i, i) - 1)).toBeLessThan(1e-15);
        for (const [i, j] of [
          [0, 3],
          [0, 6],
          [3, 6],
        ] as const) {
          expect(Math.abs(dot(i, j))).toBeLessThan(1e-15);
        }
        expect(e(1) * e(5) - e(2) * e(4)).toBeCloseTo(e(6), 14);
        expect(e(2) * e(3) - e(0) * e(5)).toBeCloseTo(e(7), 14);
        expect(e(0) * e(4) - e(1) * e(3)).toBeCloseTo(e(8), 14);
      }),
      { numRuns: 1000, seed: 3 },
    );
  });

  it('up is the ellipsoid normal: the gradient of x^2/a^2 + y^2/a^2 + z^2/b^2 at the surface', () => {
    fc.assert(
      fc.property(latArb, lonArb, (lat, lon) => {
        enuBasis(lat, lon, wgs84, basis);
        geodeticToEcef(lat, lon, 0, wgs84, pos);
        const a2 = WGS84_A_M * WGS84_A_M;
        const b2 = WGS84_B_M * WGS84_B_M;
        const gx = (pos[0] ?? 0) / a2;
        const gy = (pos[1] ?? 0) / a2;
        const gz = (pos[2] ?? 0) / b2;
        const g = Math.hypot(gx, gy, gz);
        expect(Math.abs(gx / g - e(6))).toBeLessThan(1e-12);
        expect(Math.abs(gy / g - e(7))).toBeLessThan(1e-12);
        expect(Math.abs(gz / g - e(8))).toBeLessThan(1e-12);
        // And on the sphere, up is radial.
        enuBasis(lat, lon, round, basis);
        geodeticToEcef(lat, lon, 0, round, pos);
        const r = Math.hypot(pos[0] ?? 0, pos[1] ?? 0, pos[2] ?? 0);
        expect(Math.abs((pos[0] ?? 0) / r - e(6))).toBeLessThan(1e-15);
        expect(Math.abs((pos[2] ?? 0) / r - e(8))).toBeLessThan(1e-15);
      }),
      { numRuns: 1000, seed: 4 },
    );
  });

  it('north and east point along increasing latitude and longitude', () => {
    const lat = 52 * deg;
    const lon = 13 * deg;
    enuBasis(lat, lon, wgs84, basis);
    geodeticToEcef(lat, lon, 0, wgs84, pos);
    geodeticToEcef(lat + 1e-7, lon, 0, wgs84, pos2);
    const dn = dist3(pos, pos2);
    expect(((pos2[0] ?? 0) - (pos[0] ?? 0)) / dn).toBeCloseTo(e(3), 6);
    expect(((pos2[2] ?? 0) - (pos[2] ?? 0)) / dn).toBeCloseTo(e(5), 6);
    geodeticToEcef(lat, lon + 1e-7, 0, wgs84, pos2);
    const de = dist3(pos, pos2);
    expect(((pos2[0] ?? 0) - (pos[0] ?? 0)) / de).toBeCloseTo(e(0), 6);
    expect(((pos2[1] ?? 0) - (pos[1] ?? 0)) / de).toBeCloseTo(e(1), 6);
  });
});

describe('eciToEcef / ecefToEci (inertial frame = ECEF at the epoch, PRIMER section 1)', () => {
  const r = new Float64Array(3);
  const v = new Float64Array(3);
  const rOut = new Float64Array(3);
  const vOut = new Float64Array(3);
  const rBack = new Float64Array(3);
  const vBack = new Float64Array(3);
  const w = wgs84.rotationRadps;

  it('is the identity for positions at t = 0, and v_inertial = v_ecef + w x r', () => {
    r.set([WGS84_A_M, 0, 0]);
    v.set([0, 0, 0]);
    ecefToEci(r, v, 0, wgs84, rOut, vOut);
    expect(Array.from(rOut)).toEqual([WGS84_A_M, 0, 0]);
    // A point fixed on the equator moves east at w a = 465.1 m/s in inertial space.
    expect(vOut[0]).toBe(0);
    expect(Math.abs((vOut[1] ?? 0) - w * WGS84_A_M)).toBeLessThan(1e-12);
    expect(Math.abs((vOut[1] ?? 0) - 465.1)).toBeLessThan(0.05);
  });

  it('rotates the Earth eastward: an inertially fixed point drifts west in ECEF', () => {
    r.set([WGS84_A_M, 0, 0]);
    eciToEcef(r, null, 3600, wgs84, rOut, null);
    const lon = Math.atan2(rOut[1] ?? 0, rOut[0] ?? 0);
    expect(lon).toBeCloseTo(-w * 3600, 14);
    expect(Math.abs(lon / deg + 15.041)).toBeLessThan(0.001);
  });

  it('round-trips positions and velocities, also in place (property)', () => {
    const comp = fc.double({ min: -5e7, max: 5e7, noNaN: true });
    const vel = fc.double({ min: -1e4, max: 1e4, noNaN: true });
    fc.assert(
      fc.property(
        comp,
        comp,
        comp,
        vel,
        vel,
        vel,
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        (x, y, z, vx, vy, vz, t) => {
          r.set([x, y, z]);
          v.set([vx, vy, vz]);
          eciToEcef(r, v, t, wgs84, rOut, vOut);
          ecefToEci(rOut, vOut, t, wgs84, rBack, vBack);
          expect(dist3(r, rBack)).toBeLessThan(oneMicrometreM);
          expect(dist3(v, vBack)).toBeLessThan(1e-9);
          // Speeds: |r| is kept.
          expect(
            Math.abs(Math.hypot(x, y, z) - Math.hypot(rOut[0] ?? 0, rOut[1] ?? 0, rOut[2] ?? 0)),
          ).toBeLessThan(oneMicrometreM);
          // In place (outputs aliasing inputs).
          eciToEcef(r, v, t, wgs84, r, v);
          expect(dist3(r, rOut)).toBe(0);
          expect(dist3(v, vOut)).toBe(0);
        },
      ),
      { numRuns: 1000, seed: 11 },
    );
  });

  it('gives the ECEF velocity as the time derivative of the ECEF position (finite differences)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3e7, max: 3e7, noNaN: true }),
        fc.double({ min: -3e7, max: 3e7, noNaN: true }),
        fc.double({ min: -3e7, max: 3e7, noNaN: true }),
        fc.double({ min: -8e3, max: 8e3, noNaN: true }),
        fc.double({ min: 0, max: 3600, noNaN: true }),
        (x, y, z, vx, t) => {
          const vy = -0.5 * vx;
          const vz = 0.25 * vx;
          const dt = 0.01;
          const at = (tt: number, into: Float64Array): void => {
            r.set([x + vx * tt, y + vy * tt, z + vz * tt]);
            eciToEcef(r, null, tt, wgs84, into, null);
          };
          at(t + dt, rBack);
          at(t - dt, vBack);
          r.set([x + vx * t, y + vy * t, z + vz * t]);
          v.set([vx, vy, vz]);
          eciToEcef(r, v, t, wgs84, rOut, vOut);
          for (let i = 0; i < 3; i++) {
            const fd = ((rBack[i] ?? 0) - (vBack[i] ?? 0)) / (2 * dt);
            // Truncation w^3 |r| dt^2 / 6 is ~1e-13 m/s; rounding ~ 1e-16 |r| / dt ~ 1e-7 m/s.
            expect(Math.abs(fd - (vOut[i] ?? 0))).toBeLessThan(1e-5);
          }
        },
      ),
      { numRuns: 300, seed: 12 },
    );
  });

  it('is the identity on a still Earth', () => {
    r.set([1, 2, 3]);
    v.set([4, 5, 6]);
    eciToEcef(r, v, 1000, earthPresets['round-still'], rOut, vOut);
    expect(Array.from(rOut)).toEqual([1, 2, 3]);
    expect(Array.from(vOut)).toEqual([4, 5, 6]);
  });
});
