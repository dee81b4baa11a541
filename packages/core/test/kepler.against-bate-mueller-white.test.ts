/**
 * Closed-form Kepler free flight against Bate, Mueller & White, Fundamentals of Astrodynamics (Dover,
 * 1971), ch. 6 §6.2 (example problems and equations 6.2-12 to 6.2-22), and against independent
 * checks built here: a fixed-step RK4 integration of the two-body problem, the radial free-fall
 * integral, energy and angular momentum, and numerical maximisation of the range.
 *
 * The BMW example statements and answers are taken from the book as transcribed (with page
 * numbers) in github.com/lemming622/BMW_test_package, chapter_tests/chapter_06/six_02_tests.py; the
 * book's canonical units are 1 DU = 6378.145 km = 3443.922786 nm, GM = 3.986012e5 km^3/s^2.
 */
import { describe, expect, it } from 'vitest';
import { isOpenBmdError } from '../src/errors.js';
import {
  type KeplerBurnout,
  keplerFreeFlight,
  maximumRangeAngleRad,
  minimumEnergyFlightPathRad,
  minimumEnergySpeedMps,
  optimalFlightPathRad,
  symmetricRangeAngleRad,
} from '../src/flight/kepler.js';

const deg = (x: number): number => (x * Math.PI) / 180;
const GM_M3S2 = 3.986004418e14;
const R_M = 6_371_000;

/** Relative difference, with an absolute floor for values near zero. */
const rel = (a: number, b: number, floor = 0): number =>
  Math.abs(a - b) / Math.max(Math.abs(b), floor, Number.MIN_VALUE);

const expectCode = (f: () => unknown, code: string): void => {
  try {
    f();
  } catch (e) {
    expect(isOpenBmdError(e) && e.code).toBe(code);
    return;
  }
  expect.unreachable(`expected ${code}`);
};

/** Golden-section search for the maximum of f on [lo, hi]. */
const goldenMax = (f: (x: number) => number, lo: number, hi: number): { x: number; f: number } => {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let x1 = b - g * (b - a);
  let x2 = a + g * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  while (b - a > 1e-11) {
    if (f1 < f2) {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + g * (b - a);
      f2 = f(x2);
    } else {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - g * (b - a);
      f1 = f(x1);
    }
  }
  const x = (a + b) / 2;
  return { x, f: f(x) };
};

// ---------------------------------------------------------------------------------------------
// Independent reference: the planar two-body problem integrated by classical RK4 at a fixed step,
// with the surface crossing and the apogee found by Newton iteration on a partial last step.
// ---------------------------------------------------------------------------------------------
type State = [number, number, number, number];

const rk4 = (mu: number, y: State, dt: number): State => {
  const f = (s: State): State => {
    const r2 = s[0] * s[0] + s[1] * s[1];
    const k = -mu / (r2 * Math.sqrt(r2));
    return [s[2], s[3], k * s[0], k * s[1]];
  };
  const add = (s: State, d: State, h: number): State => [
    s[0] + h * d[0],
    s[1] + h * d[1],
    s[2] + h * d[2],
    s[3] + h * d[3],
  ];
  const k1 = f(y);
  const k2 = f(add(y, k1, dt / 2));
  const k3 = f(add(y, k2, dt / 2));
  const k4 = f(add(y, k3, dt));
  return [
    y[0] + (dt / 6) * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]),
    y[1] + (dt / 6) * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]),
    y[2] + (dt / 6) * (k1[2] + 2 * k2[2] + 2 * k3[2] + k4[2]),
    y[3] + (dt / 6) * (k1[3] + 2 * k2[3] + 2 * k3[3] + k4[3]),
  ];
};

const radius = (s: State): number => Math.hypot(s[0], s[1]);
const radialSpeed = (s: State): number => (s[0] * s[2] + s[1] * s[3]) / radius(s);

/** Newton on the length of a partial RK4 step so that g(state) = 0; dg is g's time derivative. */
const refine = (
  mu: number,
  y: State,
  dt: number,
  g: (s: State) => number,
  dg: (s: State) => number,
): { tau: number; s: State } => {
  let tau = dt / 2;
  let s = rk4(mu, y, tau);
  for (let i = 0; i < 20; i++) {
    const step = g(s) / dg(s);
    tau = Math.min(dt, Math.max(0, tau - step));
    s = rk4(mu, y, tau);
    if (Math.abs(step) < 1e-14 * Math.max(1, tau)) break;
  }
  return { tau, s };
};

const integrate = (b: KeplerBurnout, dt: number) => {
  const mu = b.gmM3S2;
  const R = b.surfaceRadiusM;
  const r0 = R + b.altitudeM;
  // x: radial at burnout, y: horizontal in the direction of flight.
  let y: State = [
    r0,
    0,
    b.speedMps * Math.sin(b.flightPathRad),
    b.speedMps * Math.cos(b.flightPathRad),
  ];
  let t = 0;
  let apogeeTimeS = 0;
  let apogeeRadiusM = r0;
  for (let n = 0; n < 10_000_000; n++) {
    const next = rk4(mu, y, dt);
    if (radialSpeed(y) > 0 && radialSpeed(next) <= 0) {
      // d(r . v)/dt = v^2 - GM / r
      const a = refine(
        mu,
        y,
        dt,
        (s) => s[0] * s[2] + s[1] * s[3],
        (s) => s[2] * s[2] + s[3] * s[3] - mu / radius(s),
      );
      apogeeTimeS = t + a.tau;
      apogeeRadiusM = radius(a.s);
    }
    if (radius(next) < R) {
      const i = refine(mu, y, dt, (s) => radius(s) - R, radialSpeed);
      const s = i.s;
      const v = Math.hypot(s[2], s[3]);
      const horizontal = (s[0] * s[3] - s[1] * s[2]) / radius(s);
      return {
        flightTimeS: t + i.tau,
        rangeAngleRad: Math.atan2(s[1], s[0]),
        apogeeTimeS,
        apogeeAltitudeM: apogeeRadiusM - R,
        impactSpeedMps: v,
        impactFlightPathRad: Math.atan2(radialSpeed(s), horizontal),
      };
    }
    y = next;
    t += dt;
  }
  throw new Error('no impact in the reference integration');
};

// ---------------------------------------------------------------------------------------------

describe('BMW 1971 §6.2 example problems (Bate, Mueller & White, Fundamentals of Astrodynamics)', () => {
  it('BMW p. 290: h_bo = 0.2 DU, v_bo = 2/3 DU/TU, apogee 0.5 DU, symmetric: Psi = 36.4 deg', () => {
    // Canonical units: GM = 1, burnout radius 1.2 DU; symmetric, so re-entry at 1.2 DU.
    // Book: energy -11/18, h = 1/2, cos(phi) = 0.625, Q = 0.533, Psi = 36.4 deg. With these exact
    // inputs cos(Psi/2) = 19/20 and the apogee radius is exactly 1.5 DU (e = 5/6, a = 9/11).
    const phi = Math.acos(0.625);
    const f = keplerFreeFlight({
      gmM3S2: 1,
      surfaceRadiusM: 1.2,
      altitudeM: 0,
      speedMps: 2 / 3,
      flightPathRad: phi,
    });
    expect(rel(f.rangeAngleRad, 2 * Math.acos(0.95))).toBeLessThan(1e-12);
    expect(Math.abs(f.rangeAngleRad - deg(36.4))).toBeLessThan(deg(0.05));
    expect(rel(f.apogeeAltitudeM, 0.3)).toBeLessThan(1e-12);
    expect(rel(symmetricRangeAngleRad(8 / 15, phi), 2 * Math.acos(0.95))).toBeLessThan(1e-12);
  });

  it('BMW 2nd ed. p. 243 (the same problem in SI): h_bo = 1275.6 km, v_bo = 5.2702 km/s, apogee 3189.1 km', () => {
    const mu = 3.986012e14; // BMW's GM, m^3/s^2
    const rEarthM = 6_378_145; // BMW's 1 DU
    const r0 = rEarthM + 1_275_600;
    const rApogee = rEarthM + 3_189_100;
    const v = 5270.2;
    // The book's steps: energy, apogee speed, angular momentum, flight-path angle.
    const energy = (v * v) / 2 - mu / r0;
    const vApogee = Math.sqrt(2 * (energy + mu / rApogee));
    const phi = Math.acos((rApogee * vApogee) / (r0 * v));
    expect(energy / 1e6).toBeCloseTo(-38.1914, 3);
    expect(vApogee / 1e3).toBeCloseTo(2.6351, 3);
    expect(Math.abs(phi - deg(51.32))).toBeLessThan(deg(0.01));
    const f = keplerFreeFlight({
      gmM3S2: mu,
      surfaceRadiusM: r0,
      altitudeM: 0,
      speedMps: v,
      flightPathRad: phi,
    });
    expect(rel(f.apogeeAltitudeM + r0, rApogee)).toBeLessThan(1e-12);
    expect(Math.abs(f.rangeAngleRad - deg(36.4))).toBeLessThan(deg(0.05));
  });

  it('BMW p. 291: Q = 1.2 (v = 1.0817 DU/TU at 0.025 DU), Psi = 128.68 deg needs phi = 39.36 deg', () => {
    const r0 = 1.025;
    const v = 1.0817;
    const q = r0 * v * v;
    expect(q).toBeCloseTo(1.2, 2);
    const psiBook = Math.acos(-0.625); // 128.68 deg, from the spherical triangle in the book
    const viaFormula = symmetricRangeAngleRad(q, deg(39.36));
    const viaKepler = keplerFreeFlight({
      gmM3S2: 1,
      surfaceRadiusM: r0,
      altitudeM: 0,
      speedMps: v,
      flightPathRad: deg(39.36),
    }).rangeAngleRad;
    // The book's 4-digit inputs and 2-decimal answer: agreement to 0.1 deg.
    expect(Math.abs(viaFormula - psiBook)).toBeLessThan(deg(0.1));
    expect(rel(viaKepler, viaFormula)).toBeLessThan(1e-12);
    // With Q = 1.2 exactly, BMW eq. 6.2-16 sin(2 phi + Psi/2) = (2 - Q)/Q sin(Psi/2) gives 39.36 deg.
    const phiExact = (Math.PI - Math.asin((0.8 / 1.2) * Math.sin(psiBook / 2)) - psiBook / 2) / 2;
    expect(Math.abs(phiExact - deg(39.36))).toBeLessThan(deg(0.005));
    expect(rel(symmetricRangeAngleRad(1.2, phiExact), psiBook)).toBeLessThan(1e-12);
  });

  it('BMW p. 295: 8000 nm free-flight range from 344 nm needs Q = 0.957, v = 0.933 DU/TU', () => {
    const nmPerDu = 3443.922786;
    const psi = 8000 / nmPerDu; // 2.32 rad
    const r0 = 1 + 344 / nmPerDu; // 1.1 DU
    const best = minimumEnergySpeedMps({
      gmM3S2: 1,
      surfaceRadiusM: r0,
      altitudeM: 0,
      rangeAngleRad: psi,
    });
    const q = r0 * best.speedMps * best.speedMps;
    expect(q).toBeCloseTo(0.957, 3);
    expect(best.speedMps).toBeCloseTo(0.933, 3);
    // BMW eq. 6.2-20 and 6.2-19 are inverses: Q = 2 sin(Psi/2) / (1 + sin(Psi/2)).
    const sinHalf = Math.sin(psi / 2);
    expect(rel(q, (2 * sinHalf) / (1 + sinHalf))).toBeLessThan(1e-13);
    expect(rel(maximumRangeAngleRad(q), psi)).toBeLessThan(1e-12);
    expect(rel(best.flightPathRad, minimumEnergyFlightPathRad(psi))).toBeLessThan(1e-12);
  });

  it('BMW eqs. 6.2-21/22: time of free flight of a symmetric trajectory', () => {
    // cos E1 = (e - cos(Psi/2)) / (1 - e cos(Psi/2)), t_ff = 2 sqrt(a^3/GM) (pi - E1 + e sin E1).
    for (const [q, phiDeg] of [
      [0.2, 45],
      [0.5, 10],
      [0.8, 30],
      [0.9, 60],
      [1.2, 30],
      [1.5, 70],
      [0.95, 88],
    ] as const) {
      const r = R_M + 100_000;
      const v = Math.sqrt((q * GM_M3S2) / r);
      const phi = deg(phiDeg);
      const psi = symmetricRangeAngleRad(q, phi);
      const e = Math.sqrt(1 + q * (q - 2) * Math.cos(phi) ** 2);
      const a = r / (2 - q);
      const e1 = Math.acos((e - Math.cos(psi / 2)) / (1 - e * Math.cos(psi / 2)));
      const tff = 2 * Math.sqrt(a ** 3 / GM_M3S2) * (Math.PI - e1 + e * Math.sin(e1));
      const f = keplerFreeFlight({
        gmM3S2: GM_M3S2,
        surfaceRadiusM: r,
        altitudeM: 0,
        speedMps: v,
        flightPathRad: phi,
      });
      expect(rel(f.flightTimeS, tff), `Q ${q} phi ${phiDeg}`).toBeLessThan(1e-11);
      expect(rel(f.apogeeTimeS, tff / 2), `Q ${q} phi ${phiDeg}`).toBeLessThan(1e-11);
      expect(rel(f.rangeAngleRad, psi)).toBeLessThan(1e-12);
    }
  });
});

describe('symmetric trajectory (BMW eqs. 6.2-12, 6.2-18, 6.2-19)', () => {
  it('keplerFreeFlight with altitude 0 agrees with the free-flight range equation to 1e-12', () => {
    for (const q of [0.01, 0.3, 0.7, 0.99, 1, 1.3, 1.9]) {
      for (const phiDeg of [0.5, 5, 20, 45, 70, 89.9]) {
        const phi = deg(phiDeg);
        const r = R_M;
        const f = keplerFreeFlight({
          gmM3S2: GM_M3S2,
          surfaceRadiusM: r,
          altitudeM: 0,
          speedMps: Math.sqrt((q * GM_M3S2) / r),
          flightPathRad: phi,
        });
        expect(
          rel(f.rangeAngleRad, symmetricRangeAngleRad(q, phi)),
          `Q ${q} phi ${phiDeg}`,
        ).toBeLessThan(1e-12);
        expect(rel(f.groundRangeM, r * f.rangeAngleRad)).toBeLessThan(1e-15);
        // Symmetry: impact speed and angle mirror the burnout.
        expect(rel(f.impactSpeedMps, Math.sqrt((q * GM_M3S2) / r))).toBeLessThan(1e-14);
        expect(rel(f.impactFlightPathRad, -phi)).toBeLessThan(1e-12);
      }
    }
  });

  it('the maximum over phi is maximumRangeAngleRad at minimumEnergyFlightPathRad', () => {
    for (const q of [0.1, 0.5, 0.8, 0.95]) {
      const best = goldenMax((phi) => symmetricRangeAngleRad(q, phi), 0, Math.PI / 2);
      const psiMax = maximumRangeAngleRad(q);
      expect(rel(best.f, psiMax)).toBeLessThan(1e-13);
      // A flat maximum locates its argument to about sqrt(machine epsilon).
      expect(Math.abs(best.x - minimumEnergyFlightPathRad(psiMax))).toBeLessThan(1e-7);
      expect(symmetricRangeAngleRad(q, minimumEnergyFlightPathRad(psiMax))).toBeGreaterThanOrEqual(
        best.f * (1 - 1e-15),
      );
    }
    expect(maximumRangeAngleRad(1)).toBe(Math.PI);
    expect(maximumRangeAngleRad(0)).toBe(0);
    expect(minimumEnergyFlightPathRad(0)).toBe(Math.PI / 4);
  });
});

describe('non-symmetric maximum range and minimum-energy burnout (closed form vs numerical)', () => {
  it('optimalFlightPathRad is the argmax of keplerFreeFlight range over phi', () => {
    for (const [hM, v] of [
      [100_000, 3000],
      [300_000, 6500],
      [1_000_000, 5000],
      [50_000, 7200],
    ] as const) {
      const b = { gmM3S2: GM_M3S2, surfaceRadiusM: R_M, altitudeM: hM, speedMps: v };
      const range = (phi: number): number =>
        keplerFreeFlight({ ...b, flightPathRad: phi }).rangeAngleRad;
      const best = goldenMax(range, 0, Math.PI / 2);
      const phiOpt = optimalFlightPathRad(b);
      expect(Math.abs(best.x - phiOpt), `h ${hM} v ${v}`).toBeLessThan(1e-7);
      expect(range(phiOpt)).toBeGreaterThanOrEqual(best.f * (1 - 1e-14));
      expect(rel(range(phiOpt), best.f)).toBeLessThan(1e-13);
    }
  });

  it('optimalFlightPathRad from the surface is BMW eq. 6.2-18 at the range of eq. 6.2-19', () => {
    const v = 6000;
    const q = (R_M * v * v) / GM_M3S2;
    const phi = optimalFlightPathRad({
      gmM3S2: GM_M3S2,
      surfaceRadiusM: R_M,
      altitudeM: 0,
      speedMps: v,
    });
    expect(rel(phi, minimumEnergyFlightPathRad(maximumRangeAngleRad(q)))).toBeLessThan(1e-12);
  });

  it('minimumEnergySpeedMps round trip: it lands at the range, and 1e-6 less speed cannot', () => {
    for (const [hM, psi] of [
      [0, 0.5],
      [200_000, 1.2],
      [150_000, 2.9],
      [800_000, 0.05],
    ] as const) {
      const best = minimumEnergySpeedMps({
        gmM3S2: GM_M3S2,
        surfaceRadiusM: R_M,
        altitudeM: hM,
        rangeAngleRad: psi,
      });
      const b = { gmM3S2: GM_M3S2, surfaceRadiusM: R_M, altitudeM: hM };
      const f = keplerFreeFlight({
        ...b,
        speedMps: best.speedMps,
        flightPathRad: best.flightPathRad,
      });
      expect(rel(f.rangeAngleRad, psi), `h ${hM} psi ${psi}`).toBeLessThan(1e-12);
      // The minimum-energy angle is also the optimal angle for that speed.
      expect(
        Math.abs(optimalFlightPathRad({ ...b, speedMps: best.speedMps }) - best.flightPathRad),
      ).toBeLessThan(1e-9);
      const slower = best.speedMps * (1 - 1e-6);
      const phiSlow = optimalFlightPathRad({ ...b, speedMps: slower });
      const reach = keplerFreeFlight({
        ...b,
        speedMps: slower,
        flightPathRad: phiSlow,
      }).rangeAngleRad;
      expect(reach).toBeLessThan(psi);
      const scan = goldenMax(
        (phi) => keplerFreeFlight({ ...b, speedMps: slower, flightPathRad: phi }).rangeAngleRad,
        0,
        Math.PI / 2,
      );
      expect(scan.f).toBeLessThan(psi);
    }
  });
});

describe('against a fixed-step RK4 integration of the two-body problem (independent)', () => {
  const cases: Array<[string, KeplerBurnout, number]> = [
    [
      'ICBM-like',
      {
        gmM3S2: GM_M3S2,
        surfaceRadiusM: R_M,
        altitudeM: 200_000,
        speedMps: 7000,
        flightPathRad: deg(25),
      },
      0.01,
    ],
    [
      'lofted',
      {
        gmM3S2: GM_M3S2,
        surfaceRadiusM: R_M,
        altitudeM: 100_000,
        speedMps: 5000,
        flightPathRad: deg(70),
      },
      0.01,
    ],
    [
      'descending at burnout',
      {
        gmM3S2: GM_M3S2,
        surfaceRadiusM: R_M,
        altitudeM: 300_000,
        speedMps: 6000,
        flightPathRad: deg(-20),
      },
      0.01,
    ],
    [
      'Q > 1, periapsis below R',
      {
        gmM3S2: GM_M3S2,
        surfaceRadiusM: R_M,
        altitudeM: 150_000,
        speedMps: 8400,
        flightPathRad: deg(30),
      },
      0.02,
    ],
    [
      'vertical',
      {
        gmM3S2: GM_M3S2,
        surfaceRadiusM: R_M,
        altitudeM: 50_000,
        speedMps: 3000,
        flightPathRad: Math.PI / 2,
      },
      0.01,
    ],
    [
      'short descending hop',
      {
        gmM3S2: GM_M3S2,
        surfaceRadiusM: R_M,
        altitudeM: 10,
        speedMps: 3000,
        flightPathRad: deg(-30),
      },
      1e-5,
    ],
  ];
  for (const [name, b, dt] of cases) {
    it(`${name}: flight time, range, apogee, impact state to 1e-7`, () => {
      const k = keplerFreeFlight(b);
      const n = integrate(b, dt);
      expect(rel(k.flightTimeS, n.flightTimeS)).toBeLessThan(1e-7);
      expect(rel(k.rangeAngleRad, n.rangeAngleRad, 1e-6)).toBeLessThan(1e-7);
      expect(rel(k.apogeeAltitudeM, n.apogeeAltitudeM)).toBeLessThan(1e-7);
      expect(rel(k.apogeeTimeS, n.apogeeTimeS, 1)).toBeLessThan(1e-7);
      expect(rel(k.impactSpeedMps, n.impactSpeedMps)).toBeLessThan(1e-7);
      expect(rel(k.impactFlightPathRad, n.impactFlightPathRad)).toBeLessThan(1e-7);
    });
  }
});

describe('consistency, special cases and errors', () => {
  it('impact speed and angle conserve energy and angular momentum', () => {
    for (const [hM, v, phiDeg] of [
      [100_000, 7000, 20],
      [500_000, 4000, -40],
      [1_000, 2000, 85],
      [2_000_000, 5000, 10],
    ] as const) {
      const r0 = R_M + hM;
      const phi = deg(phiDeg);
      const f = keplerFreeFlight({
        gmM3S2: GM_M3S2,
        surfaceRadiusM: R_M,
        altitudeM: hM,
        speedMps: v,
        flightPathRad: phi,
      });
      const energy0 = (v * v) / 2 - GM_M3S2 / r0;
      const energyI = f.impactSpeedMps ** 2 / 2 - GM_M3S2 / R_M;
      expect(rel(energyI, energy0)).toBeLessThan(1e-13);
      const h0 = r0 * v * Math.cos(phi);
      const hI = R_M * f.impactSpeedMps * Math.cos(f.impactFlightPathRad);
      expect(rel(hI, h0)).toBeLessThan(1e-13);
      expect(f.impactFlightPathRad).toBeLessThan(0);
    }
  });

  it('a descending burnout is the tail of the mirrored ascending one', () => {
    const b = { gmM3S2: GM_M3S2, surfaceRadiusM: R_M, altitudeM: 400_000, speedMps: 6500 };
    for (const phiDeg of [5, 30, 60, 89]) {
      const up = keplerFreeFlight({ ...b, flightPathRad: deg(phiDeg) });
      const down = keplerFreeFlight({ ...b, flightPathRad: deg(-phiDeg) });
      expect(rel(down.flightTimeS, up.flightTimeS - 2 * up.apogeeTimeS)).toBeLessThan(1e-12);
      expect(rel(down.impactSpeedMps, up.impactSpeedMps)).toBeLessThan(1e-15);
      expect(rel(down.impactFlightPathRad, up.impactFlightPathRad)).toBeLessThan(1e-13);
      expect(down.apogeeTimeS).toBe(0);
      expect(down.apogeeAltitudeM).toBe(400_000);
    }
  });

  it('vertical shot: range 0, time from the radial free-fall integral', () => {
    // Radial free fall from rest at r_top to r: integrating dt = dr / sqrt(2 GM (1/r - 1/r_top))
    // gives t = sqrt(r_top^3 / (2 GM)) [sqrt(x (1 - x)) + acos(sqrt(x))], x = r / r_top.
    const fall = (rTop: number, r: number): number => {
      const x = r / rTop;
      return (
        Math.sqrt(rTop ** 3 / (2 * GM_M3S2)) * (Math.sqrt(x * (1 - x)) + Math.acos(Math.sqrt(x)))
      );
    };
    for (const [hM, v] of [
      [0, 1000],
      [80_000, 4000],
      [0, 10_000],
      [1_000_000, 0],
    ] as const) {
      const r0 = R_M + hM;
      const up = keplerFreeFlight({
        gmM3S2: GM_M3S2,
        surfaceRadiusM: R_M,
        altitudeM: hM,
        speedMps: v,
        flightPathRad: Math.PI / 2,
      });
      const rTop = r0 / (1 - (r0 * v * v) / (2 * GM_M3S2)); // energy: v^2/2 - GM/r0 = -GM/r_top
      expect(up.rangeAngleRad).toBeLessThan(1e-12);
      expect(rel(up.apogeeAltitudeM, rTop - R_M)).toBeLessThan(1e-12);
      expect(rel(up.apogeeTimeS, fall(rTop, r0), 1e-3)).toBeLessThan(1e-12);
      expect(rel(up.flightTimeS, fall(rTop, r0) + fall(rTop, R_M))).toBeLessThan(1e-12);
      expect(up.impactFlightPathRad).toBeCloseTo(-Math.PI / 2, 12);
      if (hM > 0) {
        const down = keplerFreeFlight({
          gmM3S2: GM_M3S2,
          surfaceRadiusM: R_M,
          altitudeM: hM,
          speedMps: v,
          flightPathRad: -Math.PI / 2,
        });
        expect(down.rangeAngleRad).toBeLessThan(1e-15);
        expect(rel(down.flightTimeS, fall(rTop, R_M) - fall(rTop, r0))).toBeLessThan(1e-11);
      }
    }
  });

  it('near-vertical and near-circular cases are continuous and never NaN', () => {
    const b = { gmM3S2: GM_M3S2, surfaceRadiusM: R_M, altitudeM: 100_000, speedMps: 5000 };
    const vertical = keplerFreeFlight({ ...b, flightPathRad: Math.PI / 2 });
    for (const eps of [1e-3, 1e-6, 1e-9, 1e-12]) {
      const near = keplerFreeFlight({ ...b, flightPathRad: Math.PI / 2 - eps });
      for (const x of Object.values(near)) expect(Number.isFinite(x)).toBe(true);
      expect(rel(near.flightTimeS, vertical.flightTimeS)).toBeLessThan(10 * eps * eps + 1e-14);
      expect(near.rangeAngleRad).toBeGreaterThan(0);
      expect(near.rangeAngleRad).toBeLessThan(10 * eps);
    }
    // Just below circular speed, horizontal, 1 m up: a grazing descent, finite and positive while
    // the periapsis is below R (1 - Q > 1 / (2 r0) = 7.8e-8), E_NO_IMPACT above.
    const r0 = R_M + 1;
    const grazing = (dq: number): KeplerBurnout => ({
      gmM3S2: GM_M3S2,
      surfaceRadiusM: R_M,
      altitudeM: 1,
      speedMps: Math.sqrt(((1 - dq) * GM_M3S2) / r0),
      flightPathRad: 0,
    });
    for (const dq of [1e-3, 1e-6, 1e-7]) {
      const f = keplerFreeFlight(grazing(dq));
      for (const x of Object.values(f)) expect(Number.isFinite(x)).toBe(true);
      expect(f.rangeAngleRad).toBeGreaterThan(0);
      expect(f.rangeAngleRad).toBeLessThan(Math.PI);
      expect(f.apogeeAltitudeM).toBe(1);
      expect(f.apogeeTimeS).toBe(0);
    }
    expectCode(() => keplerFreeFlight(grazing(5e-8)), 'E_NO_IMPACT');
    // On the surface going down or horizontal below circular speed: impact at once.
    const now = keplerFreeFlight({
      gmM3S2: GM_M3S2,
      surfaceRadiusM: R_M,
      altitudeM: 0,
      speedMps: 3000,
      flightPathRad: deg(-10),
    });
    expect(now.flightTimeS).toBe(0);
    expect(now.rangeAngleRad).toBe(0);
    const flat = keplerFreeFlight({
      gmM3S2: GM_M3S2,
      surfaceRadiusM: R_M,
      altitudeM: 0,
      speedMps: 3000,
      flightPathRad: 0,
    });
    expect(flat.flightTimeS).toBe(0);
  });

  it('throws E_NO_IMPACT for orbits that never come down, E_INVALID_INPUT for bad inputs', () => {
    const r0 = R_M + 500_000;
    const base = { gmM3S2: GM_M3S2, surfaceRadiusM: R_M, altitudeM: 500_000 };
    const circular = Math.sqrt(GM_M3S2 / r0);
    const escapeMps = Math.sqrt((2 * GM_M3S2) / r0);
    expectCode(
      () => keplerFreeFlight({ ...base, speedMps: circular, flightPathRad: 0 }),
      'E_NO_IMPACT',
    );
    expectCode(
      () => keplerFreeFlight({ ...base, speedMps: escapeMps * 1.001, flightPathRad: deg(45) }),
      'E_NO_IMPACT',
    );
    // Documented limitation: energy >= 0 throws even when heading inwards.
    expectCode(
      () => keplerFreeFlight({ ...base, speedMps: escapeMps * 1.001, flightPathRad: deg(-45) }),
      'E_NO_IMPACT',
    );
    expectCode(
      () =>
        keplerFreeFlight({
          ...base,
          altitudeM: 0,
          speedMps: Math.sqrt(GM_M3S2 / R_M) * 1.0001,
          flightPathRad: 0,
        }),
      'E_NO_IMPACT',
    );
    expectCode(
      () => keplerFreeFlight({ ...base, speedMps: Number.NaN, flightPathRad: 0 }),
      'E_INVALID_INPUT',
    );
    expectCode(
      () => keplerFreeFlight({ ...base, speedMps: -1, flightPathRad: 0 }),
      'E_INVALID_INPUT',
    );
    expectCode(
      () => keplerFreeFlight({ ...base, altitudeM: -1, speedMps: 1000, flightPathRad: 0 }),
      'E_INVALID_INPUT',
    );
    expectCode(
      () =>
        keplerFreeFlight({
          ...base,
          altitudeM: Number.POSITIVE_INFINITY,
          speedMps: 1000,
          flightPathRad: 0,
        }),
      'E_INVALID_INPUT',
    );
    expectCode(
      () => keplerFreeFlight({ ...base, speedMps: 1000, flightPathRad: 2 }),
      'E_OUT_OF_RANGE',
    );
    expectCode(() => maximumRangeAngleRad(1.2), 'E_OUT_OF_RANGE');
    expectCode(() => minimumEnergyFlightPathRad(4), 'E_OUT_OF_RANGE');
    expectCode(() => symmetricRangeAngleRad(1.5, 0), 'E_NO_IMPACT');
    expectCode(
      () =>
        optimalFlightPathRad({
          gmM3S2: GM_M3S2,
          surfaceRadiusM: R_M,
          altitudeM: 0,
          speedMps: 7950,
        }),
      'E_OUT_OF_RANGE',
    );
  });
});
