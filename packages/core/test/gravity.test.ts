import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WGS84_A_M, WGS84_B_M } from '../src/earth/constants.js';
import { gravityAccelerationMps2 } from '../src/earth/gravity.js';
import { earthPresets } from '../src/earth/model.js';

const wgs84 = earthPresets.wgs84; // J2 gravity
const round = earthPresets.round; // point mass
const GM = wgs84.gmM3S2;
const J2 = wgs84.j2;
const g = new Float64Array(3);
const gx = (): number => g[0] ?? Number.NaN;
const gy = (): number => g[1] ?? Number.NaN;
const gz = (): number => g[2] ?? Number.NaN;

/** Points from 100 km below the surface to 20 Earth radii, any direction. */
const radiusArb = fc.double({ min: 6.25e6, max: 1.3e8, noNaN: true });
const unitArb = fc
  .tuple(
    fc.double({ min: -1, max: 1, noNaN: true }),
    fc.double({ min: -1, max: 1, noNaN: true }),
    fc.double({ min: -1, max: 1, noNaN: true }),
  )
  .filter(([x, y, z]) => Math.hypot(x, y, z) > 1e-3)
  .map(([x, y, z]) => {
    const n = Math.hypot(x, y, z);
    return [x / n, y / n, z / n] as const;
  });

describe('point-mass gravity', () => {
  it('has magnitude GM / r^2 and points at the centre', () => {
    fc.assert(
      fc.property(radiusArb, unitArb, (r, [ux, uy, uz]) => {
        gravityAccelerationMps2(r * ux, r * uy, r * uz, round, g);
        const mag = Math.hypot(gx(), gy(), gz());
        expect(Math.abs(mag - GM / (r * r)) / mag).toBeLessThan(1e-14);
        expect(Math.abs(gx() / mag + ux)).toBeLessThan(1e-14);
        expect(Math.abs(gy() / mag + uy)).toBeLessThan(1e-14);
        expect(Math.abs(gz() / mag + uz)).toBeLessThan(1e-14);
      }),
      { numRuns: 1000, seed: 1 },
    );
  });

  it('gives 9.798 m/s^2 at the WGS84 equatorial radius and writes at an offset', () => {
    const out = new Float64Array(6);
    gravityAccelerationMps2(WGS84_A_M, 0, 0, round, out, 3);
    expect(out[0]).toBe(0);
    expect(out[3]).toBeCloseTo(-GM / (WGS84_A_M * WGS84_A_M), 12);
    expect(Math.abs((out[3] ?? 0) + 9.798)).toBeLessThan(1e-3);
  });
});

describe('J2 gravity', () => {
  /**
   * The potential whose gradient the J2 acceleration is: U = -GM/r [1 - J2 (a/r)^2 P2(sin phi)],
   * P2(s) = (3 s^2 - 1) / 2, sin phi = z / r; acceleration = -grad U.
   */
  const potential = (x: number, y: number, z: number): number => {
    const r = Math.hypot(x, y, z);
    const s = z / r;
    const a = wgs84.j2RadiusM;
    return (-GM / r) * (1 - J2 * (a / r) ** 2 * ((3 * s * s - 1) / 2));
  };

  it('is minus the gradient of the J2 potential (4-point central differences, 1e-9 relative)', () => {
    fc.assert(
      fc.property(radiusArb, unitArb, (r, [ux, uy, uz]) => {
        const x = r * ux;
        const y = r * uy;
        const z = r * uz;
        gravityAccelerationMps2(x, y, z, wgs84, g);
        const mag = Math.hypot(gx(), gy(), gz());
        // Fourth-order stencil: truncation ~(h/r)^4, rounding ~1e-16 r / h: both < 1e-11 here.
        const h = 200;
        const d = (f: (t: number) => number): number =>
          (8 * (f(h) - f(-h)) - (f(2 * h) - f(-2 * h))) / (12 * h);
        const fdx = -d((t) => potential(x + t, y, z));
        const fdy = -d((t) => potential(x, y + t, z));
        const fdz = -d((t) => potential(x, y, z + t));
        expect(Math.abs(fdx - gx()) / mag).toBeLessThan(1e-9);
        expect(Math.abs(fdy - gy()) / mag).toBeLessThan(1e-9);
        expect(Math.abs(fdz - gz()) / mag).toBeLessThan(1e-9);
      }),
      { numRuns: 500, seed: 2 },
    );
  });

  it('at equal radius, is stronger at the equator than at the pole by 4.5 J2 GM / a^2 (0.0477 m/s^2)', () => {
    const a = WGS84_A_M;
    gravityAccelerationMps2(a, 0, 0, wgs84, g);
    const equator = -gx();
    expect(Math.abs(equator - (GM / (a * a)) * (1 + 1.5 * J2))).toBeLessThan(1e-12);
    gravityAccelerationMps2(0, 0, a, wgs84, g);
    const pole = -gz();
    expect(Math.abs(pole - (GM / (a * a)) * (1 - 3 * J2))).toBeLessThan(1e-12);
    expect(Math.abs(equator - pole - (4.5 * J2 * GM) / (a * a))).toBeLessThan(1e-12);
    expect(Math.abs(equator - pole - 0.0477)).toBeLessThan(1e-4);
  });

  it('with the centrifugal term, matches WGS84 normal gravity at the equator and the pole (NIMA TR8350.2)', () => {
    // NIMA TR8350.2 (2000), derived constants: equatorial 9.7803253359, polar 9.8321849378 m/s^2. J2 alone omits the
    // normal field's higher zonal terms (J4 = -2.37e-6), worth ~1e-4 m/s^2 (10 mGal).
    const normalGravityToleranceMps2 = 2e-4;
    const w = wgs84.rotationRadps;
    gravityAccelerationMps2(WGS84_A_M, 0, 0, wgs84, g);
    const equator = -gx() - w * w * WGS84_A_M;
    gravityAccelerationMps2(0, 0, -WGS84_B_M, wgs84, g);
    const pole = gz();
    expect(Math.abs(equator - 9.7803253359)).toBeLessThan(normalGravityToleranceMps2);
    expect(Math.abs(pole - 9.8321849378)).toBeLessThan(normalGravityToleranceMps2);
  });

  it('is axially symmetric, mirror symmetric about the equator, and tends to point mass far away', () => {
    fc.assert(
      fc.property(
        radiusArb,
        unitArb,
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        (r, [ux, uy, uz], angle) => {
          const x = r * ux;
          const y = r * uy;
          const z = r * uz;
          gravityAccelerationMps2(x, y, z, wgs84, g);
          const [ax, ay, az] = [gx(), gy(), gz()];
          const mag = Math.hypot(ax, ay, az);
          // Mirror in the equatorial plane.
          gravityAccelerationMps2(x, y, -z, wgs84, g);
          expect(Math.abs(gx() - ax) / mag).toBeLessThan(1e-15);
          expect(Math.abs(gy() - ay) / mag).toBeLessThan(1e-15);
          expect(Math.abs(gz() + az) / mag).toBeLessThan(1e-15);
          // Rotation about the spin axis rotates the acceleration with it.
          const c = Math.cos(angle);
          const s = Math.sin(angle);
          gravityAccelerationMps2(c * x - s * y, s * x + c * y, z, wgs84, g);
          expect(Math.abs(gx() - (c * ax - s * ay)) / mag).toBeLessThan(1e-14);
          expect(Math.abs(gy() - (s * ax + c * ay)) / mag).toBeLessThan(1e-14);
          expect(Math.abs(gz() - az) / mag).toBeLessThan(1e-14);
          // No torque about the spin axis: the horizontal part is radial.
          expect(Math.abs(ax * y - ay * x) / (mag * r)).toBeLessThan(1e-14);
          // The J2 part is at most 3 J2 (a/r)^2 of the point mass.
          const pm = GM / (r * r);
          expect(Math.abs(mag - pm) / pm).toBeLessThan(3 * J2 * (WGS84_A_M / r) ** 2 * 1.0001);
        },
      ),
      { numRuns: 500, seed: 3 },
    );
  });

  it('is radial on the axis and in the equatorial plane', () => {
    gravityAccelerationMps2(0, 0, 7e6, wgs84, g);
    expect(Math.abs(gx())).toBe(0);
    expect(Math.abs(gy())).toBe(0);
    gravityAccelerationMps2(5e6, -5e6, 0, wgs84, g);
    expect(Math.abs(gz())).toBe(0);
    expect(gx()).toBeCloseTo(-gy(), 15);
  });
});
