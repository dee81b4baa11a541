/**
 * Maximum range of a missile: the steering-law parameters that carry the payload furthest along
 * a launch azimuth, every stage burning out, on the full model. Forden law: the pitch rate and the
 * final thrust elevation are searched (Nelder-Mead), the vertical rise is the missile's; gravity
 * turn: the kick angle (golden section).
 */
import { inverseGeodesic } from '../earth/geodesic.js';
import type { EarthModel } from '../earth/model.js';
import { isOpenBmdError } from '../errors.js';
import type { FlightSettings } from '../flight/ballistic.js';
import type { MissileDefinition, SteeringLaw } from '../flight/missile.js';
import { flyMissile, type LaunchSpec, type MissileFlightResult } from '../flight/powered.js';
import { goldenMaximum, nelderMeadMaximum } from '../numeric/search.js';

/** Settings for the many flights of a search: positions to about a metre, much faster. */
export const searchFlightSettings: FlightSettings = { method: 'dop853', rtol: 1e-8, atol: 1e-4 };

export interface MaxRangeRequest {
  readonly missile: MissileDefinition;
  readonly fromLatRad: number;
  readonly fromLonRad: number;
  readonly azimuthRad: number;
  readonly payloadKg?: number;
  readonly launchTimeS?: number;
}

export interface MaxRangeResult {
  readonly maxRangeM: number;
  /** The flight at maximum range (recorded, default settings). */
  readonly flight: MissileFlightResult;
  readonly steering: SteeringLaw;
  /** Number of trial flights the search took. */
  readonly trialFlights: number;
}

/** The launch of a request with a given steering law and optional thrust cut-off. */
export const launchSpecOf = (
  req: MaxRangeRequest,
  steering: SteeringLaw,
  cutoffAfterLaunchS?: number,
): LaunchSpec => ({
  missile: req.missile,
  latRad: req.fromLatRad,
  lonRad: req.fromLonRad,
  azimuthRad: req.azimuthRad,
  ...(req.launchTimeS === undefined ? {} : { launchTimeS: req.launchTimeS }),
  ...(req.payloadKg === undefined ? {} : { payloadKg: req.payloadKg }),
  ...(cutoffAfterLaunchS === undefined ? {} : { cutoffAfterLaunchS }),
  steering,
});

/** Ground range from a launch point to a flight's impact, m (geodesic on the model's surface). */
export const impactRangeM = (
  model: EarthModel,
  fromLatRad: number,
  fromLonRad: number,
  flight: MissileFlightResult,
): number =>
  inverseGeodesic(fromLatRad, fromLonRad, flight.free.impactLatRad, flight.free.impactLonRad, model)
    .distanceM;

/** Ground range from the launch point to impact of a trial flight, m (0 for a failed trial). */
export const trialRangeM = (
  model: EarthModel,
  req: MaxRangeRequest,
  steering: SteeringLaw,
  cutoffAfterLaunchS?: number,
): { rangeM: number; flight: MissileFlightResult | null } => {
  try {
    const flight = flyMissile(model, launchSpecOf(req, steering, cutoffAfterLaunchS), {
      settings: searchFlightSettings,
      record: false,
    });
    if (flight.impactedDuringBoost) return { rangeM: 0, flight };
    return { rangeM: impactRangeM(model, req.fromLatRad, req.fromLonRad, flight), flight };
  } catch (e) {
    if (isOpenBmdError(e) && (e.code === 'E_NO_IMPACT' || e.code === 'E_INTEGRATION_FAILED')) {
      return { rangeM: 0, flight: null };
    }
    throw e;
  }
};

/** Clamps the steering law's searched parameters into their meaningful ranges. */
export const clampSteering = (law: SteeringLaw): SteeringLaw => {
  if (law.law === 'forden') {
    return {
      ...law,
      pitchRateDegPerS: Math.min(10, Math.max(0.02, law.pitchRateDegPerS)),
      finalElevationDeg: Math.min(89, Math.max(0, law.finalElevationDeg)),
    };
  }
  return { ...law, kickAngleDeg: Math.min(89, Math.max(0.01, law.kickAngleDeg)) };
};

/** Steering that maximises range along the request's azimuth. */
export const maxRangeSteering = (
  model: EarthModel,
  req: MaxRangeRequest,
): { steering: SteeringLaw; rangeM: number; trials: number } => {
  const law = req.missile.steering;
  if (law.law === 'forden') {
    const make = (x: readonly number[]): SteeringLaw =>
      clampSteering({ ...law, pitchRateDegPerS: x[0]!, finalElevationDeg: x[1]! });
    const best = nelderMeadMaximum(
      (x) => trialRangeM(model, req, make(x)).rangeM,
      [law.pitchRateDegPerS, law.finalElevationDeg],
      [law.pitchRateDegPerS * 0.2, 5],
      { maxEvaluations: 160, tolF: 10, tolX: 1e-3 },
    );
    return { steering: make(best.x), rangeM: best.value, trials: best.evaluations };
  }
  let trials = 0;
  const best = goldenMaximum(
    (k) => {
      trials++;
      return trialRangeM(model, req, clampSteering({ ...law, kickAngleDeg: k })).rangeM;
    },
    0.1,
    60,
    1e-3,
  );
  return { steering: clampSteering({ ...law, kickAngleDeg: best.x }), rangeM: best.value, trials };
};

/** Maximum range of a missile along an azimuth (every stage burning out). */
export const maxRange = (model: EarthModel, req: MaxRangeRequest): MaxRangeResult => {
  const found = maxRangeSteering(model, req);
  const flight = flyMissile(model, launchSpecOf(req, found.steering));
  return {
    maxRangeM: impactRangeM(model, req.fromLatRad, req.fromLonRad, flight),
    flight,
    steering: found.steering,
    trialFlights: found.trials + 1,
  };
};
