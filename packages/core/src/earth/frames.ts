/**
 * Earth-fixed, inertial and local frames, and the geodetic <-> ECEF conversions.
 *
 * One code path serves both Earth shapes of an `EarthModel`:
 * - 'sphere': latitude is geocentric and altitude = |r| - R (R = `radiusM`);
 * - 'wgs84': latitude is geodetic and altitude is the ellipsoidal height above the ellipsoid
 *   a = `radiusM`, f = `flattening` (NIMA TR8350.2, 2000, ch. 3 and 4).
 * The sphere is the ellipsoid with e^2 = 0, so the forward formulas are shared.
 *
 * Hot functions write into caller-supplied Float64Arrays and allocate nothing.
 */
import type { EarthModel } from './model.js';

/** First eccentricity squared of the model's surface; 0 on a sphere. */
const eccentricitySquared = (model: EarthModel): number =>
  model.shape === 'wgs84' ? model.flattening * (2 - model.flattening) : 0;

/**
 * Geodetic (geocentric on a sphere) latitude, longitude, altitude -> ECEF position, m.
 * N = a / sqrt(1 - e^2 sin^2 lat); x = (N + h) cos lat cos lon, y = (N + h) cos lat sin lon,
 * z = (N (1 - e^2) + h) sin lat (NIMA TR8350.2, eq. 4-14). With e^2 = 0 this is the sphere.
 * Writes out[offset], out[offset + 1], out[offset + 2].
 */
export function geodeticToEcef(
  latRad: number,
  lonRad: number,
  altitudeM: number,
  model: EarthModel,
  out: Float64Array,
  offset = 0,
): void {
  const e2 = eccentricitySquared(model);
  const sinLat = Math.sin(latRad);
  const cosLat = Math.cos(latRad);
  const primeVerticalM = model.radiusM / Math.sqrt(1 - e2 * sinLat * sinLat);
  const rhoM = (primeVerticalM + altitudeM) * cosLat;
  out[offset] = rhoM * Math.cos(lonRad);
  out[offset + 1] = rhoM * Math.sin(lonRad);
  out[offset + 2] = (primeVerticalM * (1 - e2) + altitudeM) * sinLat;
}

/**
 * ECEF position, m -> [latRad, lonRad, altitudeM] in out[0..2].
 *
 * Sphere: latitude = atan2(z, sqrt(x^2 + y^2)), altitude = |r| - R.
 * Ellipsoid: the closed form of Vermeille (2002), "Direct transformation from geocentric
 * coordinates to geodetic coordinates", J. Geodesy 76:451-454, in the form made robust
 * everywhere (the equatorial plane inside the evolute, near the centre, the poles) by
 * C. F. F. Karney in GeographicLib's Geocentric::IntReverse (MIT licence). No iteration; error
 * at the level of rounding (well under 1 micrometre for |r| up to 10^8 m, tested < 1 mm).
 * The origin maps to the north pole, as in GeographicLib; a point on the axis gets longitude 0.
 * Oblate ellipsoids only (flattening >= 0), as every preset is.
 */
export function ecefToGeodetic(
  x: number,
  y: number,
  z: number,
  model: EarthModel,
  out: Float64Array,
): void {
  const a = model.radiusM;
  const rhoM = Math.sqrt(x * x + y * y);
  const sinLon = rhoM !== 0 ? y / rhoM : 0;
  const cosLon = rhoM !== 0 ? x / rhoM : 1;
  const rM = Math.sqrt(rhoM * rhoM + z * z);
  const f = model.shape === 'wgs84' ? model.flattening : 0;
  const e2 = f * (2 - f);
  const e4 = e2 * e2;
  let sinLat: number;
  let cosLat: number;
  let altitudeM: number;
  if (e4 === 0) {
    // Sphere (geocentric latitude).
    const zz = rM === 0 ? 1 : z;
    const hyp = Math.sqrt(zz * zz + rhoM * rhoM);
    sinLat = zz / hyp;
    cosLat = rhoM / hyp;
    altitudeM = rM - a;
  } else {
    // Vermeille (2002) as robustified in GeographicLib (oblate case, f > 0).
    // Coordinates below 1e-100 a (1e-94 m) are flushed to 0 so that p and q never turn
    // subnormal and lose their precision; the result is unchanged at double precision.
    const tiny = a * 1e-100;
    const rho = rhoM < tiny ? 0 : rhoM;
    const zc = z < tiny && z > -tiny ? 0 : z;
    const e2m = (1 - f) * (1 - f);
    const p = (rho / a) * (rho / a);
    const q = e2m * (zc / a) * (zc / a);
    const r = (p + q - e4) / 6;
    if (!(e4 * q === 0 && r <= 0)) {
      const s = (e4 * p * q) / 4; // r^3 s in Vermeille's notation
      const r2 = r * r;
      const r3 = r * r2;
      const disc = s * (2 * r3 + s);
      let u = r;
      if (disc >= 0) {
        let t3 = s + r3;
        // Sign of the root chosen to avoid cancellation.
        t3 += t3 < 0 ? -Math.sqrt(disc) : Math.sqrt(disc);
        const t = Math.cbrt(t3);
        u += t + (t !== 0 ? r2 / t : 0);
      } else {
        // Three real roots (inside the evolute): take the one that avoids cancellation.
        const ang = Math.atan2(Math.sqrt(-disc), -(s + r3));
        u += 2 * r * Math.cos(ang / 3);
      }
      const v = Math.sqrt(u * u + e4 * q);
      const uv = u < 0 ? (e4 * q) / (v - u) : u + v;
      const w = Math.max(0, (e2 * (uv - q)) / (2 * v));
      const k = uv / (Math.sqrt(uv + w * w) + w);
      const k2 = k + e2;
      const zk = zc / k;
      const rk = rho / k2;
      const hyp = Math.sqrt(zk * zk + rk * rk);
      sinLat = zk / hyp;
      cosLat = rk / hyp;
      const d = (k * rho) / k2;
      altitudeM = (1 - e2m / k) * Math.sqrt(d * d + zc * zc);
    } else {
      // On the equatorial plane inside the evolute (|rho| <= a e^2): the limit k -> 0.
      const zz = Math.sqrt((e4 - p) / e2m);
      const xx = Math.sqrt(p);
      const hyp = Math.sqrt(zz * zz + xx * xx);
      sinLat = z < 0 ? -zz / hyp : zz / hyp;
      cosLat = xx / hyp;
      altitudeM = (-a * e2m * hyp) / e2;
    }
  }
  out[0] = Math.atan2(sinLat, cosLat);
  out[1] = Math.atan2(sinLon, cosLon);
  out[2] = altitudeM;
}

const altitudeScratch = new Float64Array(3);

/**
 * Altitude above the model's surface, m: |r| - R on a sphere; the exact ellipsoidal height on an
 * ellipsoid (via `ecefToGeodetic`, using a module-level scratch array; safe in single-threaded JS).
 */
export function altitudeAboveSurfaceM(x: number, y: number, z: number, model: EarthModel): number {
  if (model.shape === 'sphere' || model.flattening === 0) {
    return Math.sqrt(x * x + y * y + z * z) - model.radiusM;
  }
  ecefToGeodetic(x, y, z, model, altitudeScratch);
  return altitudeScratch[2] as number;
}

/**
 * Local east-north-up unit vectors in ECEF at (lat, lon): out[0..2] east, out[3..5] north,
 * out[6..8] up. Up is the ellipsoid normal at geodetic latitude on WGS84 and the radial direction
 * at geocentric latitude on a sphere: the same formula, so the model is not consulted.
 */
export function enuBasis(
  latRad: number,
  lonRad: number,
  _model: EarthModel,
  out: Float64Array,
): void {
  const sinLat = Math.sin(latRad);
  const cosLat = Math.cos(latRad);
  const sinLon = Math.sin(lonRad);
  const cosLon = Math.cos(lonRad);
  out[0] = -sinLon;
  out[1] = cosLon;
  out[2] = 0;
  out[3] = -sinLat * cosLon;
  out[4] = -sinLat * sinLon;
  out[5] = cosLat;
  out[6] = cosLat * cosLon;
  out[7] = cosLat * sinLon;
  out[8] = sinLat;
}

/**
 * Inertial (scenario ECI) -> ECEF at time t after the scenario epoch. The inertial frame equals
 * ECEF at t = 0; ECEF = Rz(w t) applied to inertial vectors; v_inertial = v_ecef + w x r with
 * w = (0, 0, model.rotationRadps) (no precession or nutation: flights last under an hour).
 * `r`, `v` and the outputs hold (x, y, z) in elements 0..2; outputs may alias inputs. When `v`
 * or `vOut` is null the velocity is skipped.
 */
export function eciToEcef(
  r: Float64Array,
  v: Float64Array | null,
  timeS: number,
  model: EarthModel,
  rOut: Float64Array,
  vOut: Float64Array | null,
): void {
  const w = model.rotationRadps;
  const theta = w * timeS;
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const x = r[0] as number;
  const y = r[1] as number;
  const z = r[2] as number;
  rOut[0] = c * x + s * y;
  rOut[1] = -s * x + c * y;
  rOut[2] = z;
  if (v !== null && vOut !== null) {
    // v_ecef = Rz(theta) (v_inertial - w x r_inertial), w x r = (-w y, w x, 0).
    const vx = (v[0] as number) + w * y;
    const vy = (v[1] as number) - w * x;
    const vz = v[2] as number;
    vOut[0] = c * vx + s * vy;
    vOut[1] = -s * vx + c * vy;
    vOut[2] = vz;
  }
}

/** ECEF -> inertial (scenario ECI) at time t after the epoch; the inverse of `eciToEcef`. */
export function ecefToEci(
  r: Float64Array,
  v: Float64Array | null,
  timeS: number,
  model: EarthModel,
  rOut: Float64Array,
  vOut: Float64Array | null,
): void {
  const w = model.rotationRadps;
  const theta = w * timeS;
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const x = r[0] as number;
  const y = r[1] as number;
  const z = r[2] as number;
  rOut[0] = c * x - s * y;
  rOut[1] = s * x + c * y;
  rOut[2] = z;
  if (v !== null && vOut !== null) {
    // v_inertial = Rz(-theta) (v_ecef + w x r_ecef).
    const vx = (v[0] as number) - w * y;
    const vy = (v[1] as number) + w * x;
    const vz = v[2] as number;
    vOut[0] = c * vx - s * vy;
    vOut[1] = s * vx + c * vy;
    vOut[2] = vz;
  }
}
