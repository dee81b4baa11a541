/**
 * Sensor models and their results. Angles in radians, distances in metres, times in seconds from
 * the scenario epoch. A sensor's timeline against a threat is computed on the threat's Trajectory
 * (dense output) by bracketing and root finding, never by fixed-step scanning.
 */

/** One face of a ground radar: its field of regard in azimuth and elevation about a boresight. */
export interface RadarFace {
  /** Boresight azimuth, clockwise from north, rad. */
  readonly boresightAzimuthRad: number;
  /** Half-width of the field of regard in azimuth about the boresight, rad (pi: all round). */
  readonly azimuthHalfWidthRad: number;
  /** Lowest and highest elevation the face covers, rad. */
  readonly minElevationRad: number;
  readonly maxElevationRad: number;
}

export interface GroundRadar {
  readonly kind: 'radar';
  readonly id: string;
  /** Geodetic position of the antenna (geocentric on the round presets). */
  readonly latRad: number;
  readonly lonRad: number;
  readonly altitudeM: number;
  readonly faces: readonly RadarFace[];
  /** Minimum elevation above the local horizontal at which the radar can see, rad. */
  readonly minElevationRad: number;
  /** Maximum instrumented range, m. */
  readonly maxRangeM: number;
  /** Detection range against a target of referenceRcsM2, m; scales with (RCS / reference)^(1/4). */
  readonly detectionRangeM: number;
  readonly referenceRcsM2: number;
  /** Time of continuous visibility from first detection to an established track, s. */
  readonly trackInitiationDelayS: number;
  /** Whether its track is of fire-control quality (can commit and guide an interceptor). */
  readonly fireControl: boolean;
}

/** Space-based infrared early warning: sees boosting missiles; warning, not fire control. */
export interface SpaceInfraredSensor {
  readonly kind: 'space-infrared';
  readonly id: string;
  /** From ignition to first detection, s. */
  readonly detectionDelayS: number;
  /** From first detection to a warning track (launch point and heading estimate), s. */
  readonly trackDelayS: number;
}

export type Sensor = GroundRadar | SpaceInfraredSensor;

/** Why a sensor never sees a threat. */
export type SensorReason =
  | 'below-horizon'
  | 'out-of-range'
  | 'outside-field-of-regard'
  | 'burnout-before-detection'
  | 'no-track';

export interface VisibilityInterval {
  readonly startS: number;
  readonly endS: number;
}

/** One sensor against one threat. */
export interface SensorTimeline {
  readonly sensorId: string;
  readonly threatId: string;
  readonly intervals: readonly VisibilityInterval[];
  readonly firstDetectionS: number | null;
  /** A track established (continuous visibility for the track-initiation delay). */
  readonly trackS: number | null;
  /** A fire-control-quality track (null for sensors that cannot give one). */
  readonly fireControlS: number | null;
  /** Null when the sensor sees the threat; else why not ('no-track': seen, never long enough). */
  readonly reason: SensorReason | null;
}
