/**
 * Engagement analysis: geometry cases with known answers, the reasons, monotonicity where physics
 * says so, and the sensitivities.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { aimMissile } from '../src/aim/aim.js';
import {
  getCatalogInterceptor,
  getCatalogMissile,
  getCatalogSite,
} from '../src/catalog/catalog.js';
import { earthPresets } from '../src/earth/model.js';
import {
  answerClaim,
  burnoutSpeedSearch,
  commitTimeS,
  createFanCache,
  type EngagementInputs,
  engageOnce,
  interceptGeometry,
  interceptorAtSpeed,
  MAX_SPEED_SEARCH_FANS,
  maxCommitDelayS,
  minBurnoutSpeedMps,
  searchLowestOnGrid,
} from '../src/engage/engagement.js';
import { buildFlyoutFan, type FlyoutFan } from '../src/engage/flyout.js';
import type { Engagement, InterceptorSite } from '../src/engage/types.js';
import { findEvent, geodeticAt, type Trajectory } from '../src/flight/trajectory.js';
import { sensorTimeline } from '../src/sensors/timeline.js';
import type { GroundRadar } from '../src/sensors/types.js';

const model = earthPresets.wgs84;
const DEG = Math.PI / 180;
const redzikowo = { latRad: 54.473 * DEG, lonRad: 17.123 * DEG };
const gbi = getCatalogInterceptor('gbi-2stage');

const radarAt = (id: string, latRad: number, lonRad: number): GroundRadar => ({
  kind: 'radar',
  id,
  latRad,
  lonRad,
  altitudeM: 0,
  faces: [
    {
      boresightAzimuthRad: 0,
      azimuthHalfWidthRad: Math.PI,
      minElevationRad: 0,
      maxElevationRad: Math.PI / 2,
    },
  ],
  minElevationRad: 0,
  maxRangeM: 6_000_000,
  detectionRangeM: 5_000_000,
  referenceRcsM2: 1,
  trackInitiationDelayS: 5,
  fireControl: true,
});

const siteAt = (
  latRad: number,
  lonRad: number,
  over: Partial<InterceptorSite> = {},
): InterceptorSite => ({
  id: 'site',
  latRad,
  lonRad,
  interceptor: gbi,
  inventory: 10,
  launchDelayS: 30,
  commit: { requiredSensorIds: ['local'], requireFireControl: true },
  killAssessmentS: 60,
  ...over,
});

const fly = (missileId: string, from: [number, number], to: [number, number]): Trajectory =>
  aimMissile(model, {
    missile: getCatalogMissile(missileId),
    fromLatRad: from[0] * DEG,
    fromLonRad: from[1] * DEG,
    toLatRad: to[0] * DEG,
    toLonRad: to[1] * DEG,
    shape: { kind: 'minimum-energy' },
  }).flight.trajectory!;

let fanPoland: FlyoutFan;
let kozelskRedzikowo: Trajectory;
let kozelskWashington: Trajectory;

const inputs = (
  traj: Trajectory,
  site: InterceptorSite,
  fan: FlyoutFan,
  radar = radarAt('local', site.latRad, site.lonRad),
): EngagementInputs => ({
  site,
  threatId: 't',
  trajectory: traj,
  timelines: [sensorTimeline(radar, 't', traj, 1)],
  fan,
});

beforeAll(() => {
  fanPoland = buildFlyoutFan(model, gbi, redzikowo.latRad, redzikowo.lonRad);
  kozelskRedzikowo = fly('ss-19', [54.03, 35.77], [54.473, 17.123]);
  kozelskWashington = fly('ss-19', [54.03, 35.77], [38.9, -77.04]);
}, 120_000);

describe('geometry cases with known answers', () => {
  it('an interceptor co-located with the target: engageable head-on, down to the kill vehicle floor', () => {
    const site = siteAt(redzikowo.latRad, redzikowo.lonRad);
    const e = engageOnce(inputs(kozelskRedzikowo, site, fanPoland));
    expect(e.engageable).toBe(true);
    expect(e.firstIntercept!.geometry).toBe('head-on');
    expect(e.lastIntercept!.geometry).toBe('head-on');
    // The window closes when the warhead falls through the kill vehicle's floor.
    expect(e.lastIntercept!.altitudeKm).toBeCloseTo(gbi.killVehicle.minAltitudeM / 1000, 0);
    // No launch before commit + launch delay.
    const commit = commitTimeS(site, inputs(kozelskRedzikowo, site, fanPoland).timelines);
    expect(e.firstIntercept!.launchTimeS).toBeGreaterThanOrEqual(commit + site.launchDelayS - 0.02);
    // Closing speed of a head-on intercept exceeds the threat's own speed.
    expect(e.firstIntercept!.closingSpeedMps).toBeGreaterThan(6000);
  });

  it('a threat passing over the site: the window contains the overhead pass', () => {
    const apogee = findEvent(kozelskWashington, 'apogee')!;
    const under = geodeticAt(kozelskWashington, apogee.timeS);
    const site = siteAt(under.latDeg * DEG, under.lonDeg * DEG);
    const fan = buildFlyoutFan(model, gbi, site.latRad, site.lonRad);
    const e = engageOnce(inputs(kozelskWashington, site, fan));
    expect(e.engageable).toBe(true);
    expect(e.window!.firstInterceptS).toBeLessThanOrEqual(apogee.timeS);
    expect(e.window!.lastInterceptS).toBeGreaterThanOrEqual(apogee.timeS);
  }, 60_000);

  it('geometry classes by the angle between the velocities', () => {
    expect(interceptGeometry(170 * DEG)).toBe('head-on');
    expect(interceptGeometry(120 * DEG)).toBe('head-on');
    expect(interceptGeometry(90 * DEG)).toBe('crossing');
    expect(interceptGeometry(60 * DEG)).toBe('crossing');
    expect(interceptGeometry(30 * DEG)).toBe('tail-chase');
  });
});

describe('reasons', () => {
  it('out-of-reach: a site on the other side of the world', () => {
    const site = siteAt(-33 * DEG, 151 * DEG);
    const fan = buildFlyoutFan(model, gbi, site.latRad, site.lonRad, { errorSampleCount: 0 });
    const e = engageOnce(
      inputs(kozelskWashington, site, fan, radarAt('local', 54 * DEG, 30 * DEG)),
    );
    expect(e.reason).toBe('out-of-reach');
    expect(e.window).toBeNull();
  }, 60_000);

  it('not-tracked-in-time: the commit rule needs a radar that never sees the threat', () => {
    const site = siteAt(redzikowo.latRad, redzikowo.lonRad);
    const e = engageOnce(
      inputs(kozelskRedzikowo, site, fanPoland, radarAt('local', -33 * DEG, 151 * DEG)),
    );
    expect(e.reason).toBe('not-tracked-in-time');
  });

  it('below-floor: a short-range missile under the kill vehicle floor', () => {
    const scud = fly('scud-b', [53, 19.5], [54.473, 17.123]);
    const e = engageOnce(inputs(scud, siteAt(redzikowo.latRad, redzikowo.lonRad), fanPoland));
    expect(e.reason).toBe('below-floor');
  });
});

describe('monotone where physics says so (property tests)', () => {
  const within = (
    inner: { firstInterceptS: number; lastInterceptS: number } | null,
    outer: typeof inner,
  ) =>
    inner === null ||
    (outer !== null &&
      inner.firstInterceptS >= outer.firstInterceptS - 0.05 &&
      inner.lastInterceptS <= outer.lastInterceptS + 0.05);

  it('a faster interceptor never shrinks the window', () => {
    const cache = createFanCache(model);
    const speeds = [4400, 5200, 6000, 6800, 7600, 8400];
    const windowAt = (traj: Trajectory, v: number) => {
      const interceptor = interceptorAtSpeed(gbi, v, model);
      const site = siteAt(redzikowo.latRad, redzikowo.lonRad, { interceptor });
      return engageOnce(inputs(traj, site, cache.fanFor(site, interceptor))).window;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: speeds.length - 2 }),
        fc.integer({ min: 1, max: speeds.length - 1 }),
        fc.boolean(),
        (i, k, whichThreat) => {
          const traj = whichThreat ? kozelskWashington : kozelskRedzikowo;
          const slow = speeds[i]!;
          const fast = speeds[Math.min(speeds.length - 1, i + k)]!;
          return within(windowAt(traj, slow), windowAt(traj, fast));
        },
      ),
      { numRuns: 12, seed: 4 },
    );
  }, 120_000);

  it('a longer launch delay never widens the window', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.boolean(),
        (a, b, whichThreat) => {
          const traj = whichThreat ? kozelskWashington : kozelskRedzikowo;
          const [short, long] = a < b ? [a, b] : [b, a];
          const at = (launchDelayS: number) =>
            engageOnce(
              inputs(traj, siteAt(redzikowo.latRad, redzikowo.lonRad, { launchDelayS }), fanPoland),
            ).window;
          return within(at(long), at(short));
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });

  it('the maximum commit delay is where the window closes', () => {
    const maxDelay = maxCommitDelayS(
      inputs(kozelskWashington, siteAt(redzikowo.latRad, redzikowo.lonRad), fanPoland),
    )!;
    expect(maxDelay).toBeGreaterThan(30);
    const just = (d: number) =>
      engageOnce(
        inputs(
          kozelskWashington,
          siteAt(redzikowo.latRad, redzikowo.lonRad, { launchDelayS: d }),
          fanPoland,
        ),
      ).engageable;
    expect(just(maxDelay - 1)).toBe(true);
    expect(just(maxDelay + 1)).toBe(false);
  });
});

describe('minimum burnout speed', () => {
  it('engageable at the minimum speed found and not 100 m/s below it', () => {
    const site = siteAt(redzikowo.latRad, redzikowo.lonRad);
    const cache = createFanCache(model);
    const inp = inputs(kozelskWashington, site, fanPoland);
    const v = minBurnoutSpeedMps(inp, model, cache)!;
    expect(v).toBeGreaterThan(2000);
    const at = (speed: number) => {
      const interceptor = interceptorAtSpeed(gbi, speed, model);
      const s = { ...site, interceptor };
      return engageOnce({ ...inp, site: s, fan: cache.fanFor(s, interceptor) }).engageable;
    };
    expect(at(v)).toBe(true);
    expect(at(v - 100)).toBe(false);
  }, 120_000);
});

/**
 * The search for the lowest engaging speed does not assume that engageability grows with the
 * speed (a faster template vehicle is a different vehicle flying other flyouts; under the
 * gravity-turn kick the SM-3's windows closed again at higher speeds): grids with constructed
 * answers.
 */
describe('searchLowestOnGrid', () => {
  const counting = (holds: (i: number) => boolean) => {
    const calls: number[] = [];
    return {
      calls,
      holds: (i: number) => {
        calls.push(i);
        return holds(i);
      },
    };
  };

  it('finds the lowest index where a window opens, though it closes again above', () => {
    // 1.0-11.0 km/s on the 100 m/s grid: engageable at 3.3-4.6 km/s and 6.1 km/s and up, as a
    // bisection from the fastest speed would never see.
    const p = counting((i) => (i >= 23 && i <= 36) || i >= 51);
    const r = searchLowestOnGrid(101, p.holds, MAX_SPEED_SEARCH_FANS);
    expect(r.lowest).toBe(23);
    expect(r.failsAbove).not.toBeNull();
    expect(r.failsAbove!).toBeGreaterThan(36);
    expect(r.failsAbove!).toBeLessThan(51);
    expect(new Set(p.calls).size).toBeLessThanOrEqual(MAX_SPEED_SEARCH_FANS);
    expect(r.tried.map(([i]) => i)).toEqual([...new Set(p.calls)].sort((x, y) => x - y));
  });

  it('a window only the fastest speeds close', () => {
    const p = counting((i) => i >= 7 && i <= 90);
    const r = searchLowestOnGrid(101, p.holds, MAX_SPEED_SEARCH_FANS);
    expect(r).toMatchObject({ lowest: 7, failsAbove: 100 });
    expect(new Set(p.calls).size).toBeLessThanOrEqual(MAX_SPEED_SEARCH_FANS);
  });

  it("a narrow window around the interceptor's own speed is found through it", () => {
    const own = 20;
    const holds = (i: number) => i >= 18 && i <= 21;
    expect(searchLowestOnGrid(101, holds, MAX_SPEED_SEARCH_FANS).lowest).toBeNull();
    expect(searchLowestOnGrid(101, holds, MAX_SPEED_SEARCH_FANS, own).lowest).toBe(18);
  });

  it('monotone answers, all grid sizes and budgets: the exact lowest index (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 130 }),
        fc.integer({ min: 4, max: 14 }),
        (count, threshold, budget) => {
          const p = counting((i) => i >= threshold);
          const r = searchLowestOnGrid(count, p.holds, budget);
          expect(r.lowest).toBe(threshold < count ? threshold : null);
          expect(r.failsAbove).toBeNull();
          // The budget, or a bisection of the whole grid if it cannot afford more.
          const whole = 2 + Math.ceil(Math.log2(Math.max(1, count - 1)));
          expect(new Set(p.calls).size).toBeLessThanOrEqual(Math.max(budget, whole));
        },
      ),
      { numRuns: 200, seed: 11 },
    );
  });
});

/**
 * Aegis Ashore at Deveselu against a Sejjil-2 aimed at Bucharest, 140 km away (catalog places):
 * under the gravity-turn kick the SM-3 IB reached only about 50 km from its site at 100 km
 * altitude and could not engage it (docs/scenario.md); its pitch-over flyouts reach far enough.
 */
describe('Deveselu SM-3 IB against a Sejjil-2 from Tabriz to Bucharest', () => {
  const place = (id: string) => {
    const s = getCatalogSite(id);
    return [s.latDeg, s.lonDeg] as [number, number];
  };
  const sm3 = getCatalogInterceptor('sm-3-ib');
  const deveselu = place('deveselu');
  let traj: Trajectory;
  let fan: FlyoutFan;
  beforeAll(() => {
    traj = aimMissile(model, {
      missile: getCatalogMissile('sejjil-2'),
      fromLatRad: place('tabriz')[0] * DEG,
      fromLonRad: place('tabriz')[1] * DEG,
      toLatRad: place('bucharest')[0] * DEG,
      toLonRad: place('bucharest')[1] * DEG,
      shape: { kind: 'minimum-energy' },
    }).flight.trajectory!;
    fan = buildFlyoutFan(model, sm3, deveselu[0] * DEG, deveselu[1] * DEG);
  }, 120_000);

  it('engages it in the kill vehicle band, with a minimum speed below its own', () => {
    const site = siteAt(deveselu[0] * DEG, deveselu[1] * DEG, {
      interceptor: sm3,
      launchDelayS: 10,
      killAssessmentS: 30,
    });
    const inp = inputs(traj, site, fan);
    const e = engageOnce(inp);
    expect(e.engageable).toBe(true);
    for (const p of [e.firstIntercept!, e.lastIntercept!]) {
      expect(p.altitudeKm).toBeGreaterThanOrEqual(sm3.killVehicle.minAltitudeM / 1000 - 0.5);
      expect(p.altitudeKm).toBeLessThanOrEqual(sm3.killVehicle.maxAltitudeM / 1000);
    }
    // The search builds at most MAX_SPEED_SEARCH_FANS fans, and its answer holds.
    const inner = createFanCache(model);
    const built = new Set<FlyoutFan>();
    const cache = {
      fanFor: (...a: Parameters<typeof inner.fanFor>) => {
        const f = inner.fanFor(...a);
        built.add(f);
        return f;
      },
    };
    const search = burnoutSpeedSearch(inp, model, cache);
    expect(built.size).toBeLessThanOrEqual(MAX_SPEED_SEARCH_FANS);
    expect(search.minBurnoutSpeedMps).not.toBeNull();
    expect(search.minBurnoutSpeedMps!).toBeLessThanOrEqual(3000);
    expect(search.tried.find((t) => t.speedMps === 3000)?.engageable).toBe(true);
  }, 120_000);
});

describe('claims', () => {
  const site = siteAt(redzikowo.latRad, redzikowo.lonRad, { launchDelayS: 30 });
  const engagement = (over: Partial<Engagement>): Engagement => ({
    siteId: 'site',
    threatId: 't',
    engageable: false,
    reason: 'too-slow',
    window: null,
    firstIntercept: null,
    lastIntercept: null,
    shotOpportunities: 0,
    minBurnoutSpeedMps: null,
    maxCommitDelayS: null,
    ...over,
  });
  const claim = (decidingParameter: 'burnout-speed' | 'commit-delay') => ({
    id: 'c',
    text: 'site engages t',
    siteId: 'site',
    threatId: 't',
    decidingParameter,
    parameterPath:
      decidingParameter === 'burnout-speed'
        ? 'interceptors[0].burnoutSpeedMps'
        : 'interceptorSites[0].launchDelayS',
  });

  it('burnout speed: margin in km/s from the minimum speed, holding above it', () => {
    const r = answerClaim(
      claim('burnout-speed'),
      site,
      engagement({ engageable: true, reason: null, minBurnoutSpeedMps: 6500 }),
    );
    expect(r.holds).toBe(true);
    expect(r.margin!.unit).toBe('km/s');
    expect(r.margin!.value).toBeCloseTo((gbi.burnoutSpeedMps - 6500) / 1000, 9);
    expect(r.threshold).toEqual({
      parameter: 'interceptors[0].burnoutSpeedMps',
      value: 6.5,
      unit: 'km/s',
      holdsAbove: true,
    });
  });

  it('commit delay: margin in s from the maximum delay, holding below it; no threshold when none works', () => {
    const r = answerClaim(claim('commit-delay'), site, engagement({ maxCommitDelayS: 12 }));
    expect(r.margin).toEqual({ value: -18, unit: 's' });
    expect(r.threshold).toEqual({
      parameter: 'interceptorSites[0].launchDelayS',
      value: 12,
      unit: 's',
      holdsAbove: false,
    });
    const never = answerClaim(claim('burnout-speed'), site, engagement({}));
    expect(never.threshold).toBeNull();
    expect(never.margin).toBeNull();
  });
});
