/**
 * Ground radar against one threat: when the target is in line of sight, in range and inside a
 * face's field of regard, found on the trajectory's dense output by bracketing and root finding.
 *
 * Models (docs/models/sensors.md):
 * - line of sight: elevation above the local horizontal (geodetic up on WGS84, radial on a sphere)
 *   >= the radar's minimum elevation, and the straight segment radar -> target clear of the Earth
 *   (two points at radii p, q over a sphere of radius a see each other iff their central angle is
 *   at most acos(a/p) + acos(a/q); the ellipsoid is mapped to that sphere by z -> z a/b, which
 *   keeps straight lines straight); PRIMER section 4;
 * - radar range equation at fixed power, aperture and dwell: detection range
 *   R = R_ref (sigma / sigma_ref)^(1/4) (the radar equation, R^4 proportional to sigma: Skolnik,
 *   Introduction to Radar Systems, 3rd ed., 2001, ch. 1-2; PRIMER section 4), capped by the
 *   instrumented range;
 * - faces: azimuth within the half-width of the boresight and elevation within the face's limits.
 *
 * Each condition is split into smooth margins g(t) (>= 0: holds): elevation - minimum, the
 * line-of-sight angle margin, range limit - slant range, and per face an azimuth margin and its
 * two elevation margins. Each g is sampled at the integrator's step boundaries and quarter-steps
 * (bracketing on the integrator's own steps, not on a fixed time grid), with midpoints added
 * wherever the line of sight turns by more than 1 deg between samples; where three samples of one
 * sign show an extremum that might cross zero, the extremum is located by golden-section search;
 * each sign change is refined by Illinois root finding to 1e-3 s. The sets are then combined
 * (intersections; union over faces).
 */
import { eciToEcef, enuBasis, geodeticToEcef } from '../earth/frames.js';
import type { EarthModel } from '../earth/model.js';
import { errorCodes, OpenBmdError, requireFinite } from '../errors.js';
import { FLIGHT_STATE_SIZE, stateAt, type Trajectory } from '../flight/trajectory.js';
import { findRoot, goldenMaximum } from '../numeric/search.js';
import { clampedAcos } from '../units.js';
import type {
  GroundRadar,
  RadarFace,
  SensorReason,
  SensorTimeline,
  VisibilityInterval,
} from './types.js';

const TWO_PI = 2 * Math.PI;
const HALF_PI = Math.PI / 2;
const DEG = Math.PI / 180;
/** Time tolerance of every interval end, s. */
export const SENSOR_TIME_TOLERANCE_S = 1e-3;
/** Sub-samples per integration step when bracketing the margins. */
const SUBSTEPS_PER_STEP = 4;
/** Lowest altitude a ground sensor may have (sites below the ellipsoid, geoid lows), m. */
export const MIN_SENSOR_ALTITUDE_M = -500;
/**
 * The line of sight may graze the surface by this much, m: keeps rounding noise in targets on
 * the surface (launch, impact) near the site from flickering the line-of-sight test.
 */
const LOS_GRAZE_M = 1e-3;
/** Allowed minimum elevation of a radar, rad: [-10 deg, 90 deg]. */
export const MIN_ELEVATION_LOWEST_RAD = -10 * DEG;

// ---------------------------------------------------------------------------------------------
// Validation

const outOfRange = (message: string, path: string): OpenBmdError =>
  new OpenBmdError(errorCodes.outOfRange, message, path);

const finite = (x: unknown, path: string): number => {
  if (typeof x !== 'number') {
    throw new OpenBmdError(errorCodes.invalidInput, `expected a number, got ${typeof x}`, path);
  }
  return requireFinite(x, path);
};

const nonNegative = (x: unknown, unit: string, what: string, path: string): number => {
  const v = finite(x, path);
  if (v < 0) throw outOfRange(`${what} must not be negative (got ${v} ${unit})`, path);
  return v;
};

/**
 * Checks a ground radar; throws E_INVALID_INPUT (malformed: not a number, no faces, a face whose
 * lowest elevation exceeds its highest) or E_OUT_OF_RANGE (latitude beyond +-90 deg, altitude
 * below -500 m, negative range or delay, minimum elevation outside -10..90 deg, a non-positive
 * reference RCS), with `path` (e.g. `sensors[brdy-xbr]`) and the field in the error's path.
 */
export const validateRadar = (radar: GroundRadar, path: string): void => {
  const lat = finite(radar.latRad, `${path}.latRad`);
  if (Math.abs(lat) > HALF_PI + 1e-12) {
    throw outOfRange(
      `latitude ${(lat / DEG).toFixed(6)} deg is outside -90 to 90 deg`,
      `${path}.latRad`,
    );
  }
  finite(radar.lonRad, `${path}.lonRad`);
  const alt = finite(radar.altitudeM, `${path}.altitudeM`);
  if (alt < MIN_SENSOR_ALTITUDE_M) {
    throw outOfRange(
      `the radar is inside the Earth: altitude ${alt} m is below ${MIN_SENSOR_ALTITUDE_M} m`,
      `${path}.altitudeM`,
    );
  }
  const minEl = finite(radar.minElevationRad, `${path}.minElevationRad`);
  if (minEl < MIN_ELEVATION_LOWEST_RAD - 1e-12 || minEl > HALF_PI + 1e-12) {
    throw outOfRange(
      `minimum elevation ${(minEl / DEG).toFixed(3)} deg is outside -10 to 90 deg`,
      `${path}.minElevationRad`,
    );
  }
  nonNegative(radar.maxRangeM, 'm', 'the maximum range', `${path}.maxRangeM`);
  nonNegative(radar.detectionRangeM, 'm', 'the detection range', `${path}.detectionRangeM`);
  const rcs = finite(radar.referenceRcsM2, `${path}.referenceRcsM2`);
  if (!(rcs > 0)) {
    throw outOfRange(
      `the reference RCS must be positive (got ${rcs} m^2)`,
      `${path}.referenceRcsM2`,
    );
  }
  nonNegative(
    radar.trackInitiationDelayS,
    's',
    'the track initiation delay',
    `${path}.trackInitiationDelayS`,
  );
  if (typeof radar.fireControl !== 'boolean') {
    throw new OpenBmdError(
      errorCodes.invalidInput,
      'expected true or false',
      `${path}.fireControl`,
    );
  }
  if (!Array.isArray(radar.faces) || radar.faces.length === 0) {
    throw new OpenBmdError(
      errorCodes.invalidInput,
      'a radar needs at least one face (its field of regard)',
      `${path}.faces`,
    );
  }
  radar.faces.forEach((face, i) => {
    const fp = `${path}.faces[${i}]`;
    finite(face.boresightAzimuthRad, `${fp}.boresightAzimuthRad`);
    nonNegative(
      face.azimuthHalfWidthRad,
      'rad',
      'the azimuth half-width',
      `${fp}.azimuthHalfWidthRad`,
    );
    const lo = finite(face.minElevationRad, `${fp}.minElevationRad`);
    const hi = finite(face.maxElevationRad, `${fp}.maxElevationRad`);
    for (const [v, name] of [
      [lo, 'minElevationRad'],
      [hi, 'maxElevationRad'],
    ] as const) {
      if (Math.abs(v) > HALF_PI + 1e-12) {
        throw outOfRange(
          `elevation ${(v / DEG).toFixed(3)} deg is outside -90 to 90 deg`,
          `${fp}.${name}`,
        );
      }
    }
    if (lo > hi) {
      throw new OpenBmdError(
        errorCodes.invalidInput,
        `the face's lowest elevation (${(lo / DEG).toFixed(3)} deg) exceeds its highest (${(hi / DEG).toFixed(3)} deg)`,
        fp,
      );
    }
  });
};

/** Throws E_OUT_OF_RANGE unless the target RCS is a finite number >= 0, m^2. */
export const validateTargetRcs = (targetRcsM2: number, path = 'targetRcsM2'): void => {
  nonNegative(targetRcsM2, 'm^2', 'the target RCS', path);
};

// ---------------------------------------------------------------------------------------------
// Geometry

/** A radar's fixed geometry on a model: site in ECEF, local axes, horizon terms. */
export interface RadarGeometry {
  readonly radar: GroundRadar;
  readonly model: EarthModel;
  /** Antenna position, ECEF, m. */
  readonly siteEcef: Float64Array;
  /** East, north, up unit vectors (ECEF) at the site. */
  readonly enu: Float64Array;
  /** z scale a/b that maps the ellipsoid onto the sphere of radius a (1 on a sphere). */
  readonly zScale: number;
  /** Site in the scaled frame, divided by its length (unit vector). */
  readonly siteUnitScaled: Float64Array;
  /** Radius of the sphere the line of sight must clear in the scaled frame: a - 1 mm, m. */
  readonly losRadiusM: number;
  /**
   * Horizon angle acos(a' / p) of the site in the scaled frame, a' = losRadiusM; a site below the
   * surface counts as on it.
   */
  readonly siteHorizonRad: number;
  /** Slant-range limit at the RCS this geometry was made for, m. */
  readonly rangeLimitM: number;
}

/**
 * Slant-range limit for a target of RCS sigma: min(maxRangeM, R_ref (sigma / sigma_ref)^(1/4))
 * (radar range equation at fixed power, aperture and dwell; Skolnik 2001, PRIMER section 4).
 */
export const radarRangeLimitM = (radar: GroundRadar, targetRcsM2: number): number =>
  Math.min(
    radar.maxRangeM,
    radar.detectionRangeM * Math.sqrt(Math.sqrt(targetRcsM2 / radar.referenceRcsM2)),
  );

export const createRadarGeometry = (
  radar: GroundRadar,
  model: EarthModel,
  targetRcsM2: number,
): RadarGeometry => {
  const siteEcef = new Float64Array(3);
  geodeticToEcef(radar.latRad, radar.lonRad, radar.altitudeM, model, siteEcef);
  const enu = new Float64Array(9);
  enuBasis(radar.latRad, radar.lonRad, model, enu);
  const f = model.shape === 'wgs84' ? model.flattening : 0;
  const zScale = 1 / (1 - f);
  const sx = siteEcef[0]!;
  const sy = siteEcef[1]!;
  const sz = siteEcef[2]! * zScale;
  const p = Math.hypot(sx, sy, sz);
  const siteUnitScaled = Float64Array.of(sx / p, sy / p, sz / p);
  const losRadiusM = model.radiusM - LOS_GRAZE_M;
  return {
    radar,
    model,
    siteEcef,
    enu,
    zScale,
    siteUnitScaled,
    losRadiusM,
    siteHorizonRad: clampedAcos(losRadiusM / Math.max(p, model.radiusM)),
    rangeLimitM: radarRangeLimitM(radar, targetRcsM2),
  };
};

/** Index names of a `LookAngles` array. */
export const LOOK_AZIMUTH = 0;
export const LOOK_ELEVATION = 1;
export const LOOK_RANGE = 2;
export const LOOK_LOS_MARGIN = 3;
export const LOOK_EAST = 4;
export const LOOK_NORTH = 5;
export const LOOK_UP = 6;
/** Length of a look array. */
export const LOOK_SIZE = 7;

/**
 * Look angles from the radar to a target at ECEF (x, y, z): out[0] azimuth (rad, clockwise from
 * north, in (-pi, pi]; 0 straight overhead), out[1] elevation above the local horizontal (rad),
 * out[2] slant range (m), out[3] line-of-sight margin (rad): acos(a'/p) + acos(a'/q) - theta in
 * the frame where the Earth is the sphere of radius a, a' = a - 1 mm (>= 0: the segment clears
 * the Earth; points below the surface count as on it); out[4..6] the east, north and up
 * components of radar -> target, m. `out` holds LOOK_SIZE numbers.
 */
export const lookFromRadar = (
  g: RadarGeometry,
  x: number,
  y: number,
  z: number,
  out: Float64Array,
): Float64Array => {
  const s = g.siteEcef;
  const dx = x - s[0]!;
  const dy = y - s[1]!;
  const dz = z - s[2]!;
  const u = g.enu;
  const e = dx * u[0]! + dy * u[1]! + dz * u[2]!;
  const n = dx * u[3]! + dy * u[4]! + dz * u[5]!;
  const up = dx * u[6]! + dy * u[7]! + dz * u[8]!;
  const horizontal = Math.hypot(e, n);
  out[LOOK_AZIMUTH] = Math.atan2(e, n);
  out[LOOK_ELEVATION] = Math.atan2(up, horizontal);
  out[LOOK_RANGE] = Math.hypot(dx, dy, dz);
  // Line of sight over the sphere of radius a in the scaled frame (z -> z a/b).
  const zs = z * g.zScale;
  const q = Math.hypot(x, y, zs);
  const a = g.losRadiusM;
  const w = g.siteUnitScaled;
  const cx = w[1]! * zs - w[2]! * y;
  const cy = w[2]! * x - w[0]! * zs;
  const cz = w[0]! * y - w[1]! * x;
  const theta = Math.atan2(Math.hypot(cx, cy, cz), w[0]! * x + w[1]! * y + w[2]! * zs);
  out[LOOK_LOS_MARGIN] = g.siteHorizonRad + clampedAcos(a / Math.max(q, g.model.radiusM)) - theta;
  out[LOOK_EAST] = e;
  out[LOOK_NORTH] = n;
  out[LOOK_UP] = up;
  return out;
};

/** Signed angle wrapped to (-pi, pi]. */
export const wrapAngleRad = (x: number): number => {
  let r = (x + Math.PI) % TWO_PI;
  if (r <= 0) r += TWO_PI;
  return r - Math.PI;
};

/** A continuous margin of one condition, from a look array (>= 0: the condition holds). */
type LookMargin = (look: Float64Array) => number;

/**
 * Azimuth margin of a face, m: h (cos(az - boresight) - cos(halfWidth)) with h the horizontal
 * distance, i.e. (e, n) . (sin b, cos b) - cos(halfWidth) |(e, n)|: the same sign as
 * halfWidth - |az - boresight| (wrapped), but smooth in the target's position, through north
 * and through the zenith alike. A half-width of pi or more covers all round (margin 1).
 */
const azimuthMargin = (face: RadarFace): LookMargin => {
  if (face.azimuthHalfWidthRad >= Math.PI) return () => 1;
  const sb = Math.sin(face.boresightAzimuthRad);
  const cb = Math.cos(face.boresightAzimuthRad);
  const ch = Math.cos(face.azimuthHalfWidthRad);
  return (look) => {
    const e = look[LOOK_EAST]!;
    const n = look[LOOK_NORTH]!;
    return e * sb + n * cb - ch * Math.hypot(e, n);
  };
};

const elevationAbove =
  (lowRad: number): LookMargin =>
  (look) =>
    look[LOOK_ELEVATION]! - lowRad;

const elevationBelow =
  (highRad: number): LookMargin =>
  (look) =>
    highRad - look[LOOK_ELEVATION]!;

// ---------------------------------------------------------------------------------------------
// Intervals from margins

/**
 * The intervals of [t[0], t[n-1]] where g >= 0, given g sampled at increasing times t (values in
 * gs): extrema between samples that could cross zero are located (golden section) and added as
 * samples; each sign change is then refined by findRoot to `tolS`.
 */
export const intervalsOfMargin = (
  g: (tS: number) => number,
  times: readonly number[],
  values: readonly number[],
  tolS = SENSOR_TIME_TOLERANCE_S,
): VisibilityInterval[] => {
  const n = times.length;
  if (n === 0) return [];
  // Augment with interior extrema that might change the sign between samples of one sign.
  const ts: number[] = [times[0]!];
  const gs: number[] = [values[0]!];
  for (let i = 1; i < n; i++) {
    if (i < n - 1) {
      const g0 = values[i - 1]!;
      const g1 = values[i]!;
      const g2 = values[i + 1]!;
      const allIn = g0 >= 0 && g1 >= 0 && g2 >= 0;
      const allOut = g0 < 0 && g1 < 0 && g2 < 0;
      const dip = allIn && g1 < g0 && g1 < g2;
      const bump = allOut && g1 > g0 && g1 > g2;
      if (dip || bump) {
        const sign = dip ? -1 : 1;
        const ext = goldenMaximum((t) => sign * g(t), times[i - 1]!, times[i + 1]!, tolS);
        const gExt = sign * ext.value;
        if ((dip && gExt < 0) || (bump && gExt >= 0)) {
          // Insert in order (the extremum may lie either side of sample i).
          if (ext.x < times[i]!) {
            if (ext.x > ts[ts.length - 1]!) {
              ts.push(ext.x);
              gs.push(gExt);
            }
            ts.push(times[i]!);
            gs.push(g1);
          } else {
            ts.push(times[i]!);
            gs.push(g1);
            if (ext.x < times[i + 1]! && ext.x > times[i]!) {
              ts.push(ext.x);
              gs.push(gExt);
            }
          }
          continue;
        }
      }
    }
    ts.push(times[i]!);
    gs.push(values[i]!);
  }
  const out: VisibilityInterval[] = [];
  let openS: number | null = gs[0]! >= 0 ? ts[0]! : null;
  for (let i = 1; i < ts.length; i++) {
    const a = ts[i - 1]!;
    const b = ts[i]!;
    const ga = gs[i - 1]!;
    const gb = gs[i]!;
    if (ga >= 0 === gb >= 0) continue;
    // Root of g between a and b; findRoot needs opposite signs, and 0 counts as inside.
    const root = findRoot(g, a, b, tolS, 0, 200, ga, gb) ?? 0.5 * (a + b);
    if (gb >= 0) {
      openS = root;
    } else if (openS !== null) {
      if (root > openS) out.push({ startS: openS, endS: root });
      openS = null;
    }
  }
  const last = ts[ts.length - 1]!;
  if (openS !== null && last > openS) out.push({ startS: openS, endS: last });
  return out;
};

/** Intersection of two sorted lists of disjoint intervals. */
export const intersectIntervals = (
  a: readonly VisibilityInterval[],
  b: readonly VisibilityInterval[],
): VisibilityInterval[] => {
  const out: VisibilityInterval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const startS = Math.max(x.startS, y.startS);
    const endS = Math.min(x.endS, y.endS);
    if (endS > startS) out.push({ startS, endS });
    if (x.endS < y.endS) i++;
    else j++;
  }
  return out;
};

/**
 * Union of sorted lists of disjoint intervals. Intervals that touch, or leave a gap of at most
 * gapS (default twice the time tolerance: adjacent faces sharing an edge, whose crossings were
 * located separately), merge.
 */
export const unionIntervals = (
  lists: readonly (readonly VisibilityInterval[])[],
  gapS = 2 * SENSOR_TIME_TOLERANCE_S,
): VisibilityInterval[] => {
  const all = lists.flat().sort((x, y) => x.startS - y.startS);
  const out: VisibilityInterval[] = [];
  for (const iv of all) {
    const last = out[out.length - 1];
    if (last !== undefined && iv.startS <= last.endS + gapS) {
      if (iv.endS > last.endS) out[out.length - 1] = { startS: last.startS, endS: iv.endS };
    } else {
      out.push({ startS: iv.startS, endS: iv.endS });
    }
  }
  return out;
};

/** The first time at which visibility has been continuous for delayS, or null. */
export const trackTimeS = (
  intervals: readonly VisibilityInterval[],
  delayS: number,
): number | null => {
  for (const iv of intervals) {
    if (iv.endS - iv.startS >= delayS - 1e-9) return iv.startS + delayS;
  }
  return null;
};

/**
 * Sample times for bracketing: every integration step's start and its quarter points, clipped
 * to [startS, endS], and endS.
 */
export const bracketTimesS = (traj: Trajectory): number[] => {
  const out: number[] = [traj.startS];
  for (let i = 0; i < traj.stepCount; i++) {
    const t0 = traj.stepStartS[i]!;
    const h = traj.stepLengthS[i]!;
    for (let k = 0; k < SUBSTEPS_PER_STEP; k++) {
      const t = t0 + (h * k) / SUBSTEPS_PER_STEP;
      if (t > out[out.length - 1]! && t < traj.endS) out.push(t);
    }
  }
  if (traj.endS > out[out.length - 1]!) out.push(traj.endS);
  return out;
};

// ---------------------------------------------------------------------------------------------
// Timeline

/** Largest turn of the line of sight between two bracketing samples, rad. */
const MAX_TURN_RAD = 1 * DEG;
/** Shortest interval the turn refinement splits, s. */
const MIN_SPLIT_S = 1e-2;

/** The three conditions' visibility intervals of a radar against a trajectory. */
export interface RadarConditionIntervals {
  /** Elevation >= the minimum and the line of sight clear of the Earth. */
  readonly horizon: readonly VisibilityInterval[];
  /** Slant range <= the limit for the target's RCS. */
  readonly range: readonly VisibilityInterval[];
  /** Inside at least one face. */
  readonly fieldOfRegard: readonly VisibilityInterval[];
  /** All three. */
  readonly visible: readonly VisibilityInterval[];
}

/**
 * Each condition's intervals over [traj.startS, traj.endS] (the radar is not validated here;
 * `radarTimeline` does that). Every condition is split into smooth margins, each bracketed and
 * refined on its own, and the sets combined: horizon = (elevation >= minimum) and (line of
 * sight); field of regard = union over faces of (azimuth in the sector) and (elevation >= the
 * face's lowest) and (elevation <= its highest). Bracketing samples: `bracketTimesS`, with
 * midpoints added wherever the line of sight turns by more than 1 deg between samples (a close
 * or overhead pass).
 */
export const radarConditionIntervals = (
  radar: GroundRadar,
  traj: Trajectory,
  targetRcsM2: number,
): RadarConditionIntervals => {
  const g = createRadarGeometry(radar, traj.model, targetRcsM2);
  const state = new Float64Array(FLIGHT_STATE_SIZE);
  const ecef = new Float64Array(3);
  const look = new Float64Array(LOOK_SIZE);
  const lookAt = (tS: number): Float64Array => {
    stateAt(traj, tS, state);
    eciToEcef(state, null, tS, traj.model, ecef, null);
    return lookFromRadar(g, ecef[0]!, ecef[1]!, ecef[2]!, look);
  };
  // Bracketing samples, refined where the line of sight turns fast; each keeps its look.
  const base = bracketTimesS(traj);
  const times: number[] = [];
  const looks: Float64Array[] = [];
  const unit = (l: Float64Array): [number, number, number] => {
    const r = l[LOOK_RANGE]! || 1;
    return [l[LOOK_EAST]! / r, l[LOOK_NORTH]! / r, l[LOOK_UP]! / r];
  };
  const turnRad = (l0: Float64Array, l1: Float64Array): number => {
    const [a0, a1, a2] = unit(l0);
    const [b0, b1, b2] = unit(l1);
    const cx = a1 * b2 - a2 * b1;
    const cy = a2 * b0 - a0 * b2;
    const cz = a0 * b1 - a1 * b0;
    return Math.atan2(Math.hypot(cx, cy, cz), a0 * b0 + a1 * b1 + a2 * b2);
  };
  const refine = (t0: number, l0: Float64Array, t1: number, l1: Float64Array, depth: number) => {
    if (depth < 30 && t1 - t0 > MIN_SPLIT_S && turnRad(l0, l1) > MAX_TURN_RAD) {
      const tm = 0.5 * (t0 + t1);
      const lm = lookAt(tm).slice();
      refine(t0, l0, tm, lm, depth + 1);
      refine(tm, lm, t1, l1, depth + 1);
      return;
    }
    times.push(t1);
    looks.push(l1);
  };
  let prevLook = lookAt(base[0]!).slice();
  times.push(base[0]!);
  looks.push(prevLook);
  for (let i = 1; i < base.length; i++) {
    const l1 = lookAt(base[i]!).slice();
    refine(base[i - 1]!, prevLook, base[i]!, l1, 0);
    prevLook = l1;
  }
  const intervalsOf = (m: LookMargin): VisibilityInterval[] =>
    intervalsOfMargin(
      (t) => m(lookAt(t)),
      times,
      looks.map((l) => m(l)),
    );
  const horizon = intersectIntervals(
    intervalsOf(elevationAbove(radar.minElevationRad)),
    intervalsOf((l) => l[LOOK_LOS_MARGIN]!),
  );
  const range = intervalsOf((l) => g.rangeLimitM - l[LOOK_RANGE]!);
  const fieldOfRegard = unionIntervals(
    radar.faces.map((face) =>
      intersectIntervals(
        intersectIntervals(
          intervalsOf(azimuthMargin(face)),
          intervalsOf(elevationAbove(face.minElevationRad)),
        ),
        intervalsOf(elevationBelow(face.maxElevationRad)),
      ),
    ),
  );
  const visible = intersectIntervals(intersectIntervals(horizon, range), fieldOfRegard);
  return { horizon, range, fieldOfRegard, visible };
};

/**
 * A ground radar's timeline against one threat's trajectory for a target of RCS targetRcsM2.
 * Validates the radar (path `sensors[<id>]`) and the RCS.
 */
export const radarTimeline = (
  radar: GroundRadar,
  threatId: string,
  traj: Trajectory,
  targetRcsM2: number,
): SensorTimeline => {
  validateRadar(radar, `sensors[${radar.id}]`);
  validateTargetRcs(targetRcsM2);
  const c = radarConditionIntervals(radar, traj, targetRcsM2);
  const intervals = c.visible;
  const firstDetectionS = intervals[0]?.startS ?? null;
  const trackS = trackTimeS(intervals, radar.trackInitiationDelayS);
  let reason: SensorReason | null = null;
  if (trackS === null) {
    if (intervals.length > 0) reason = 'no-track';
    else if (c.horizon.length === 0) reason = 'below-horizon';
    else if (intersectIntervals(c.horizon, c.range).length === 0) reason = 'out-of-range';
    else reason = 'outside-field-of-regard';
  }
  return {
    sensorId: radar.id,
    threatId,
    intervals,
    firstDetectionS,
    trackS,
    fireControlS: radar.fireControl ? trackS : null,
    reason,
  };
};
