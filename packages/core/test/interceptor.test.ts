/** Interceptors: the staged and parametric forms, the reference flyout, validation, built-ins. */
import { describe, expect, it } from 'vitest';
import { searchFlightSettings } from '../src/aim/max-range.js';
import { catalogInterceptors, getCatalogInterceptor } from '../src/catalog/catalog.js';
import { inverseGeodesic } from '../src/earth/geodesic.js';
import { customEarthModel, earthPresets } from '../src/earth/model.js';
import {
  flyInterceptor,
  INTERCEPTOR_PITCH_RATE_DEG_PER_S,
  INTERCEPTOR_VERTICAL_TIME_S,
  interceptorSteering,
  liftoffThrustToWeight,
  PARAMETRIC_TEMPLATE,
  type ParametricInterceptorSpec,
  parametricInterceptor,
  parametricSpeedLimitsMps,
  referenceBurnout,
  stagedInterceptor,
  validateInterceptor,
} from '../src/engage/interceptor.js';
import type { InterceptorDefinition, KillVehicle } from '../src/engage/types.js';
import { errorCodes, OpenBmdError } from '../src/errors.js';
import { flyMissile } from '../src/flight/powered.js';
import { altitudeCrossings, geodeticAt, stateAt } from '../src/flight/trajectory.js';

const model = earthPresets.wgs84;
const DEG = Math.PI / 180;
const oneMetrePerSecondMps = 1;
const kv: KillVehicle = {
  minAltitudeM: 100_000,
  maxAltitudeM: 2_000_000,
  divertMps: 1000,
  massKg: 64,
};
const spec = (burnoutSpeedMps: number, stageCount: 2 | 3 = 2): ParametricInterceptorSpec => ({
  id: `test-${stageCount}-${burnoutSpeedMps}`,
  name: 'test interceptor',
  burnoutSpeedMps,
  burnTimeS: stageCount === 2 ? 140 : 200,
  stageCount,
  killVehicle: kv,
  sources: ['test'],
  notes: '',
});

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof OpenBmdError) return e.code;
    throw e;
  }
  return undefined;
};
const messageOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return '';
};

describe('parametricInterceptor', () => {
  it.each([
    [5400, 2],
    [6300, 2],
    [8300, 2],
    [7500, 3],
    [10_000, 3],
  ] as const)('scales the template to %d m/s (%d stages) within 1 m/s', (speed, stages) => {
    const ic = parametricInterceptor(spec(speed, stages), model);
    expect(ic.form).toBe('parametric');
    expect(ic.vehicle.stages).toHaveLength(stages);
    expect(Math.abs(ic.burnoutSpeedMps - speed)).toBeLessThan(oneMetrePerSecondMps);
    // Measured again, independently, on the reference flyout.
    expect(Math.abs(referenceBurnout(model, ic.vehicle).speedMps - speed)).toBeLessThan(
      oneMetrePerSecondMps,
    );
    // The template: equal burn shares, inert fraction a tenth, payload the kill vehicle.
    for (const s of ic.vehicle.stages) {
      expect(s.burnTimeS).toBeCloseTo(ic.vehicle.stages[0]!.burnTimeS, 9);
      expect(1 - s.propellantMassKg / s.grossMassKg).toBeCloseTo(
        PARAMETRIC_TEMPLATE.inertFraction,
        9,
      );
    }
    expect(ic.vehicle.payload.massKg).toBe(kv.massKg);
    expect(liftoffThrustToWeight(ic.vehicle)).toBeGreaterThan(1.2);
  });

  it('a faster interceptor is a bigger vehicle of the same template', () => {
    const slow = parametricInterceptor(spec(5400), model);
    const fast = parametricInterceptor(spec(8000), model);
    expect(fast.vehicle.stages[0]!.propellantMassKg).toBeGreaterThan(
      slow.vehicle.stages[0]!.propellantMassKg,
    );
  });

  it('the reference flyout burns out 25-35 deg above the horizontal for the GBI templates', () => {
    // The catalog's short-burn SM-3 and THAAD burn out steeper (about 74-76 deg, calc).
    for (const ic of catalogInterceptors().filter((d) => d.id.startsWith('gbi-'))) {
      const bo = referenceBurnout(model, ic.vehicle);
      expect(bo.flightPathRad / DEG).toBeGreaterThan(25);
      expect(bo.flightPathRad / DEG).toBeLessThan(35);
    }
  });

  it('speeds the template cannot reach are E_OUT_OF_REACH, with the limit in the message', () => {
    const limits = parametricSpeedLimitsMps({ burnTimeS: 140, stageCount: 2, killVehicle: kv });
    expect(limits.maxMps).toBeGreaterThan(8300);
    expect(limits.maxMps).toBeLessThan(9500);
    expect(limits.minMps).toBeLessThan(1000);
    expect(codeOf(() => parametricInterceptor(spec(10_000, 2), model))).toBe(errorCodes.outOfReach);
    expect(messageOf(() => parametricInterceptor(spec(10_000, 2), model))).toMatch(/at most/);
    expect(codeOf(() => parametricInterceptor(spec(11_500, 3), model))).toBe(errorCodes.outOfReach);
    expect(codeOf(() => parametricInterceptor(spec(500, 2), model))).toBe(errorCodes.outOfReach);
    // A burn so long that the first stage cannot lift the vehicle.
    expect(codeOf(() => parametricInterceptor({ ...spec(7000), burnTimeS: 900 }, model))).toBe(
      errorCodes.outOfReach,
    );
    expect(codeOf(() => parametricInterceptor({ ...spec(7000), burnTimeS: -1 }, model))).toBe(
      errorCodes.invalidInput,
    );
  });

  it('depends on the model: without air the same speed needs a smaller vehicle', () => {
    const airless = parametricInterceptor(spec(7000), earthPresets['round-still']);
    const full = parametricInterceptor(spec(7000), model);
    expect(airless.vehicle.stages[0]!.propellantMassKg).toBeLessThan(
      full.vehicle.stages[0]!.propellantMassKg,
    );
  });
});

describe('stagedInterceptor', () => {
  const stages = parametricInterceptor(spec(7000), model).vehicle.stages.map((s) => ({ ...s }));

  it('measures its burnout speed on the reference flyout', () => {
    const ic = stagedInterceptor(
      { id: 'my-gbi', name: 'mine', stages, killVehicle: kv, sources: ['test'], notes: '' },
      model,
    );
    expect(ic.form).toBe('staged');
    expect(Math.abs(ic.burnoutSpeedMps - 7000)).toBeLessThan(oneMetrePerSecondMps);
  });

  it('an interceptor with no stages is E_INVALID_INPUT naming it', () => {
    const f = () =>
      stagedInterceptor(
        { id: 'empty', name: 'none', stages: [], killVehicle: kv, sources: ['x'], notes: '' },
        model,
      );
    expect(codeOf(f)).toBe(errorCodes.invalidInput);
    expect(messageOf(f)).toMatch(/interceptor 'empty' has no stages/);
  });
});

describe('validateInterceptor', () => {
  const good = getCatalogInterceptor('gbi-2stage');

  it('accepts a built-in', () => {
    expect(validateInterceptor(good, 'x').id).toBe('gbi-2stage');
  });

  it('rejects no stages, a floor above the ceiling, negative numbers, other steering', () => {
    const noStages = { ...good, vehicle: { ...good.vehicle, stages: [] } };
    expect(codeOf(() => validateInterceptor(noStages, 'i'))).toBe(errorCodes.invalidInput);
    expect(messageOf(() => validateInterceptor(noStages, 'i'))).toMatch(
      /interceptor 'gbi-2stage' has no stages/,
    );
    const upsideDown = {
      ...good,
      killVehicle: { ...kv, minAltitudeM: 3_000_000 },
    };
    expect(codeOf(() => validateInterceptor(upsideDown, 'i'))).toBe(errorCodes.invalidInput);
    expect(messageOf(() => validateInterceptor(upsideDown, 'i'))).toMatch(/minimum intercept/);
    const negative = { ...good, killVehicle: { ...kv, divertMps: -5 } };
    expect(codeOf(() => validateInterceptor(negative, 'i'))).toBe(errorCodes.outOfRange);
    expect(codeOf(() => validateInterceptor({ ...good, burnoutSpeedMps: -7000 }, 'i'))).toBe(
      errorCodes.outOfRange,
    );
    const forden = {
      ...good,
      vehicle: {
        ...good.vehicle,
        steering: { law: 'forden', verticalTimeS: 2, pitchRateDegPerS: 1, finalElevationDeg: 30 },
      },
    };
    expect(codeOf(() => validateInterceptor(forden, 'i'))).toBe(errorCodes.invalidInput);
    expect(codeOf(() => validateInterceptor({ ...good, sources: [] }, 'i'))).toBe(
      errorCodes.invalidInput,
    );
    expect(codeOf(() => validateInterceptor(null, 'i'))).toBe(errorCodes.invalidInput);
  });
});

describe('flyInterceptor', () => {
  const ic = getCatalogInterceptor('gbi-2stage');

  it("the 'kick' programme (the reference flyout's) flies as flyMissile does", () => {
    const launch = { latRad: 54.47 * DEG, lonRad: 17.12 * DEG, azimuthRad: 1 };
    const m = flyMissile(
      model,
      { missile: ic.vehicle, ...launch, steering: interceptorSteering(40) },
      { settings: searchFlightSettings },
    );
    const f = flyInterceptor(
      model,
      ic.vehicle,
      { ...launch, kickAngleDeg: 40, programme: 'kick' },
      { until: 'time-limit', maxFlightTimeS: 600 },
    );
    expect(Math.abs(m.burnout.speedMps - f.burnout.speedMps)).toBeLessThan(0.1);
    const a = new Float64Array(6);
    const b = new Float64Array(6);
    for (let t = 5; t <= 600; t += 25) {
      stateAt(m.trajectory!, t, a);
      stateAt(f.trajectory!, t, b);
      // Tens of metres: flyMissile switches to velocity-following steering at the very end of the
      // kick segment, flyInterceptor at the start of the next one.
      expect(Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!)).toBeLessThan(100);
    }
  });

  it("the 'pitch-over' programme: flyMissile's 'forden' steering until the velocity has turned as far as the thrust, then along the velocity", () => {
    const sm3 = getCatalogInterceptor('sm-3-ib');
    const kick = 60;
    const launch = { latRad: 44.08 * DEG, lonRad: 24.41 * DEG, azimuthRad: 1 };
    const m = flyMissile(
      model,
      {
        missile: sm3.vehicle,
        ...launch,
        steering: {
          law: 'forden',
          verticalTimeS: INTERCEPTOR_VERTICAL_TIME_S,
          pitchRateDegPerS: INTERCEPTOR_PITCH_RATE_DEG_PER_S,
          finalElevationDeg: 90 - kick,
        },
      },
      { settings: searchFlightSettings },
    );
    const f = flyInterceptor(
      model,
      sm3.vehicle,
      { ...launch, kickAngleDeg: kick },
      { until: 'burnout', maxFlightTimeS: 600 },
    );
    // The end of the pitch-over: where the forden flight's flight-path angle falls to 30 deg.
    const fpaDeg = (s: Float64Array) => {
      const w = model.rotationRadps;
      const v = [s[3]! + w * s[1]!, s[4]! - w * s[0]!, s[5]!];
      const r = Math.hypot(s[0]!, s[1]!, s[2]!);
      const up = (s[0]! * v[0]! + s[1]! * v[1]! + s[2]! * v[2]!) / r;
      return Math.asin(up / Math.hypot(v[0]!, v[1]!, v[2]!)) / DEG;
    };
    const a = new Float64Array(6);
    const b = new Float64Array(6);
    let switchS = Number.NaN;
    for (let t = 3; t <= f.burnout.timeS; t += 0.5) {
      stateAt(m.trajectory!, t, a);
      if (fpaDeg(a) <= 90 - kick) {
        switchS = t;
        break;
      }
      stateAt(f.trajectory!, t, b);
      // The same forces and steering up to there (metres).
      expect(Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!)).toBeLessThan(5);
    }
    expect(switchS).toBeGreaterThan(
      INTERCEPTOR_VERTICAL_TIME_S + kick / INTERCEPTOR_PITCH_RATE_DEG_PER_S,
    );
    expect(switchS).toBeLessThan(f.burnout.timeS);
    // Then the gravity turn bends the velocity further down.
    expect(f.burnout.flightPathRad / DEG).toBeLessThan(90 - kick);
    // The steps of the recorded flight stay contiguous across the end of the pitch-over.
    const tr = f.trajectory!;
    for (let i = 0; i + 1 < tr.stepCount; i++) {
      expect(tr.stepStartS[i]! + tr.stepLengthS[i]!).toBeCloseTo(tr.stepStartS[i + 1]!, 9);
    }
  });

  it('stops at the apogee, and never reports E_NO_IMPACT for an escaping flyout', () => {
    const f = flyInterceptor(model, ic.vehicle, {
      latRad: 0,
      lonRad: 0,
      azimuthRad: 0,
      kickAngleDeg: 30,
    });
    expect(f.end).toBe('apogee');
    expect(f.trajectory!.events.map((e) => e.kind)).toContain('apogee');
    const fast = parametricInterceptor(spec(10_500, 3), model);
    const g = flyInterceptor(
      customEarthModel(model, { rotationRadps: 0 }),
      fast.vehicle,
      { latRad: 0, lonRad: 0, azimuthRad: 0, kickAngleDeg: 0 },
      { maxFlightTimeS: 3600 },
    );
    expect(g.end).toBe('time-limit');
    expect(g.endTimeS).toBeCloseTo(3600, 6);
  });
});

/**
 * The pitch-over programme lets every catalog interceptor fly flat: under the gravity-turn kick
 * (the reference flyout's programme) the light, short-burn SM-3 and THAAD were already fast when
 * the kick ended and burnt out at 46-55 deg above the horizontal whatever the kick.
 */
describe('the pitch-over programme', () => {
  const deveselu = { latRad: 44.08 * DEG, lonRad: 24.41 * DEG };
  const burnoutDeg = (
    ic: InterceptorDefinition,
    kickAngleDeg: number,
    programme: 'pitch-over' | 'kick' = 'pitch-over',
  ) => {
    const f = flyInterceptor(
      model,
      ic.vehicle,
      { ...deveselu, azimuthRad: 90 * DEG, kickAngleDeg, programme },
      { until: 'burnout', record: false },
    );
    return f.descendedDuringBoost ? Number.NaN : f.burnout.flightPathRad / DEG;
  };

  it.each(catalogInterceptors().map((d) => d.id))(
    '%s: burnout flight-path angles from near vertical to under 15 deg, falling with the kick',
    (id) => {
      const ic = getCatalogInterceptor(id);
      const angles = [0, 10, 20, 30, 40, 50, 60, 70, 80, 85, 89].map((k) => burnoutDeg(ic, k));
      expect(angles[0]!).toBeGreaterThan(85);
      const flying = angles.filter((a) => !Number.isNaN(a));
      for (let i = 1; i < flying.length; i++) expect(flying[i]!).toBeLessThan(flying[i - 1]!);
      expect(Math.min(...flying)).toBeLessThan(15);
      // The kick alone: no flatter than 45 deg for the short-burn vehicles.
      if (!id.startsWith('gbi-')) expect(burnoutDeg(ic, 89, 'kick')).toBeGreaterThan(45);
    },
  );

  it('an SM-3 IB reaches about five times as far at 100 km altitude as under the kick', () => {
    const ic = getCatalogInterceptor('sm-3-ib');
    // The furthest ground range at which a flyout climbs through 100 km, over the kicks.
    const reachKm = (programme: 'pitch-over' | 'kick') => {
      let best = 0;
      for (let k = 0; k < 89.5; k += 1) {
        const f = flyInterceptor(model, ic.vehicle, {
          ...deveselu,
          azimuthRad: 90 * DEG,
          kickAngleDeg: k,
          programme,
        });
        const up = altitudeCrossings(f.trajectory!, 100_000).find((c) => c.direction > 0);
        if (up === undefined) continue;
        const g = geodeticAt(f.trajectory!, up.timeS);
        const d = inverseGeodesic(
          deveselu.latRad,
          deveselu.lonRad,
          g.latDeg * DEG,
          g.lonDeg * DEG,
          model,
        );
        best = Math.max(best, d.distanceM / 1000);
      }
      return best;
    };
    const kick = reachKm('kick');
    const pitchOver = reachKm('pitch-over');
    // Measured: about 90 and 310 km (calc).
    expect(kick).toBeLessThan(100);
    expect(pitchOver).toBeGreaterThan(250);
  }, 60_000);
});

describe('built-in interceptors', () => {
  it('gbi-2stage (7.0 km/s, est) and gbi-3stage (7.5 km/s, est), with sources', () => {
    const two = getCatalogInterceptor('gbi-2stage');
    const three = getCatalogInterceptor('GBI-3stage');
    expect(Math.abs(two.burnoutSpeedMps - 7000)).toBeLessThan(oneMetrePerSecondMps);
    expect(Math.abs(three.burnoutSpeedMps - 7500)).toBeLessThan(oneMetrePerSecondMps);
    expect(two.vehicle.stages).toHaveLength(2);
    expect(three.vehicle.stages).toHaveLength(3);
    for (const d of catalogInterceptors()) {
      expect(d.sources.length).toBeGreaterThanOrEqual(3);
      expect(d.vehicle.notional).toBe(true);
      expect(d.notes).toMatch(/est/);
    }
    // The GBI's EKV intercepts above the sensible atmosphere (the catalog's SM-3 and THAAD lower).
    expect(two.killVehicle.minAltitudeM).toBe(100_000);
    expect(three.killVehicle.minAltitudeM).toBe(100_000);
    expect(two.sources.join(' ')).toMatch(/5\.4 km\/s/);
    expect(two.sources.join(' ')).toMatch(/7\.7-8\.3 km\/s/);
  });

  it('an unknown id is E_CATALOG_UNKNOWN with the closest id', () => {
    expect(codeOf(() => getCatalogInterceptor('gbi-2stag'))).toBe(errorCodes.catalogUnknown);
    expect(messageOf(() => getCatalogInterceptor('gbi-2stag'))).toMatch(
      /did you mean 'gbi-2stage'/,
    );
  });
});
