/** Powered and free flight: events, phases, steering laws, drag, bad input. */
import { describe, expect, it } from 'vitest';
import { aimMissile } from '../src/aim/aim.js';
import { maxRange } from '../src/aim/max-range.js';
import { getCatalogMissile } from '../src/catalog/catalog.js';
import { directGeodesic } from '../src/earth/geodesic.js';
import { customEarthModel, earthPresets } from '../src/earth/model.js';
import { flyFree, surfaceRelativeState } from '../src/flight/ballistic.js';
import type { MissileDefinition } from '../src/flight/missile.js';
import { flyMissile } from '../src/flight/powered.js';
import { altitudeCrossings, findEvent, geodeticAt, stateAt } from '../src/flight/trajectory.js';

const DEG = Math.PI / 180;
const wgs84 = earthPresets.wgs84;
const oneMillimetreM = 1e-3;

describe('flyMissile', () => {
  const ss19 = getCatalogMissile('ss-19');
  const flight = flyMissile(wgs84, {
    missile: ss19,
    latRad: 54.03 * DEG,
    lonRad: 35.77 * DEG,
    azimuthRad: -30 * DEG,
  });
  const t = flight.trajectory!;

  it('records ignition, burnout and staging at the stage times', () => {
    const [s1, s2] = ss19.stages;
    expect(findEvent(t, 'ignition', 1)!.timeS).toBe(0);
    expect(findEvent(t, 'burnout', 1)!.timeS).toBeCloseTo(s1!.burnTimeS, 9);
    expect(findEvent(t, 'staging', 1)!.timeS).toBeCloseTo(s1!.burnTimeS, 9);
    expect(findEvent(t, 'burnout', 2)!.timeS).toBeCloseTo(s1!.burnTimeS + s2!.burnTimeS, 9);
    expect(flight.burnout.timeS).toBeCloseTo(s1!.burnTimeS + s2!.burnTimeS, 9);
    expect(t.phases[0]).toMatchObject({ phase: 'boost', startS: 0 });
    expect(t.phases[0]!.endS).toBeCloseTo(flight.burnout.timeS, 9);
  });

  it('finds altitude crossings on the dense solution: 100 km up in boost, down at reentry', () => {
    const crossings = altitudeCrossings(t, 100_000);
    expect(crossings.map((c) => c.direction)).toEqual([1, -1]);
    expect(crossings[0]!.timeS).toBeLessThan(flight.burnout.timeS);
    expect(Math.abs(crossings[1]!.timeS - findEvent(t, 'reentry')!.timeS)).toBeLessThan(1e-5);
    for (const c of crossings) {
      expect(Math.abs(geodeticAt(t, c.timeS).altitudeM - 100_000)).toBeLessThan(oneMillimetreM);
    }
  });

  it('burnout state matches the trajectory at burnout time', () => {
    const s = stateAt(t, flight.burnout.timeS, new Float64Array(6));
    for (let i = 0; i < 6; i++) expect(s[i]).toBeCloseTo(flight.burnout.state[i]!, 3);
  });

  it('rejects a missile that cannot lift its payload (E_MISSILE_INVALID) and a cut-off after the boost (E_OUT_OF_RANGE)', () => {
    expect(() =>
      flyMissile(wgs84, { missile: ss19, latRad: 0, lonRad: 0, azimuthRad: 0, payloadKg: 200_000 }),
    ).toThrow(expect.objectContaining({ code: 'E_MISSILE_INVALID' }));
    expect(() =>
      flyMissile(wgs84, {
        missile: ss19,
        latRad: 0,
        lonRad: 0,
        azimuthRad: 0,
        cutoffAfterLaunchS: 1000,
      }),
    ).toThrow(expect.objectContaining({ code: 'E_OUT_OF_RANGE' }));
  });
});

describe('gravity-turn steering', () => {
  const base = getCatalogMissile('ss-27');
  const gt: MissileDefinition = {
    ...base,
    id: 'ss-27-gravity-turn',
    steering: { law: 'gravity-turn', verticalTimeS: 6, kickAngleDeg: 4, kickDurationS: 5 },
  };
  it('max range searches the kick angle and reaches intercontinental range', () => {
    const still = customEarthModel(wgs84, { rotationRadps: 0 });
    const r = maxRange(still, { missile: gt, fromLatRad: 0, fromLonRad: 0, azimuthRad: 0 });
    expect(r.steering.law).toBe('gravity-turn');
    expect(r.maxRangeM).toBeGreaterThan(8_000_000);
  });
  it('aims at a target 6,000 km away within 1 km', () => {
    const to = directGeodesic(56.85 * DEG, 40.53 * DEG, 10 * DEG, 6_000_000, wgs84);
    const a = aimMissile(wgs84, {
      missile: gt,
      fromLatRad: 56.85 * DEG,
      fromLonRad: 40.53 * DEG,
      toLatRad: to.latRad,
      toLonRad: to.lonRad,
      shape: { kind: 'minimum-energy' },
    });
    expect(a.missDistanceM).toBeLessThan(1000);
  });
});

describe('reentry drag, against Allen & Eggers (NACA Report 1381, 1958)', () => {
  it('speed at 10 km for a straight 60 deg entry in exponential air matches v = v_e exp(-rho0 H e^(-h/H) / (2 beta sin(gamma)))', () => {
    // Gravity and rotation off so the path is the closed form's straight line; p1's exponential air.
    const model = customEarthModel(earthPresets.p1, { gmM3S2: 1e-6, rotationRadps: 0 });
    const betaKgM2 = 5000;
    const ve = 7000;
    const gammaRad = 60 * DEG;
    const y0 = surfaceRelativeState(model, 0, 0, 100_000, ve, -gammaRad, 0, 0, new Float64Array(6));
    const f = flyFree(model, y0, 0, { ballisticCoefficientKgM2: betaKgM2 });
    const t = f.trajectory!;
    for (const hM of [40_000, 20_000, 10_000]) {
      const [c] = altitudeCrossings(t, hM);
      const s = stateAt(t, c!.timeS, new Float64Array(6));
      const v = Math.hypot(s[3]!, s[4]!, s[5]!);
      const expected =
        ve * Math.exp((-1.225 * 7200 * Math.exp(-hM / 7200)) / (2 * betaKgM2 * Math.sin(gammaRad)));
      // The local flight-path angle drifts by about 0.5 deg over the 58 km of ground covered.
      expect(Math.abs(v - expected) / expected).toBeLessThan(2e-3);
    }
  });

  it('drag shortens a flight compared with vacuum', () => {
    const y0 = surfaceRelativeState(
      wgs84,
      0,
      0,
      100_000,
      3000,
      10 * DEG,
      0,
      0,
      new Float64Array(6),
    );
    const vacuum = flyFree(wgs84, y0, 0, { record: false });
    const dragged = flyFree(wgs84, y0, 0, { record: false, ballisticCoefficientKgM2: 500 });
    expect(dragged.impactLatRad).toBeLessThan(vacuum.impactLatRad);
  });

  it('a ballistic coefficient on an airless preset is E_MODEL_CONFLICT', () => {
    const y0 = surfaceRelativeState(
      earthPresets.round,
      0,
      0,
      0,
      3000,
      45 * DEG,
      0,
      0,
      new Float64Array(6),
    );
    expect(() => flyFree(earthPresets.round, y0, 0, { ballisticCoefficientKgM2: 5000 })).toThrow(
      expect.objectContaining({ code: 'E_MODEL_CONFLICT' }),
    );
  });
});
