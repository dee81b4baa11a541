/**
 * Free (unpowered) flight: gravity and, when a ballistic coefficient is given and the model has
 * air, drag a_d = -rho |v_rel| v_rel / (2 beta), v_rel = v - w x r (the atmosphere turns with the
 * Earth), beta = m / (Cd A) in kg/m^2 (Allen & Eggers, NACA Report 1381, 1958).
 */
import {
  altitudeAboveSurfaceM,
  ecefToEci,
  ecefToGeodetic,
  eciToEcef,
  enuBasis,
  geodeticToEcef,
} from '../earth/frames.js';
import { gravityJ2Mps2, j2TermM2 } from '../earth/gravity.js';
import type { EarthModel } from '../earth/model.js';
import { errorCodes, OpenBmdError } from '../errors.js';
import {
  createRkWorkspace,
  type EventSpec,
  integrate,
  type RhsFunction,
  type RkMethodName,
  type RkWorkspace,
} from '../integrate/rk.js';
import { airDensityKgM3, altitudeOfStateM, verticalSpeedMps } from './forces.js';
import {
  createTrajectoryRecorder,
  FLIGHT_STATE_SIZE,
  finishTrajectory,
  type PhaseInterval,
  type Trajectory,
  type TrajectoryEvent,
  truncateRecorder,
} from './trajectory.js';

/** Altitude at which a descending object is said to reenter (start of the terminal phase), m. */
export const REENTRY_ALTITUDE_M = 100_000;

/** Integration settings of a flight. */
export interface FlightSettings {
  readonly method: RkMethodName;
  readonly rtol: number;
  readonly atol: number;
}

/** Default settings: DOP853 at rtol 1e-10 (positions to well under a metre). */
export const defaultFlightSettings: FlightSettings = { method: 'dop853', rtol: 1e-10, atol: 1e-6 };

/** Rejects drag on an airless model: a ballistic coefficient there is a conflict, not a no-op. */
export const checkDragAllowed = (
  model: EarthModel,
  ballisticCoefficientKgM2: number | null,
): void => {
  if (ballisticCoefficientKgM2 === null) return;
  if (!model.drag) {
    throw new OpenBmdError(
      errorCodes.modelConflict,
      model.atmosphere === 'none'
        ? `fidelity '${model.name}' has no atmosphere, so a ballistic coefficient cannot be used with it`
        : `fidelity '${model.name}' has drag switched off, so a ballistic coefficient cannot be used with it`,
      'ballisticCoefficientKgM2',
    );
  }
  if (!(ballisticCoefficientKgM2 > 0) || !Number.isFinite(ballisticCoefficientKgM2)) {
    throw new OpenBmdError(
      errorCodes.outOfRange,
      `ballistic coefficient must be a positive number of kg/m^2, got ${ballisticCoefficientKgM2}`,
      'ballisticCoefficientKgM2',
    );
  }
};

/**
 * Acceleration of free flight at an inertial state, m/s^2, written to out[offset..offset + 2].
 * The one implementation of the free-flight forces, used by the general right-hand side and by
 * the free-flight kernel.
 */
export type FreeFlightAcceleration = (
  x: number,
  y: number,
  z: number,
  vx: number,
  vy: number,
  vz: number,
  out: Float64Array,
  offset: number,
) => void;

/**
 * The free-flight acceleration for a model, specialised once per model so the hot loop has no
 * model lookups: gravity through `gravityJ2Mps2` with the model's constants; on a sphere the
 * altitude is |r| - R from gravity's |r| and exponential air is inlined; on the ellipsoid the
 * exact ellipsoidal height and the model's air.
 */
export const makeFreeFlightAcceleration = (
  model: EarthModel,
  ballisticCoefficientKgM2: number | null,
): FreeFlightAcceleration => {
  const w = model.rotationRadps;
  const gm = model.gmM3S2;
  const j2k = j2TermM2(model);
  if (ballisticCoefficientKgM2 === null || !model.drag) {
    return (x, y, z, _vx, _vy, _vz, out, offset) => {
      gravityJ2Mps2(x, y, z, gm, j2k, out, offset);
    };
  }
  const halfOverBeta = 0.5 / ballisticCoefficientKgM2;
  const radiusM = model.radiusM;
  const onSphere = model.shape === 'sphere' || model.flattening === 0;
  if (onSphere && model.atmosphere === 'exponential') {
    const rho0 = model.seaLevelDensityKgM3;
    const invScaleHeight = 1 / model.scaleHeightM;
    return (x, y, z, vx, vy, vz, out, offset) => {
      const r = gravityJ2Mps2(x, y, z, gm, j2k, out, offset);
      const rx = vx + w * y;
      const ry = vy - w * x;
      const k =
        rho0 *
        Math.exp((radiusM - r) * invScaleHeight) *
        Math.sqrt(rx * rx + ry * ry + vz * vz) *
        halfOverBeta;
      out[offset] = out[offset]! - k * rx;
      out[offset + 1] = out[offset + 1]! - k * ry;
      out[offset + 2] = out[offset + 2]! - k * vz;
    };
  }
  return (x, y, z, vx, vy, vz, out, offset) => {
    const r = gravityJ2Mps2(x, y, z, gm, j2k, out, offset);
    const h = onSphere ? r - radiusM : altitudeAboveSurfaceM(x, y, z, model);
    const rx = vx + w * y;
    const ry = vy - w * x;
    const k = airDensityKgM3(model, h) * Math.sqrt(rx * rx + ry * ry + vz * vz) * halfOverBeta;
    out[offset] = out[offset]! - k * rx;
    out[offset + 1] = out[offset + 1]! - k * ry;
    out[offset + 2] = out[offset + 2]! - k * vz;
  };
};

/** The right-hand side of free flight in the inertial frame (state: r, v). */
export const makeFreeFlightRhs = (
  model: EarthModel,
  ballisticCoefficientKgM2: number | null,
): RhsFunction => {
  const acceleration = makeFreeFlightAcceleration(model, ballisticCoefficientKgM2);
  return (_t, y, dydt) => {
    dydt[0] = y[3]!;
    dydt[1] = y[4]!;
    dydt[2] = y[5]!;
    acceleration(y[0]!, y[1]!, y[2]!, y[3]!, y[4]!, y[5]!, dydt, 3);
  };
};

const scratchR = new Float64Array(3);
const scratchV = new Float64Array(3);
const scratchEnu = new Float64Array(9);

export const surfaceRelativeState = (
  model: EarthModel,
  latRad: number,
  lonRad: number,
  altitudeM: number,
  speedMps: number,
  flightPathRad: number,
  azimuthRad: number,
  tS: number,
  out: Float64Array,
): Float64Array => {
  const r = scratchR;
  geodeticToEcef(latRad, lonRad, altitudeM, model, r);
  const enu = scratchEnu;
  enuBasis(latRad, lonRad, model, enu);
  const ve = speedMps * Math.cos(flightPathRad) * Math.sin(azimuthRad);
  const vn = speedMps * Math.cos(flightPathRad) * Math.cos(azimuthRad);
  const vu = speedMps * Math.sin(flightPathRad);
  const v = scratchV;
  for (let i = 0; i < 3; i++) v[i] = ve * enu[i]! + vn * enu[3 + i]! + vu * enu[6 + i]!;
  ecefToEci(r, v, tS, model, r, v);
  for (let i = 0; i < 3; i++) {
    out[i] = r[i]!;
    out[3 + i] = v[i]!;
  }
  return out;
};

/** Geodetic latitude, longitude (rad) and altitude (m) over the turning Earth of an inertial state. */
export const subPointOfState = (
  model: EarthModel,
  y: Float64Array,
  tS: number,
): { latRad: number; lonRad: number; altitudeM: number } => {
  const e = new Float64Array(3);
  eciToEcef(y, null, tS, model, e, null);
  const g = new Float64Array(3);
  ecefToGeodetic(e[0]!, e[1]!, e[2]!, model, g);
  return { latRad: g[0]!, lonRad: g[1]!, altitudeM: g[2]! };
};

export interface FreeFlightResult {
  readonly startS: number;
  readonly impactTimeS: number;
  readonly flightTimeS: number;
  readonly impactLatRad: number;
  readonly impactLonRad: number;
  /** Highest altitude above the surface on the continuous solution, m. */
  readonly apogeeAltitudeM: number;
  readonly apogeeTimeS: number;
  /** Inertial state at impact. */
  readonly impactState: Float64Array;
  readonly trajectory: Trajectory | null;
  readonly rhsEvaluations: number;
}

export interface FreeFlightOptions {
  readonly ballisticCoefficientKgM2?: number | null;
  readonly settings?: FlightSettings;
  /** Record the dense trajectory (default true). */
  readonly record?: boolean;
  /** Give up (E_NO_IMPACT) if no impact within this many seconds (default 6 hours). */
  readonly maxFlightTimeS?: number;
  /** Events already flown (powered flight) to put first in the trajectory's event list. */
  readonly priorEvents?: readonly TrajectoryEvent[];
  readonly priorPhases?: readonly PhaseInterval[];
  /** Launch time if a powered phase preceded this flight (the trajectory starts there). */
  readonly launchTimeS?: number;
  /** Recorder already holding the powered phase. */
  readonly recorder?: ReturnType<typeof createTrajectoryRecorder>;
  /** Reuse a workspace (performance). */
  readonly workspace?: RkWorkspace;
}

const EVENT_IMPACT = 0;
const EVENT_APOGEE = 1;
const EVENT_REENTRY = 2;

/**
 * Flies an unpowered object from inertial state y0 at time t0 to impact on the model's surface
 * (altitude 0), locating apogee and reentry (100 km, descending) on the continuous solution.
 * Throws E_NO_IMPACT for an orbit or escape, E_MODEL_CONFLICT for drag on an airless Earth.
 */
export const flyFree = (
  model: EarthModel,
  y0: ArrayLike<number>,
  t0: number,
  options: FreeFlightOptions = {},
): FreeFlightResult => {
  const beta = options.ballisticCoefficientKgM2 ?? null;
  checkDragAllowed(model, beta);
  const settings = options.settings ?? defaultFlightSettings;
  const record = options.record ?? true;
  const maxT = options.maxFlightTimeS ?? 6 * 3600;
  const ws = options.workspace ?? createRkWorkspace(settings.method, FLIGHT_STATE_SIZE);
  const events: EventSpec[] = [
    { name: 'impact', g: (_t, y) => altitudeOfStateM(model, y), direction: -1, terminal: true },
    { name: 'apogee', g: (_t, y) => verticalSpeedMps(model, y), direction: -1, terminal: false },
    {
      name: 'reentry',
      g: (_t, y) => altitudeOfStateM(model, y) - REENTRY_ALTITUDE_M,
      direction: -1,
      terminal: false,
    },
  ];
  const recorder = record ? (options.recorder ?? createTrajectoryRecorder(settings.method)) : null;
  const rhs = makeFreeFlightRhs(model, beta);
  integrate(
    ws,
    rhs,
    t0,
    y0,
    t0 + maxT,
    { rtol: settings.rtol, atol: settings.atol, eventTimeTolS: 1e-9 },
    events,
    recorder,
  );
  if (ws.terminalEvent !== EVENT_IMPACT) {
    throw new OpenBmdError(
      errorCodes.noImpact,
      `the object does not come down within ${maxT} s (it is in orbit or escaping)`,
      'flight',
    );
  }
  const impactTimeS = ws.tS;
  const impactState = ws.y.slice(0, FLIGHT_STATE_SIZE);
  let apogeeTimeS = t0;
  let apogeeAltitudeM = altitudeOfStateM(model, Float64Array.from(y0 as ArrayLike<number>));
  let reentryTimeS: number | null = null;
  for (let k = 0; k < ws.eventCount; k++) {
    const idx = ws.eventIndex[k];
    if (idx === EVENT_APOGEE) {
      const s = ws.eventState.subarray(k * FLIGHT_STATE_SIZE, (k + 1) * FLIGHT_STATE_SIZE);
      const alt = altitudeOfStateM(model, s);
      if (alt > apogeeAltitudeM) {
        apogeeAltitudeM = alt;
        apogeeTimeS = ws.eventTimeS[k]!;
      }
    } else if (idx === EVENT_REENTRY && reentryTimeS === null) {
      reentryTimeS = ws.eventTimeS[k]!;
    }
  }
  const sub = subPointOfState(model, impactState, impactTimeS);
  let trajectory: Trajectory | null = null;
  if (recorder !== null) {
    truncateRecorder(recorder, impactTimeS);
    const launchTimeS = options.launchTimeS ?? t0;
    const evs: TrajectoryEvent[] = [...(options.priorEvents ?? [])];
    if (evs.length === 0) evs.push({ kind: 'launch', timeS: t0 });
    if (apogeeTimeS > t0) evs.push({ kind: 'apogee', timeS: apogeeTimeS });
    // The terminal phase starts at reentry, or at apogee for a flight that stays below 100 km.
    const terminalStartS =
      reentryTimeS ?? (apogeeAltitudeM < REENTRY_ALTITUDE_M ? apogeeTimeS : impactTimeS);
    if (reentryTimeS !== null) {
      evs.push({ kind: 'reentry', timeS: reentryTimeS, thresholdM: REENTRY_ALTITUDE_M });
    }
    evs.push({ kind: 'impact', timeS: impactTimeS });
    evs.sort((a, b) => a.timeS - b.timeS);
    const phases: PhaseInterval[] = [...(options.priorPhases ?? [])];
    if (terminalStartS > t0) phases.push({ phase: 'midcourse', startS: t0, endS: terminalStartS });
    phases.push({ phase: 'terminal', startS: Math.max(t0, terminalStartS), endS: impactTimeS });
    trajectory = finishTrajectory(recorder, model, launchTimeS, impactTimeS, evs, phases);
  }
  return {
    startS: t0,
    impactTimeS,
    flightTimeS: impactTimeS - (options.launchTimeS ?? t0),
    impactLatRad: sub.latRad,
    impactLonRad: sub.lonRad,
    apogeeAltitudeM,
    apogeeTimeS,
    impactState,
    trajectory,
    rhsEvaluations: ws.rhsEvaluations,
  };
};
