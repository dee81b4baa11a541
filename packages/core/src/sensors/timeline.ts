/**
 * One sensor against one threat: dispatches to the ground radar or space infrared model
 * (docs/models/sensors.md), and validates sensors.
 */
import { errorCodes, OpenBmdError } from '../errors.js';
import type { Trajectory } from '../flight/trajectory.js';
import { radarTimeline, validateRadar } from './radar.js';
import { spaceInfraredTimeline, validateSpaceInfrared } from './space-infrared.js';
import type { Sensor, SensorTimeline } from './types.js';

/**
 * Checks a sensor, throwing OpenBmdError (E_INVALID_INPUT: malformed; E_OUT_OF_RANGE: a value
 * outside what the model accepts) whose path names the sensor and field, e.g.
 * `sensors[brdy-xbr].latRad`. `path` defaults to `sensors[<id>]`.
 */
export const validateSensor = (sensor: Sensor, path?: string): void => {
  const id = (sensor as { id?: unknown }).id;
  const p = path ?? `sensors[${String(id)}]`;
  if (typeof id !== 'string' || id.length === 0) {
    throw new OpenBmdError(errorCodes.invalidInput, 'a sensor needs a non-empty id', `${p}.id`);
  }
  const kind = (sensor as { kind?: unknown }).kind;
  switch (kind) {
    case 'radar':
      validateRadar(sensor as Extract<Sensor, { kind: 'radar' }>, p);
      return;
    case 'space-infrared':
      validateSpaceInfrared(sensor as Extract<Sensor, { kind: 'space-infrared' }>, p);
      return;
    default:
      throw new OpenBmdError(
        errorCodes.invalidInput,
        `unknown sensor kind '${String(kind)}'; expected 'radar' or 'space-infrared'`,
        `${p}.kind`,
      );
  }
};

/**
 * The timeline of one sensor against one threat's trajectory: visibility intervals, first
 * detection, track, fire-control track, and why not. targetRcsM2 (m^2, >= 0) is used by radars
 * only. Validates the sensor and the RCS first.
 */
export const sensorTimeline = (
  sensor: Sensor,
  threatId: string,
  trajectory: Trajectory,
  targetRcsM2: number,
): SensorTimeline => {
  validateSensor(sensor);
  switch (sensor.kind) {
    case 'radar':
      return radarTimeline(sensor, threatId, trajectory, targetRcsM2);
    case 'space-infrared':
      return spaceInfraredTimeline(sensor, threatId, trajectory);
    default: {
      const never: never = sensor;
      throw new OpenBmdError(errorCodes.invalidInput, `unknown sensor ${String(never)}`, 'sensor');
    }
  }
};
