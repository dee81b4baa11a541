/**
 * Sensors: ground radar visibility (line of sight, range equation, faces), space infrared early
 * warning, validation, coverage geometry. Reference values come from closed forms on the round,
 * still Earth (PRIMER section 4: central angle acos(R cos E / (R + h)) - E), from independent
 * computations on the trajectory (altitude crossings), and from a brute-force fine scan done here
 * in the test with an independent visibility predicate (the product itself never scans).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aimMissile } from '../src/aim/aim.js';
import { getCatalogMissile } from '../src/catalog/catalog.js';
import { eciToEcef, geodeticToEcef } from '../src/earth/frames.js';
import { centralAngleRad, inverseGeodesic } from '../src/earth/geodesic.js';
import { type EarthModel, earthPresets } from '../src/earth/model.js';
import { errorCodes, OpenBmdError } from '../src/errors.js';
import { flyFree, surfaceRelativeState } from '../src/flight/ballistic.js';
import {
  altitudeCrossings,
  findEvent,
  geodeticAt,
  stateAt,
  type Trajectory,
} from '../src/flight/trajectory.js';
import { radarCoveragePolygon, radarFieldOfRegardVolume } from '../src/sensors/coverage.js';
import {
  createRadarGeometry,
  LOOK_ELEVATION,
  LOOK_SIZE,
  lookFromRadar,
  radarConditionIntervals,
} from '../src/sensors/radar.js';
import { sensorTimeline, validateSensor } from '../src/sensors/timeline.js';
import type {
  GroundRadar,
  RadarFace,
  Sensor,
  SpaceInfraredSensor,
  VisibilityInterval,
} from '../src/sensors/types.js';

const DEG = Math.PI / 180;
const HALF_PI = Math.PI / 2;
const roundStill = earthPresets['round-still'];
const R = roundStill.radiusM;
const oneKilometreM = 1000;
const tenthSecondS = 0.1;

const allRound: RadarFace = {
  boresightAzimuthRad: 0,
  azimuthHalfWidthRad: Math.PI,
  minElevationRad: -HALF_PI,
  maxElevationRad: HALF_PI,
};

const makeRadar = (over: Partial<GroundRadar> = {}): GroundRadar => ({
  kind: 'radar',
  id: 'test-radar',
  latRad: 0,
  lonRad: 0,
  altitudeM: 0,
  faces: [allRound],
  minElevationRad: 0,
  maxRangeM: 1e8,
  detectionRangeM: 1_000_000,
  referenceRcsM2: 1,
  trackInitiationDelayS: 10,
  fireControl: true,
  ...over,
});

/** A free flight from the surface (or altitude) at (lat, lon), inertial = Earth-fixed at t0. */
const ballistic = (
  model: EarthModel,
  latDeg: number,
  lonDeg: number,
  altitudeM: number,
  speedMps: number,
  flightPathDeg: number,
  azimuthDeg: number,
  t0 = 0,
): Trajectory =>
  flyFree(
    model,
    surfaceRelativeState(
      model,
      latDeg * DEG,
      lonDeg * DEG,
      altitudeM,
      speedMps,
      flightPathDeg * DEG,
      azimuthDeg * DEG,
      t0,
      new Float64Array(6),
    ),
    t0,
  ).trajectory!;

// ---------------------------------------------------------------------------------------------
// An independent visibility predicate, written out here from the definitions, and a fine scan.

const bruteVisibility = (
  radar: GroundRadar,
  traj: Trajectory,
  rcsM2: number,
): ((tS: number) => boolean) => {
  const model = traj.model;
  const site = new Float64Array(3);
  geodeticToEcef(radar.latRad, radar.lonRad, radar.altitudeM, model, site);
  const [sl, cl, so, co] = [
    Math.sin(radar.latRad),
    Math.cos(radar.latRad),
    Math.sin(radar.lonRad),
    Math.cos(radar.lonRad),
  ];
  const up = [cl * co, cl * so, sl];
  const north = [-sl * co, -sl * so, cl];
  const east = [-so, co, 0];
  const dot = (a: number[], b: ArrayLike<number>) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
  const limitM = Math.min(
    radar.maxRangeM,
    radar.detectionRangeM * (rcsM2 / radar.referenceRcsM2) ** 0.25,
  );
  const a = model.radiusM;
  const k = model.shape === 'wgs84' ? 1 / (1 - model.flattening) : 1;
  const s6 = new Float64Array(6);
  const e = new Float64Array(3);
  return (tS: number): boolean => {
    stateAt(traj, tS, s6);
    eciToEcef(s6, null, tS, model, e, null);
    const d = [e[0]! - site[0]!, e[1]! - site[1]!, e[2]! - site[2]!];
    const rangeM = Math.hypot(d[0]!, d[1]!, d[2]!);
    if (rangeM > limitM) return false;
    const el = Math.asin(dot(d as number[], up) / rangeM);
    if (el < radar.minElevationRad) return false;
    // Segment clearance over the ellipsoid, in coordinates where it is the sphere of radius a;
    // a site below the surface counts as on it; the line may graze the surface by 1 mm.
    const p = [site[0]!, site[1]!, site[2]! * k];
    const pr = Math.hypot(p[0]!, p[1]!, p[2]!);
    if (pr < a) for (let i = 0; i < 3; i++) p[i] = (p[i]! * a) / pr;
    const q = [e[0]!, e[1]!, e[2]! * k];
    const dd = [q[0]! - p[0]!, q[1]! - p[1]!, q[2]! - p[2]!];
    const s = Math.min(1, Math.max(0, -dot(p, dd) / dot(dd, dd)));
    const c = Math.hypot(p[0]! + s * dd[0]!, p[1]! + s * dd[1]!, p[2]! + s * dd[2]!);
    if (c < a - 1e-3) return false;
    const az = Math.atan2(dot(east, d), dot(north, d));
    return radar.faces.some((f) => {
      if (el < f.minElevationRad || el > f.maxElevationRad) return false;
      if (f.azimuthHalfWidthRad >= Math.PI) return true;
      const off = (((az - f.boresightAzimuthRad) % (2 * Math.PI)) + 3 * Math.PI) % (2 * Math.PI);
      return Math.abs(off - Math.PI) <= f.azimuthHalfWidthRad;
    });
  };
};

/** Scans every dtS, then bisects each change to 1e-5 s. */
const scanIntervals = (
  visible: (tS: number) => boolean,
  t0: number,
  t1: number,
  dtS: number,
): VisibilityInterval[] => {
  const edge = (a: number, b: number, va: boolean): number => {
    while (b - a > 1e-5) {
      const m = 0.5 * (a + b);
      if (visible(m) === va) a = m;
      else b = m;
    }
    return 0.5 * (a + b);
  };
  const out: VisibilityInterval[] = [];
  let prevT = t0;
  let prevV = visible(t0);
  let open: number | null = prevV ? t0 : null;
  const n = Math.ceil((t1 - t0) / dtS);
  for (let i = 1; i <= n; i++) {
    const t = Math.min(t1, t0 + i * dtS);
    const v = visible(t);
    if (v !== prevV) {
      const te = edge(prevT, t, prevV);
      if (v) open = te;
      else if (open !== null) {
        out.push({ startS: open, endS: te });
        open = null;
      }
    }
    prevT = t;
    prevV = v;
  }
  if (open !== null) out.push({ startS: open, endS: t1 });
  return out;
};

const expectSameIntervals = (
  got: readonly VisibilityInterval[],
  want: readonly VisibilityInterval[],
  tolS: number,
): void => {
  expect(got.length).toBe(want.length);
  got.forEach((iv, i) => {
    expect(Math.abs(iv.startS - want[i]!.startS)).toBeLessThan(tolS);
    expect(Math.abs(iv.endS - want[i]!.endS)).toBeLessThan(tolS);
  });
};

/** Each interval of `a` longer than minS has an interval of `b` with both ends within tolS. */
const expectMatched = (
  a: readonly VisibilityInterval[],
  b: readonly VisibilityInterval[],
  minS: number,
  tolS: number,
): void => {
  for (const iv of a) {
    if (iv.endS - iv.startS <= minS) continue;
    const match = b.find(
      (jv) => Math.abs(jv.startS - iv.startS) < tolS && Math.abs(jv.endS - iv.endS) < tolS,
    );
    expect(match, `no match for [${iv.startS}, ${iv.endS}]`).toBeDefined();
  }
};

// ---------------------------------------------------------------------------------------------
// Trajectories shared by the tests.

/** Straight up from 10 km above (0, 0) at 5 km/s on the round, still Earth (apogee ~1,590 km). */
const straightUp = ballistic(roundStill, 0, 0, 10_000, 5000, 90, 0);
/**
 * Radars for the straight flights sit 100 m below the surface at (0, 0) (a site below the
 * ellipsoid is allowed), so that the target never reaches the antenna: slant range = altitude + 100 m.
 */
const under = { altitudeM: -100 };
const depthM = 100;
/** Straight down from 1,200 km above (0, 0). */
const straightDown = ballistic(roundStill, 0, 0, 1_200_000, 3000, -90, 0);
/** Eastward from (0, -45 deg), 6.5 km/s at 30 deg: apogee ~1,197 km over lon -14.35 deg. */
const eastward = ballistic(roundStill, 0, -45, 0, 6500, 30, 90);
/** Shorter eastward flight from (0, -45 deg) that comes down at lon -17 deg. */
const shortEastward = ballistic(roundStill, 0, -45, 0, 5000, 45, 90);

describe('ground radar: line of sight, range and faces (reference: closed forms)', () => {
  it('a radar looking straight up sees a target rising over it at once, until it leaves the range', () => {
    const tl = sensorTimeline(makeRadar(under), 'up', straightUp, 1);
    // Independent: straight over the radar the slant range is the altitude + 100 m.
    const [up, down] = altitudeCrossings(straightUp, 1_000_000 - depthM);
    expect(tl.intervals.length).toBe(2);
    expect(tl.firstDetectionS).toBe(straightUp.startS);
    expect(Math.abs(tl.intervals[0]!.endS - up!.timeS)).toBeLessThan(tenthSecondS);
    expect(Math.abs(tl.intervals[1]!.startS - down!.timeS)).toBeLessThan(tenthSecondS);
    expect(tl.intervals[1]!.endS).toBe(straightUp.endS);
    expect(tl.trackS).toBe(straightUp.startS + 10);
    expect(tl.fireControlS).toBe(tl.trackS);
    expect(tl.reason).toBeNull();
    // A target coming down from out of range is first detected when it enters the range.
    const tlDown = sensorTimeline(makeRadar(under), 'down', straightDown, 1);
    const [enter] = altitudeCrossings(straightDown, 1_000_000 - depthM);
    expect(Math.abs(tlDown.firstDetectionS! - enter!.timeS)).toBeLessThan(1e-2);
  });

  it('16 times the RCS doubles the detection range (range equation, (sigma)^(1/4)); maxRangeM caps it', () => {
    const tl16 = sensorTimeline(makeRadar(under), 'up', straightUp, 16);
    const [up2000] = altitudeCrossings(straightUp, 2_000_000 - depthM);
    expect(up2000).toBeUndefined(); // apogee ~1,590 km: always in range
    expect(tl16.intervals).toEqual([{ startS: straightUp.startS, endS: straightUp.endS }]);
    const tlCap = sensorTimeline(
      makeRadar({ ...under, maxRangeM: 1_500_000 }),
      'up',
      straightUp,
      16,
    );
    const [up1500] = altitudeCrossings(straightUp, 1_500_000 - depthM);
    expect(Math.abs(tlCap.intervals[0]!.endS - up1500!.timeS)).toBeLessThan(1e-2);
    const tlDown = sensorTimeline(makeRadar(under), 'down', straightDown, 1e-4);
    // (1e-4)^(1/4) = 1/10: a 100 km range.
    const [enter100] = altitudeCrossings(straightDown, 100_000 - depthM);
    expect(Math.abs(tlDown.firstDetectionS! - enter100!.timeS)).toBeLessThan(1e-2);
    expect(tlDown.firstDetectionS! - tlDown.intervals[0]!.startS).toBe(0);
  });

  it('horizon: first visible where the central angle is acos(R cos E / (R + h)) - E (PRIMER section 4)', () => {
    const E = 3 * DEG;
    const radar = makeRadar({ minElevationRad: E, detectionRangeM: 1e8 });
    const tl = sensorTimeline(radar, 'east', eastward, 1);
    expect(tl.reason).toBeNull();
    const tV = tl.firstDetectionS!;
    const closedFormMinusActual = (tS: number): number => {
      const p = geodeticAt(eastward, tS);
      const theta = centralAngleRad(0, 0, p.latDeg * DEG, p.lonDeg * DEG);
      return Math.acos((R * Math.cos(E)) / (R + p.altitudeM)) - E - theta;
    };
    // Geometry at the found time: within 1 km of the closed form on the ground.
    expect(Math.abs(closedFormMinusActual(tV)) * R).toBeLessThan(oneKilometreM);
    // Time: a fine scan of the closed form (in the test) finds the same moment within 0.1 s.
    let tScan = eastward.startS;
    while (closedFormMinusActual(tScan) < 0) tScan += 0.01;
    expect(Math.abs(tScan - tV)).toBeLessThan(tenthSecondS);
    // And it sets symmetrically on the way out (the same closed form, descending).
    const tSet = tl.intervals.at(-1)!.endS;
    expect(Math.abs(closedFormMinusActual(tSet)) * R).toBeLessThan(oneKilometreM);
  });

  it('a threat passing over the site: elevation up to 90 deg, an interval symmetric about apogee', () => {
    const apogee = findEvent(eastward, 'apogee')!;
    const sub = geodeticAt(eastward, apogee.timeS);
    const radar = makeRadar({
      lonRad: sub.lonDeg * DEG,
      detectionRangeM: 1_500_000,
      minElevationRad: 3 * DEG,
    });
    const tl = sensorTimeline(radar, 'over', eastward, 1);
    expect(tl.intervals.length).toBe(1);
    const iv = tl.intervals[0]!;
    expect(Math.abs(apogee.timeS - iv.startS - (iv.endS - apogee.timeS))).toBeLessThan(1e-2);
    const g = createRadarGeometry(radar, roundStill, 1);
    const look = new Float64Array(LOOK_SIZE);
    const e = new Float64Array(3);
    eciToEcef(
      stateAt(eastward, apogee.timeS, new Float64Array(6)),
      null,
      apogee.timeS,
      roundStill,
      e,
      null,
    );
    lookFromRadar(g, e[0]!, e[1]!, e[2]!, look);
    expect(look[LOOK_ELEVATION]! / DEG).toBeGreaterThan(89.99);
    expectSameIntervals(
      tl.intervals,
      scanIntervals(bruteVisibility(radar, eastward, 1), eastward.startS, eastward.endS, 0.05),
      tenthSecondS,
    );
  });

  it('azimuth wrap-around: a face straddling north, boresight given as -0.1 rad or 2 pi - 0.1 rad', () => {
    const apogee = findEvent(eastward, 'apogee')!;
    const sub = geodeticAt(eastward, apogee.timeS);
    // South of the track: the target moves from north-west through north to north-east.
    const base = {
      lonRad: sub.lonDeg * DEG,
      latRad: -8 * DEG,
      detectionRangeM: 5e6,
      minElevationRad: 3 * DEG,
    };
    const face = (bore: number): RadarFace => ({
      boresightAzimuthRad: bore,
      azimuthHalfWidthRad: 0.3,
      minElevationRad: 0,
      maxElevationRad: 85 * DEG,
    });
    const a = sensorTimeline(makeRadar({ ...base, faces: [face(-0.1)] }), 'w', eastward, 1);
    const b = sensorTimeline(
      makeRadar({ ...base, faces: [face(2 * Math.PI - 0.1)] }),
      'w',
      eastward,
      1,
    );
    const c = sensorTimeline(
      makeRadar({ ...base, faces: [face(-0.1 + 4 * Math.PI)] }),
      'w',
      eastward,
      1,
    );
    expect(a.intervals.length).toBe(1);
    expectSameIntervals(b.intervals, a.intervals, 1e-3);
    expectSameIntervals(c.intervals, a.intervals, 1e-3);
    const brute = scanIntervals(
      bruteVisibility(makeRadar({ ...base, faces: [face(-0.1)] }), eastward, 1),
      eastward.startS,
      eastward.endS,
      0.05,
    );
    expectSameIntervals(a.intervals, brute, tenthSecondS);
  });

  it("reasons: 'outside-field-of-regard' behind a one-face radar, 'below-horizon' across the Earth, 'out-of-range'", () => {
    const eastFace: RadarFace = {
      boresightAzimuthRad: 90 * DEG,
      azimuthHalfWidthRad: 60 * DEG,
      minElevationRad: 0,
      maxElevationRad: 85 * DEG,
    };
    // The threat comes from the west and falls short of the radar at lon -5 deg.
    const behind = makeRadar({
      lonRad: -5 * DEG,
      faces: [eastFace],
      minElevationRad: 3 * DEG,
      detectionRangeM: 5e6,
    });
    const tl = sensorTimeline(behind, 'x', shortEastward, 1);
    expect(tl).toMatchObject({
      reason: 'outside-field-of-regard',
      intervals: [],
      firstDetectionS: null,
      trackS: null,
      fireControlS: null,
    });
    // The same radar turned west sees it.
    const west = sensorTimeline(
      makeRadar({ ...behind, faces: [{ ...eastFace, boresightAzimuthRad: -90 * DEG }] }),
      'x',
      shortEastward,
      1,
    );
    expect(west.reason).toBeNull();
    // On the other side of the Earth.
    const antipode = sensorTimeline(makeRadar({ lonRad: 150 * DEG }), 'x', eastward, 1e6);
    expect(antipode.reason).toBe('below-horizon');
    // Above the horizon but too far.
    const far = sensorTimeline(
      makeRadar({ lonRad: 10 * DEG, detectionRangeM: 50_000 }),
      'x',
      eastward,
      1,
    );
    expect(far.reason).toBe('out-of-range');
    const c = radarConditionIntervals(
      makeRadar({ lonRad: 10 * DEG, detectionRangeM: 50_000 }),
      eastward,
      1,
    );
    expect(c.horizon.length).toBe(1);
  });

  it("'no-track' when every interval is shorter than the track-initiation delay; fireControl only if fire control", () => {
    const radar = makeRadar({ trackInitiationDelayS: 10_000 });
    const tl = sensorTimeline(radar, 'x', eastward, 1);
    expect(tl.reason).toBe('no-track');
    expect(tl.firstDetectionS).not.toBeNull();
    expect(tl.trackS).toBeNull();
    expect(tl.fireControlS).toBeNull();
    // Two intervals (straight up: out of range near apogee); only the second (falling 10 km
    // further, to the ground) is long enough.
    const first = sensorTimeline(
      makeRadar({ ...under, trackInitiationDelayS: 0 }),
      'x',
      straightUp,
      1,
    );
    const len0 = first.intervals[0]!.endS - first.intervals[0]!.startS;
    const len1 = first.intervals[1]!.endS - first.intervals[1]!.startS;
    expect(len1).toBeGreaterThan(len0 + 1);
    const delay = 0.5 * (len0 + len1);
    const second = sensorTimeline(
      makeRadar({ ...under, trackInitiationDelayS: delay, fireControl: false }),
      'x',
      straightUp,
      1,
    );
    expect(second.trackS).toBeCloseTo(first.intervals[1]!.startS + delay, 6);
    expect(second.fireControlS).toBeNull();
    expect(second.reason).toBeNull();
  });

  it('an elevated radar with a negative minimum elevation: the line of sight grazing the Earth decides', () => {
    // 3 km up, -5 deg minimum elevation: the horizon dips acos(R / (R + 3 km)) = 1.76 deg.
    const radar = makeRadar({
      lonRad: 30 * DEG,
      altitudeM: 3000,
      minElevationRad: -5 * DEG,
      detectionRangeM: 1e8,
    });
    const tl = sensorTimeline(radar, 'x', eastward, 1);
    const c = radarConditionIntervals(radar, eastward, 1);
    // Visibility begins where the segment grazes the sphere: central angle = acos(R/(R+h_r)) + acos(R/(R+h)).
    const p = geodeticAt(eastward, tl.firstDetectionS!);
    const theta = centralAngleRad(0, 30 * DEG, p.latDeg * DEG, p.lonDeg * DEG);
    const graze = Math.acos(R / (R + 3000)) + Math.acos(R / (R + p.altitudeM));
    expect(Math.abs(theta - graze) * R).toBeLessThan(oneKilometreM);
    expect(c.horizon[0]!.startS).toBe(tl.firstDetectionS);
    expectSameIntervals(
      tl.intervals,
      scanIntervals(bruteVisibility(radar, eastward, 1), eastward.startS, eastward.endS, 0.05),
      tenthSecondS,
    );
  });
});

describe('ground radar against an SS-19 on WGS84 (reference: brute-force scan in the test)', () => {
  const traj = aimMissile(earthPresets.wgs84, {
    missile: getCatalogMissile('ss-19'),
    fromLatRad: 54.03 * DEG,
    fromLonRad: 35.77 * DEG,
    toLatRad: 38.9 * DEG,
    toLonRad: -77.04 * DEG,
    shape: { kind: 'minimum-energy' },
  }).flight.trajectory!;
  const pavePawsFace = (boresightDeg: number): RadarFace => ({
    boresightAzimuthRad: boresightDeg * DEG,
    azimuthHalfWidthRad: 60 * DEG,
    minElevationRad: 3 * DEG,
    maxElevationRad: 85 * DEG,
  });
  const radars: GroundRadar[] = [
    // Fylingdales 54.362 N, -0.670 E, three faces, full circle (PRIMER section 4; range est).
    makeRadar({
      id: 'fylingdales',
      latRad: 54.362 * DEG,
      lonRad: -0.67 * DEG,
      faces: [pavePawsFace(0), pavePawsFace(120), pavePawsFace(240)],
      minElevationRad: 3 * DEG,
      detectionRangeM: 4_800_000,
      referenceRcsM2: 10,
    }),
    // Thule 76.57 N, -68.30 E with two faces (boresights illustrative, not sourced).
    makeRadar({
      id: 'thule',
      latRad: 76.57 * DEG,
      lonRad: -68.3 * DEG,
      faces: [pavePawsFace(-60), pavePawsFace(60)],
      minElevationRad: 3 * DEG,
      detectionRangeM: 5_000_000,
      referenceRcsM2: 10,
    }),
    // A Brdy-like X-band radar (49.6 N, 13.7 E, est) raised 700 m, looking below the horizontal.
    makeRadar({
      id: 'brdy-xbr',
      latRad: 49.6 * DEG,
      lonRad: 13.7 * DEG,
      altitudeM: 700,
      faces: [
        {
          boresightAzimuthRad: 70 * DEG,
          azimuthHalfWidthRad: 60 * DEG,
          minElevationRad: -5 * DEG,
          maxElevationRad: 90 * DEG,
        },
      ],
      minElevationRad: -2 * DEG,
      detectionRangeM: 2_000_000,
      referenceRcsM2: 1,
    }),
  ];
  for (const radar of radars) {
    it(`${radar.id}: interval ends within 0.1 s of a 0.05 s scan`, () => {
      const rcs = 1;
      const tl = sensorTimeline(radar, 'ss-19', traj, rcs);
      const brute = scanIntervals(bruteVisibility(radar, traj, rcs), traj.startS, traj.endS, 0.05);
      expect(brute.length).toBeGreaterThan(0);
      expectSameIntervals(tl.intervals, brute, tenthSecondS);
    });
  }
});

describe('ground radar: property (reference: brute-force scan in the test)', () => {
  const round = earthPresets.round;
  const traj = ballistic(round, 0, -45, 0, 6500, 30, 80);
  const faceArb = fc
    .record({
      bore: fc.double({ min: -2 * Math.PI, max: 2 * Math.PI, noNaN: true }),
      half: fc.double({ min: 0.1, max: 3.5, noNaN: true }),
      lo: fc.double({ min: -10, max: 40, noNaN: true }),
      span: fc.double({ min: 5, max: 80, noNaN: true }),
    })
    .map(
      (f): RadarFace => ({
        boresightAzimuthRad: f.bore,
        azimuthHalfWidthRad: f.half,
        minElevationRad: f.lo * DEG,
        maxElevationRad: Math.min(90, f.lo + f.span) * DEG,
      }),
    );
  const radarArb = fc
    .record({
      lat: fc.double({ min: -15, max: 15, noNaN: true }),
      lon: fc.double({ min: -40, max: 25, noNaN: true }),
      alt: fc.double({ min: -400, max: 3000, noNaN: true }),
      minEl: fc.double({ min: -5, max: 10, noNaN: true }),
      faces: fc.array(faceArb, { minLength: 1, maxLength: 3 }),
      rangeKm: fc.double({ min: 300, max: 5000, noNaN: true }),
    })
    .map((r) =>
      makeRadar({
        latRad: r.lat * DEG,
        lonRad: r.lon * DEG,
        altitudeM: r.alt,
        minElevationRad: r.minEl * DEG,
        faces: r.faces,
        detectionRangeM: r.rangeKm * 1000,
      }),
    );

  it('intervals match a fine scan; a larger RCS only adds visibility', () => {
    fc.assert(
      fc.property(radarArb, (radar) => {
        const tl = sensorTimeline(radar, 'p', traj, 1);
        const brute = scanIntervals(bruteVisibility(radar, traj, 1), traj.startS, traj.endS, 0.05);
        // Every interval of either list longer than a few scan steps has its match in the other
        // (shorter ones are below what the scan can promise to see).
        expectMatched(tl.intervals, brute, 0.3, tenthSecondS);
        expectMatched(brute, tl.intervals, 0.3, tenthSecondS);
        for (let i = 1; i < tl.intervals.length; i++) {
          expect(tl.intervals[i]!.startS).toBeGreaterThan(tl.intervals[i - 1]!.endS);
        }
        const big = sensorTimeline(radar, 'p', traj, 16);
        for (const iv of tl.intervals) {
          const mid = 0.5 * (iv.startS + iv.endS);
          expect(big.intervals.some((b) => b.startS <= mid && mid <= b.endS)).toBe(true);
        }
      }),
      { numRuns: 30, seed: 20240611 },
    );
  });
});

describe('space infrared early warning (PRIMER section 4; APS 2003)', () => {
  const ss19 = aimMissile(earthPresets.wgs84, {
    missile: getCatalogMissile('ss-19'),
    fromLatRad: 54.03 * DEG,
    fromLonRad: 35.77 * DEG,
    toLatRad: 51.5 * DEG,
    toLonRad: -0.1 * DEG,
    shape: { kind: 'minimum-energy' },
  }).flight.trajectory!;
  const burnoutS = ss19.events.filter((e) => e.kind === 'burnout').at(-1)!.timeS;
  const sbirs = (detectionDelayS: number, trackDelayS: number): SpaceInfraredSensor => ({
    kind: 'space-infrared',
    id: 'sbirs',
    detectionDelayS,
    trackDelayS,
  });

  it('sees the boost from launch + delay to the last burnout; a warning track, never fire control', () => {
    const tl = sensorTimeline(sbirs(30, 20), 't', ss19, 1);
    expect(tl).toEqual({
      sensorId: 'sbirs',
      threatId: 't',
      intervals: [{ startS: 30, endS: burnoutS }],
      firstDetectionS: 30,
      trackS: 50,
      fireControlS: null,
      reason: null,
    });
  });

  it("'no-track' when the track would come after burnout; 'burnout-before-detection' when the delay is longer than the boost", () => {
    expect(sensorTimeline(sbirs(30, burnoutS), 't', ss19, 1)).toMatchObject({
      firstDetectionS: 30,
      trackS: null,
      reason: 'no-track',
    });
    expect(sensorTimeline(sbirs(burnoutS + 1, 0), 't', ss19, 1)).toMatchObject({
      intervals: [],
      firstDetectionS: null,
      trackS: null,
      fireControlS: null,
      reason: 'burnout-before-detection',
    });
    // A trajectory with no powered flight (a free flight from t = 100 s) shows no plume.
    const free = ballistic(roundStill, 0, 0, 0, 3000, 45, 0, 100);
    expect(sensorTimeline(sbirs(0, 0), 't', free, 1).reason).toBe('burnout-before-detection');
  });
});

describe('validateSensor: error codes and paths', () => {
  const cases: Array<[string, Sensor, string, string]> = [
    [
      'latitude beyond 90 deg',
      makeRadar({ latRad: 1.6 }),
      errorCodes.outOfRange,
      'sensors[test-radar].latRad',
    ],
    [
      'a radar inside the Earth',
      makeRadar({ altitudeM: -600 }),
      errorCodes.outOfRange,
      'sensors[test-radar].altitudeM',
    ],
    [
      'a negative detection range',
      makeRadar({ detectionRangeM: -1 }),
      errorCodes.outOfRange,
      'sensors[test-radar].detectionRangeM',
    ],
    [
      'a negative maximum range',
      makeRadar({ maxRangeM: -1 }),
      errorCodes.outOfRange,
      'sensors[test-radar].maxRangeM',
    ],
    [
      'a negative track delay',
      makeRadar({ trackInitiationDelayS: -1 }),
      errorCodes.outOfRange,
      'sensors[test-radar].trackInitiationDelayS',
    ],
    [
      'min elevation below -10 deg',
      makeRadar({ minElevationRad: -11 * DEG }),
      errorCodes.outOfRange,
      'sensors[test-radar].minElevationRad',
    ],
    [
      'min elevation above 90 deg',
      makeRadar({ minElevationRad: 91 * DEG }),
      errorCodes.outOfRange,
      'sensors[test-radar].minElevationRad',
    ],
    ['no faces', makeRadar({ faces: [] }), errorCodes.invalidInput, 'sensors[test-radar].faces'],
    [
      'a face whose min elevation exceeds its max',
      makeRadar({ faces: [{ ...allRound, minElevationRad: 0.5, maxElevationRad: 0.4 }] }),
      errorCodes.invalidInput,
      'sensors[test-radar].faces[0]',
    ],
    [
      'a non-finite longitude',
      makeRadar({ lonRad: Number.NaN }),
      errorCodes.invalidInput,
      'sensors[test-radar].lonRad',
    ],
    [
      'a zero reference RCS',
      makeRadar({ referenceRcsM2: 0 }),
      errorCodes.outOfRange,
      'sensors[test-radar].referenceRcsM2',
    ],
    [
      'a negative infrared delay',
      { kind: 'space-infrared', id: 'sbirs', detectionDelayS: -1, trackDelayS: 0 },
      errorCodes.outOfRange,
      'sensors[sbirs].detectionDelayS',
    ],
    [
      'an unknown kind',
      { ...makeRadar(), kind: 'sonar' } as unknown as Sensor,
      errorCodes.invalidInput,
      'sensors[test-radar].kind',
    ],
  ];
  for (const [name, sensor, code, path] of cases) {
    it(name, () => {
      try {
        validateSensor(sensor);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(OpenBmdError);
        expect((e as OpenBmdError).code).toBe(code);
        expect((e as OpenBmdError).path).toBe(path);
      }
    });
  }

  it('accepts a valid radar; the timeline rejects a negative RCS; a caller path is used', () => {
    expect(() => validateSensor(makeRadar())).not.toThrow();
    expect(() => sensorTimeline(makeRadar(under), 'x', straightUp, -1)).toThrow(
      expect.objectContaining({ code: errorCodes.outOfRange }),
    );
    expect(() => validateSensor(makeRadar({ latRad: 2 }), 'scenario.sensors[3]')).toThrow(
      expect.objectContaining({ path: 'scenario.sensors[3].latRad' }),
    );
  });
});

describe('coverage geometry (reference: spherical closed forms)', () => {
  const site = { latRad: 40 * DEG, lonRad: 10 * DEG };
  const distanceFromSite = (p: [number, number]): number =>
    inverseGeodesic(site.latRad, site.lonRad, p[1] * DEG, p[0] * DEG, roundStill).distanceM;

  it('all-round face: a closed ring at the horizon radius R (acos(R cos E / (R + h)) - E) within 1 km', () => {
    const E = 3 * DEG;
    const h = 500_000;
    const radar = makeRadar({ ...site, minElevationRad: E, detectionRangeM: 1e8 });
    const f = radarCoveragePolygon(radar, roundStill, h, 1);
    expect(f.type).toBe('Feature');
    expect(f.geometry.type).toBe('Polygon');
    const ring = f.geometry.coordinates[0]!;
    expect(ring.length).toBe(181);
    expect(ring[0]).toEqual(ring.at(-1));
    const want = R * (Math.acos((R * Math.cos(E)) / (R + h)) - E);
    for (const p of ring) expect(Math.abs(distanceFromSite(p) - want)).toBeLessThan(oneKilometreM);
    expect(f.properties).toMatchObject({
      sensorId: 'test-radar',
      targetAltitudeKm: 500,
      rangeKm: 100_000,
    });
    // Counter-clockwise exterior ring (RFC 7946): positive shoelace area.
    let area = 0;
    for (let i = 1; i < ring.length; i++)
      area += ring[i - 1]![0] * ring[i]![1] - ring[i]![0] * ring[i - 1]![1];
    expect(area).toBeGreaterThan(0);
  });

  it('where the slant range binds: the radius where the slant range equals the limit', () => {
    const h = 500_000;
    const L = 1_500_000;
    const radar = makeRadar({ ...site, minElevationRad: 3 * DEG, detectionRangeM: L / 2 });
    const f = radarCoveragePolygon(radar, roundStill, h, 16, 36); // 16x RCS: range 2 x L/2
    expect(f.properties.rangeKm).toBeCloseTo(L / 1000, 9);
    const theta = Math.acos((R * R + (R + h) ** 2 - L * L) / (2 * R * (R + h)));
    for (const p of f.geometry.coordinates[0]!) {
      expect(Math.abs(distanceFromSite(p) - R * theta)).toBeLessThan(oneKilometreM);
    }
  });

  it('one face: the footprint is a sector, collapsing to the site outside it', () => {
    const radar = makeRadar({
      ...site,
      minElevationRad: 3 * DEG,
      detectionRangeM: 1e8,
      faces: [
        {
          boresightAzimuthRad: 0,
          azimuthHalfWidthRad: 60 * DEG,
          minElevationRad: 0,
          maxElevationRad: 85 * DEG,
        },
      ],
    });
    const ring = radarCoveragePolygon(radar, roundStill, 300_000, 1).geometry.coordinates[0]!;
    let atSite = 0;
    for (const p of ring) {
      const d = distanceFromSite(p);
      if (d < 1) {
        atSite++;
        continue;
      }
      const az = inverseGeodesic(
        site.latRad,
        site.lonRad,
        p[1] * DEG,
        p[0] * DEG,
        roundStill,
      ).azimuth1Rad;
      expect(Math.abs(az)).toBeLessThanOrEqual(60 * DEG + 1e-9);
    }
    expect(atSite).toBeGreaterThan(0);
    // The sector's edges are exact: points at azimuth -60 and +60 deg are on the ring.
    const azs = ring
      .filter((p) => distanceFromSite(p) > 1)
      .map(
        (p) =>
          inverseGeodesic(site.latRad, site.lonRad, p[1] * DEG, p[0] * DEG, roundStill)
            .azimuth1Rad / DEG,
      );
    expect(Math.min(...azs)).toBeCloseTo(-60, 6);
    expect(Math.max(...azs)).toBeCloseTo(60, 6);
  });

  it('field-of-regard volume: a closed outline per face at the slant range from the antenna', () => {
    const radar = makeRadar({
      ...site,
      altitudeM: 100,
      faces: [
        allRound,
        {
          boresightAzimuthRad: 1,
          azimuthHalfWidthRad: 0.5,
          minElevationRad: 0.1,
          maxElevationRad: 1.2,
        },
      ],
      minElevationRad: 3 * DEG,
    });
    const v = radarFieldOfRegardVolume(radar, earthPresets.wgs84, 2_000_000, 8);
    expect(v.faces.length).toBe(2);
    const s = new Float64Array(3);
    const p = new Float64Array(3);
    geodeticToEcef(site.latRad, site.lonRad, 100, earthPresets.wgs84, s);
    for (const face of v.faces) {
      expect(face.outline.length).toBe(4 * 8 + 1);
      expect(face.outline[0]).toEqual(face.outline.at(-1));
      for (const q of face.outline) {
        geodeticToEcef(q.latDeg * DEG, q.lonDeg * DEG, q.altitudeM, earthPresets.wgs84, p);
        expect(
          Math.abs(Math.hypot(p[0]! - s[0]!, p[1]! - s[1]!, p[2]! - s[2]!) - 2_000_000),
        ).toBeLessThan(1e-3);
      }
    }
    expect(v.apex).toEqual({ latDeg: 40, lonDeg: 10, altitudeM: 100 });
  });
});
