/**
 * `Trajectory`: a flight as time-tagged states with the integrator's continuous (dense) solution
 * between them, its phases and events. Position and velocity at any time come from the dense
 * interpolant of the step that contains it (no re-integration, no fixed-step tables).
 *
 * States are inertial: the frame coincides with ECEF at the scenario epoch (t = 0) and the Earth
 * turns under it at the model's rotation rate (see earth/frames.ts). Times are seconds from the
 * scenario epoch.
 */

import { altitudeAboveSurfaceM, ecefToGeodetic, eciToEcef } from '../earth/frames.js';
import type { EarthModel } from '../earth/model.js';
import { errorCodes, OpenBmdError } from '../errors.js';
import {
  type DenseSink,
  denseCoefficientCount,
  evaluateDense,
  type RkMethodName,
} from '../integrate/rk.js';
import { findRoot } from '../numeric/search.js';

export type FlightPhase = 'boost' | 'midcourse' | 'terminal';

export type TrajectoryEventKind =
  | 'launch'
  | 'ignition'
  | 'burnout'
  | 'staging'
  | 'apogee'
  | 'reentry'
  | 'altitude'
  | 'impact';

export interface TrajectoryEvent {
  readonly kind: TrajectoryEventKind;
  readonly timeS: number;
  /** Stage number (1-based) for ignition, burnout and staging. */
  readonly stage?: number;
  /** Altitude of the crossing for 'altitude' events (and the reentry altitude), m. */
  readonly thresholdM?: number;
}

export interface PhaseInterval {
  readonly phase: FlightPhase;
  readonly startS: number;
  readonly endS: number;
}

/** Dimension of a flight state: inertial position (m) and velocity (m/s). */
export const FLIGHT_STATE_SIZE = 6;

export interface Trajectory {
  readonly model: EarthModel;
  readonly method: RkMethodName;
  readonly startS: number;
  readonly endS: number;
  readonly events: readonly TrajectoryEvent[];
  readonly phases: readonly PhaseInterval[];
  /** Number of integration steps stored. */
  readonly stepCount: number;
  /** Start time of each step, s (increasing; stepStartS[i] + stepLengthS[i] = stepStartS[i + 1]). */
  readonly stepStartS: Float64Array;
  readonly stepLengthS: Float64Array;
  /** Dense coefficients, `denseCoefficientCount(method) * 6` numbers per step. */
  readonly coefficients: Float64Array;
}

/** Collects accepted steps into growable typed arrays; `finish` freezes them into a Trajectory. */
export interface TrajectoryRecorder extends DenseSink {
  readonly method: RkMethodName;
  count: number;
  starts: Float64Array;
  lengths: Float64Array;
  coefficients: Float64Array;
}

export const createTrajectoryRecorder = (method: RkMethodName): TrajectoryRecorder => {
  const per = denseCoefficientCount(method) * FLIGHT_STATE_SIZE;
  const recorder: TrajectoryRecorder = {
    method,
    count: 0,
    starts: new Float64Array(64),
    lengths: new Float64Array(64),
    coefficients: new Float64Array(64 * per),
    addStep(tStartS: number, stepS: number, coefficients: Float64Array): void {
      if (recorder.count === recorder.starts.length) {
        const cap = recorder.count * 2;
        const s = new Float64Array(cap);
        s.set(recorder.starts);
        const l = new Float64Array(cap);
        l.set(recorder.lengths);
        const c = new Float64Array(cap * per);
        c.set(recorder.coefficients);
        recorder.starts = s;
        recorder.lengths = l;
        recorder.coefficients = c;
      }
      const k = recorder.count++;
      recorder.starts[k] = tStartS;
      recorder.lengths[k] = stepS;
      recorder.coefficients.set(coefficients.subarray(0, per), k * per);
    },
  };
  return recorder;
};

/** Drops the steps that begin at or after tS (after a terminal event inside an earlier step). */
export const truncateRecorder = (recorder: TrajectoryRecorder, tS: number): void => {
  while (recorder.count > 0 && recorder.starts[recorder.count - 1]! >= tS) recorder.count--;
};

export const finishTrajectory = (
  recorder: TrajectoryRecorder,
  model: EarthModel,
  startS: number,
  endS: number,
  events: readonly TrajectoryEvent[],
  phases: readonly PhaseInterval[],
): Trajectory => {
  const per = denseCoefficientCount(recorder.method) * FLIGHT_STATE_SIZE;
  return {
    model,
    method: recorder.method,
    startS,
    endS,
    events,
    phases,
    stepCount: recorder.count,
    stepStartS: recorder.starts.slice(0, recorder.count),
    stepLengthS: recorder.lengths.slice(0, recorder.count),
    coefficients: recorder.coefficients.slice(0, recorder.count * per),
  };
};

/** Index of the step containing tS (binary search). */
const stepIndexAt = (traj: Trajectory, tS: number): number => {
  let lo = 0;
  let hi = traj.stepCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (traj.stepStartS[mid]! <= tS) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};

/**
 * Inertial state [x, y, z, vx, vy, vz] at tS (m, m/s), from the dense solution. Throws
 * E_OUT_OF_RANGE outside [startS, endS].
 */
export const stateAt = (traj: Trajectory, tS: number, out: Float64Array): Float64Array => {
  if (!(tS >= traj.startS - 1e-9 && tS <= traj.endS + 1e-9) || traj.stepCount === 0) {
    throw new OpenBmdError(
      errorCodes.outOfRange,
      `time ${tS} s is outside the trajectory (${traj.startS} s to ${traj.endS} s)`,
      'timeS',
    );
  }
  const i = stepIndexAt(traj, tS);
  const h = traj.stepLengthS[i]!;
  let theta = (tS - traj.stepStartS[i]!) / h;
  if (theta < 0) theta = 0;
  if (theta > 1) theta = 1;
  const ncoef = denseCoefficientCount(traj.method);
  evaluateDense(
    traj.coefficients,
    i * ncoef * FLIGHT_STATE_SIZE,
    ncoef,
    FLIGHT_STATE_SIZE,
    theta,
    out,
  );
  return out;
};

export interface GeodeticSample {
  readonly timeS: number;
  readonly latDeg: number;
  readonly lonDeg: number;
  readonly altitudeM: number;
}

const RAD_TO_DEG = 180 / Math.PI;

/** Geodetic (geocentric on a sphere) position over the turning Earth at tS. */
export const geodeticAt = (traj: Trajectory, tS: number): GeodeticSample => {
  const s = stateAt(traj, tS, new Float64Array(FLIGHT_STATE_SIZE));
  const ecef = new Float64Array(3);
  eciToEcef(s, null, tS, traj.model, ecef, null);
  const g = new Float64Array(3);
  ecefToGeodetic(ecef[0]!, ecef[1]!, ecef[2]!, traj.model, g);
  return { timeS: tS, latDeg: g[0]! * RAD_TO_DEG, lonDeg: g[1]! * RAD_TO_DEG, altitudeM: g[2]! };
};

/** The ground track sampled every `intervalS` seconds, always including the start and end. */
export const groundTrack = (traj: Trajectory, intervalS: number): GeodeticSample[] => {
  const out: GeodeticSample[] = [];
  const n = Math.max(1, Math.ceil((traj.endS - traj.startS) / intervalS));
  for (let i = 0; i <= n; i++) {
    out.push(geodeticAt(traj, Math.min(traj.endS, traj.startS + i * intervalS)));
  }
  return out;
};

/** The phase of flight at tS. */
export const phaseAt = (traj: Trajectory, tS: number): FlightPhase | undefined =>
  traj.phases.find((p) => tS >= p.startS && tS <= p.endS)?.phase;

/** The first event of a kind (and stage), if any. */
export const findEvent = (
  traj: Trajectory,
  kind: TrajectoryEventKind,
  stage?: number,
): TrajectoryEvent | undefined =>
  traj.events.find((e) => e.kind === kind && (stage === undefined || e.stage === stage));

export interface AltitudeCrossing {
  readonly timeS: number;
  /** +1 climbing through the altitude, -1 descending. */
  readonly direction: 1 | -1;
}

/**
 * Every time the trajectory crosses an altitude above the model's surface: sign changes of
 * (altitude - altitudeM) between step ends, each root then located on the step's dense solution
 * (Illinois regula falsi, to 1e-6 s). Never a fixed-step scan.
 */
export const altitudeCrossings = (traj: Trajectory, altitudeM: number): AltitudeCrossing[] => {
  const s = new Float64Array(FLIGHT_STATE_SIZE);
  const g = (tS: number): number => {
    stateAt(traj, tS, s);
    return altitudeAboveSurfaceM(s[0]!, s[1]!, s[2]!, traj.model) - altitudeM;
  };
  const out: AltitudeCrossing[] = [];
  let t0 = traj.startS;
  let g0 = g(t0);
  for (let i = 0; i < traj.stepCount; i++) {
    const t1 = Math.min(traj.endS, traj.stepStartS[i]! + traj.stepLengthS[i]!);
    const g1 = g(t1);
    if ((g0 < 0 && g1 >= 0) || (g0 > 0 && g1 <= 0)) {
      const t = g1 === 0 ? t1 : findRoot(g, t0, t1, 1e-6, 0, 100, g0, g1);
      if (t !== null) out.push({ timeS: t, direction: g1 > g0 ? 1 : -1 });
    }
    t0 = t1;
    g0 = g1;
  }
  return out;
};
