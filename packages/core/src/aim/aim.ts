/**
 * Aiming: the launch azimuth, steering and thrust cut-off that put a missile's payload on a
 * target, on the full model (rotation included: never corrected afterwards).
 *
 * The steering programmes searched form a one-parameter "loft family" through the range-optimal
 * law (maxRangeSteering, p = 0): p > 0 lofts, p < 0 depresses. For each p the thrust cut-off is
 * solved so the payload falls at the target's range.
 * - minimum energy: the member of the family that burns the least propellant to reach the
 *   target (the earliest cut-off): the propellant is a non-decreasing function of the cut-off time,
 *   so a bounded 1-D minimisation over p of the solved cut-off (a coarse grid to bracket, then
 *   Brent's method). At the maximum range the family collapses to the range-optimal law;
 * - lofted or depressed to a given apogee or flight time: p is moved away from the minimum-energy
 *   value until the apogee or flight time matches (lofted: higher or longer than the
 *   minimum-energy trajectory to this target; depressed: lower or shorter).
 * The azimuth is corrected by the azimuth error of the impact seen from the launch point until the
 * miss distance (geodesic, impact to target) is below the requested one.
 */
import { inverseGeodesic } from '../earth/geodesic.js';
import type { EarthModel } from '../earth/model.js';
import { errorCodes, OpenBmdError } from '../errors.js';
import { type MissileDefinition, type SteeringLaw, stageMassFlowKgps } from '../flight/missile.js';
import { flyMissile, fullBoostDurationS, type MissileFlightResult } from '../flight/powered.js';
import { findRoot } from '../numeric/search.js';
import {
  clampSteering,
  impactRangeM,
  launchSpecOf,
  type MaxRangeRequest,
  maxRangeSteering,
  trialRangeM,
} from './max-range.js';
import { gridBrentMinimum } from './minimise.js';

export type TrajectoryShape =
  | { readonly kind: 'minimum-energy' }
  | { readonly kind: 'apogee'; readonly apogeeM: number }
  | { readonly kind: 'flight-time'; readonly flightTimeS: number };

export interface AimRequest {
  readonly missile: MaxRangeRequest['missile'];
  readonly fromLatRad: number;
  readonly fromLonRad: number;
  readonly toLatRad: number;
  readonly toLonRad: number;
  readonly shape: TrajectoryShape;
  readonly payloadKg?: number;
  readonly launchTimeS?: number;
  /** Largest acceptable miss distance, m (default 1,000 m). */
  readonly missDistanceM?: number;
  /**
   * The range-optimal steering to start from, when already known (many aims of one missile on
   * nearby azimuths; an earlier aim's `rangeOptimalSteering`): skips the maximum-range search.
   */
  readonly rangeOptimalSteering?: SteeringLaw;
}

export interface AimResult {
  /** The aimed flight (recorded, default integration settings). */
  readonly flight: MissileFlightResult;
  readonly azimuthRad: number;
  /** The steering flown (a member of the loft family). */
  readonly steering: SteeringLaw;
  /** The range-optimal steering on the first azimuth tried (p = 0; reusable by later aims). */
  readonly rangeOptimalSteering: SteeringLaw;
  /** Loft parameter p of the steering flown: 0 range-optimal, > 0 lofted, < 0 depressed. */
  readonly loftParameter: number;
  readonly cutoffAfterLaunchS: number;
  /** Propellant burnt up to the cut-off, kg. */
  readonly propellantBurnedKg: number;
  /** Ground range from the launch point to the impact, m. */
  readonly groundRangeM: number;
  /** Ground range from the launch point to the target, m. */
  readonly targetRangeM: number;
  /** Distance from the impact to the target on the surface, m. */
  readonly missDistanceM: number;
  readonly trialFlights: number;
  /**
   * The kind of trajectory flown: minimum-energy, or lofted (higher apogee or longer flight than
   * the minimum-energy one to this target) or depressed (lower, shorter).
   */
  readonly trajectoryType: 'minimum-energy' | 'lofted' | 'depressed';
}

/** Propellant a missile burns from launch to a thrust cut-off (every stage: null), kg. */
export const propellantBurnedKg = (
  missile: MissileDefinition,
  cutoffAfterLaunchS: number | null,
): number => {
  let t = 0;
  let burned = 0;
  for (const stage of missile.stages) {
    const end = cutoffAfterLaunchS ?? Number.POSITIVE_INFINITY;
    const burnS = Math.min(stage.burnTimeS, Math.max(0, end - t));
    burned += burnS >= stage.burnTimeS ? stage.propellantMassKg : stageMassFlowKgps(stage) * burnS;
    t += stage.burnTimeS + (stage.coastAfterS ?? 0);
  }
  return burned;
};

/** Distance from a flight's impact to the request's target on the model's surface, m. */
const missToTargetM = (model: EarthModel, req: AimRequest, flight: MissileFlightResult): number =>
  inverseGeodesic(
    flight.free.impactLatRad,
    flight.free.impactLonRad,
    req.toLatRad,
    req.toLonRad,
    model,
  ).distanceM;

const wrapPi = (x: number): number => Math.atan2(Math.sin(x), Math.cos(x));

/**
 * A one-parameter family of steering laws through the range-optimal one (p = 0): p in (0, 1]
 * lofts (a slower pitch-over towards a steeper final elevation), p in [-1, 0) depresses (a faster
 * pitch-over towards a flatter one). Apogee and flight time grow with p.
 */
export const loftFamily =
  (base: SteeringLaw) =>
  (p: number): SteeringLaw => {
    if (base.law === 'forden') {
      const rate = base.pitchRateDegPerS;
      const fin = base.finalElevationDeg;
      return clampSteering(
        p >= 0
          ? {
              ...base,
              pitchRateDegPerS: rate * (1 - 0.97 * p),
              finalElevationDeg: fin + (88 - fin) * p,
            }
          : { ...base, pitchRateDegPerS: rate * (1 - 2 * p), finalElevationDeg: fin * (1 + p) },
      );
    }
    const kick = base.kickAngleDeg;
    return clampSteering({
      ...base,
      kickAngleDeg: p >= 0 ? kick * (1 - 0.99 * p) : kick + (60 - kick) * -p,
    });
  };

/** Coarse grid of the loft parameter that brackets the minimum-energy member of the family. */
const LOFT_GRID: readonly number[] = [-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1];
/** Evaluation order of the grid: outwards from p = 0, so each cut-off solve starts near the last. */
const LOFT_GRID_ORDER: readonly number[] = [4, 5, 6, 7, 8, 3, 2, 1, 0];
/** Tolerance of the minimum-energy loft parameter (about 1e-3 of the family's span). */
const LOFT_TOL = 1e-3;
/** Range tolerance of the cut-off solves, m. */
const RANGE_TOL_M = 0.5;

/** How one steering law reaches the target's range by its cut-off. */
type CutoffSolution =
  | { readonly kind: 'ok'; readonly cutoffS: number }
  /** Even a full burn falls short (its range). */
  | { readonly kind: 'short'; readonly fullRangeM: number }
  /** Even the earliest cut-off tried flies past the target (its range). */
  | { readonly kind: 'close'; readonly earliestRangeM: number };

const km = (m: number): string => (m / 1000).toFixed(0);

/**
 * Aims a missile at a target. Throws E_OUT_OF_REACH when the target is beyond the missile's
 * range (or closer than it can be flown), or the requested apogee or flight time cannot be flown
 * to that range; E_NO_CONVERGENCE if the miss distance cannot be brought under the request.
 */
export const aimMissile = (model: EarthModel, req: AimRequest): AimResult => {
  const tolM = req.missDistanceM ?? 1000;
  const target = inverseGeodesic(req.fromLatRad, req.fromLonRad, req.toLatRad, req.toLonRad, model);
  const targetRangeM = target.distanceM;
  if (targetRangeM < 1000) {
    throw new OpenBmdError(
      errorCodes.outOfReach,
      `the target is ${targetRangeM.toFixed(0)} m from the launch point; a ballistic missile cannot be aimed there`,
      'to',
    );
  }
  let trials = 0;
  let azimuth = target.azimuth1Rad;
  const base: MaxRangeRequest = {
    missile: req.missile,
    fromLatRad: req.fromLatRad,
    fromLonRad: req.fromLonRad,
    azimuthRad: azimuth,
    ...(req.payloadKg === undefined ? {} : { payloadKg: req.payloadKg }),
    ...(req.launchTimeS === undefined ? {} : { launchTimeS: req.launchTimeS }),
  };
  const best =
    req.rangeOptimalSteering === undefined
      ? maxRangeSteering(model, base)
      : {
          steering: req.rangeOptimalSteering,
          rangeM: trialRangeM(model, base, req.rangeOptimalSteering).rangeM,
          trials: 1,
        };
  trials += best.trials;
  const payloadKg = req.payloadKg ?? req.missile.payload.massKg;
  if (best.rangeM < targetRangeM) {
    throw new OpenBmdError(
      errorCodes.outOfReach,
      `the target is ${km(targetRangeM)} km away, beyond the ${km(best.rangeM)} km maximum range of '${req.missile.id}' with a ${payloadKg} kg payload on this azimuth`,
      'to',
    );
  }
  const fullS = fullBoostDurationS(req.missile);
  const law0 = best.steering;
  const withLoft = loftFamily(law0);
  const cutoffLo = Math.min(law0.verticalTimeS + 2, 0.5 * fullS);

  /** Trial flight on the current azimuth (a cut-off at the full boost is a full burn). */
  const trial = (law: SteeringLaw, cutoff: number | undefined) => {
    trials++;
    return trialRangeM(
      model,
      { ...base, azimuthRad: azimuth },
      law,
      cutoff === undefined || cutoff >= fullS ? undefined : cutoff,
    );
  };
  const range = (law: SteeringLaw, cutoff: number | undefined): number => trial(law, cutoff).rangeM;

  /** Slope of range against cut-off near the last root found, m/s (a first step's scale). */
  let slopeMps = Number.NaN;
  /**
   * Cut-off that puts the impact at the target's range for this steering: a bracket grown from a
   * guess (a neighbouring solution) or from the full burn, then Illinois regula falsi.
   */
  const solveCutoff = (law: SteeringLaw, guessS?: number): CutoffSolution => {
    let x = guessS === undefined ? fullS : Math.min(fullS, Math.max(cutoffLo, guessS));
    let fx = range(law, x) - targetRangeM;
    if (x >= fullS && fx < 0) return { kind: 'short', fullRangeM: fx + targetRangeM };
    if (Math.abs(fx) <= RANGE_TOL_M) return { kind: 'ok', cutoffS: x };
    const dir = fx < 0 ? 1 : -1;
    let step = Number.isFinite(slopeMps) ? (1.3 * Math.abs(fx)) / slopeMps + 0.05 : 2;
    for (;;) {
      const y = Math.min(fullS, Math.max(cutoffLo, x + dir * step));
      const fy = range(law, y) - targetRangeM;
      if (fy >= 0 !== fx >= 0) {
        const [a, fa, b, fb] = x < y ? [x, fx, y, fy] : [y, fy, x, fx];
        const root = findRoot(
          (c) => range(law, c) - targetRangeM,
          a,
          b,
          1e-7,
          RANGE_TOL_M,
          80,
          fa,
          fb,
        );
        if (root === null) break;
        if (b > a) slopeMps = Math.max(1, (fb - fa) / (b - a));
        return { kind: 'ok', cutoffS: root };
      }
      if (y >= fullS) return { kind: 'short', fullRangeM: fy + targetRangeM };
      if (y <= cutoffLo) return { kind: 'close', earliestRangeM: fy + targetRangeM };
      if (Number.isFinite(slopeMps) && fy !== fx) {
        // Secant extrapolation to the root, with a margin; at least double the step.
        step = Math.max(2 * step, (1.3 * Math.abs(fy) * Math.abs(y - x)) / Math.abs(fy - fx));
      } else {
        step *= 2;
      }
      x = y;
      fx = fy;
    }
    throw new OpenBmdError(errorCodes.noConvergence, 'aiming did not converge', 'to');
  };

  /** A cut-off solution as an error (a target that this steering cannot be aimed at). */
  const unreachable = (s: Exclude<CutoffSolution, { kind: 'ok' }>): OpenBmdError =>
    s.kind === 'close'
      ? new OpenBmdError(
          errorCodes.outOfReach,
          `the target is ${km(targetRangeM)} km away, closer than '${req.missile.id}' flies with this trajectory (${km(s.earliestRangeM)} km even with the thrust cut at ${cutoffLo.toFixed(0)} s)`,
          'to',
        )
      : new OpenBmdError(
          errorCodes.outOfReach,
          `the target is ${km(targetRangeM)} km away, beyond the ${km(s.fullRangeM)} km that '${req.missile.id}' flies on the launch azimuth corrected for the Earth's rotation (${((azimuth * 180) / Math.PI).toFixed(2)} deg)`,
          'to',
        );

  /**
   * The minimum-energy member of the family on the current azimuth: the loft parameter with the
   * earliest cut-off. Outside the family's reach the objective goes on rising continuously (past
   * the full burn by the shortfall in range), so the bracket and Brent's steps stay well posed.
   */
  const minimumEnergyLoft = (): { p: number; cutoffS: number } => {
    const solved = new Map<number, CutoffSolution>();
    const guessNear = (p: number): number | undefined => {
      let guess: number | undefined;
      let dist = Number.POSITIVE_INFINITY;
      for (const [q, s] of solved) {
        if (Math.abs(q - p) < dist) {
          dist = Math.abs(q - p);
          guess = s.kind === 'ok' ? s.cutoffS : s.kind === 'short' ? fullS : cutoffLo;
        }
      }
      return guess;
    };
    const cost = (p: number): number => {
      const s = solveCutoff(withLoft(p), guessNear(p));
      solved.set(p, s);
      if (s.kind === 'ok') return s.cutoffS;
      if (s.kind === 'short') return fullS * (1 + (targetRangeM - s.fullRangeM) / targetRangeM);
      return cutoffLo * Math.sqrt(targetRangeM / s.earliestRangeM);
    };
    const found = gridBrentMinimum(cost, LOFT_GRID, LOFT_TOL, { order: LOFT_GRID_ORDER });
    const s = solved.get(found.x) ?? solveCutoff(withLoft(found.x));
    if (s.kind !== 'ok') throw unreachable(s);
    return { p: found.x, cutoffS: s.cutoffS };
  };

  const metricOf = (flight: MissileFlightResult | null): number => {
    if (flight === null) return Number.NaN;
    return req.shape.kind === 'apogee' ? flight.free.apogeeAltitudeM : flight.free.flightTimeS;
  };
  const metricTarget =
    req.shape.kind === 'apogee'
      ? req.shape.apogeeM
      : req.shape.kind === 'flight-time'
        ? req.shape.flightTimeS
        : Number.NaN;
  const metricUnit = req.shape.kind === 'apogee' ? 'km apogee' : 's flight time';
  const metricShow = (v: number) => (req.shape.kind === 'apogee' ? km(v) : v.toFixed(0));

  /**
   * The minimum-energy loft: found on the first azimuth and kept through the azimuth corrections
   * (a change of azimuth moves the optimum by far less than its tolerance), unless the target is
   * out of its reach on a corrected azimuth, where it is searched again.
   */
  let pMinimumEnergy: number | null = null;
  let lastCutoffS: number | undefined;
  const minimumEnergyHere = (): { p: number; cutoff: number } => {
    if (pMinimumEnergy !== null) {
      const s = solveCutoff(withLoft(pMinimumEnergy), lastCutoffS);
      if (s.kind === 'ok') {
        lastCutoffS = s.cutoffS;
        return { p: pMinimumEnergy, cutoff: s.cutoffS };
      }
    }
    const me = minimumEnergyLoft();
    pMinimumEnergy = me.p;
    lastCutoffS = me.cutoffS;
    return { p: me.p, cutoff: me.cutoffS };
  };
  let trajectoryType: AimResult['trajectoryType'] = 'minimum-energy';
  /** Loft parameter and cut-off for the current azimuth. */
  const solveShape = (): { p: number; cutoff: number } => {
    const star = minimumEnergyHere();
    if (req.shape.kind === 'minimum-energy') return star;
    const pStar = star.p;
    const cutoffAt = (p: number): number | null => {
      const s = solveCutoff(withLoft(p), lastCutoffS);
      if (s.kind !== 'ok') return null;
      lastCutoffS = s.cutoffS;
      return s.cutoffS;
    };
    const metricAt = (p: number): number => {
      const c = cutoffAt(p);
      return c === null ? Number.NaN : metricOf(trial(withLoft(p), c).flight);
    };
    const mStar = metricOf(trial(withLoft(pStar), star.cutoff).flight);
    if (!Number.isFinite(mStar)) {
      throw new OpenBmdError(errorCodes.noConvergence, 'aiming did not converge', 'to');
    }
    const lofted = metricTarget > mStar;
    trajectoryType = lofted ? 'lofted' : 'depressed';
    const pEnd = lofted ? 1 : -1;
    // The steepest (or flattest) loft at which a full burn still reaches the target.
    const excess = (p: number) => range(withLoft(p), undefined) - targetRangeM;
    const eEnd = excess(pEnd);
    let pLimit =
      eEnd >= 0 ? pEnd : (findRoot(excess, pStar, pEnd, 1e-6, 1, 60, undefined, eEnd) ?? pStar);
    // Keep the limit on the side where a full burn still reaches the target.
    for (let k = 0; k < 30 && pLimit !== pStar && excess(pLimit) < 0; k++) {
      pLimit = pStar + (pLimit - pStar) * (1 - 1e-4 * 2 ** k);
    }
    const mLimit = metricAt(pLimit);
    const reachable = lofted ? metricTarget <= mLimit : metricTarget >= mLimit;
    if (!reachable || !Number.isFinite(mLimit)) {
      throw new OpenBmdError(
        errorCodes.outOfReach,
        `'${req.missile.id}' cannot reach this target with ${metricShow(metricTarget)} ${metricUnit}; ${lofted ? 'lofted, it can fly it with up to' : 'depressed, it can fly it with down to'} ${Number.isFinite(mLimit) ? metricShow(mLimit) : metricShow(mStar)} ${metricUnit} (minimum energy: ${metricShow(mStar)} ${metricUnit})`,
        req.shape.kind === 'apogee' ? 'apogee' : 'flightTime',
      );
    }
    const p =
      findRoot(
        (x) => metricAt(x) - metricTarget,
        pStar,
        pLimit,
        1e-6,
        req.shape.kind === 'apogee' ? 10 : 0.01,
        60,
        mStar - metricTarget,
        mLimit - metricTarget,
      ) ?? pStar;
    const s = solveCutoff(withLoft(p), lastCutoffS);
    if (s.kind !== 'ok') {
      throw new OpenBmdError(errorCodes.noConvergence, 'aiming did not converge', 'to');
    }
    lastCutoffS = s.cutoffS;
    return { p, cutoff: s.cutoffS };
  };

  let solution = solveShape();
  for (let iter = 0; iter < 12; iter++) {
    const { flight } = trial(withLoft(solution.p), solution.cutoff);
    if (flight === null) break;
    const toImpact = inverseGeodesic(
      req.fromLatRad,
      req.fromLonRad,
      flight.free.impactLatRad,
      flight.free.impactLonRad,
      model,
    );
    const miss = missToTargetM(model, req, flight);
    if (miss < Math.min(tolM / 10, 10)) break;
    azimuth = wrapPi(azimuth + wrapPi(target.azimuth1Rad - toImpact.azimuth1Rad));
    solution = solveShape();
  }
  const steering = withLoft(solution.p);
  const cutoff = solution.cutoff >= fullS ? undefined : solution.cutoff;
  const flight = flyMissile(
    model,
    launchSpecOf({ ...base, azimuthRad: azimuth }, steering, cutoff),
  );
  trials++;
  const missDistanceM = missToTargetM(model, req, flight);
  if (!(missDistanceM <= tolM)) {
    throw new OpenBmdError(
      errorCodes.noConvergence,
      `aiming left a miss distance of ${missDistanceM.toFixed(0)} m, more than the ${tolM} m asked for`,
      'missDistanceM',
    );
  }
  return {
    flight,
    azimuthRad: azimuth,
    steering,
    rangeOptimalSteering: law0,
    loftParameter: solution.p,
    cutoffAfterLaunchS: solution.cutoff,
    propellantBurnedKg: propellantBurnedKg(req.missile, cutoff ?? null),
    groundRangeM: impactRangeM(model, req.fromLatRad, req.fromLonRad, flight),
    targetRangeM,
    missDistanceM,
    trialFlights: trials,
    trajectoryType,
  };
};
