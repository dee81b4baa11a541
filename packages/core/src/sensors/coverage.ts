/**
 * Coverage geometry of a ground radar, for maps and the globe:
 * - `radarCoveragePolygon`: the ground footprint (GeoJSON) of the points at one altitude the
 *   radar can see: per azimuth, the largest ground distance at which a target at that altitude
 *   satisfies the minimum elevation, the line of sight and the slant-range limit, inside a face;
 * - `radarFieldOfRegardVolume`: each face's boundary out to a slant range, as points, for CZML.
 * Same conditions as radar.ts (docs/models/sensors.md). Spherical check: on a sphere of radius R,
 * a target at altitude h seen at elevation E from a site on the surface lies at central angle
 * acos(R cos E / (R + h)) - E (PRIMER section 4).
 */
import { ecefToGeodetic, geodeticToEcef } from '../earth/frames.js';
import { directGeodesic } from '../earth/geodesic.js';
import type { EarthModel } from '../earth/model.js';
import { errorCodes, OpenBmdError, requireFinite } from '../errors.js';
import { findRoot } from '../numeric/search.js';
import {
  createRadarGeometry,
  LOOK_ELEVATION,
  LOOK_LOS_MARGIN,
  LOOK_RANGE,
  LOOK_SIZE,
  lookFromRadar,
  type RadarGeometry,
  radarRangeLimitM,
  validateRadar,
  validateTargetRcs,
  wrapAngleRad,
} from './radar.js';
import type { GroundRadar, RadarFace } from './types.js';

const DEG = Math.PI / 180;
const TWO_PI = 2 * Math.PI;
/** Ground-distance tolerance of the footprint boundary, m. */
const GROUND_TOLERANCE_M = 0.5;
/** Samples of ground distance used to bracket the footprint edge on each azimuth. */
const BRACKET_SAMPLES = 64;

/** A GeoJSON position: [longitude, latitude] in degrees (RFC 7946). */
export type GeoJsonPosition = [number, number];

export interface RadarCoverageFeature {
  readonly type: 'Feature';
  readonly geometry: {
    readonly type: 'Polygon';
    /** One closed ring (first position repeated last), counter-clockwise seen from above. */
    readonly coordinates: GeoJsonPosition[][];
  };
  readonly properties: {
    readonly sensorId: string;
    readonly targetAltitudeKm: number;
    /** The slant-range limit for the target's RCS, km. */
    readonly rangeKm: number;
    readonly targetRcsM2: number;
    /** Model the footprint was computed on (its latitudes are geodetic on 'wgs84'). */
    readonly fidelity: string;
  };
}

const insideAzimuth = (face: RadarFace, azimuthRad: number): boolean =>
  face.azimuthHalfWidthRad >= Math.PI ||
  Math.abs(wrapAngleRad(azimuthRad - face.boresightAzimuthRad)) <= face.azimuthHalfWidthRad + 1e-12;

/**
 * Upper bound of the ground distance at which anything at altitude h can be visible: the slant
 * range bounds the central angle (chord >= 2 r_min sin(theta / 2)), and so does the horizon.
 */
const groundDistanceBoundM = (g: RadarGeometry, targetAltitudeM: number): number => {
  const m = g.model;
  const a = m.radiusM;
  const b = a * (1 - (m.shape === 'wgs84' ? m.flattening : 0));
  const rMin = b + Math.min(0, g.radar.altitudeM, targetAltitudeM);
  const x = g.rangeLimitM / (2 * rMin);
  const chordBound = x >= 1 ? Math.PI : 2 * Math.asin(x);
  const q = a + Math.max(0, targetAltitudeM);
  const horizonBound = g.siteHorizonRad + Math.acos(a / q) + 12 * DEG;
  const theta = Math.min(Math.PI, chordBound, horizonBound);
  return Math.min(Math.PI * b, 1.02 * a * theta);
};

/**
 * The largest ground distance along one azimuth at which a target at altitude h is visible
 * inside one face: bracketed on a ground-distance grid, refined by findRoot to 0.5 m.
 */
const farEdgeM = (
  g: RadarGeometry,
  faces: readonly RadarFace[],
  azimuthRad: number,
  targetAltitudeM: number,
  maxDistanceM: number,
): number => {
  if (faces.length === 0) return 0;
  const r = g.radar;
  const model = g.model;
  const ecef = new Float64Array(3);
  const look = new Float64Array(LOOK_SIZE);
  const margin = (distanceM: number): number => {
    const p = directGeodesic(r.latRad, r.lonRad, azimuthRad, distanceM, model);
    geodeticToEcef(p.latRad, p.lonRad, targetAltitudeM, model, ecef);
    lookFromRadar(g, ecef[0]!, ecef[1]!, ecef[2]!, look);
    const el = look[LOOK_ELEVATION]!;
    const common = Math.min(
      el - r.minElevationRad,
      look[LOOK_LOS_MARGIN]!,
      g.rangeLimitM > 0 ? (g.rangeLimitM - look[LOOK_RANGE]!) / g.rangeLimitM : -1,
    );
    // Elevation limits of the faces that contain this azimuth (the azimuth seen from the site
    // is the geodesic's start azimuth, up to the site's altitude, so the azimuth test is done once).
    let f = Number.NEGATIVE_INFINITY;
    for (const face of faces) {
      f = Math.max(f, Math.min(el - face.minElevationRad, face.maxElevationRad - el));
    }
    return Math.min(common, f);
  };
  let best = 0;
  let prevS = 0;
  let prevG = margin(0);
  for (let k = 1; k <= BRACKET_SAMPLES; k++) {
    const s = (maxDistanceM * k) / BRACKET_SAMPLES;
    const gs = margin(s);
    if (gs >= 0) best = s;
    else if (prevG >= 0) {
      best = findRoot(margin, prevS, s, GROUND_TOLERANCE_M, 0, 200, prevG, gs) ?? prevS;
    }
    prevS = s;
    prevG = gs;
  }
  return best;
};

/**
 * GeoJSON footprint of the points at `targetAltitudeM` that the radar can see (a target of RCS
 * targetRcsM2): for `samples` azimuths evenly spaced from north (plus each face's azimuth edges),
 * the largest ground distance at which such a target meets the minimum elevation, the line of
 * sight, the slant-range limit and a face's elevation limits; outside every face the boundary
 * falls back to the radar site. The ring is closed; longitudes are kept continuous from the
 * site's (they may pass +-180 deg); a footprint around a pole is not representable this way.
 * The overhead gap of faces whose highest elevation is below 90 deg is not cut out: the polygon
 * is the outer edge. Throws like `validateSensor` for a bad radar, E_OUT_OF_RANGE for a negative
 * altitude, RCS or fewer than 8 samples.
 */
export const radarCoveragePolygon = (
  radar: GroundRadar,
  model: EarthModel,
  targetAltitudeM: number,
  targetRcsM2: number,
  samples = 180,
): RadarCoverageFeature => {
  validateRadar(radar, `sensors[${radar.id}]`);
  validateTargetRcs(targetRcsM2);
  requireFinite(targetAltitudeM, 'targetAltitudeM');
  if (targetAltitudeM < 0) {
    throw new OpenBmdError(
      errorCodes.outOfRange,
      `the target altitude must not be negative (got ${targetAltitudeM} m)`,
      'targetAltitudeM',
    );
  }
  if (!Number.isInteger(samples) || samples < 8) {
    throw new OpenBmdError(
      errorCodes.outOfRange,
      `the number of azimuth samples must be an integer >= 8 (got ${samples})`,
      'samples',
    );
  }
  const g = createRadarGeometry(radar, model, targetRcsM2);
  const maxDistanceM = groundDistanceBoundM(g, targetAltitudeM);
  // Azimuths: an even fan plus each face's edges, sorted in [0, 2 pi).
  const azimuths: number[] = [];
  for (let k = 0; k < samples; k++) azimuths.push((TWO_PI * k) / samples);
  for (const face of radar.faces) {
    if (face.azimuthHalfWidthRad >= Math.PI) continue;
    for (const s of [-1, 1]) {
      let az = (face.boresightAzimuthRad + s * face.azimuthHalfWidthRad) % TWO_PI;
      if (az < 0) az += TWO_PI;
      azimuths.push(az);
    }
  }
  azimuths.sort((x, y) => x - y);
  const siteLonDeg = radar.lonRad / DEG;
  const siteLatDeg = radar.latRad / DEG;
  const ring: GeoJsonPosition[] = [];
  let prevLonDeg = siteLonDeg;
  let prevAz = Number.NEGATIVE_INFINITY;
  for (const az of azimuths) {
    if (az - prevAz < 1e-12) continue;
    prevAz = az;
    const faces = radar.faces.filter((f) => insideAzimuth(f, az));
    const d = farEdgeM(g, faces, az, targetAltitudeM, maxDistanceM);
    let lonDeg = siteLonDeg;
    let latDeg = siteLatDeg;
    if (d > 0) {
      const p = directGeodesic(radar.latRad, radar.lonRad, az, d, model);
      latDeg = p.latRad / DEG;
      lonDeg = p.lonRad / DEG;
    }
    // Keep longitudes continuous along the ring.
    lonDeg += 360 * Math.round((prevLonDeg - lonDeg) / 360);
    prevLonDeg = lonDeg;
    const last = ring[ring.length - 1];
    if (last !== undefined && last[0] === lonDeg && last[1] === latDeg) continue;
    ring.push([lonDeg, latDeg]);
  }
  // Azimuth runs clockwise from north, so the ring is clockwise seen from above: reverse it to
  // the counter-clockwise exterior ring of RFC 7946, then close it.
  ring.reverse();
  const first = ring[0];
  if (first !== undefined) ring.push([first[0], first[1]]);
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [ring] },
    properties: {
      sensorId: radar.id,
      targetAltitudeKm: targetAltitudeM / 1000,
      rangeKm: radarRangeLimitM(radar, targetRcsM2) / 1000,
      targetRcsM2,
      fidelity: model.name,
    },
  };
};

export interface GeoPointDeg {
  readonly latDeg: number;
  readonly lonDeg: number;
  readonly altitudeM: number;
}

export interface RadarFieldOfRegardVolume {
  readonly sensorId: string;
  /** Slant range of the outline, m. */
  readonly rangeM: number;
  /** The antenna: every ray of the boundary surface runs from here to an outline point. */
  readonly apex: GeoPointDeg;
  readonly faces: ReadonlyArray<{
    /**
     * The face's far boundary on the sphere of radius rangeM about the antenna, as a closed loop
     * (first point repeated last): the lower elevation edge from the left azimuth edge to the
     * right, up the right edge, the upper edge back, down the left edge. The lower edge is the
     * higher of the face's and the radar's minimum elevation. Rays from the apex to these points
     * sweep the face's boundary surface. Not clipped by the Earth.
     */
    readonly outline: GeoPointDeg[];
  }>;
}

/**
 * Each face's field of regard as a boundary outline at slant range rangeM (default: the smaller
 * of the instrumented range and the detection range against the reference RCS), with
 * `pointsPerEdge` points along each edge, for drawing (CZML polylines or a wall).
 */
export const radarFieldOfRegardVolume = (
  radar: GroundRadar,
  model: EarthModel,
  rangeM?: number,
  pointsPerEdge = 16,
): RadarFieldOfRegardVolume => {
  validateRadar(radar, `sensors[${radar.id}]`);
  const r = rangeM ?? Math.min(radar.maxRangeM, radar.detectionRangeM);
  requireFinite(r, 'rangeM');
  if (r < 0) {
    throw new OpenBmdError(
      errorCodes.outOfRange,
      `the range must not be negative (got ${r} m)`,
      'rangeM',
    );
  }
  const n = Math.max(2, Math.floor(pointsPerEdge));
  const g = createRadarGeometry(radar, model, radar.referenceRcsM2);
  const e = g.enu;
  const site = g.siteEcef;
  const geo = new Float64Array(3);
  const point = (azRad: number, elRad: number): GeoPointDeg => {
    const ce = Math.cos(elRad);
    const de = ce * Math.sin(azRad);
    const dn = ce * Math.cos(azRad);
    const du = Math.sin(elRad);
    const x = site[0]! + r * (de * e[0]! + dn * e[3]! + du * e[6]!);
    const y = site[1]! + r * (de * e[1]! + dn * e[4]! + du * e[7]!);
    const z = site[2]! + r * (de * e[2]! + dn * e[5]! + du * e[8]!);
    ecefToGeodetic(x, y, z, model, geo);
    return { latDeg: geo[0]! / DEG, lonDeg: geo[1]! / DEG, altitudeM: geo[2]! };
  };
  const faces = radar.faces.map((face) => {
    const half = Math.min(face.azimuthHalfWidthRad, Math.PI);
    const azL = face.boresightAzimuthRad - half;
    const azR = face.boresightAzimuthRad + half;
    const elLo = Math.min(
      face.maxElevationRad,
      Math.max(face.minElevationRad, radar.minElevationRad),
    );
    const elHi = face.maxElevationRad;
    const outline: GeoPointDeg[] = [];
    for (let k = 0; k < n; k++) outline.push(point(azL + ((azR - azL) * k) / n, elLo));
    for (let k = 0; k < n; k++) outline.push(point(azR, elLo + ((elHi - elLo) * k) / n));
    for (let k = 0; k < n; k++) outline.push(point(azR - ((azR - azL) * k) / n, elHi));
    for (let k = 0; k < n; k++) outline.push(point(azL, elHi - ((elHi - elLo) * k) / n));
    const first = outline[0]!;
    outline.push({ ...first });
    return { outline };
  });
  return {
    sensorId: radar.id,
    rangeM: r,
    apex: { latDeg: radar.latRad / DEG, lonDeg: radar.lonRad / DEG, altitudeM: radar.altitudeM },
    faces,
  };
};
