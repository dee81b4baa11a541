/**
 * Geodesics on the model's surface: ground range and azimuths between two points, and the point
 * reached from a start along an azimuth.
 *
 * - 'wgs84': the ellipsoid geodesic of Karney (2013), "Algorithms for geodesics", J. Geodesy
 *   87:43-55, via geographiclib-geodesic 2.2.0 (accurate to about 15 nm), on the ellipsoid
 *   a = `radiusM`, f = `flattening`.
 * - 'sphere': the great circle on the sphere of radius `radiusM`; central angle by the atan2 form
 *   of Vincenty (1975), Survey Review 23(176):88-93, taken with f = 0, which stays accurate for
 *   coincident and antipodal points alike.
 *
 * Latitudes are geodetic on the ellipsoid and geocentric on the sphere; azimuths are clockwise
 * from north; azimuth2 is the forward direction at the second point (GeographicLib convention).
 * These functions allocate their result objects: they are for set-up and reporting, not for hot
 * loops.
 */
import geodesic from 'geographiclib-geodesic';
import { requireFinite, requireInRange } from '../errors.js';
import { wrapLonRad } from '../units.js';
import type { EarthModel } from './model.js';

export interface InverseGeodesicResult {
  /** Length of the shortest path on the surface, m. */
  readonly distanceM: number;
  /** Azimuth at the first point, clockwise from north, rad in (-pi, pi]. */
  readonly azimuth1Rad: number;
  /** Forward azimuth at the second point, rad in (-pi, pi]. */
  readonly azimuth2Rad: number;
}

export interface DirectGeodesicResult {
  readonly latRad: number;
  /** Longitude in [-pi, pi). */
  readonly lonRad: number;
  /** Forward azimuth at the end point, rad in (-pi, pi]. */
  readonly azimuth2Rad: number;
}

type Geodesic = InstanceType<typeof geodesic.Geodesic.Geodesic>;

const DEG_PER_RAD = 180 / Math.PI;
const HALF_PI = Math.PI / 2;
/** Slack on |lat| <= pi/2 for rounding in a degree -> radian conversion. */
const LAT_SLACK_RAD = 1e-12;

const geodesicCache = new Map<string, Geodesic>();

/** The GeographicLib Geodesic for the model's ellipsoid, built once per (a, f). */
const geodesicFor = (model: EarthModel): Geodesic => {
  const key = `${model.radiusM}/${model.flattening}`;
  let g = geodesicCache.get(key);
  if (g === undefined) {
    g = new geodesic.Geodesic.Geodesic(model.radiusM, model.flattening);
    geodesicCache.set(key, g);
  }
  return g;
};

const isEllipsoid = (model: EarthModel): boolean =>
  model.shape === 'wgs84' && model.flattening !== 0;

const checkLat = (latRad: number, path: string): number => {
  requireInRange(latRad, -HALF_PI - LAT_SLACK_RAD, HALF_PI + LAT_SLACK_RAD, 'rad', path);
  return Math.min(HALF_PI, Math.max(-HALF_PI, latRad));
};

/** Latitude in degrees for GeographicLib, which rejects |lat| > 90 (no rounding past the pole). */
const latDeg = (latRad: number): number => {
  const d = latRad * DEG_PER_RAD;
  return Math.min(90, Math.max(-90, d));
};

const defined = (x: number | undefined, name: string): number => {
  if (x === undefined) throw new Error(`geographiclib returned no ${name}`);
  return x;
};

/**
 * Great-circle central angle between two points, rad in [0, pi] (Vincenty 1975 with f = 0:
 * atan2 of the cross and dot products, stable for small and antipodal separations).
 */
export function centralAngleRad(
  lat1Rad: number,
  lon1Rad: number,
  lat2Rad: number,
  lon2Rad: number,
): number {
  const sin1 = Math.sin(lat1Rad);
  const cos1 = Math.cos(lat1Rad);
  const sin2 = Math.sin(lat2Rad);
  const cos2 = Math.cos(lat2Rad);
  const dLon = lon2Rad - lon1Rad;
  const sinDLon = Math.sin(dLon);
  const cosDLon = Math.cos(dLon);
  const a = cos2 * sinDLon;
  const b = cos1 * sin2 - sin1 * cos2 * cosDLon;
  return Math.atan2(Math.sqrt(a * a + b * b), sin1 * sin2 + cos1 * cos2 * cosDLon);
}

/**
 * Inverse geodesic problem: distance and azimuths between two points on the model's surface.
 * Throws E_OUT_OF_RANGE for |lat| > pi/2 and E_INVALID_INPUT for non-finite input.
 * Azimuths of coincident points are 0 on the sphere; on a sphere the azimuths between antipodal
 * points are arbitrary (every great circle is shortest).
 */
export function inverseGeodesic(
  lat1Rad: number,
  lon1Rad: number,
  lat2Rad: number,
  lon2Rad: number,
  model: EarthModel,
): InverseGeodesicResult {
  const phi1 = checkLat(lat1Rad, 'lat1Rad');
  const phi2 = checkLat(lat2Rad, 'lat2Rad');
  requireFinite(lon1Rad, 'lon1Rad');
  requireFinite(lon2Rad, 'lon2Rad');
  if (isEllipsoid(model)) {
    const r = geodesicFor(model).Inverse(
      latDeg(phi1),
      lon1Rad * DEG_PER_RAD,
      latDeg(phi2),
      lon2Rad * DEG_PER_RAD,
    );
    return {
      distanceM: defined(r.s12, 's12'),
      azimuth1Rad: defined(r.azi1, 'azi1') / DEG_PER_RAD,
      azimuth2Rad: defined(r.azi2, 'azi2') / DEG_PER_RAD,
    };
  }
  const sin1 = Math.sin(phi1);
  const cos1 = Math.cos(phi1);
  const sin2 = Math.sin(phi2);
  const cos2 = Math.cos(phi2);
  const dLon = lon2Rad - lon1Rad;
  const sinDLon = Math.sin(dLon);
  const cosDLon = Math.cos(dLon);
  const east1 = cos2 * sinDLon;
  const north1 = cos1 * sin2 - sin1 * cos2 * cosDLon;
  const sigma = Math.atan2(
    Math.sqrt(east1 * east1 + north1 * north1),
    sin1 * sin2 + cos1 * cos2 * cosDLon,
  );
  return {
    distanceM: model.radiusM * sigma,
    azimuth1Rad: Math.atan2(east1, north1),
    // Forward azimuth at point 2: the reverse of the initial azimuth from 2 to 1, plus pi.
    azimuth2Rad: Math.atan2(cos1 * sinDLon, cos1 * sin2 * cosDLon - sin1 * cos2),
  };
}

/**
 * Direct geodesic problem: the point at `distanceM` along the geodesic that leaves (lat, lon)
 * at `azimuthRad` (negative distances go backwards), and the forward azimuth there.
 * Throws E_OUT_OF_RANGE for |lat| > pi/2 and E_INVALID_INPUT for non-finite input.
 */
export function directGeodesic(
  latRad: number,
  lonRad: number,
  azimuthRad: number,
  distanceM: number,
  model: EarthModel,
): DirectGeodesicResult {
  const phi1 = checkLat(latRad, 'latRad');
  requireFinite(lonRad, 'lonRad');
  requireFinite(azimuthRad, 'azimuthRad');
  requireFinite(distanceM, 'distanceM');
  if (isEllipsoid(model)) {
    const r = geodesicFor(model).Direct(
      latDeg(phi1),
      lonRad * DEG_PER_RAD,
      azimuthRad * DEG_PER_RAD,
      distanceM,
    );
    return {
      latRad: defined(r.lat2, 'lat2') / DEG_PER_RAD,
      lonRad: wrapLonRad(defined(r.lon2, 'lon2') / DEG_PER_RAD),
      azimuth2Rad: defined(r.azi2, 'azi2') / DEG_PER_RAD,
    };
  }
  // Sphere: rotate the start unit vector p towards the direction d = cos(az) north + sin(az) east
  // by the central angle sigma: q = cos(sigma) p + sin(sigma) d; the tangent there is
  // t = -sin(sigma) p + cos(sigma) d.
  const sigma = distanceM / model.radiusM;
  const sinLat = Math.sin(phi1);
  const cosLat = Math.cos(phi1);
  const sinLon = Math.sin(lonRad);
  const cosLon = Math.cos(lonRad);
  const sinAz = Math.sin(azimuthRad);
  const cosAz = Math.cos(azimuthRad);
  const px = cosLat * cosLon;
  const py = cosLat * sinLon;
  const pz = sinLat;
  const dx = -cosAz * sinLat * cosLon - sinAz * sinLon;
  const dy = -cosAz * sinLat * sinLon + sinAz * cosLon;
  const dz = cosAz * cosLat;
  const cs = Math.cos(sigma);
  const ss = Math.sin(sigma);
  const qx = cs * px + ss * dx;
  const qy = cs * py + ss * dy;
  const qz = cs * pz + ss * dz;
  const tx = -ss * px + cs * dx;
  const ty = -ss * py + cs * dy;
  const tz = -ss * pz + cs * dz;
  const lat2 = Math.atan2(qz, Math.sqrt(qx * qx + qy * qy));
  const lon2 = Math.atan2(qy, qx);
  const sinLat2 = Math.sin(lat2);
  const cosLat2 = Math.cos(lat2);
  const sinLon2 = Math.sin(lon2);
  const cosLon2 = Math.cos(lon2);
  const east = -sinLon2 * tx + cosLon2 * ty;
  const north = -sinLat2 * cosLon2 * tx - sinLat2 * sinLon2 * ty + cosLat2 * tz;
  return { latRad: lat2, lonRad: wrapLonRad(lon2), azimuth2Rad: Math.atan2(east, north) };
}
