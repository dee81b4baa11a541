/**
 * Minimum-energy aiming: the least-propellant member of the loft family, against the closed form,
 * the lofted and depressed members, the catalog missiles, the maximum range and the least burnout
 * energy.
 */
import { describe, expect, it } from 'vitest';
import { type AimRequest, aimMissile, loftFamily, propellantBurnedKg } from '../src/aim/aim.js';
import { maxRange, trialRangeM } from '../src/aim/max-range.js';
import { gridBrentMinimum } from '../src/aim/minimise.js';
import { getCatalogMissile } from '../src/catalog/catalog.js';
import { directGeodesic } from '../src/earth/geodesic.js';
import { customEarthModel, earthPresets } from '../src/earth/model.js';
import { keplerFreeFlight, minimumEnergySpeedMps } from '../src/flight/kepler.js';
import { fullBoostDurationS } from '../src/flight/powered.js';
import { goldenMaximum } from '../src/numeric/search.js';
import { impulsiveTestMissile } from '../src/validation/cases.js';

const DEG = Math.PI / 180;
const wgs84 = earthPresets.wgs84;
const roundStill = earthPresets['round-still'];
const semnan = { fromLatRad: 35.23 * DEG, fromLonRad: 53.92 * DEG };
const berlin = { toLatRad: 52.52 * DEG, toLonRad: 13.4 * DEG };
const kozelsk = { fromLatRad: 54.03 * DEG, fromLonRad: 35.77 * DEG };
const washington = { toLatRad: 38.9 * DEG, toLonRad: -77.04 * DEG };

/** Specific orbital energy of an inertial state (point-mass potential), J/kg. */
const energyOf = (y: Float64Array, gm: number): number =>
  0.5 * (y[3]! ** 2 + y[4]! ** 2 + y[5]! ** 2) - gm / Math.hypot(y[0]!, y[1]!, y[2]!);

describe('gridBrentMinimum', () => {
  it('finds the minimum of a smooth function, and the lower of two dips', () => {
    const smooth = gridBrentMinimum((x) => (x - 0.3137) ** 2, [-1, -0.5, 0, 0.5, 1], 1e-6);
    expect(smooth.x).toBeCloseTo(0.3137, 5);
    expect(smooth.evaluations).toBeLessThan(20);
    const twoDips = (x: number) => Math.min((x + 0.6) ** 2 + 0.1, 3 * (x - 0.55) ** 2);
    const found = gridBrentMinimum(twoDips, [-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1], 1e-6);
    expect(found.x).toBeCloseTo(0.55, 5);
    // At an end of the grid.
    expect(gridBrentMinimum((x) => x, [0, 0.5, 1], 1e-6).x).toBeLessThan(1e-5);
  });
});

describe('minimum energy is the least-propellant trajectory', () => {
  it('short boost, round still Earth: burnout angle and speed of the closed form; the range-optimal steering is far off', () => {
    const missile = impulsiveTestMissile;
    const mr = maxRange(roundStill, {
      missile,
      fromLatRad: 0,
      fromLonRad: 0,
      azimuthRad: 90 * DEG,
    });
    const rangeM = 0.3 * mr.maxRangeM;
    const t = directGeodesic(0, 0, 90 * DEG, rangeM, roundStill);
    const a = aimMissile(roundStill, {
      missile,
      fromLatRad: 0,
      fromLonRad: 0,
      toLatRad: t.latRad,
      toLonRad: t.lonRad,
      shape: { kind: 'minimum-energy' },
    });
    // The closed form from the burnout point: the symmetric formula is within 0.3 deg of it here.
    const b = a.flight.burnout;
    const psi = rangeM / roundStill.radiusM;
    const closed = minimumEnergySpeedMps({
      gmM3S2: roundStill.gmM3S2,
      surfaceRadiusM: roundStill.radiusM,
      altitudeM: 0,
      rangeAngleRad: psi,
    });
    expect(closed.flightPathRad / DEG).toBeCloseTo(45 - psi / DEG / 4, 6);
    expect(Math.abs(b.flightPathRad - closed.flightPathRad) / DEG).toBeLessThan(0.5);
    expect(b.inertialSpeedMps / closed.speedMps).toBeGreaterThan(0.999);
    expect(b.inertialSpeedMps / closed.speedMps).toBeLessThan(1.002);
    // The old definition (the range-optimal steering cut short) flies flatter and burns more.
    const base = { missile, fromLatRad: 0, fromLonRad: 0, azimuthRad: a.azimuthRad };
    let lo = 0.5;
    let hi = fullBoostDurationS(missile);
    for (let i = 0; i < 60; i++) {
      const c = 0.5 * (lo + hi);
      if (trialRangeM(roundStill, base, a.rangeOptimalSteering, c).rangeM < rangeM) lo = c;
      else hi = c;
    }
    const old = trialRangeM(roundStill, base, a.rangeOptimalSteering, hi).flight!;
    expect(a.cutoffAfterLaunchS).toBeLessThan(hi);
    expect(closed.flightPathRad - old.burnout.flightPathRad).toBeGreaterThan(3 * DEG);
  });

  it('needs less propellant than the lofted and depressed trajectories to the same target', () => {
    const pairs: Array<[string, AimRequest]> = [
      [
        'ss-19 Kozelsk-Washington',
        {
          missile: getCatalogMissile('ss-19'),
          ...kozelsk,
          ...washington,
          shape: { kind: 'minimum-energy' },
        },
      ],
      [
        'iran-icbm-notional Semnan-Berlin',
        {
          missile: getCatalogMissile('iran-icbm-notional'),
          ...semnan,
          ...berlin,
          shape: { kind: 'minimum-energy' },
        },
      ],
      [
        'shahab-3 Semnan-Baghdad',
        {
          missile: getCatalogMissile('shahab-3'),
          ...semnan,
          toLatRad: 33.31 * DEG,
          toLonRad: 44.37 * DEG,
          shape: { kind: 'minimum-energy' },
        },
      ],
    ];
    for (const [label, req] of pairs) {
      const me = aimMissile(wgs84, req);
      expect(me.trajectoryType, label).toBe('minimum-energy');
      const apogee = me.flight.free.apogeeAltitudeM;
      const steering = { rangeOptimalSteering: me.rangeOptimalSteering };
      const lofted = aimMissile(wgs84, {
        ...req,
        ...steering,
        shape: { kind: 'apogee', apogeeM: 1.3 * apogee },
      });
      const depressed = aimMissile(wgs84, {
        ...req,
        ...steering,
        shape: { kind: 'apogee', apogeeM: 0.75 * apogee },
      });
      expect(lofted.trajectoryType, label).toBe('lofted');
      expect(depressed.trajectoryType, label).toBe('depressed');
      expect(lofted.loftParameter, label).toBeGreaterThan(me.loftParameter);
      expect(depressed.loftParameter, label).toBeLessThan(me.loftParameter);
      expect(me.propellantBurnedKg, label).toBeLessThan(lofted.propellantBurnedKg);
      expect(me.propellantBurnedKg, label).toBeLessThan(depressed.propellantBurnedKg);
      expect(me.cutoffAfterLaunchS, label).toBeLessThan(lofted.cutoffAfterLaunchS);
      expect(me.cutoffAfterLaunchS, label).toBeLessThan(depressed.cutoffAfterLaunchS);
    }
  });

  it('depressed and lofted are relative to the minimum-energy apogee, not the range-optimal steering', () => {
    // Semnan to Berlin: the range-optimal steering cut short flies about 330 km high, the
    // minimum-energy trajectory about 670 km: 500 km is depressed.
    const req: AimRequest = {
      missile: getCatalogMissile('iran-icbm-notional'),
      ...semnan,
      ...berlin,
      shape: { kind: 'apogee', apogeeM: 500_000 },
    };
    const a = aimMissile(wgs84, req);
    expect(a.trajectoryType).toBe('depressed');
    expect(a.loftParameter).toBeGreaterThan(0);
    expect(Math.abs(a.flight.free.apogeeAltitudeM - 500_000)).toBeLessThan(5000);
  });

  it('agrees with the least burnout energy to within 0.1 % of propellant and 40 m/s', () => {
    const missile = getCatalogMissile('ss-19');
    const me = aimMissile(wgs84, {
      missile,
      ...kozelsk,
      ...washington,
      shape: { kind: 'minimum-energy' },
    });
    const base = { missile, ...kozelsk, azimuthRad: me.azimuthRad };
    const family = loftFamily(me.rangeOptimalSteering);
    const fullS = fullBoostDurationS(missile);
    const solve = (p: number) => {
      const law = family(p);
      let lo = fullS / 2;
      let hi = fullS;
      for (let i = 0; i < 50; i++) {
        const c = 0.5 * (lo + hi);
        if (trialRangeM(wgs84, base, law, c).rangeM < me.targetRangeM) lo = c;
        else hi = c;
      }
      return { cutoffS: hi, flight: trialRangeM(wgs84, base, law, hi).flight! };
    };
    const energy = (p: number) => energyOf(solve(p).flight.burnout.state, wgs84.gmM3S2);
    const least = goldenMaximum(
      (p) => -energy(p),
      me.loftParameter - 0.2,
      me.loftParameter + 0.2,
      1e-3,
    );
    const atLeastEnergy = solve(least.x);
    const atLeastPropellant = solve(me.loftParameter);
    const propellantAtLeastEnergy = propellantBurnedKg(missile, atLeastEnergy.cutoffS);
    expect(propellantAtLeastEnergy).toBeGreaterThanOrEqual(me.propellantBurnedKg * 0.99999);
    expect(propellantAtLeastEnergy).toBeLessThan(me.propellantBurnedKg * 1.001);
    const eMe = energyOf(atLeastPropellant.flight.burnout.state, wgs84.gmM3S2);
    expect(eMe).toBeGreaterThanOrEqual(-least.value - 1);
    expect((eMe + least.value) / atLeastPropellant.flight.burnout.inertialSpeedMps).toBeLessThan(
      40,
    );
  });

  it('at the maximum range the family collapses to the range-optimal steering', () => {
    for (const [model, fraction] of [
      [roundStill, 1],
      [roundStill, 0.999],
      [customEarthModel(wgs84, { rotationRadps: 0 }), 0.999],
    ] as const) {
      const missile = getCatalogMissile('ss-19');
      const from = { fromLatRad: 10 * DEG, fromLonRad: 20 * DEG };
      const mr = maxRange(model, { missile, ...from, azimuthRad: 30 * DEG });
      const t = directGeodesic(
        from.fromLatRad,
        from.fromLonRad,
        30 * DEG,
        fraction * mr.maxRangeM,
        model,
      );
      const a = aimMissile(model, {
        missile,
        ...from,
        toLatRad: t.latRad,
        toLonRad: t.lonRad,
        shape: { kind: 'minimum-energy' },
        rangeOptimalSteering: mr.steering,
      });
      const label = `${model.name} ${fraction}`;
      expect(a.missDistanceM, label).toBeLessThan(1000);
      expect(Math.abs(a.loftParameter), label).toBeLessThan(0.01);
      expect(a.cutoffAfterLaunchS, label).toBeGreaterThan(fullBoostDurationS(missile) - 1);
      expect(a.flight.free.apogeeAltitudeM / mr.flight.free.apogeeAltitudeM, label).toBeCloseTo(
        1,
        1,
      );
      if (fraction === 1) {
        expect(a.loftParameter).toBe(0);
        expect(a.steering).toEqual(mr.steering);
      }
    }
  });
});

describe('minimum-energy apogees of the catalog missiles', () => {
  /** Apogee over range of the closed-form minimum-energy trajectory on a sphere. */
  const closedFormRatio = (rangeM: number): number => {
    const r = 6_371_000;
    const me = minimumEnergySpeedMps({
      gmM3S2: wgs84.gmM3S2,
      surfaceRadiusM: r,
      altitudeM: 0,
      rangeAngleRad: rangeM / r,
    });
    return (
      keplerFreeFlight({
        gmM3S2: wgs84.gmM3S2,
        surfaceRadiusM: r,
        altitudeM: 0,
        speedMps: me.speedMps,
        flightPathRad: me.flightPathRad,
      }).apogeeAltitudeM / rangeM
    );
  };

  it('apogee/range at 30, 60 and 90 % of the maximum range: sensible, falling with range', () => {
    const ids = [
      'scud-b',
      'no-dong',
      'shahab-3',
      'sejjil-2',
      'hwasong-15',
      'iran-icbm-notional',
      'minuteman-3',
      'ss-18',
      'ss-19',
      'ss-25',
      'ss-27',
      'trident-d5',
    ];
    const from = { fromLatRad: 40 * DEG, fromLonRad: 40 * DEG };
    for (const id of ids) {
      const missile = getCatalogMissile(id);
      const mr = maxRange(wgs84, { missile, ...from, azimuthRad: 0 });
      const ratios: number[] = [];
      const lofts: number[] = [];
      for (const fraction of [0.3, 0.6, 0.9]) {
        const t = directGeodesic(
          from.fromLatRad,
          from.fromLonRad,
          0,
          fraction * mr.maxRangeM,
          wgs84,
        );
        const a = aimMissile(wgs84, {
          missile,
          ...from,
          toLatRad: t.latRad,
          toLonRad: t.lonRad,
          shape: { kind: 'minimum-energy' },
          rangeOptimalSteering: mr.steering,
        });
        const ratio = a.flight.free.apogeeAltitudeM / a.targetRangeM;
        const label = `${id} at ${fraction}: apogee/range ${ratio.toFixed(3)}`;
        expect(ratio, label).toBeGreaterThan(0.05);
        expect(ratio, label).toBeLessThan(0.35);
        // Within a factor of about 2 of the impulsive closed form (burnout on the ground).
        expect(ratio / closedFormRatio(a.targetRangeM), label).toBeGreaterThan(0.5);
        expect(ratio / closedFormRatio(a.targetRangeM), label).toBeLessThan(1.35);
        ratios.push(ratio);
        lofts.push(a.loftParameter);
      }
      expect(ratios[0]!, id).toBeGreaterThan(ratios[1]!);
      expect(ratios[1]!, id).toBeGreaterThan(ratios[2]!);
      expect(lofts[0]!, id).toBeGreaterThanOrEqual(lofts[2]! - 0.02);
      expect(Math.abs(lofts[2]!), id).toBeLessThan(0.05);
    }
  });
});
