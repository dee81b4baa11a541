/** The flyout fan: times and velocities to Earth-fixed points, against direct flyouts. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { directGeodesic } from '../src/earth/geodesic.js';
import { earthPresets } from '../src/earth/model.js';
import { getBuiltinInterceptor } from '../src/engage/builtin-interceptors.js';
import {
  buildFlyoutFan,
  describeFlyoutFan,
  type FlyoutFan,
  flyoutTo,
  measureFlyoutFanError,
} from '../src/engage/flyout.js';
import { flyInterceptor, parametricInterceptor } from '../src/engage/interceptor.js';
import type { InterceptorDefinition } from '../src/engage/types.js';
import { errorCodes, OpenBmdError } from '../src/errors.js';
import { altitudeCrossings } from '../src/flight/trajectory.js';

const model = earthPresets.wgs84;
const DEG = Math.PI / 180;
/** Redzikowo, the 2008 site (PRIMER section 5). */
const site = { latRad: 54.473 * DEG, lonRad: 17.123 * DEG };
/** The target of the interpolation error (the brief): under 2 s over the reachable region. */
const targetErrorS = 2;

let slow: InterceptorDefinition;
let fan: FlyoutFan;
let fastFan: FlyoutFan;

beforeAll(() => {
  slow = getBuiltinInterceptor('gbi-2stage');
  fan = buildFlyoutFan(model, slow, site.latRad, site.lonRad);
  const fast = parametricInterceptor(
    {
      id: 'gbi-2stage-fast',
      name: 'faster',
      burnoutSpeedMps: 8000,
      burnTimeS: 140,
      stageCount: 2,
      killVehicle: slow.killVehicle,
      sources: ['test'],
      notes: '',
    },
    model,
  );
  fastFan = buildFlyoutFan(model, fast, site.latRad, site.lonRad, { errorSampleCount: 0 });
});

/** The Earth-fixed point at a ground range and azimuth from the site. */
const pointAt = (rangeM: number, azimuthRad: number) =>
  directGeodesic(site.latRad, site.lonRad, azimuthRad, rangeM, model);

describe('flyout fan', () => {
  it('states its interpolation error, measured at build time, below the target', () => {
    const e = fan.error!;
    expect(e.samples).toBeGreaterThanOrEqual(190);
    expect(e.maxTimeErrorS).toBeLessThan(targetErrorS);
    expect(e.rmsTimeErrorS).toBeLessThan(0.5);
    expect(e.maxVelocityErrorMps).toBeLessThan(250);
    expect(e.missedSamples).toBeLessThan(0.05 * e.samples);
    expect(describeFlyoutFan(fan).error).toBe(e);
    // Measured again on its own, with a different number of points.
    const again = measureFlyoutFanError(fan, model, slow, 60);
    expect(again.maxTimeErrorS).toBeLessThan(targetErrorS);
  });

  it('straight above the site at 200 km: the vertical flyout time to 200 km, moving up', () => {
    const out = new Float64Array(4);
    expect(flyoutTo(fan, site.latRad, site.lonRad, 200_000, out)).toBe(true);
    const vertical = flyInterceptor(model, slow.vehicle, {
      ...site,
      azimuthRad: 0,
      kickAngleDeg: 0,
    });
    const t200 = altitudeCrossings(vertical.trajectory!, 200_000)[0]!.timeS;
    expect(Math.abs(out[0]! - t200)).toBeLessThan(fan.error!.maxTimeErrorS + 0.1);
    expect(out[3]!).toBeGreaterThan(1000);
    expect(Math.hypot(out[1]!, out[2]!)).toBeLessThan(0.05 * out[3]!);
  });

  it('further away at the same altitude takes longer, and the velocity points away', () => {
    const out = new Float64Array(4);
    for (const azimuthRad of [0, 90 * DEG, 200 * DEG, 300 * DEG]) {
      let previous = 0;
      for (const rangeKm of [200, 500, 1000, 2000, 3000]) {
        const p = pointAt(rangeKm * 1000, azimuthRad);
        expect(flyoutTo(fan, p.latRad, p.lonRad, 300_000, out)).toBe(true);
        expect(out[0]!).toBeGreaterThan(previous);
        previous = out[0]!;
        // East-north components along the azimuth from the site (within a few degrees).
        const heading = Math.atan2(out[1]!, out[2]!);
        const off = Math.abs(
          Math.atan2(Math.sin(heading - p.azimuth2Rad), Math.cos(heading - p.azimuth2Rad)),
        );
        expect(off).toBeLessThan(10 * DEG);
      }
    }
  });

  it('a faster interceptor reaches every point no later (property)', () => {
    const out = new Float64Array(4);
    const outFast = new Float64Array(4);
    const tolS = fan.error!.maxTimeErrorS + 2;
    let reached = 0;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 5500e3, noNaN: true }),
        fc.double({ min: 100e3, max: 1900e3, noNaN: true }),
        (azimuthRad, rangeM, altitudeM) => {
          const p = pointAt(rangeM, azimuthRad);
          if (!flyoutTo(fan, p.latRad, p.lonRad, altitudeM, out)) return;
          reached++;
          expect(flyoutTo(fastFan, p.latRad, p.lonRad, altitudeM, outFast)).toBe(true);
          expect(outFast[0]!).toBeLessThanOrEqual(out[0]! + tolS);
        },
      ),
      { numRuns: 300, seed: 20_080_708 },
    );
    expect(reached).toBeGreaterThan(100);
  });

  it('unreachable points return false and leave out untouched', () => {
    const out = new Float64Array([-1, -1, -1, -1]);
    const antipode = pointAt(19_000e3, 45 * DEG);
    expect(flyoutTo(fan, antipode.latRad, antipode.lonRad, 300e3, out)).toBe(false);
    const far = pointAt(9000e3, 90 * DEG);
    expect(flyoutTo(fan, far.latRad, far.lonRad, 300e3, out)).toBe(false);
    expect(flyoutTo(fan, site.latRad, site.lonRad, 5000e3, out)).toBe(false);
    expect(flyoutTo(fan, site.latRad, site.lonRad, -1, out)).toBe(false);
    // Below the flattest flyout, far out: not reached on an ascending leg.
    const low = pointAt(4000e3, 0);
    expect(flyoutTo(fan, low.latRad, low.lonRad, 20e3, out)).toBe(false);
    expect([...out]).toEqual([-1, -1, -1, -1]);
  });

  it('a shorter time limit shrinks the fan', () => {
    const short = buildFlyoutFan(model, slow, site.latRad, site.lonRad, {
      maxFlightTimeS: 300,
      azimuthCount: 8,
      shapeCount: 12,
      errorSampleCount: 0,
    });
    const out = new Float64Array(4);
    const p = pointAt(2000e3, 90 * DEG);
    expect(flyoutTo(fan, p.latRad, p.lonRad, 500e3, out)).toBe(true);
    expect(out[0]!).toBeGreaterThan(300);
    expect(flyoutTo(short, p.latRad, p.lonRad, 500e3, out)).toBe(false);
  });

  it('rejects bad options', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof OpenBmdError ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(() => buildFlyoutFan(model, slow, 0, 0, { azimuthCount: 2 }))).toBe(
      errorCodes.invalidInput,
    );
    expect(code(() => buildFlyoutFan(model, slow, 2, 0))).toBe(errorCodes.outOfRange);
  });
});
