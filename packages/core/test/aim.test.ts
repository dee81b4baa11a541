/** Aiming and maximum range on the full (WGS84, rotating, J2, USSA76) model. */
import { describe, expect, it } from 'vitest';
import { aimMissile } from '../src/aim/aim.js';
import { maxRange } from '../src/aim/max-range.js';
import { getCatalogMissile } from '../src/catalog/catalog.js';
import { inverseGeodesic } from '../src/earth/geodesic.js';
import { earthPresets } from '../src/earth/model.js';
import { findEvent, geodeticAt, stateAt } from '../src/flight/trajectory.js';

const model = earthPresets.wgs84;
const DEG = Math.PI / 180;
const oneKilometreM = 1000;
const kozelsk = { fromLatRad: 54.03 * DEG, fromLonRad: 35.77 * DEG };
const washington = { toLatRad: 38.9 * DEG, toLonRad: -77.04 * DEG };

describe('aimMissile', () => {
  const ss19 = getCatalogMissile('ss-19');

  it('minimum energy, Kozelsk to Washington: within 1 km, a consistent trajectory', () => {
    const a = aimMissile(model, {
      missile: ss19,
      ...kozelsk,
      ...washington,
      shape: { kind: 'minimum-energy' },
    });
    expect(a.missDistanceM).toBeLessThan(oneKilometreM);
    expect(Math.abs(a.groundRangeM - a.targetRangeM)).toBeLessThan(oneKilometreM);
    // About 7,900 km: an ICBM flight of under half an hour.
    expect(a.targetRangeM / 1000).toBeCloseTo(7879, -1);
    expect(a.flight.free.flightTimeS).toBeGreaterThan(20 * 60);
    expect(a.flight.free.flightTimeS).toBeLessThan(30 * 60);
    const t = a.flight.trajectory!;
    // Events in time order: launch, ignition 1, burnout 1, staging, ignition 2, burnout 2, apogee, reentry, impact.
    const kinds = t.events.map((e) => e.kind);
    expect(kinds[0]).toBe('launch');
    expect(kinds.at(-1)).toBe('impact');
    expect(kinds).toContain('staging');
    expect(kinds).toContain('apogee');
    expect(kinds).toContain('reentry');
    const times = t.events.map((e) => e.timeS);
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(t.phases.map((p) => p.phase)).toEqual(['boost', 'midcourse', 'terminal']);
    // The dense trajectory starts at the launch site and ends at the impact point.
    const start = geodeticAt(t, t.startS);
    expect(
      inverseGeodesic(
        start.latDeg * DEG,
        start.lonDeg * DEG,
        kozelsk.fromLatRad,
        kozelsk.fromLonRad,
        model,
      ).distanceM,
    ).toBeLessThan(1);
    const end = geodeticAt(t, t.endS);
    expect(Math.abs(end.altitudeM)).toBeLessThan(1e-3);
    // Apogee event: the highest point of the dense solution.
    const apogee = findEvent(t, 'apogee')!;
    const hA = geodeticAt(t, apogee.timeS).altitudeM;
    for (const dt of [-30, -1, 1, 30])
      expect(geodeticAt(t, apogee.timeS + dt).altitudeM).toBeLessThan(hA);
    expect(hA).toBeCloseTo(a.flight.free.apogeeAltitudeM, 0);
    // Continuity of the dense output across a step boundary.
    const tb = t.stepStartS[Math.floor(t.stepCount / 2)]!;
    const before = stateAt(t, tb - 1e-6, new Float64Array(6));
    const after = stateAt(t, tb + 1e-6, new Float64Array(6));
    expect(
      Math.hypot(before[0]! - after[0]!, before[1]! - after[1]!, before[2]! - after[2]!),
    ).toBeLessThan(0.05);
  });

  it('lofted to a 1,500 km apogee and depressed to 700 km, both on target', () => {
    for (const apogeeM of [1_500_000, 700_000]) {
      const a = aimMissile(model, {
        missile: ss19,
        ...kozelsk,
        ...washington,
        shape: { kind: 'apogee', apogeeM },
      });
      expect(a.missDistanceM).toBeLessThan(oneKilometreM);
      expect(Math.abs(a.flight.free.apogeeAltitudeM - apogeeM)).toBeLessThan(5 * oneKilometreM);
    }
  });

  it('to a given flight time (1,900 s), on target', () => {
    const a = aimMissile(model, {
      missile: ss19,
      ...kozelsk,
      ...washington,
      shape: { kind: 'flight-time', flightTimeS: 1900 },
    });
    expect(a.missDistanceM).toBeLessThan(oneKilometreM);
    expect(Math.abs(a.flight.free.flightTimeS - 1900)).toBeLessThan(2);
  });

  it('E_OUT_OF_REACH for a target beyond the missile, and for an apogee it cannot fly', () => {
    expect(() =>
      aimMissile(model, {
        missile: getCatalogMissile('scud-b'),
        ...kozelsk,
        ...washington,
        shape: { kind: 'minimum-energy' },
      }),
    ).toThrow(expect.objectContaining({ code: 'E_OUT_OF_REACH' }));
    expect(() =>
      aimMissile(model, {
        missile: ss19,
        ...kozelsk,
        ...washington,
        shape: { kind: 'apogee', apogeeM: 5_000_000 },
      }),
    ).toThrow(expect.objectContaining({ code: 'E_OUT_OF_REACH' }));
  });
});

describe('maxRange', () => {
  it('the same missile flies further east than west (Earth rotation)', () => {
    const m = getCatalogMissile('shahab-3');
    const east = maxRange(model, {
      missile: m,
      fromLatRad: 0,
      fromLonRad: 0,
      azimuthRad: 90 * DEG,
    });
    const west = maxRange(model, {
      missile: m,
      fromLatRad: 0,
      fromLonRad: 0,
      azimuthRad: 270 * DEG,
    });
    expect(east.maxRangeM).toBeGreaterThan(west.maxRangeM * 1.03);
  });

  it('a lighter payload flies further', () => {
    const m = getCatalogMissile('shahab-3');
    const heavy = maxRange(model, {
      missile: m,
      fromLatRad: 0,
      fromLonRad: 0,
      azimuthRad: 0,
      payloadKg: 1200,
    });
    const light = maxRange(model, {
      missile: m,
      fromLatRad: 0,
      fromLonRad: 0,
      azimuthRad: 0,
      payloadKg: 700,
    });
    expect(light.maxRangeM).toBeGreaterThan(heavy.maxRangeM);
  });
});

describe('aimMissile with a known range-optimal steering', () => {
  it('skips the search and still hits the target, with far fewer trial flights', () => {
    const missile = getCatalogMissile('ss-19');
    const full = aimMissile(model, {
      missile,
      ...kozelsk,
      ...washington,
      shape: { kind: 'minimum-energy' },
    });
    const quick = aimMissile(model, {
      missile,
      ...kozelsk,
      ...washington,
      shape: { kind: 'minimum-energy' },
      rangeOptimalSteering: full.rangeOptimalSteering,
    });
    expect(quick.missDistanceM).toBeLessThan(oneKilometreM);
    expect(quick.loftParameter).toBeCloseTo(full.loftParameter, 6);
    // The maximum-range search (over a hundred trial flights) is skipped.
    expect(full.trialFlights - quick.trialFlights).toBeGreaterThan(100);
    expect(Math.abs(quick.flight.free.flightTimeS - full.flight.free.flightTimeS)).toBeLessThan(1);
  });
});
