/**
 * Aiming: the launch azimuth, steering and thrust cut-off that put a missile's payload on a
 * target, on the full model (rotation included: never corrected afterwards).
 *
 * - minimum energy: the steering that maximises range (maxRangeSteering) with the burn cut short
 *   so the payload falls at the target's range, i.e. the lowest-energy burnout state this
 *   missile's steering law reaches the target with;
 * - lofted or depressed to a given apogee or flight time: the steering's loft parameter (Forden
 *   law: the final thrust elevation; gravity turn: the kick angle, smaller is steeper) is moved
 *   away from the maximum-range value, and the cut-off re-solved for range, until the apogee or
 *   flight time matches.
 * The azimuth is corrected by the azimuth error of the impact seen from the launch point until the
 * miss distance (geodesic, impact to target) is below the requested one.
 */
import { inverseGeodesic } from '../earth/geodesic.js';
import type { EarthModel } from '../earth/model.js';
import { errorCodes, OpenBmdError } from '../errors.js';
import type { SteeringLaw } from '../flight/missile.js';
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
   * nearby azimuths): skips the maximum-range search, which is most of an aim's cost.
   */
  readonly rangeOptimalSteering?: SteeringLaw;
}

export interface AimResult {
  /** The aimed flight (recorded, default integration settings). */
  readonly flight: MissileFlightResult;
  readonly azimuthRad: number;
  readonly steering: SteeringLaw;
  readonly cutoffAfterLaunchS: number;
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
const loftFamily =
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
  const cutoffLo = Math.min(law0.verticalTimeS + 2, 0.5 * fullS);

  const range = (law: SteeringLaw, cutoff: number | undefined): number => {
    trials++;
    return trialRangeM(model, { ...base, azimuthRad: azimuth }, law, cutoff).rangeM;
  };

  /** Cut-off that puts the impact at the target's range for this steering, or null. */
  const solveCutoff = (law: SteeringLaw, fullRangeM?: number): number | null => {
    const rFull = fullRangeM ?? range(law, undefined);
    if (rFull < targetRangeM) return null;
    const rLo = range(law, cutoffLo);
    if (rLo > targetRangeM) {
      throw new OpenBmdError(
        errorCodes.outOfReach,
        `the target is ${km(targetRangeM)} km away, closer than '${req.missile.id}' flies with this trajectory (${km(rLo)} km even with the thrust cut at ${cutoffLo.toFixed(0)} s)`,
        'to',
      );
    }
    return findRoot(
      (c) => range(law, c) - targetRangeM,
      cutoffLo,
      fullS,
      1e-7,
      0.5,
      80,
      rLo - targetRangeM,
      rFull - targetRangeM,
    );
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

  /** Steering and cut-off for the current azimuth. */
  let trajectoryType: AimResult['trajectoryType'] = 'minimum-energy';
  const solveShape = (): { law: SteeringLaw; cutoff: number } => {
    if (req.shape.kind === 'minimum-energy') {
      const c = solveCutoff(law0);
      if (c === null) {
        throw new OpenBmdError(
          errorCodes.outOfReach,
          'the target is out of reach on this azimuth',
          'to',
        );
      }
      return { law: law0, cutoff: c };
    }
    const flightWith = (law: SteeringLaw, c: number) => {
      trials++;
      return trialRangeM(model, { ...base, azimuthRad: azimuth }, law, c).flight;
    };
    const withLoft = loftFamily(law0);
    const p0 = 0;
    const c0 = solveCutoff(law0);
    if (c0 === null) throw new OpenBmdError(errorCodes.outOfReach, 'target out of reach', 'to');
    const m0 = metricOf(flightWith(law0, c0));
    const lofted = metricTarget > m0;
    trajectoryType = lofted ? 'lofted' : 'depressed';
    const pEnd = lofted ? 1 : -1;
    // The steepest (or flattest) loft at which a full burn still reaches the target.
    const excess = (p: number) => range(withLoft(p), undefined) - targetRangeM;
    const eEnd = excess(pEnd);
    let pLimit =
      eEnd >= 0
        ? pEnd
        : (findRoot(excess, p0, pEnd, 1e-6, 1, 60, best.rangeM - targetRangeM, eEnd) ?? p0);
    // Keep the limit on the side where a full burn still reaches the target.
    for (let k = 0; k < 30 && pLimit !== p0 && excess(pLimit) < 0; k++) {
      pLimit = p0 + (pLimit - p0) * (1 - 1e-4 * 2 ** k);
    }
    const metricAt = (p: number): number => {
      const law = withLoft(p);
      const c = solveCutoff(law);
      return c === null ? Number.NaN : metricOf(flightWith(law, c));
    };
    const mLimit = metricAt(pLimit);
    const reachable = lofted ? metricTarget <= mLimit : metricTarget >= mLimit;
    if (!reachable || !Number.isFinite(mLimit)) {
      const lo = lofted ? m0 : mLimit;
      const hi = lofted ? mLimit : m0;
      throw new OpenBmdError(
        errorCodes.outOfReach,
        `'${req.missile.id}' cannot reach this target with ${metricShow(metricTarget)} ${metricUnit}; it can fly it with ${metricShow(lo)} to ${metricShow(hi)} ${metricUnit}`,
        req.shape.kind === 'apogee' ? 'apogee' : 'flightTime',
      );
    }
    const p = findRoot(
      (x) => metricAt(x) - metricTarget,
      p0,
      pLimit,
      1e-6,
      req.shape.kind === 'apogee' ? 10 : 0.01,
      60,
      m0 - metricTarget,
      mLimit - metricTarget,
    );
    const law = withLoft(p ?? p0);
    const c = solveCutoff(law);
    if (c === null)
      throw new OpenBmdError(errorCodes.noConvergence, 'aiming did not converge', 'to');
    return { law, cutoff: c };
  };

  let solution = solveShape();
  for (let iter = 0; iter < 12; iter++) {
    const { flight } = trialRangeM(
      model,
      { ...base, azimuthRad: azimuth },
      solution.law,
      solution.cutoff,
    );
    trials++;
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
  const flight = flyMissile(
    model,
    launchSpecOf({ ...base, azimuthRad: azimuth }, solution.law, solution.cutoff),
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
    steering: solution.law,
    cutoffAfterLaunchS: solution.cutoff,
    groundRangeM: impactRangeM(model, req.fromLatRad, req.fromLonRad, flight),
    targetRangeM,
    missDistanceM,
    trialFlights: trials,
    trajectoryType,
  };
};
