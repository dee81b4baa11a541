/**
 * Engagement analysis: for an interceptor site and a threat, the intercept window (the times at
 * which an interceptor launched after commit can reach the threat inside its kill vehicle's
 * altitude band), the intercept points and geometry at its ends, the shoot-look-shoot
 * opportunities, and the sensitivities (minimum burnout speed, maximum commit delay).
 *
 * Kinematic model (PRIMER section 5): an intercept at time t at the threat's position p(t) is
 * feasible when p(t) lies in the interceptor's reachable set (the flyout fan: time tau(p) from
 * launch to p), in the kill vehicle's altitude band, and an interceptor launched at or after the
 * earliest launch time (commit + launch delay) arrives by t: t - tau(p(t)) >= tLaunchEarliest.
 * The feasible set is bracketed on the threat trajectory's own integration steps (subdivided to at
 * most 10 s) and its ends refined by bisection to 0.01 s.
 */
import { type AimResult, aimMissile } from '../aim/aim.js';
import { ecefToGeodetic, eciToEcef, enuBasis, geodeticToEcef } from '../earth/frames.js';
import { inverseGeodesic } from '../earth/geodesic.js';
import { describeEarthModel, type EarthModel } from '../earth/model.js';
import { findEvent, stateAt, type Trajectory } from '../flight/trajectory.js';
import { goldenMaximum } from '../numeric/search.js';
import type { ResolvedClaim, ResolvedScenario, ResolvedThreat } from '../scenario/types.js';
import { sensorTimeline } from '../sensors/timeline.js';
import type { SensorTimeline } from '../sensors/types.js';
import { buildFlyoutFan, type FlyoutFan, flyoutTo } from './flyout.js';
import { parametricInterceptor, parametricSpeedLimitsMps } from './interceptor.js';
import type {
  Engagement,
  EngagementReason,
  InterceptGeometry,
  InterceptorDefinition,
  InterceptorSite,
  InterceptPoint,
} from './types.js';

const RAD_TO_DEG = 180 / Math.PI;
/** Largest spacing of the bracketing samples, s. */
const MAX_SAMPLE_SPACING_S = 10;
/** Window ends are refined to this, s. */
const TIME_TOLERANCE_S = 0.01;

/** The threat's position and velocity at a time, in the forms the engagement needs. */
interface ThreatSample {
  latRad: number;
  lonRad: number;
  altitudeM: number;
}

/** What one candidate intercept time gives: reach, band, and the interceptor's launch time. */
interface Candidate {
  reachable: boolean;
  inBand: boolean;
  belowFloor: boolean;
  /** Interceptor launch time for an intercept at this time (t - tau), s; NaN if unreachable. */
  launchS: number;
}

/** Evaluates intercept candidates for one interceptor and one threat trajectory. */
interface CandidateProbe {
  /** Fills out for an intercept at tS; the threat's sub-point goes to `sample`. */
  at(tS: number, out: Candidate): Candidate;
  readonly sample: ThreatSample;
  /** Interceptor Earth-relative velocity (ENU at the point) of the last reachable `at` call. */
  interceptorVelocityEnu(): [number, number, number];
}

const makeProbe = (
  traj: Trajectory,
  fan: FlyoutFan,
  interceptor: InterceptorDefinition,
): CandidateProbe => {
  const s = new Float64Array(6);
  const e = new Float64Array(3);
  const g = new Float64Array(3);
  const reach = new Float64Array(4);
  const sample: ThreatSample = { latRad: 0, lonRad: 0, altitudeM: 0 };
  const model = traj.model;
  const kv = interceptor.killVehicle;
  return {
    sample,
    at(tS: number, out: Candidate): Candidate {
      stateAt(traj, tS, s);
      eciToEcef(s, null, tS, model, e, null);
      ecefToGeodetic(e[0]!, e[1]!, e[2]!, model, g);
      sample.latRad = g[0]!;
      sample.lonRad = g[1]!;
      sample.altitudeM = g[2]!;
      out.inBand = sample.altitudeM >= kv.minAltitudeM && sample.altitudeM <= kv.maxAltitudeM;
      out.belowFloor = sample.altitudeM < kv.minAltitudeM;
      out.reachable = flyoutTo(fan, sample.latRad, sample.lonRad, sample.altitudeM, reach);
      out.launchS = out.reachable ? tS - reach[0]! : Number.NaN;
      return out;
    },
    interceptorVelocityEnu: () => [reach[1]!, reach[2]!, reach[3]!],
  };
};

/** Sample times over [t0, t1]: the trajectory's step boundaries, subdivided to <= 10 s. */
const sampleTimes = (traj: Trajectory, t0: number, t1: number): number[] => {
  const times: number[] = [];
  for (let i = 0; i < traj.stepCount; i++) {
    const a = traj.stepStartS[i]!;
    const b = a + traj.stepLengthS[i]!;
    if (b < t0 || a > t1) continue;
    const lo = Math.max(a, t0);
    const hi = Math.min(b, t1);
    const n = Math.max(1, Math.ceil((hi - lo) / MAX_SAMPLE_SPACING_S));
    for (let k = 0; k < n; k++) times.push(lo + ((hi - lo) * k) / n);
  }
  times.push(t1);
  return times;
};

/**
 * Adds to the samples the peaks of the interceptor's latest launch time t - tau(p(t)) between
 * samples (golden section around each discrete maximum). Near such a peak the feasible set for a
 * late commit can be narrower than the sample spacing; with the peak a sample, it is never missed.
 */
const withLaunchPeaks = (probe: CandidateProbe, times: readonly number[]): number[] => {
  const c: Candidate = { reachable: false, inBand: false, belowFloor: false, launchS: 0 };
  const launch = (t: number) => {
    probe.at(t, c);
    return c.reachable && c.inBand ? c.launchS : Number.NEGATIVE_INFINITY;
  };
  const values = times.map(launch);
  const out = [...times];
  for (let i = 1; i + 1 < times.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v) || v < values[i - 1]! || v < values[i + 1]!) continue;
    out.push(goldenMaximum(launch, times[i - 1]!, times[i + 1]!, TIME_TOLERANCE_S).x);
  }
  return out.sort((x, y) => x - y);
};

/** Refines a boundary of a predicate between a (value pa) and b (value !pa) by bisection. */
const bisectBoundary = (pred: (t: number) => boolean, a: number, b: number): number => {
  const pa = pred(a);
  let lo = a;
  let hi = b;
  while (hi - lo > TIME_TOLERANCE_S) {
    const m = 0.5 * (lo + hi);
    if (pred(m) === pa) lo = m;
    else hi = m;
  }
  // Return the end on the side where the predicate holds.
  return pa ? lo : hi;
};

/** The intervals of [t0, t1] where pred holds, bracketed on the samples and bisected. */
const intervalsWhere = (
  pred: (t: number) => boolean,
  times: readonly number[],
): Array<[number, number]> => {
  const out: Array<[number, number]> = [];
  let inside = false;
  let start = 0;
  let prevT = times[0]!;
  let prev = pred(prevT);
  if (prev) {
    inside = true;
    start = prevT;
  }
  for (let i = 1; i < times.length; i++) {
    const t = times[i]!;
    const cur = pred(t);
    if (cur !== prev) {
      const edge = bisectBoundary(pred, prevT, t);
      if (cur) {
        inside = true;
        start = edge;
      } else if (inside) {
        out.push([start, edge]);
        inside = false;
      }
    }
    prevT = t;
    prev = cur;
  }
  if (inside) out.push([start, prevT]);
  return out;
};

/** Commit time of a site against a threat from the sensor timelines: Infinity if never. */
export const commitTimeS = (
  site: InterceptorSite,
  timelines: readonly SensorTimeline[],
): number => {
  let commit = Number.NEGATIVE_INFINITY;
  let fireControl = Number.POSITIVE_INFINITY;
  for (const id of site.commit.requiredSensorIds) {
    const tl = timelines.find((x) => x.sensorId === id);
    if (tl === undefined || tl.trackS === null) return Number.POSITIVE_INFINITY;
    commit = Math.max(commit, tl.trackS);
    if (tl.fireControlS !== null) fireControl = Math.min(fireControl, tl.fireControlS);
  }
  if (site.commit.requireFireControl) {
    if (!Number.isFinite(fireControl)) {
      // Any fire-control track among all sensors will do when the required ones give none.
      for (const tl of timelines) {
        if (tl.fireControlS !== null) fireControl = Math.min(fireControl, tl.fireControlS);
      }
    }
    if (!Number.isFinite(fireControl)) return Number.POSITIVE_INFINITY;
    commit = Math.max(commit, fireControl);
  }
  return Number.isFinite(commit) ? commit : Number.POSITIVE_INFINITY;
};

/** Angle-based geometry class of an intercept (PRIMER section 5; issue's thresholds). */
export const interceptGeometry = (angleRad: number): InterceptGeometry =>
  angleRad >= HEAD_ON_MIN_RAD
    ? 'head-on'
    : angleRad >= CROSSING_MIN_RAD
      ? 'crossing'
      : 'tail-chase';

const HEAD_ON_MIN_RAD = (120 * Math.PI) / 180;
const CROSSING_MIN_RAD = (60 * Math.PI) / 180;

interface WindowAnalysis {
  readonly feasible: Array<[number, number]>;
  readonly reason: EngagementReason | null;
}

/** The feasible intervals for an earliest launch time, and the reason when there are none. */
const analyseWindow = (
  probe: CandidateProbe,
  times: readonly number[],
  earliestLaunchS: number,
  idealEarliestLaunchS: number,
): WindowAnalysis => {
  const c: Candidate = { reachable: false, inBand: false, belowFloor: false, launchS: 0 };
  const feasibleWith = (launchMin: number) => (t: number) => {
    probe.at(t, c);
    return c.reachable && c.inBand && c.launchS >= launchMin;
  };
  const feasible = Number.isFinite(earliestLaunchS)
    ? intervalsWhere(feasibleWith(earliestLaunchS), times)
    : [];
  if (feasible.length > 0) return { feasible, reason: null };
  let anyReach = false;
  let anyReachInBand = false;
  let anyReachBelow = false;
  for (const t of times) {
    probe.at(t, c);
    if (c.reachable) {
      anyReach = true;
      if (c.inBand) anyReachInBand = true;
      else if (c.belowFloor) anyReachBelow = true;
    }
  }
  if (!anyReach) return { feasible, reason: 'out-of-reach' };
  if (!anyReachInBand) return { feasible, reason: anyReachBelow ? 'below-floor' : 'above-ceiling' };
  const ideal = intervalsWhere(feasibleWith(idealEarliestLaunchS), times);
  return { feasible, reason: ideal.length > 0 ? 'not-tracked-in-time' : 'too-slow' };
};

/** The intercept point, closing speed and geometry for an intercept at time tS. */
const interceptPoint = (probe: CandidateProbe, traj: Trajectory, tS: number): InterceptPoint => {
  const c: Candidate = { reachable: false, inBand: false, belowFloor: false, launchS: 0 };
  probe.at(tS, c);
  const model = traj.model;
  const smp = probe.sample;
  // Threat inertial velocity.
  const s = stateAt(traj, tS, new Float64Array(6));
  const vt = [s[3]!, s[4]!, s[5]!];
  // Interceptor: Earth-relative ENU velocity at the point -> ECEF -> inertial at tS.
  const [ve, vn, vu] = probe.interceptorVelocityEnu();
  const enu = new Float64Array(9);
  enuBasis(smp.latRad, smp.lonRad, model, enu);
  const vEcef = new Float64Array(3);
  for (let i = 0; i < 3; i++) vEcef[i] = ve * enu[i]! + vn * enu[3 + i]! + vu * enu[6 + i]!;
  const pEcef = new Float64Array(3);
  geodeticToEcef(smp.latRad, smp.lonRad, smp.altitudeM, model, pEcef);
  // v_inertial = R(-w t) (v_ecef + w x r_ecef)
  const w = model.rotationRadps;
  const vx = vEcef[0]! - w * pEcef[1]!;
  const vy = vEcef[1]! + w * pEcef[0]!;
  const th = w * tS;
  const vi = [
    Math.cos(th) * vx - Math.sin(th) * vy,
    Math.sin(th) * vx + Math.cos(th) * vy,
    vEcef[2]!,
  ];
  const rel = Math.hypot(vt[0]! - vi[0]!, vt[1]! - vi[1]!, vt[2]! - vi[2]!);
  const dot = vt[0]! * vi[0]! + vt[1]! * vi[1]! + vt[2]! * vi[2]!;
  const nt = Math.hypot(vt[0]!, vt[1]!, vt[2]!);
  const ni = Math.hypot(vi[0]!, vi[1]!, vi[2]!);
  const angle = Math.acos(Math.max(-1, Math.min(1, dot / (nt * ni))));
  return {
    timeS: tS,
    latDeg: smp.latRad * RAD_TO_DEG,
    lonDeg: smp.lonRad * RAD_TO_DEG,
    altitudeKm: smp.altitudeM / 1000,
    launchTimeS: c.launchS,
    closingSpeedMps: rel,
    geometry: interceptGeometry(angle),
  };
};

/**
 * Shoot-look-shoot opportunities: the first shot intercepts at the window's start; each next
 * shot is launched no earlier than the previous intercept plus the kill-assessment time, and must
 * still intercept inside the feasible set. At most the site's inventory.
 */
const shotOpportunities = (
  probe: CandidateProbe,
  times: readonly number[],
  feasible: ReadonlyArray<[number, number]>,
  earliestLaunchS: number,
  site: InterceptorSite,
): number => {
  if (feasible.length === 0) return 0;
  const c: Candidate = { reachable: false, inBand: false, belowFloor: false, launchS: 0 };
  let shots = 1;
  let lastInterceptS = feasible[0]![0];
  const lastFeasibleS = feasible[feasible.length - 1]![1];
  while (shots < site.inventory) {
    const launchMin = Math.max(earliestLaunchS, lastInterceptS + site.killAssessmentS);
    const ok = (t: number) => {
      probe.at(t, c);
      return c.reachable && c.inBand && c.launchS >= launchMin;
    };
    const later = times.filter((t) => t > lastInterceptS && t <= lastFeasibleS);
    const next = intervalsWhere(ok, [lastInterceptS, ...later]);
    const first = next.find(([a]) => a > lastInterceptS);
    if (first === undefined) break;
    shots++;
    lastInterceptS = first[0];
  }
  return shots;
};

/** Everything the engagement of one site against one threat needs. */
export interface EngagementInputs {
  readonly site: InterceptorSite;
  readonly threatId: string;
  readonly trajectory: Trajectory;
  readonly timelines: readonly SensorTimeline[];
  readonly fan: FlyoutFan;
}

/** The intercept window and its details, without the sensitivities. */
export const engageOnce = (inp: EngagementInputs): Engagement => {
  const { site, trajectory: traj } = inp;
  const probe = makeProbe(traj, inp.fan, site.interceptor);
  const commit = commitTimeS(site, inp.timelines);
  const earliest = commit + site.launchDelayS;
  const launchS = findEvent(traj, 'launch')?.timeS ?? traj.startS;
  const times = withLaunchPeaks(probe, sampleTimes(traj, traj.startS, traj.endS));
  const w = analyseWindow(probe, times, earliest, launchS + site.launchDelayS);
  if (w.feasible.length === 0) {
    return {
      siteId: site.id,
      threatId: inp.threatId,
      engageable: false,
      reason: w.reason,
      window: null,
      firstIntercept: null,
      lastIntercept: null,
      shotOpportunities: 0,
      minBurnoutSpeedMps: null,
      maxCommitDelayS: null,
    };
  }
  const first = w.feasible[0]![0];
  const last = w.feasible[w.feasible.length - 1]![1];
  return {
    siteId: site.id,
    threatId: inp.threatId,
    engageable: true,
    reason: null,
    window: { firstInterceptS: first, lastInterceptS: last },
    firstIntercept: interceptPoint(probe, traj, first),
    lastIntercept: interceptPoint(probe, traj, last),
    shotOpportunities: shotOpportunities(probe, times, w.feasible, earliest, site),
    minBurnoutSpeedMps: null,
    maxCommitDelayS: null,
  };
};

/**
 * The largest commit-to-launch delay (the site's launchDelayS) for which the engagement is still
 * possible: the largest (interceptor launch time - commit time) over the reachable, in-band
 * intercept times; null if no delay >= 0 allows it (or the threat is never tracked).
 */
export const maxCommitDelayS = (inp: EngagementInputs): number | null => {
  const { site, trajectory: traj } = inp;
  const commit = commitTimeS(site, inp.timelines);
  if (!Number.isFinite(commit)) return null;
  const probe = makeProbe(traj, inp.fan, site.interceptor);
  const c: Candidate = { reachable: false, inBand: false, belowFloor: false, launchS: 0 };
  const times = sampleTimes(traj, traj.startS, traj.endS);
  let best = Number.NEGATIVE_INFINITY;
  let bestT = Number.NaN;
  for (const t of times) {
    probe.at(t, c);
    if (c.reachable && c.inBand && c.launchS - commit > best) {
      best = c.launchS - commit;
      bestT = t;
    }
  }
  if (!Number.isFinite(best)) return null;
  // Refine the maximum of the slack around the best sample (golden section on +-10 s).
  const slack = (t: number) => {
    probe.at(t, c);
    return c.reachable && c.inBand ? c.launchS - commit : Number.NEGATIVE_INFINITY;
  };
  const peak = goldenMaximum(
    slack,
    Math.max(traj.startS, bestT - MAX_SAMPLE_SPACING_S),
    Math.min(traj.endS, bestT + MAX_SAMPLE_SPACING_S),
    TIME_TOLERANCE_S,
  );
  best = Math.max(best, peak.value);
  return best >= 0 ? best : null;
};

/** Fans by site position and interceptor, shared across threats, variants and the sensitivity search. */
export interface FanCache {
  /**
   * The fan of this interceptor at this site. `checkError` (a site's own interceptor) measures
   * its interpolation error against direct flyouts when it is built; the speed variants of the
   * sensitivity search skip that.
   */
  fanFor(
    site: InterceptorSite,
    interceptor: InterceptorDefinition,
    options?: { readonly checkError?: boolean },
  ): FlyoutFan;
}

/**
 * What a fan depends on: the site's position and the interceptor's vehicle (its stages, payload,
 * kill vehicle's ballistic coefficient and steering) and kill vehicle. The speed variants of the
 * sensitivity search (built without the error check) are shared across interceptors that differ
 * only in their names and notes (SM-3 IA and IB; a variant and its base); a site's own fan also
 * keys on the interceptor's id, which it reports.
 */
const fanKey = (
  site: InterceptorSite,
  interceptor: InterceptorDefinition,
  checkError: boolean,
): string => {
  const v = interceptor.vehicle;
  return JSON.stringify([
    site.latRad,
    site.lonRad,
    checkError ? interceptor.id : null,
    v.stages,
    v.payload,
    v.reentryVehicle,
    v.steering,
    interceptor.killVehicle,
  ]);
};

export const createFanCache = (model: EarthModel): FanCache => {
  const fans = new Map<string, FlyoutFan>();
  return {
    fanFor(site, interceptor, options = {}) {
      const checkError = options.checkError ?? false;
      const k = fanKey(site, interceptor, checkError);
      let fan = fans.get(k);
      if (fan === undefined || (checkError && fan.error === null)) {
        const errorSampleCount = checkError ? 200 : 0;
        fan = buildFlyoutFan(model, interceptor, site.latRad, site.lonRad, { errorSampleCount });
        fans.set(k, fan);
      }
      return fan;
    },
  };
};

/** Spacing of the burnout speeds searched for the minimum, m/s (fans are shared on this grid). */
const SPEED_STEP_MPS = 100;

/** The burn time and stage count that a speed variant of an interceptor keeps. */
const parametricShape = (def: InterceptorDefinition) => ({
  burnTimeS: def.vehicle.stages.reduce((t, s) => t + s.burnTimeS, 0),
  stageCount: Math.min(3, Math.max(1, def.vehicle.stages.length)) as 1 | 2 | 3,
  killVehicle: def.killVehicle,
});

/** The same interceptor scaled to another burnout speed (the parametric form of the debate). */
export const interceptorAtSpeed = (
  def: InterceptorDefinition,
  burnoutSpeedMps: number,
  model: EarthModel,
): InterceptorDefinition =>
  parametricInterceptor(
    {
      id: `${def.id}@${burnoutSpeedMps}`,
      name: `${def.name} at ${burnoutSpeedMps} m/s`,
      burnoutSpeedMps,
      ...parametricShape(def),
      sources: def.sources,
      notes: def.notes,
    },
    model,
  );

/** Most flyout fans one minimum-speed search builds: the coarse scan and the bisection. */
export const MAX_SPEED_SEARCH_FANS = 12;

/** What `searchLowestOnGrid` found. */
export interface GridSearchResult {
  /** The lowest index found at which the predicate holds; null if it holds at none tried. */
  readonly lowest: number | null;
  /** The lowest index tried above `lowest` at which it fails again; null if none. */
  readonly failsAbove: number | null;
  /** Every index tried and the predicate's value there, in increasing index. */
  readonly tried: ReadonlyArray<readonly [number, boolean]>;
}

/**
 * The lowest index of a grid 0..count-1 at which `holds` is true, without assuming that it holds
 * at every index above one where it holds: a coarse scan of evenly spaced indices (the ends
 * included, and `alsoTry` if given), then bisection between the lowest index of the scan where it
 * holds and the scanned index just below it. At most `maxEvaluations` evaluations (the scan is as
 * fine as that allows; a budget too small even for the two ends and a bisection of the whole
 * grid gets those). The result is the lowest index found: exact if the predicate changes at
 * most once between those two scanned indices; an interval where it holds that lies between two
 * scanned indices where it fails is missed.
 */
export const searchLowestOnGrid = (
  count: number,
  holds: (index: number) => boolean,
  maxEvaluations: number,
  alsoTry?: number,
): GridSearchResult => {
  const values = new Map<number, boolean>();
  const at = (i: number): boolean => {
    let v = values.get(i);
    if (v === undefined) {
      v = holds(i);
      values.set(i, v);
    }
    return v;
  };
  const result = (lowest: number | null): GridSearchResult => {
    const tried = [...values.entries()].sort((x, y) => x[0] - y[0]);
    const above = lowest === null ? undefined : tried.find(([i, v]) => i > lowest && !v);
    return { lowest, failsAbove: above?.[0] ?? null, tried };
  };
  if (count <= 0) return result(null);
  const extra = alsoTry !== undefined && alsoTry >= 0 && alsoTry < count ? 1 : 0;
  // The finest scan whose bisection still fits: k points, gaps of at most g grid steps, then
  // ceil(log2 g) bisection steps.
  let k = Math.max(2, Math.min(count, maxEvaluations - extra));
  for (; k > 2; k--) {
    const gap = Math.ceil((count - 1) / (k - 1));
    if (k + extra + (gap > 1 ? Math.ceil(Math.log2(gap)) : 0) <= maxEvaluations) break;
  }
  k = Math.min(k, count);
  const scan = new Set<number>();
  for (let j = 0; j < k; j++) scan.add(k === 1 ? 0 : Math.round((j * (count - 1)) / (k - 1)));
  if (extra === 1) scan.add(alsoTry!);
  const order = [...scan].sort((x, y) => x - y);
  for (const i of order) at(i);
  const first = order.find((i) => values.get(i) === true);
  if (first === undefined) return result(null);
  let lo = -1;
  for (const i of order) if (i < first) lo = i;
  if (lo < 0) return result(first);
  let hi = first;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (at(mid)) hi = mid;
    else lo = mid;
  }
  return result(hi);
};

/**
 * The speed variants built by the searches that share a fan cache (on its model), by what makes
 * them (burn time, stage count, kill vehicle) and speed: the variant of one interceptor serves
 * every interceptor of the same template.
 */
const speedVariants = new WeakMap<FanCache, Map<string, InterceptorDefinition>>();

/** What the minimum-speed search found for one engagement. */
export interface BurnoutSpeedSearch {
  /**
   * The lowest burnout speed found, on a 100 m/s grid, at which the site could engage, m/s; null
   * if it engages at none of the speeds tried.
   */
  readonly minBurnoutSpeedMps: number | null;
  /**
   * The lowest speed tried above the minimum at which the site cannot engage, m/s (the window
   * closes again at higher speeds: a faster template vehicle climbs more steeply); null if it
   * engages at every faster speed tried.
   */
  readonly notEngageableAboveMps: number | null;
  /** The speeds tried and whether the site engages at each, m/s, in increasing speed. */
  readonly tried: ReadonlyArray<{ readonly speedMps: number; readonly engageable: boolean }>;
}

/**
 * The minimum-speed search with its details (see `minBurnoutSpeedMps`): the speeds on a 100 m/s
 * grid spanning what the interceptor's parametric template can reach (within 1-11 km/s), each the
 * same interceptor in its parametric form (same burn time, stage count and kill vehicle) with its
 * own flyout fan (shared through the cache); at most MAX_SPEED_SEARCH_FANS speeds tried: a coarse
 * scan (the ends of the grid and the interceptor's own speed included), then bisection below the
 * lowest speed of the scan at which the site engages (`searchLowestOnGrid`).
 */
export const burnoutSpeedSearch = (
  inp: EngagementInputs,
  model: EarthModel,
  cache: FanCache,
): BurnoutSpeedSearch => {
  const none: BurnoutSpeedSearch = {
    minBurnoutSpeedMps: null,
    notEngageableAboveMps: null,
    tried: [],
  };
  const limits = parametricSpeedLimitsMps(
    { id: inp.site.interceptor.id, ...parametricShape(inp.site.interceptor) },
    model,
  );
  const lo0 = Math.ceil(Math.max(limits.minMps, 1000) / SPEED_STEP_MPS) * SPEED_STEP_MPS;
  const hi0 = Math.floor(Math.min(limits.maxMps, 11_000) / SPEED_STEP_MPS) * SPEED_STEP_MPS;
  if (hi0 < lo0) return none;
  const count = Math.round((hi0 - lo0) / SPEED_STEP_MPS) + 1;
  const speedAt = (i: number) => lo0 + SPEED_STEP_MPS * i;
  const own = Math.round((inp.site.interceptor.burnoutSpeedMps - lo0) / SPEED_STEP_MPS);
  let variants = speedVariants.get(cache);
  if (variants === undefined) {
    variants = new Map();
    speedVariants.set(cache, variants);
  }
  const shapeKey = JSON.stringify(parametricShape(inp.site.interceptor));
  const variantAt = (speedMps: number): InterceptorDefinition => {
    const key = `${shapeKey} ${speedMps}`;
    let v = variants.get(key);
    if (v === undefined) {
      v = interceptorAtSpeed(inp.site.interceptor, speedMps, model);
      variants.set(key, v);
    }
    return v;
  };
  const found = searchLowestOnGrid(
    count,
    (i) => {
      const interceptor = variantAt(speedAt(i));
      const site = { ...inp.site, interceptor };
      const fan = cache.fanFor(site, interceptor);
      return engageOnce({ ...inp, site, fan }).engageable;
    },
    MAX_SPEED_SEARCH_FANS,
    own >= 0 && own < count ? own : undefined,
  );
  return {
    minBurnoutSpeedMps: found.lowest === null ? null : speedAt(found.lowest),
    notEngageableAboveMps: found.failsAbove === null ? null : speedAt(found.failsAbove),
    tried: found.tried.map(([i, engageable]) => ({ speedMps: speedAt(i), engageable })),
  };
};

/**
 * The lowest burnout speed at which the site could engage the threat, m/s, to 100 m/s: the
 * lowest speed that `burnoutSpeedSearch` finds on its grid; null if none of the speeds tried
 * engages. Engageability need not grow with the speed (a faster template vehicle is bigger and
 * flies other flyouts, and a window can close again at higher speeds: `burnoutSpeedSearch` reports
 * where), so the search does not assume it: it scans coarsely, then bisects below the lowest
 * engaging speed of the scan. A window open only between two scanned speeds that both fail is
 * missed.
 */
export const minBurnoutSpeedMps = (
  inp: EngagementInputs,
  model: EarthModel,
  cache: FanCache,
): number | null => burnoutSpeedSearch(inp, model, cache).minBurnoutSpeedMps;

/** A claim answered: holds or not, the margin, and the threshold where the answer flips. */
export interface ClaimResult {
  readonly id: string;
  readonly text: string;
  readonly holds: boolean;
  /** How far the scenario is from the threshold (positive: on the side where the claim holds). */
  readonly margin: { readonly value: number; readonly unit: string } | null;
  /**
   * The deciding parameter's value at which the answer flips (its scenario path, the value, its
   * unit written out): the claim holds above it (burnout speed) or below it (commit delay);
   * null when no value of the parameter makes the claim hold.
   */
  readonly threshold: {
    readonly parameter: string;
    readonly value: number;
    readonly unit: string;
    readonly holdsAbove: boolean;
  } | null;
}

/**
 * Answers a claim from its engagement (computed with the sensitivities): burnout speed in km/s
 * against the minimum burnout speed, or commit-to-launch delay in s against the maximum.
 */
export const answerClaim = (
  claim: ResolvedClaim,
  site: InterceptorSite,
  engagement: Engagement,
): ClaimResult => {
  const base = { id: claim.id, text: claim.text, holds: engagement.engageable };
  if (claim.decidingParameter === 'burnout-speed') {
    const vMin = engagement.minBurnoutSpeedMps;
    if (vMin === null) return { ...base, margin: null, threshold: null };
    return {
      ...base,
      margin: { value: (site.interceptor.burnoutSpeedMps - vMin) / 1000, unit: 'km/s' },
      threshold: {
        parameter: claim.parameterPath,
        value: vMin / 1000,
        unit: 'km/s',
        holdsAbove: true,
      },
    };
  }
  const dMax = engagement.maxCommitDelayS;
  if (dMax === null) return { ...base, margin: null, threshold: null };
  return {
    ...base,
    margin: { value: dMax - site.launchDelayS, unit: 's' },
    threshold: { parameter: claim.parameterPath, value: dMax, unit: 's', holdsAbove: false },
  };
};

export interface ThreatSummary {
  readonly threatId: string;
  readonly missileId: string;
  readonly launchTimeS: number;
  readonly impactTimeS: number;
  readonly apogeeKm: number;
  readonly groundRangeKm: number;
  readonly burnoutTimeS: number;
}

export interface EngageResult {
  readonly fidelity: string;
  readonly models: ReturnType<typeof describeEarthModel>;
  readonly threats: ThreatSummary[];
  readonly sensors: Array<{
    sensorId: string;
    threatId: string;
    firstDetectionS: number | null;
    trackS: number | null;
    fireControlS: number | null;
    reason: string | null;
  }>;
  readonly engagements: Engagement[];
  /** The scenario's claims answered (thresholds need the sensitivities). */
  readonly claims: ClaimResult[];
  /** The flyout fans' interpolation error, measured against direct flyouts when built. */
  readonly flyoutErrors: Array<{
    siteId: string;
    maxTimeErrorS: number | null;
    rmsTimeErrorS: number | null;
  }>;
  /** Each threat's aimed flight, in the order of the scenario's threats (not in the JSON). */
  readonly aims: readonly AimResult[];
  /** Sensor timelines per threat (threat-major, then the scenario's sensor order). */
  readonly timelines: ReadonlyArray<readonly SensorTimeline[]>;
}

/** Aims a resolved threat at its target on the scenario's model. */
export const aimThreat = (model: EarthModel, t: ResolvedThreat): AimResult =>
  aimMissile(model, {
    missile: t.missile,
    fromLatRad: t.fromLatRad,
    fromLonRad: t.fromLonRad,
    toLatRad: t.toLatRad,
    toLonRad: t.toLonRad,
    shape: t.shape,
    launchTimeS: t.launchTimeS,
    ...(t.payloadKg === undefined ? {} : { payloadKg: t.payloadKg }),
  });

/** Flies a resolved threat to its target (aimed on the scenario's model). */
export const flyThreat = (model: EarthModel, t: ResolvedThreat): Trajectory =>
  aimThreat(model, t).flight.trajectory!;

export interface EngageOptions {
  /** Compute the minimum burnout speed and maximum commit delay (default true). */
  readonly sensitivity?: boolean;
  readonly onProgress?: (done: number, total: number, label: string) => void;
  /** Fans to share with other runs on the same model (variants). */
  readonly fanCache?: FanCache;
  /** How to aim a threat (default `aimThreat`): lets variants share unchanged threats' flights. */
  readonly aim?: (model: EarthModel, t: ResolvedThreat) => AimResult;
}

/** The whole pipeline for a scenario: fly the threats, sense them, engage them. */
export const engageScenario = (
  scenario: ResolvedScenario,
  options: EngageOptions = {},
): EngageResult => {
  const model = scenario.model;
  const progress = options.onProgress ?? (() => {});
  const aim = options.aim ?? aimThreat;
  const sites = scenario.interceptorSites;
  const total = scenario.threats.length * (1 + sites.length) + sites.length;
  let done = 0;
  const step = (label: string) => progress(++done, total, label);

  const aims = scenario.threats.map((t) => {
    const a = aim(model, t);
    step(`fly ${t.id}`);
    return a;
  });
  const trajectories = aims.map((a) => a.flight.trajectory!);
  const timelines = scenario.threats.map((t, i) =>
    scenario.sensors.map((s) => sensorTimeline(s, t.id, trajectories[i]!, t.rcsM2)),
  );
  const cache = options.fanCache ?? createFanCache(model);
  const fans = sites.map((site) => {
    const fan = cache.fanFor(site, site.interceptor, { checkError: true });
    step(`flyout fan ${site.id}`);
    return fan;
  });
  const engagements: Engagement[] = [];
  sites.forEach((site, si) => {
    scenario.threats.forEach((t, ti) => {
      const inp: EngagementInputs = {
        site,
        threatId: t.id,
        trajectory: trajectories[ti]!,
        timelines: timelines[ti]!,
        fan: fans[si]!,
      };
      const e = engageOnce(inp);
      engagements.push(
        options.sensitivity === false
          ? e
          : {
              ...e,
              maxCommitDelayS: maxCommitDelayS(inp),
              minBurnoutSpeedMps: minBurnoutSpeedMps(inp, model, cache),
            },
      );
      step(`engage ${site.id} x ${t.id}`);
    });
  });
  return {
    fidelity: model.name,
    models: describeEarthModel(model),
    threats: scenario.threats.map((t, i) => {
      const traj = trajectories[i]!;
      const impact = findEvent(traj, 'impact')!.timeS;
      const apogee = findEvent(traj, 'apogee');
      const burnouts = traj.events.filter((e) => e.kind === 'burnout');
      return {
        threatId: t.id,
        missileId: t.missile.id,
        launchTimeS: t.launchTimeS,
        impactTimeS: impact,
        apogeeKm: apogee === undefined ? 0 : altitudeAtKm(traj, apogee.timeS),
        groundRangeKm:
          inverseGeodesic(t.fromLatRad, t.fromLonRad, t.toLatRad, t.toLonRad, model).distanceM /
          1000,
        burnoutTimeS: burnouts.at(-1)?.timeS ?? t.launchTimeS,
      };
    }),
    sensors: timelines.flat().map((tl) => ({
      sensorId: tl.sensorId,
      threatId: tl.threatId,
      firstDetectionS: tl.firstDetectionS,
      trackS: tl.trackS,
      fireControlS: tl.fireControlS,
      reason: tl.reason,
    })),
    engagements,
    claims: scenario.claims.map((claim) => {
      const site = sites.find((x) => x.id === claim.siteId)!;
      const engagement = engagements.find(
        (e) => e.siteId === claim.siteId && e.threatId === claim.threatId,
      )!;
      return answerClaim(claim, site, engagement);
    }),
    flyoutErrors: sites.map((site, si) => ({
      siteId: site.id,
      maxTimeErrorS: fans[si]!.error?.maxTimeErrorS ?? null,
      rmsTimeErrorS: fans[si]!.error?.rmsTimeErrorS ?? null,
    })),
    aims,
    timelines,
  };
};

const altitudeAtKm = (traj: Trajectory, tS: number): number => {
  const s = stateAt(traj, tS, new Float64Array(6));
  const e = new Float64Array(3);
  eciToEcef(s, null, tS, traj.model, e, null);
  const g = new Float64Array(3);
  ecefToGeodetic(e[0]!, e[1]!, e[2]!, traj.model, g);
  return g[2]! / 1000;
};
