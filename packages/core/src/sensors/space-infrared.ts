/**
 * Space-based infrared early warning against one threat: it sees the hot plume of a boosting
 * missile, from launch + a detection delay until the end of boost (the last burnout), and gives a
 * warning track (launch point and rough heading) after a further delay; never a fire-control
 * track. PRIMER section 4 (detection tens of seconds after launch); the APS study of boost-phase
 * intercept (D. K. Barton et al., Reviews of Modern Physics 76, S1, 2004; the 2003 report) for
 * the role and timing of space-based infrared early warning. The delays are scenario parameters.
 */
import { errorCodes, OpenBmdError, requireFinite } from '../errors.js';
import type { Trajectory } from '../flight/trajectory.js';
import type { SensorTimeline, SpaceInfraredSensor } from './types.js';

const nonNegativeDelay = (x: unknown, what: string, path: string): void => {
  if (typeof x !== 'number') {
    throw new OpenBmdError(errorCodes.invalidInput, `expected a number, got ${typeof x}`, path);
  }
  requireFinite(x, path);
  if (x < 0) {
    throw new OpenBmdError(
      errorCodes.outOfRange,
      `${what} must not be negative (got ${x} s)`,
      path,
    );
  }
};

/** Checks a space infrared sensor: delays finite and >= 0 (E_INVALID_INPUT / E_OUT_OF_RANGE). */
export const validateSpaceInfrared = (sensor: SpaceInfraredSensor, path: string): void => {
  nonNegativeDelay(sensor.detectionDelayS, 'the detection delay', `${path}.detectionDelayS`);
  nonNegativeDelay(sensor.trackDelayS, 'the track delay', `${path}.trackDelayS`);
};

/** Launch time of a trajectory: its 'launch' event, else its first 'ignition', else its start. */
export const launchTimeS = (traj: Trajectory): number =>
  traj.events.find((e) => e.kind === 'launch')?.timeS ??
  traj.events.find((e) => e.kind === 'ignition')?.timeS ??
  traj.startS;

/**
 * End of boost: the last 'burnout' event, else the end of the 'boost' phase, else the launch
 * (a trajectory without powered flight shows no plume).
 */
export const boostEndS = (traj: Trajectory): number => {
  let t: number | null = null;
  for (const e of traj.events) if (e.kind === 'burnout') t = e.timeS;
  if (t !== null) return t;
  const boost = traj.phases.find((p) => p.phase === 'boost');
  return boost?.endS ?? launchTimeS(traj);
};

/**
 * The sensor's timeline: one interval [launch + detectionDelayS, end of boost] when the detection
 * comes strictly before burnout; trackS = firstDetectionS + trackDelayS when that is at or before
 * burnout (continuous sight for the delay, as for radars), else null with reason 'no-track';
 * reason 'burnout-before-detection' when burnout comes first. fireControlS is always null.
 */
export const spaceInfraredTimeline = (
  sensor: SpaceInfraredSensor,
  threatId: string,
  traj: Trajectory,
): SensorTimeline => {
  validateSpaceInfrared(sensor, `sensors[${sensor.id}]`);
  const detectS = launchTimeS(traj) + sensor.detectionDelayS;
  const burnoutS = boostEndS(traj);
  if (!(detectS < burnoutS)) {
    return {
      sensorId: sensor.id,
      threatId,
      intervals: [],
      firstDetectionS: null,
      trackS: null,
      fireControlS: null,
      reason: 'burnout-before-detection',
    };
  }
  const trackAtS = detectS + sensor.trackDelayS;
  const trackS = trackAtS <= burnoutS ? trackAtS : null;
  return {
    sensorId: sensor.id,
    threatId,
    intervals: [{ startS: detectS, endS: burnoutS }],
    firstDetectionS: detectS,
    trackS,
    fireControlS: null,
    reason: trackS === null ? 'no-track' : null,
  };
};
