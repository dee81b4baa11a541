/**
 * The flyout fan: an interceptor site's reachable set, precomputed once and interpolated
 * (docs/models/interceptors.md).
 *
 * For each of `azimuthCount` launch azimuths and `shapeCount` shapes of the pitch-over programme
 * (kick angles: how far the thrust is turned from the vertical before the gravity turn; a vertical
 * flyout first, then steep to flat), the interceptor is flown (`flyInterceptor`) from launch to
 * the time limit and sampled in Earth-fixed terms (ground range, azimuth, altitude, Earth-relative
 * velocity) at times common to all flyouts. Only the ASCENDING part of a flyout (up to its
 * apogee) counts as reached: intercepts on the descending leg are not modelled; the descending
 * part only places the edge. Per azimuth, the (shape, time) mesh is rasterised onto a regular grid
 * in (ground range, altitude): each grid node gets the EARLIEST time at which an ascending flyout
 * reaches it (every mesh cell, the quadrilateral between shapes i, i+1 and samples j, j+1, is
 * inverted bilinearly; the minimum over cells is kept) and the interceptor's velocity there;
 * nodes reached only by descending legs just after their apogees (two altitude steps down) keep
 * the earliest of those, with a negative vertical velocity; a ring of nodes beyond the flattest
 * flyout (two grid cells deep at least) is extrapolated and marked (coverage 0).
 * A query interpolates and accepts the point if the coverage is at least one half, the vertical
 * velocity is not negative (the end of the ascent is placed where it turns, to second order) and
 * the time is within the limit. The grid's top is the kill vehicle's ceiling, or lower for a slow
 * interceptor: where its vertical flyout's climb has slowed to 30 % of its burnout speed (near an
 * apogee the time to reach a point grows like the square root of its depth below it, which no
 * grid resolves). The kick angles are chosen per fan (`shapeKicksDeg`).
 *
 * One fan serves every launch time: an Earth-fixed target point's geometry relative to the
 * Earth-fixed site does not depend on when the interceptor is launched (the model's rotation is
 * uniform and its gravity axisymmetric); the rotation's east-west asymmetry is in the azimuths.
 *
 * Coordinates (the same at build and query time, so the interpolation is consistent): the Coriolis
 * force bends even the vertical flyout away from the site's vertical (tens of km at 2,000 km
 * altitude), so ranges and azimuths are measured at each altitude from the centre c(h): where the
 * vertical flyout is when it climbs through that altitude (the site at the ground). Ground range
 * R = a * sigma, with sigma the great-circle angle between c(h) and the point's (geodetic)
 * latitude and longitude taken on a sphere and a the model's equatorial radius; the azimuth of the
 * point from c(h) on the same sphere; the altitude above the model's surface. A flyout bent out of
 * its launch plane by the rotation is placed at its true azimuth: every node stores the azimuth
 * offset of its point from the slice's launch azimuth, and a query blends the slices whose points
 * bracket its azimuth (cubic Lagrange through four slices where all have values, else linear).
 * The velocity is stored as components along the great circle from c(h) (away from it), across
 * it (to the right) and up, and turned into the target's local east-north-up frame at query time.
 *
 * `flyoutTo` is allocation-free: a few bilinear look-ups and a blend in azimuth (wrapping).
 */
import { ecefToGeodetic, eciToEcef, enuBasis } from '../earth/frames.js';
import type { EarthModel } from '../earth/model.js';
import { errorCodes, OpenBmdError, requireInRange } from '../errors.js';
import type { FlightSettings } from '../flight/ballistic.js';
import { altitudeOfStateM } from '../flight/forces.js';
import { FLIGHT_STATE_SIZE, stateAt, type Trajectory } from '../flight/trajectory.js';
import {
  flyInterceptor,
  type InterceptorFlight,
  interceptorBoostDurationS,
} from './interceptor.js';
import type { InterceptorDefinition } from './types.js';

const TWO_PI = 2 * Math.PI;
/**
 * Integration settings of the fan's flyouts: DOPRI5 at rtol 1e-6 keeps positions within a few
 * hundred metres of a DOP853 rtol 1e-11 flight (measured), a few hundredths of a second of flight,
 * well below the fan's interpolation error, at a fraction of the cost of the search settings.
 */
export const FAN_FLIGHT_SETTINGS: FlightSettings = { method: 'dopri5', rtol: 1e-6, atol: 1e-2 };
/**
 * Values per grid node: time (s); velocity along, across and up (m/s); the azimuth offset (rad) of
 * the point the node stands for from its slice's launch azimuth; coverage (1 on the mesh, 0
 * extrapolated).
 */
const NODE_SIZE = 6;
/**
 * Values per mesh vertex: range (m), altitude (m), time (s), velocity along, across, up (m/s),
 * azimuth offset from the slice's launch azimuth (rad).
 */
const VERTEX_SIZE = 7;
/** Crowding of the shapes towards the flattest, in steps of distance (exponent; 1: even). */
const END_CROWDING = 1.3;
/**
 * Extrapolation reach beyond the flattest flyout: at least one mesh cell width (the spacing of the
 * last two shapes) and at least RING_GRID_CELLS grid cells, but at most RING_MAX_WIDTHS mesh cell
 * widths (where the last two shapes nearly coincide).
 */
const EDGE_REACH = 1;
const RING_GRID_CELLS = 2;
const RING_MAX_WIDTHS = 64;
/**
 * How far below its apogee a descending leg is rasterised, in altitude steps of the grid: enough
 * to place the end of the ascent between grid nodes, not so far that descending legs cover the
 * region below the flattest flyout (see the rasterisation).
 */
const DESCENT_DEPTH_CELLS = 2;
/** Largest kick tried for the flattest shape, deg (the thrust 1 deg above the horizontal). */
const MAX_KICK_DEG = 89;
/**
 * The flattest shape stays this fraction of its kick short of the limit: there, flyouts change
 * fastest with the kick (a near-orbital one grazes the floor for thousands of kilometres), faster
 * than the mesh can follow (at 10 km/s without the margin: errors of up to 40 s at 9,000 km).
 */
const FLATTEST_KICK_MARGIN = 0.02;
/** Added to the rank of descending candidates so that any ascending one wins, s. */
const DESCENDING_RANK_S = 1e9;

export interface FlyoutFanOptions {
  /** Launch azimuths, evenly spaced from north (default 24). */
  readonly azimuthCount?: number;
  /** Flyout shapes per azimuth, the vertical one included (default 32). */
  readonly shapeCount?: number;
  /** Longest time from launch considered, s (default 1800). */
  readonly maxFlightTimeS?: number;
  /** Sampling interval of each flyout after burnout, s (default 10; during boost 2 s at most). */
  readonly sampleIntervalS?: number;
  /** Grid nodes in ground range (default 161) and in altitude (default 121). */
  readonly rangeNodeCount?: number;
  readonly altitudeNodeCount?: number;
  /**
   * Points at which the fan is checked against direct flyouts when it is built (default 200;
   * 0: not checked, `error` is null).
   */
  readonly errorSampleCount?: number;
}

export interface FlyoutFanError {
  /** Largest and root-mean-square difference between the fan's time and a direct flyout's, s. */
  readonly maxTimeErrorS: number;
  readonly rmsTimeErrorS: number;
  /** Largest difference in the interceptor's velocity at the point, m/s. */
  readonly maxVelocityErrorMps: number;
  /** Points compared. */
  readonly samples: number;
  /** Points a direct flyout reaches that the fan calls unreachable (at its edges). */
  readonly missedSamples: number;
}

export interface FlyoutFan {
  readonly interceptorId: string;
  readonly siteLatRad: number;
  readonly siteLonRad: number;
  readonly azimuthCount: number;
  /** Kick angles of the shapes, deg (0: the vertical flyout). */
  readonly kickAnglesDeg: readonly number[];
  readonly maxFlightTimeS: number;
  readonly rangeNodeCount: number;
  readonly altitudeNodeCount: number;
  readonly rangeStepM: number;
  readonly altitudeStepM: number;
  /**
   * The grid's extent: the furthest ground range reached below the top, and the top: the kill
   * vehicle's ceiling, or lower where the vertical flyout does not get that high (see the docs).
   */
  readonly maxRangeM: number;
  readonly maxAltitudeM: number;
  /** Radius of the ground-range coordinate, m (the model's equatorial radius). */
  readonly radiusM: number;
  /** The centre c(h) of each altitude row: latitude and longitude, rad. */
  readonly centreLatRad: Float64Array;
  readonly centreLonRad: Float64Array;
  /**
   * Node values, azimuth-major, then altitude, then range: time from launch (s; NaN where nothing
   * is known), velocity along, across and up (m/s), azimuth offset (rad), coverage.
   */
  readonly nodes: Float32Array;
  /** Interceptor flights flown to build the fan (and to check it). */
  readonly flights: number;
  /** The fan checked against direct flyouts at build time (null if not checked). */
  readonly error: FlyoutFanError | null;
}

/** The fan's coordinate frame: the centre table. */
interface FanFrame {
  readonly radiusM: number;
  readonly altitudeStepM: number;
  readonly altitudeNodeCount: number;
  readonly centreLatRad: Float64Array;
  readonly centreLonRad: Float64Array;
}

/**
 * Polar coordinates of a point about the centre c(altitude): writes ground range (m), azimuth
 * from the centre (rad) and the forward azimuth at the point of the great circle from the centre
 * (rad) to out[offset..offset + 2]. Allocation-free.
 */
const polarAboutCentre = (
  frame: FanFrame,
  latRad: number,
  lonRad: number,
  altitudeM: number,
  out: Float64Array,
  offset: number,
): void => {
  const last = frame.altitudeNodeCount - 1;
  let fh = altitudeM / frame.altitudeStepM;
  if (!(fh > 0)) fh = 0;
  if (fh > last) fh = last;
  const ih = fh >= last ? last - 1 : Math.floor(fh);
  const w = fh - ih;
  const cLat = (1 - w) * frame.centreLatRad[ih]! + w * frame.centreLatRad[ih + 1]!;
  const cLon = (1 - w) * frame.centreLonRad[ih]! + w * frame.centreLonRad[ih + 1]!;
  const sin1 = Math.sin(cLat);
  const cos1 = Math.cos(cLat);
  const sin2 = Math.sin(latRad);
  const cos2 = Math.cos(latRad);
  const dLon = lonRad - cLon;
  const sinD = Math.sin(dLon);
  const cosD = Math.cos(dLon);
  const east = cos2 * sinD;
  const north = cos1 * sin2 - sin1 * cos2 * cosD;
  out[offset] =
    frame.radiusM *
    Math.atan2(Math.sqrt(east * east + north * north), sin1 * sin2 + cos1 * cos2 * cosD);
  out[offset + 1] = Math.atan2(east, north);
  out[offset + 2] = Math.atan2(cos1 * sinD, cos1 * sin2 * cosD - sin1 * cos2);
};

/** Scratch for sampling a trajectory in Earth-fixed terms. */
interface SampleScratch {
  readonly state: Float64Array;
  readonly r: Float64Array;
  readonly v: Float64Array;
  readonly rE: Float64Array;
  readonly vE: Float64Array;
  /** Geodetic latitude, longitude (rad), altitude (m) of the last sample. */
  readonly geo: Float64Array;
  /** East, north, up velocity (m/s) of the last sample. */
  readonly enuVelocity: Float64Array;
  readonly enu: Float64Array;
}

const createScratch = (): SampleScratch => {
  const state = new Float64Array(FLIGHT_STATE_SIZE);
  return {
    state,
    r: state.subarray(0, 3),
    v: state.subarray(3, 6),
    rE: new Float64Array(3),
    vE: new Float64Array(3),
    geo: new Float64Array(3),
    enuVelocity: new Float64Array(3),
    enu: new Float64Array(9),
  };
};

/** A trajectory at tS in Earth-fixed terms, into the scratch's `geo`, `enuVelocity` and `rE`. */
const sampleEarthFixed = (
  traj: Trajectory,
  tS: number,
  model: EarthModel,
  s: SampleScratch,
): void => {
  stateAt(traj, Math.min(traj.endS, tS), s.state);
  eciToEcef(s.r, s.v, tS, model, s.rE, s.vE);
  ecefToGeodetic(s.rE[0]!, s.rE[1]!, s.rE[2]!, model, s.geo);
  enuBasis(s.geo[0]!, s.geo[1]!, model, s.enu);
  const e = s.enu;
  const vx = s.vE[0]!;
  const vy = s.vE[1]!;
  const vz = s.vE[2]!;
  s.enuVelocity[0] = e[0]! * vx + e[1]! * vy + e[2]! * vz;
  s.enuVelocity[1] = e[3]! * vx + e[4]! * vy + e[5]! * vz;
  s.enuVelocity[2] = e[6]! * vx + e[7]! * vy + e[8]! * vz;
};

/**
 * The sample times after launch, s, the same for every flyout (so that the map from (shape, time)
 * to position is smooth across shapes): every dtBoost (2 s at most) to burnout, then every
 * dtCoast to one interval past the time limit, the first interval split at 2, 4, 8, ... dtBoost
 * after burnout (right after burnout a low kill vehicle still slows fast in the air: a light,
 * short-burn interceptor burns out at about 20 km).
 */
const sampleTimesS = (boostS: number, maxT: number, dtCoast: number): Float64Array => {
  const out: number[] = [];
  const endS = maxT + dtCoast;
  const boostEnd = Math.min(boostS, endS);
  const dtBoost = Math.min(2, dtCoast);
  const nb = Math.max(1, Math.ceil(boostEnd / dtBoost));
  for (let i = 0; i <= nb; i++) out.push((i * boostEnd) / nb);
  if (endS > boostEnd) {
    const nc = Math.max(1, Math.ceil((endS - boostEnd) / dtCoast));
    const first = (endS - boostEnd) / nc;
    for (let dt = 2 * dtBoost; dt < 0.75 * first; dt *= 2) out.push(boostEnd + dt);
    for (let i = 1; i <= nc; i++) out.push(boostEnd + first * i);
  }
  return Float64Array.from(out);
};

/**
 * The kick angles of the fan's shapes, deg: 0 (vertical), then kicks up to the flattest whose
 * ascending leg still tops half the kill vehicle's floor (at least 10 km; its altitude above the
 * ellipsoid) without turning down under thrust, at all four cardinal azimuths (bisection to
 * 0.05 deg, from 89 deg at most: the thrust then ends 1 deg above the horizontal), less 2 %
 * (FLATTEST_KICK_MARGIN). Flatter flyouts, which fly lower still, never reach the kill vehicle's
 * band. Between them the kicks are spaced by how far apart neighbouring flyouts are: flyouts at
 * 33 evenly spaced kicks, launched east and west (where the rotation helps and hinders most), are
 * compared at 48 common times; the step between neighbours is the largest distance between their
 * points where either climbs below the ceiling (the larger of east and west). The kicks are
 * placed at steps of the cumulative distance that shrink towards the flattest (fractions
 * 1 - (1 - i/n)^1.3), where the flyouts' ascents end low and change fastest.
 */
const shapeKicksDeg = (
  model: EarthModel,
  interceptor: InterceptorDefinition,
  siteLatRad: number,
  siteLonRad: number,
  shapeCount: number,
  maxFlightTimeS: number,
): { kicksDeg: number[]; flights: number } => {
  let flights = 0;
  const kv = interceptor.killVehicle;
  const floorM = Math.max(10_000, 0.5 * kv.minAltitudeM);
  const scratch = createScratch();
  const flyout = (
    kickDeg: number,
    until: 'apogee' | 'time-limit',
    azimuthRad = 0,
  ): InterceptorFlight => {
    flights++;
    return flyInterceptor(
      model,
      interceptor.vehicle,
      { latRad: siteLatRad, lonRad: siteLonRad, azimuthRad, kickAngleDeg: kickDeg },
      { until, record: until === 'time-limit', maxFlightTimeS, settings: FAN_FLIGHT_SETTINGS },
    );
  };
  const topsFloor = (kickDeg: number, azimuthRad: number): boolean => {
    const f = flyout(kickDeg, 'apogee', azimuthRad);
    if (f.end === 'impact' || f.descendedDuringBoost) return false;
    return altitudeOfStateM(model, f.endState) >= floorM;
  };
  // The flattest kick that works at every azimuth (the rotation helps eastward flyouts): the
  // smallest of the four cardinal directions' limits, less the margin.
  let kMax = MAX_KICK_DEG;
  for (let q = 0; q < 4; q++) {
    const az = (q * Math.PI) / 2;
    let lo = 0;
    let hi = kMax;
    if (topsFloor(hi, az)) continue;
    while (hi - lo > 0.05) {
      const mid = 0.5 * (lo + hi);
      if (topsFloor(mid, az)) lo = mid;
      else hi = mid;
    }
    kMax = lo;
  }
  kMax *= 1 - FLATTEST_KICK_MARGIN;
  const tableN = 33;
  const pointsN = 48;
  const tableKick = new Float64Array(tableN);
  for (let i = 0; i < tableN; i++) tableKick[i] = (kMax * i) / (tableN - 1);
  const cumulative = new Float64Array(tableN);
  const pts = new Float64Array(tableN * pointsN * 3);
  const usable = new Uint8Array(tableN * pointsN);
  const steps = new Float64Array(tableN);
  for (const az of [Math.PI / 2, (3 * Math.PI) / 2]) {
    for (let i = 0; i < tableN; i++) {
      const f = flyout(tableKick[i]!, 'time-limit', az);
      const traj = f.trajectory!;
      for (let p = 0; p < pointsN; p++) {
        sampleEarthFixed(traj, traj.startS + ((p + 1) * maxFlightTimeS) / pointsN, model, scratch);
        const o = (i * pointsN + p) * 3;
        pts[o] = scratch.rE[0]!;
        pts[o + 1] = scratch.rE[1]!;
        pts[o + 2] = scratch.rE[2]!;
        usable[i * pointsN + p] =
          scratch.enuVelocity[2]! >= 0 && scratch.geo[2]! <= kv.maxAltitudeM ? 1 : 0;
      }
    }
    for (let i = 1; i < tableN; i++) {
      let worst = 0;
      for (let p = 0; p < pointsN; p++) {
        if (usable[i * pointsN + p] === 0 && usable[(i - 1) * pointsN + p] === 0) continue;
        const a = ((i - 1) * pointsN + p) * 3;
        const b = (i * pointsN + p) * 3;
        const dx = pts[b]! - pts[a]!;
        const dy = pts[b + 1]! - pts[a + 1]!;
        const dz = pts[b + 2]! - pts[a + 2]!;
        worst = Math.max(worst, Math.sqrt(dx * dx + dy * dy + dz * dz));
      }
      steps[i] = Math.max(steps[i]!, worst);
    }
  }
  for (let i = 1; i < tableN; i++) cumulative[i] = cumulative[i - 1]! + steps[i]!;
  const total = cumulative[tableN - 1]!;
  const kicksDeg = [0];
  let seg = 0;
  for (let i = 1; i < shapeCount; i++) {
    const c = total * (1 - (1 - i / (shapeCount - 1)) ** END_CROWDING);
    while (seg < tableN - 2 && cumulative[seg + 1]! < c) seg++;
    const c0 = cumulative[seg]!;
    const c1 = cumulative[seg + 1]!;
    const w = c1 > c0 ? Math.min(1, Math.max(0, (c - c0) / (c1 - c0))) : 1;
    const kick = tableKick[seg]! + w * (tableKick[seg + 1]! - tableKick[seg]!);
    kicksDeg.push(Math.max(kick, kicksDeg[i - 1]! + 1e-3));
  }
  return { kicksDeg, flights };
};

/**
 * Inverse of the bilinear map p(u, v) = a + u (b - a) + v (d - a) + u v (a - b + c - d) of the
 * quadrilateral a, b, c, d at (px, py): writes (u, v) to uv and returns true if a solution has
 * u in [uLo, uHi] and v in [0, 1] (to a small tolerance). u beyond 1 extrapolates the map.
 */
const invertBilinear = (
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
  px: number,
  py: number,
  uLo: number,
  uHi: number,
  uv: Float64Array,
): boolean => {
  const ex = bx - ax;
  const ey = by - ay;
  const fx = dx - ax;
  const fy = dy - ay;
  const gx = ax - bx + cx - dx;
  const gy = ay - by + cy - dy;
  const hx = px - ax;
  const hy = py - ay;
  const k2 = gx * fy - gy * fx;
  const k1 = ex * fy - ey * fx + hx * gy - hy * gx;
  const k0 = hx * ey - hy * ex;
  const disc = k1 * k1 - 4 * k0 * k2;
  if (disc < 0) return false;
  // Stable roots of k2 v^2 + k1 v + k0 = 0 (one of them is the linear root when k2 -> 0).
  const q = -0.5 * (k1 + (k1 >= 0 ? Math.sqrt(disc) : -Math.sqrt(disc)));
  if (q === 0) return false;
  const tol = 1e-9;
  for (let root = 0; root < 2; root++) {
    const v = root === 0 ? k0 / q : k2 !== 0 ? q / k2 : Number.NaN;
    if (!(v >= -tol && v <= 1 + tol)) continue;
    const denX = ex + gx * v;
    const denY = ey + gy * v;
    const u = Math.abs(denX) >= Math.abs(denY) ? (hx - fx * v) / denX : (hy - fy * v) / denY;
    if (u >= uLo - tol && u <= uHi + tol) {
      uv[0] = u;
      uv[1] = v;
      return true;
    }
  }
  return false;
};

const positiveInteger = (x: number, min: number, path: string): number => {
  if (!Number.isInteger(x) || x < min) {
    throw new OpenBmdError(
      errorCodes.invalidInput,
      `must be a whole number of at least ${min}, got ${x}`,
      path,
    );
  }
  return x;
};

/**
 * Builds the flyout fan of an interceptor at a site (see the module comment). Throws
 * E_INVALID_INPUT or E_OUT_OF_RANGE for bad options or site coordinates.
 */
export const buildFlyoutFan = (
  model: EarthModel,
  interceptor: InterceptorDefinition,
  siteLatRad: number,
  siteLonRad: number,
  options: FlyoutFanOptions = {},
): FlyoutFan => {
  requireInRange(siteLatRad, -Math.PI / 2, Math.PI / 2, 'rad', 'siteLatRad');
  requireInRange(siteLonRad, -TWO_PI, TWO_PI, 'rad', 'siteLonRad');
  const azimuthCount = positiveInteger(options.azimuthCount ?? 24, 4, 'azimuthCount');
  const shapeCount = positiveInteger(options.shapeCount ?? 32, 3, 'shapeCount');
  const nR = positiveInteger(options.rangeNodeCount ?? 161, 3, 'rangeNodeCount');
  const nH = positiveInteger(options.altitudeNodeCount ?? 121, 3, 'altitudeNodeCount');
  const errorSamples = positiveInteger(options.errorSampleCount ?? 200, 0, 'errorSampleCount');
  const maxT = requireInRange(options.maxFlightTimeS ?? 1800, 1, 86_400, 's', 'maxFlightTimeS');
  const dtCoast = requireInRange(options.sampleIntervalS ?? 10, 0.01, 600, 's', 'sampleIntervalS');
  const vehicle = interceptor.vehicle;
  const ceilingM = interceptor.killVehicle.maxAltitudeM;

  // Shapes: the vertical flyout, then steep to flat.
  const shapes = shapeKicksDeg(model, interceptor, siteLatRad, siteLonRad, shapeCount, maxT);
  let flights = shapes.flights;
  const kicks = shapes.kicksDeg;
  const times = sampleTimesS(interceptorBoostDurationS(vehicle), maxT, dtCoast);
  const maxJ = times.length;
  const endS = times[maxJ - 1]!;
  const fly = (azRad: number, kickDeg: number): InterceptorFlight => {
    flights++;
    return flyInterceptor(
      model,
      vehicle,
      { latRad: siteLatRad, lonRad: siteLonRad, azimuthRad: azRad, kickAngleDeg: kickDeg },
      { until: 'time-limit', maxFlightTimeS: endS, settings: FAN_FLIGHT_SETTINGS },
    );
  };
  const scratch = createScratch();

  // The vertical flyout fixes the altitude grid's top and the centre c(h) of every row.
  const vertical = fly(0, 0);
  const vTraj = vertical.trajectory!;
  const vAlt: number[] = [0];
  const vLat: number[] = [siteLatRad];
  const vLon: number[] = [siteLonRad];
  let climbEndS = 0;
  for (let j = 1; j < maxJ; j++) {
    sampleEarthFixed(vTraj, vTraj.startS + times[j]!, model, scratch);
    if (scratch.enuVelocity[2]! < 0 || scratch.geo[2]! <= vAlt[vAlt.length - 1]!) break;
    let dLon = scratch.geo[1]! - siteLonRad;
    dLon -= TWO_PI * Math.round(dLon / TWO_PI);
    vAlt.push(scratch.geo[2]!);
    vLat.push(scratch.geo[0]!);
    vLon.push(siteLonRad + dLon);
    climbEndS = times[j]!;
  }
  // The top: the ceiling, or the highest altitude the vertical flyout reaches within the time
  // limit if lower. Near the vertical flyout's apogee the time to reach a point grows like the
  // square root of its distance below the apogee, which no grid resolves: if the apogee comes
  // first, the top is where the vertical flyout's climb has slowed to 30 % of its burnout speed.
  let topM = ceilingM;
  const apogee = vTraj.events.find((e) => e.kind === 'apogee');
  if (apogee === undefined || apogee.timeS - vTraj.startS > maxT) {
    sampleEarthFixed(vTraj, vTraj.startS + Math.min(maxT, climbEndS), model, scratch);
    topM = Math.min(topM, scratch.geo[2]!);
  } else {
    sampleEarthFixed(vTraj, apogee.timeS, model, scratch);
    const r = model.radiusM + scratch.geo[2]!;
    const slowS = (0.3 * vertical.burnout.speedMps * r * r) / model.gmM3S2;
    sampleEarthFixed(vTraj, Math.max(vTraj.startS, apogee.timeS - slowS), model, scratch);
    topM = Math.min(topM, scratch.geo[2]!);
  }
  const maxAltitudeM = Math.max(1, Math.min(topM, vAlt[vAlt.length - 1]!));
  const altitudeStepM = maxAltitudeM / (nH - 1);
  const centreLatRad = new Float64Array(nH);
  const centreLonRad = new Float64Array(nH);
  for (let ih = 0, j = 0; ih < nH; ih++) {
    const h = ih * altitudeStepM;
    while (j < vAlt.length - 2 && vAlt[j + 1]! < h) j++;
    const j1 = Math.min(j + 1, vAlt.length - 1);
    const span = vAlt[j1]! - vAlt[j]!;
    const w = span > 0 ? Math.min(1, Math.max(0, (h - vAlt[j]!) / span)) : 0;
    centreLatRad[ih] = (1 - w) * vLat[j]! + w * vLat[j1]!;
    centreLonRad[ih] = (1 - w) * vLon[j]! + w * vLon[j1]!;
  }
  const frame: FanFrame = {
    radiusM: model.radiusM,
    altitudeStepM,
    altitudeNodeCount: nH,
    centreLatRad,
    centreLonRad,
  };

  // Sample every flyout: vertices (range, altitude, time, v along, v across, v up, offset). A
  // flyout that hits the ground before the last sample time holds its last point.
  const perShape = maxJ * VERTEX_SIZE;
  const perSlice = shapeCount * perShape;
  const vertices = new Float64Array(azimuthCount * perSlice);
  const polar = new Float64Array(3);
  const maxOffsetRad = (0.45 * TWO_PI) / azimuthCount;
  let maxRangeM = 0;
  // Per azimuth and shape, the highest altitude sampled on the ascending leg, m.
  const apogeeAltitudeM = new Float64Array(azimuthCount * shapeCount).fill(
    Number.POSITIVE_INFINITY,
  );
  const addFlyout = (k: number, i: number, flight: InterceptorFlight, azRad: number) => {
    const traj = flight.trajectory!;
    const base = k * perSlice + i * perShape;
    let peakM = 0;
    for (let j = 0; j < maxJ; j++) {
      const tS = Math.min(traj.startS + times[j]!, flight.endTimeS);
      sampleEarthFixed(traj, tS, model, scratch);
      const altM = scratch.geo[2]!;
      const vUp = scratch.enuVelocity[2]!;
      polarAboutCentre(frame, scratch.geo[0]!, scratch.geo[1]!, altM, polar, 0);
      // The climbing vertical flyout is the centre itself: range 0, in the frame of the slice.
      const onAxis = i === 0 && vUp >= 0;
      const fwd = onAxis ? azRad : polar[2]!;
      const sf = Math.sin(fwd);
      const cf = Math.cos(fwd);
      const ve = scratch.enuVelocity[0]!;
      const vn = scratch.enuVelocity[1]!;
      const o = base + j * VERTEX_SIZE;
      vertices[o] = onAxis ? 0 : polar[0]!;
      vertices[o + 1] = altM;
      vertices[o + 2] = tS - traj.startS;
      vertices[o + 3] = ve * sf + vn * cf;
      vertices[o + 4] = ve * cf - vn * sf;
      vertices[o + 5] = vUp;
      // Where the point lies in azimuth (the Earth's rotation bends the flyout out of its launch
      // plane), as an offset from the launch azimuth, kept below half the azimuth spacing.
      let offset = onAxis ? 0 : polar[1]! - azRad;
      offset -= TWO_PI * Math.round(offset / TWO_PI);
      vertices[o + 6] = Math.max(-maxOffsetRad, Math.min(maxOffsetRad, offset));
      peakM = Math.max(peakM, altM);
      if (vUp < 0 && apogeeAltitudeM[k * shapeCount + i] === Number.POSITIVE_INFINITY) {
        apogeeAltitudeM[k * shapeCount + i] = peakM;
      }
      // The furthest range of the ascending mesh below the top and within the time limit: this
      // vertex, or where the segment from the previous one leaves that region (a fast flyout
      // travels tens of kilometres between samples).
      const inside = vUp >= 0 && altM <= maxAltitudeM && times[j]! <= maxT;
      if (inside) {
        maxRangeM = Math.max(maxRangeM, vertices[o]!);
      } else if (j > 0) {
        const p = o - VERTEX_SIZE;
        const h0 = vertices[p + 1]!;
        const w0 = vertices[p + 5]!;
        const t0 = times[j - 1]!;
        if (w0 >= 0 && h0 <= maxAltitudeM && t0 <= maxT) {
          let f = 1;
          if (vUp < 0) f = Math.min(f, w0 / (w0 - vUp));
          if (altM > maxAltitudeM) f = Math.min(f, (maxAltitudeM - h0) / (altM - h0));
          if (times[j]! > maxT) f = Math.min(f, (maxT - t0) / (times[j]! - t0));
          maxRangeM = Math.max(maxRangeM, vertices[p]! + f * (vertices[o]! - vertices[p]!));
        }
      }
    }
  };
  for (let k = 0; k < azimuthCount; k++) {
    const az = (TWO_PI * k) / azimuthCount;
    addFlyout(k, 0, vertical, az);
    for (let i = 1; i < shapeCount; i++) addFlyout(k, i, fly(az, kicks[i]!), az);
  }

  // Rasterise, per azimuth: pass 0, every mesh cell up to just after the apogees, the earliest
  // ascending time at each node (or the earliest descending one where no ascending flyout
  // reaches); pass 1, nodes just beyond the flattest flyout, extrapolated (coverage 0).
  //
  // Descending legs are cut off just after their apogees (DESCENT_DEPTH_CELLS): their only use is
  // to place the end of the ascent, where the time is continuous. Further down, the descending
  // legs of steep flyouts fall back through the region below the flattest flyout, where the time
  // would jump from the flattest flyout's to the falling one's: under the gravity-turn kick that
  // the fan once flew, the SM-3 IIA's flattest flyout climbed at 51 deg and reached 435 km at
  // 160 s, while a falling one passed just below at 1,230 s, and queries blending the two at the
  // edge were off by hundreds of seconds. Cut off, that region is empty and gets the
  // extrapolated ring. The ring reaches two grid cells at least: the last two shapes can lie
  // much closer together than a grid cell.
  const rangeStepM = Math.max(maxRangeM, 1) / (nR - 2);
  const nodes = new Float32Array(azimuthCount * nH * nR * NODE_SIZE).fill(Number.NaN);
  const best = new Float64Array(nH * nR);
  const uv = new Float64Array(2);
  const descentDepthM = DESCENT_DEPTH_CELLS * altitudeStepM;
  for (let k = 0; k < azimuthCount; k++) {
    const sliceNodes = k * nH * nR * NODE_SIZE;
    for (let pass = 0; pass < 2; pass++) {
      best.fill(Number.POSITIVE_INFINITY);
      const firstPair = pass === 0 ? 0 : shapeCount - 2;
      for (let i = firstPair; i + 1 < shapeCount; i++) {
        const b0 = k * perSlice + i * perShape;
        const b1 = b0 + perShape;
        const deepA = apogeeAltitudeM[k * shapeCount + i]! - descentDepthM;
        const deepB = apogeeAltitudeM[k * shapeCount + i + 1]! - descentDepthM;
        for (let j = 0; j + 1 < maxJ; j++) {
          const oa = b0 + j * VERTEX_SIZE;
          const ob = b1 + j * VERTEX_SIZE;
          const oc = ob + VERTEX_SIZE;
          const od = oa + VERTEX_SIZE;
          // Both flyouts are descending and have fallen deeper than the depth below their
          // apogees: skip the cell (and the rest of the pair's cells, all later).
          if (
            vertices[oa + 5]! < 0 &&
            vertices[ob + 5]! < 0 &&
            vertices[oa + 1]! < deepA &&
            vertices[ob + 1]! < deepB
          ) {
            break;
          }
          const ax = vertices[oa]!;
          const ay = vertices[oa + 1]!;
          const bx = vertices[ob]!;
          const by = vertices[ob + 1]!;
          const cx = vertices[oc]!;
          const cy = vertices[oc + 1]!;
          const dx = vertices[od]!;
          const dy = vertices[od + 1]!;
          let rMin = Math.min(ax, bx, cx, dx);
          let rMax = Math.max(ax, bx, cx, dx);
          let hMin = Math.min(ay, by, cy, dy);
          let hMax = Math.max(ay, by, cy, dy);
          // Pass 1: u from 1 to uMax, beyond the flattest flyout; the width of the cell (the
          // spacing of the last two shapes) in grid cells scales the reach and the rank.
          let uMax = 1;
          let widthCells = 1;
          if (pass === 1) {
            widthCells = Math.max(
              1e-6,
              Math.min(
                Math.hypot((bx - ax) / rangeStepM, (by - ay) / altitudeStepM),
                Math.hypot((cx - dx) / rangeStepM, (cy - dy) / altitudeStepM),
              ),
            );
            const reach = Math.min(
              RING_MAX_WIDTHS,
              Math.max(EDGE_REACH, RING_GRID_CELLS / widthCells),
            );
            uMax = 1 + reach;
            const ebx = bx + reach * (bx - ax);
            const eby = by + reach * (by - ay);
            const ecx = cx + reach * (cx - dx);
            const ecy = cy + reach * (cy - dy);
            rMin = Math.min(bx, cx, ebx, ecx);
            rMax = Math.max(bx, cx, ebx, ecx);
            hMin = Math.min(by, cy, eby, ecy);
            hMax = Math.max(by, cy, eby, ecy);
          }
          if (rMin > maxRangeM + rangeStepM || hMin > maxAltitudeM) continue;
          const r0 = Math.max(0, Math.ceil(rMin / rangeStepM - 1e-9));
          const r1 = Math.min(nR - 1, Math.floor(rMax / rangeStepM + 1e-9));
          const h0 = Math.max(0, Math.ceil(hMin / altitudeStepM - 1e-9));
          const h1 = Math.min(nH - 1, Math.floor(hMax / altitudeStepM + 1e-9));
          for (let ih = h0; ih <= h1; ih++) {
            const py = ih * altitudeStepM;
            for (let ir = r0; ir <= r1; ir++) {
              const node = ih * nR + ir;
              const o = sliceNodes + node * NODE_SIZE;
              if (pass === 1 && nodes[o + 5] === 1) continue;
              const px = ir * rangeStepM;
              const uLo = pass === 0 ? 0 : 1;
              if (!invertBilinear(ax, ay, bx, by, cx, cy, dx, dy, px, py, uLo, uMax, uv)) continue;
              const u = uv[0]!;
              const v = uv[1]!;
              // Pass 1 extrapolates outwards only: beyond the flattest flyout (u > 1).
              if (pass === 1 && !(u > 1)) continue;
              const wa = (1 - u) * (1 - v);
              const wb = u * (1 - v);
              const wc = u * v;
              const wd = (1 - u) * v;
              const t =
                wa * vertices[oa + 2]! +
                wb * vertices[ob + 2]! +
                wc * vertices[oc + 2]! +
                wd * vertices[od + 2]!;
              const vUp =
                wa * vertices[oa + 5]! +
                wb * vertices[ob + 5]! +
                wc * vertices[oc + 5]! +
                wd * vertices[od + 5]!;
              const rank = pass === 1 ? (u - 1) * widthCells : vUp >= 0 ? t : t + DESCENDING_RANK_S;
              if (!(rank < best[node]!)) continue;
              best[node] = rank;
              nodes[o] = t;
              for (let c = 1; c < 5; c++) {
                nodes[o + c] =
                  wa * vertices[oa + 2 + c]! +
                  wb * vertices[ob + 2 + c]! +
                  wc * vertices[oc + 2 + c]! +
                  wd * vertices[od + 2 + c]!;
              }
              nodes[o + 5] = pass === 0 ? 1 : 0;
            }
          }
        }
      }
    }
  }

  const fan: FlyoutFan = {
    interceptorId: interceptor.id,
    siteLatRad,
    siteLonRad,
    azimuthCount,
    kickAnglesDeg: kicks,
    maxFlightTimeS: maxT,
    rangeNodeCount: nR,
    altitudeNodeCount: nH,
    rangeStepM,
    altitudeStepM,
    maxRangeM,
    maxAltitudeM,
    radiusM: model.radiusM,
    centreLatRad,
    centreLonRad,
    nodes,
    flights,
    error: null,
  };
  if (errorSamples === 0) return fan;
  const { flights: checkFlights, ...error } = measureFlyoutFanError(
    fan,
    model,
    interceptor,
    errorSamples,
  );
  return { ...fan, flights: fan.flights + checkFlights, error };
};

/**
 * Bilinear look-up of one azimuth slice at node (ir, ih) with weights (wr, wh): writes the node
 * values to out[offset..offset + NODE_SIZE - 1]; false if a corner has no value.
 */
const lookUp = (
  nodes: Float32Array,
  base: number,
  nR: number,
  ir: number,
  ih: number,
  wr: number,
  wh: number,
  out: Float64Array,
  offset: number,
): boolean => {
  const o00 = base + (ih * nR + ir) * NODE_SIZE;
  const o01 = o00 + NODE_SIZE;
  const o10 = o00 + nR * NODE_SIZE;
  const o11 = o10 + NODE_SIZE;
  // NaN anywhere makes the sum NaN.
  if (Number.isNaN(nodes[o00]! + nodes[o01]! + nodes[o10]! + nodes[o11]!)) return false;
  const w00 = (1 - wr) * (1 - wh);
  const w01 = wr * (1 - wh);
  const w10 = (1 - wr) * wh;
  const w11 = wr * wh;
  for (let c = 0; c < NODE_SIZE; c++) {
    out[offset + c] =
      w00 * nodes[o00 + c]! + w01 * nodes[o01 + c]! + w10 * nodes[o10 + c]! + w11 * nodes[o11 + c]!;
  }
  return true;
};

const lookUpScratch = new Float64Array(4 * NODE_SIZE);
const polarScratch = new Float64Array(3);

/**
 * Time from launch (out[0], s) for the interceptor to reach an Earth-fixed point, and its
 * Earth-relative velocity there in the point's local east-north-up frame (out[1..3], m/s), from
 * the fan; false (out untouched) if the fan does not reach the point on an ascending leg within
 * its time limit and below its top. Allocation-free.
 */
export const flyoutTo = (
  fan: FlyoutFan,
  targetLatRad: number,
  targetLonRad: number,
  targetAltitudeM: number,
  out: Float64Array,
): boolean => {
  if (!(targetAltitudeM >= 0 && targetAltitudeM <= fan.maxAltitudeM)) return false;
  const p = polarScratch;
  polarAboutCentre(fan, targetLatRad, targetLonRad, targetAltitudeM, p, 0);
  const rangeM = p[0]!;
  if (!(rangeM <= fan.maxRangeM)) return false;
  const nR = fan.rangeNodeCount;
  const nH = fan.altitudeNodeCount;
  const fr = rangeM / fan.rangeStepM;
  const fh = targetAltitudeM / fan.altitudeStepM;
  const ir = Math.min(nR - 2, Math.floor(fr));
  const ih = Math.min(nH - 2, Math.floor(fh));
  const wr = fr - ir;
  const wh = fh - ih;
  // The two azimuth slices whose points at (range, altitude) bracket the point's azimuth (each
  // slice's points lie off its launch azimuth by the stored offset).
  const k = fan.azimuthCount;
  const spacing = TWO_PI / k;
  const beta = p[1]!;
  let k0 = Math.floor(beta / spacing);
  const slice = nH * nR * NODE_SIZE;
  const nodes = fan.nodes;
  const s = lookUpScratch;
  const n1 = NODE_SIZE;
  let i0 = ((k0 % k) + k) % k;
  let i1 = i0 + 1 === k ? 0 : i0 + 1;
  if (!lookUp(nodes, i0 * slice, nR, ir, ih, wr, wh, s, 0)) return false;
  if (!lookUp(nodes, i1 * slice, nR, ir, ih, wr, wh, s, n1)) return false;
  let beta0 = k0 * spacing + s[4]!;
  let beta1 = (k0 + 1) * spacing + s[n1 + 4]!;
  if (beta < beta0) {
    for (let c = 0; c < NODE_SIZE; c++) s[n1 + c] = s[c]!;
    beta1 = beta0;
    k0--;
    i1 = i0;
    i0 = i0 === 0 ? k - 1 : i0 - 1;
    if (!lookUp(nodes, i0 * slice, nR, ir, ih, wr, wh, s, 0)) return false;
    beta0 = k0 * spacing + s[4]!;
  } else if (beta > beta1) {
    for (let c = 0; c < NODE_SIZE; c++) s[c] = s[n1 + c]!;
    beta0 = beta1;
    k0++;
    i0 = i1;
    i1 = i1 + 1 === k ? 0 : i1 + 1;
    if (!lookUp(nodes, i1 * slice, nR, ir, ih, wr, wh, s, n1)) return false;
    beta1 = (k0 + 1) * spacing + s[n1 + 4]!;
  }
  const wa = beta1 > beta0 ? Math.min(1, Math.max(0, (beta - beta0) / (beta1 - beta0))) : 0.5;
  // On the mesh (not extrapolated beyond the flattest flyout), to half a cell.
  if (!((1 - wa) * s[5]! + wa * s[n1 + 5]! >= 0.5)) return false;
  // Weights of the slices before, at each side of and after the point: cubic (Lagrange, at the
  // slices' true azimuths) where all four have values, else linear.
  let wm = 0;
  let w0 = 1 - wa;
  let w1 = wa;
  let wp = 0;
  const nm = 2 * NODE_SIZE;
  const np = 3 * NODE_SIZE;
  const im = i0 === 0 ? k - 1 : i0 - 1;
  const ip = i1 + 1 === k ? 0 : i1 + 1;
  if (
    lookUp(nodes, im * slice, nR, ir, ih, wr, wh, s, nm) &&
    lookUp(nodes, ip * slice, nR, ir, ih, wr, wh, s, np)
  ) {
    const xm = (k0 - 1) * spacing + s[nm + 4]!;
    const xp = (k0 + 2) * spacing + s[np + 4]!;
    const a = beta - xm;
    const b = beta - beta0;
    const c = beta - beta1;
    const d = beta - xp;
    wm = (b * c * d) / ((xm - beta0) * (xm - beta1) * (xm - xp));
    w0 = (a * c * d) / ((beta0 - xm) * (beta0 - beta1) * (beta0 - xp));
    w1 = (a * b * d) / ((beta1 - xm) * (beta1 - beta0) * (beta1 - xp));
    wp = (a * b * c) / ((xp - xm) * (xp - beta0) * (xp - beta1));
  }
  const timeS = wm * s[nm]! + w0 * s[0]! + w1 * s[n1]! + wp * s[np]!;
  const up = wm * s[nm + 3]! + w0 * s[3]! + w1 * s[n1 + 3]! + wp * s[np + 3]!;
  // Reached on an ascending leg (climbing), within the time limit.
  if (!(up >= 0 && timeS <= fan.maxFlightTimeS)) return false;
  const along = wm * s[nm + 1]! + w0 * s[1]! + w1 * s[n1 + 1]! + wp * s[np + 1]!;
  const across = wm * s[nm + 2]! + w0 * s[2]! + w1 * s[n1 + 2]! + wp * s[np + 2]!;
  const fwd = p[2]!;
  const sf = Math.sin(fwd);
  const cf = Math.cos(fwd);
  out[0] = timeS;
  out[1] = along * sf + across * cf;
  out[2] = along * cf - across * sf;
  out[3] = up;
  return true;
};

/** A small deterministic generator (mulberry32) for the error check's sample points. */
const mulberry32 = (seed: number) => {
  let a = seed >>> 0;
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

/**
 * Checks a fan against direct flyouts: flights with kick angles and launch azimuths midway
 * between the fan's, sampled at random times on their ascending legs where they are inside the
 * kill vehicle's altitude band (and below the fan's top); the fan's time to each point is
 * compared with the flight's own. The flights take the pairs of neighbouring shapes in a shuffled
 * order (every pair once before any twice, so that the edges of the fan, the first and last
 * pairs, are not left to chance), at random azimuths, five points each. Deterministic (a fixed
 * seed). The flight's time is an upper bound on the earliest time, so the error is, if anything,
 * overstated.
 */
export const measureFlyoutFanError = (
  fan: FlyoutFan,
  model: EarthModel,
  interceptor: InterceptorDefinition,
  sampleCount: number,
): FlyoutFanError & { readonly flights: number } => {
  positiveInteger(sampleCount, 1, 'sampleCount');
  const random = mulberry32(0x0b3d);
  const kicks = fan.kickAnglesDeg;
  const kv = interceptor.killVehicle;
  const top = Math.min(kv.maxAltitudeM, fan.maxAltitudeM);
  const pointsPerFlight = 5;
  const pairs = kicks.length - 1;
  const order = new Int32Array(pairs);
  for (let i = 0; i < pairs; i++) order[i] = i;
  for (let i = pairs - 1; i > 0; i--) {
    const r = Math.floor(random() * (i + 1));
    const x = order[i]!;
    order[i] = order[r]!;
    order[r] = x;
  }
  const scratch = createScratch();
  const out = new Float64Array(4);
  let samples = 0;
  let missed = 0;
  let maxErr = 0;
  let sumSq = 0;
  let maxVelErr = 0;
  let flights = 0;
  for (let f = 0; f < 4 * sampleCount && samples + missed < sampleCount; f++) {
    const k = Math.floor(random() * fan.azimuthCount);
    const az = (TWO_PI * (k + 0.5)) / fan.azimuthCount;
    const i = order[f % pairs]!;
    const kick = 0.5 * (kicks[i]! + kicks[i + 1]!);
    flights++;
    const flight = flyInterceptor(
      model,
      interceptor.vehicle,
      { latRad: fan.siteLatRad, lonRad: fan.siteLonRad, azimuthRad: az, kickAngleDeg: kick },
      { until: 'apogee', maxFlightTimeS: fan.maxFlightTimeS },
    );
    const traj = flight.trajectory!;
    const t0 = traj.startS;
    const t1 = flight.endTimeS;
    let taken = 0;
    for (let p = 0; p < 4 * pointsPerFlight && taken < pointsPerFlight; p++) {
      if (samples + missed >= sampleCount) break;
      const tS = t0 + random() * (t1 - t0);
      sampleEarthFixed(traj, tS, model, scratch);
      const g = scratch.geo;
      const alt = g[2]!;
      if (alt < kv.minAltitudeM || alt > top) continue;
      taken++;
      if (!flyoutTo(fan, g[0]!, g[1]!, alt, out)) {
        missed++;
        continue;
      }
      const err = Math.abs(out[0]! - (tS - t0));
      samples++;
      sumSq += err * err;
      if (err > maxErr) maxErr = err;
      const v = scratch.enuVelocity;
      const dv = Math.hypot(out[1]! - v[0]!, out[2]! - v[1]!, out[3]! - v[2]!);
      if (dv > maxVelErr) maxVelErr = dv;
    }
  }
  return {
    maxTimeErrorS: maxErr,
    rmsTimeErrorS: samples === 0 ? 0 : Math.sqrt(sumSq / samples),
    maxVelocityErrorMps: maxVelErr,
    samples,
    missedSamples: missed,
    flights,
  };
};

/** What a fan is, for the assumption ledger of an engagement result. */
export const describeFlyoutFan = (fan: FlyoutFan) => ({
  interceptorId: fan.interceptorId,
  azimuths: fan.azimuthCount,
  shapes: fan.kickAnglesDeg.length,
  kickRangeDeg: [0, fan.kickAnglesDeg[fan.kickAnglesDeg.length - 1] ?? 0] as const,
  maxFlightTimeS: fan.maxFlightTimeS,
  grid: {
    rangeStepKm: fan.rangeStepM / 1000,
    altitudeStepKm: fan.altitudeStepM / 1000,
    maxRangeKm: fan.maxRangeM / 1000,
    maxAltitudeKm: fan.maxAltitudeM / 1000,
  },
  ascendingLegOnly: true,
  error: fan.error,
});
