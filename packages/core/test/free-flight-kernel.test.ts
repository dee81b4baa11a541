/**
 * The free-flight kernel is the general integrator's DOPRI5 scheme specialised for speed: it must
 * give the same flights to rounding, on every model, and fail the same way.
 */
import { describe, expect, it } from 'vitest';
import { earthPresets } from '../src/earth/model.js';
import { flyFree, surfaceRelativeState } from '../src/flight/ballistic.js';
import { createFreeFlightKernel, propagateToImpact } from '../src/flight/free-flight-kernel.js';
import { createTrajectoryRecorder } from '../src/flight/trajectory.js';

const DEG = Math.PI / 180;
const settings = { method: 'dopri5' as const, rtol: 1e-9, atol: 1e-6 };
const oneMillimetreM = 1e-3;

const cases = [
  { name: 'p1 (J2, exponential air, beta 5000)', model: earthPresets.p1, beta: 5000 },
  { name: 'wgs84 (ellipsoid, J2, USSA76, beta 20000)', model: earthPresets.wgs84, beta: 20_000 },
  { name: 'round (no air)', model: earthPresets.round, beta: null },
];

describe.each(cases)('kernel vs integrate(dopri5): $name', ({ model, beta }) => {
  const states = [
    [10, 20, 150_000, 6500, 30, 45],
    [-35, 120, 80_000, 3000, 40, 200],
    [60, -70, 300_000, 7000, 15, 300],
  ] as const;
  it.each(states)('from %d N %d E, %d m, %d m/s, %d deg, az %d', (lat, lon, h, v, fpa, az) => {
    const y0 = surfaceRelativeState(
      model,
      lat * DEG,
      lon * DEG,
      h,
      v,
      fpa * DEG,
      az * DEG,
      0,
      new Float64Array(6),
    );
    const general = flyFree(model, y0, 0, {
      ballisticCoefficientKgM2: beta,
      settings,
      record: false,
    });
    const kernel = createFreeFlightKernel(model, beta);
    propagateToImpact(kernel, 0, y0, settings.rtol, settings.atol, 6 * 3600);
    expect(Math.abs(kernel.impactTimeS - general.impactTimeS)).toBeLessThan(1e-6);
    const d = Math.hypot(
      kernel.impactState[0]! - general.impactState[0]!,
      kernel.impactState[1]! - general.impactState[1]!,
      kernel.impactState[2]! - general.impactState[2]!,
    );
    expect(d).toBeLessThan(oneMillimetreM);
    expect(Math.abs(kernel.apogeeAltitudeM - general.apogeeAltitudeM)).toBeLessThan(oneMillimetreM);
    expect(Math.abs(kernel.apogeeTimeS - general.apogeeTimeS)).toBeLessThan(1e-6);
  });
});

describe('free-flight kernel', () => {
  it('records a dense trajectory and finds reentry like flyFree', () => {
    const model = earthPresets.wgs84;
    const y0 = surfaceRelativeState(
      model,
      0.5,
      0.5,
      200_000,
      6000,
      25 * DEG,
      1,
      0,
      new Float64Array(6),
    );
    const recorder = createTrajectoryRecorder('dopri5');
    const kernel = createFreeFlightKernel(model, 10_000);
    propagateToImpact(kernel, 0, y0, settings.rtol, settings.atol, 6 * 3600, recorder);
    expect(recorder.count).toBe(kernel.steps - kernel.rejectedSteps);
    const general = flyFree(model, y0, 0, { ballisticCoefficientKgM2: 10_000, settings });
    const reentry = general.trajectory!.events.find((e) => e.kind === 'reentry')!;
    expect(Math.abs(kernel.reentryTimeS - reentry.timeS)).toBeLessThan(1e-6);
  });

  it('E_NO_IMPACT for an orbit', () => {
    const model = earthPresets['round-still'];
    const circular = Math.sqrt(model.gmM3S2 / (model.radiusM + 400_000));
    const y0 = surfaceRelativeState(
      model,
      0,
      0,
      400_000,
      circular,
      0,
      Math.PI / 2,
      0,
      new Float64Array(6),
    );
    const kernel = createFreeFlightKernel(model, null);
    expect(() => propagateToImpact(kernel, 0, y0, 1e-9, 1e-6, 20_000)).toThrow(
      expect.objectContaining({ code: 'E_NO_IMPACT' }),
    );
  });

  it('allocates nothing per flight: the kernel is reused and its results overwritten', () => {
    const model = earthPresets.p1;
    const kernel = createFreeFlightKernel(model, 5000);
    const a = surfaceRelativeState(model, 0, 0, 150_000, 5000, 30 * DEG, 0, 0, new Float64Array(6));
    const b = surfaceRelativeState(model, 0, 0, 150_000, 3000, 30 * DEG, 0, 0, new Float64Array(6));
    propagateToImpact(kernel, 0, a, 1e-7, 1e-3, 20_000);
    const tA = kernel.impactTimeS;
    const state = kernel.impactState;
    propagateToImpact(kernel, 0, b, 1e-7, 1e-3, 20_000);
    expect(kernel.impactTimeS).toBeLessThan(tA);
    expect(kernel.impactState).toBe(state);
  });
});
