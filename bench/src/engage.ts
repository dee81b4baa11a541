/**
 * Benchmark "engage": the flagship scenario's interceptor site (scenarios/europe-2008.yaml)
 * against 1,000 minimum-energy threats to Washington launched from a grid of points covering Iran
 * and western Russia. Trajectories, sensor set-up and the flyout fan are computed before the timer;
 * the timed work is, per threat, every sensor's timeline and the site's engagement analysis
 * (window, intercept points, shot opportunities; the sensitivity searches are not timed here).
 */
import { readFileSync } from 'node:fs';
import {
  aimMissile,
  buildFlyoutFan,
  earthPresets,
  engageOnce,
  type FlyoutFan,
  getCatalogMissile,
  type InterceptorSite,
  isOpenBmdError,
  maxRangeSteering,
  parseScenario,
  type ResolvedScenario,
  resolveScenario,
  type SteeringLaw,
  sensorTimeline,
  type Trajectory,
} from '@openbmd/core';

export const ENGAGE_THREATS = 1000;
const DEG = Math.PI / 180;
const WASHINGTON = { latRad: 38.9 * DEG, lonRad: -77.04 * DEG };
const THREAT_RCS_M2 = 0.1;

/** A launch point of the grid and the missile fired from it. */
export interface GridPoint {
  readonly missileId: string;
  readonly latDeg: number;
  readonly lonDeg: number;
}

/**
 * Candidate launch points, interleaved Iran / western Russia so any prefix covers both: Iran
 * 30-38 N, 45-56 E (the notional Iranian ICBM); western Russia 50-60 N, 30-50 E (SS-27).
 */
export const engageGrid = (count: number): GridPoint[] => {
  const iran: GridPoint[] = [];
  const russia: GridPoint[] = [];
  for (let i = 0; i < 30; i++) {
    for (let j = 0; j < 30; j++) {
      iran.push({
        missileId: 'iran-icbm-notional',
        latDeg: 30 + (8 * i) / 29,
        lonDeg: 45 + (11 * j) / 29,
      });
      russia.push({ missileId: 'ss-27', latDeg: 50 + (10 * i) / 29, lonDeg: 30 + (20 * j) / 29 });
    }
  }
  // A deterministic shuffle (golden-ratio stride) so a prefix spreads over each box.
  const pick = (pts: GridPoint[], k: number) =>
    pts[Math.floor((k * 0.6180339887 * pts.length) % pts.length)]!;
  const out: GridPoint[] = [];
  for (let k = 0; out.length < count; k++) {
    out.push(pick(iran, k), pick(russia, k));
  }
  return out.slice(0, count);
};

export const flagshipPath = (): URL => new URL('../../scenarios/europe-2008.yaml', import.meta.url);

export const loadFlagship = (): ResolvedScenario => {
  const path = flagshipPath();
  const text = readFileSync(path, 'utf8');
  return resolveScenario(parseScenario(text, 'europe-2008.yaml'), 'europe-2008.yaml');
};

/** Range-optimal steering per missile, found once (aiming then skips the search). */
const steeringCache = new Map<string, SteeringLaw>();
const steeringFor = (missileId: string): SteeringLaw => {
  let s = steeringCache.get(missileId);
  if (s === undefined) {
    s = maxRangeSteering(earthPresets.wgs84, {
      missile: getCatalogMissile(missileId),
      fromLatRad: 45 * DEG,
      fromLonRad: 45 * DEG,
      azimuthRad: -30 * DEG,
    }).steering;
    steeringCache.set(missileId, s);
  }
  return s;
};

/** Aims the threat from a grid point; null when Washington is out of its reach. */
export const flyGridThreat = (scenario: ResolvedScenario, p: GridPoint): Trajectory | null => {
  try {
    return aimMissile(scenario.model, {
      missile: getCatalogMissile(p.missileId),
      fromLatRad: p.latDeg * DEG,
      fromLonRad: p.lonDeg * DEG,
      toLatRad: WASHINGTON.latRad,
      toLonRad: WASHINGTON.lonRad,
      shape: { kind: 'minimum-energy' },
      rangeOptimalSteering: steeringFor(p.missileId),
    }).flight.trajectory;
  } catch (e) {
    if (isOpenBmdError(e) && (e.code === 'E_OUT_OF_REACH' || e.code === 'E_NO_CONVERGENCE'))
      return null;
    throw e;
  }
};

export interface EngageWorkload {
  readonly scenario: ResolvedScenario;
  readonly site: InterceptorSite;
  readonly fan: FlyoutFan;
}

export const prepareEngageWorkload = (): EngageWorkload => {
  const scenario = loadFlagship();
  const site = scenario.interceptorSites[0]!;
  const fan = buildFlyoutFan(scenario.model, site.interceptor, site.latRad, site.lonRad);
  return { scenario, site, fan };
};

/** The timed work for some threats: every sensor's timeline, then the engagement. */
export const runEngagements = (w: EngageWorkload, trajectories: readonly Trajectory[]): number => {
  let engageable = 0;
  trajectories.forEach((traj, i) => {
    const id = `grid-${i}`;
    const timelines = w.scenario.sensors.map((s) => sensorTimeline(s, id, traj, THREAT_RCS_M2));
    const e = engageOnce({ site: w.site, threatId: id, trajectory: traj, timelines, fan: w.fan });
    if (e.engageable) engageable++;
  });
  return engageable;
};
