/**
 * Units and frames at the public API.
 *
 * Inside the core every quantity is SI and carries its unit in its name (`altitudeM`, `timeS`).
 * Angles are the one place where confusion bites (degrees at the edges, radians inside), so they
 * are branded: a `Degrees` value cannot be passed where `Radians` is expected without a conversion.
 * Vectors are branded with their frame for the same reason.
 */

export type Degrees = number & { readonly __angleUnit: 'deg' };
export type Radians = number & { readonly __angleUnit: 'rad' };

export const degrees = (value: number): Degrees => value as Degrees;
export const radians = (value: number): Radians => value as Radians;

const DEG_PER_RAD = 180 / Math.PI;

export const toRadians = (angle: Degrees): Radians => (angle / DEG_PER_RAD) as Radians;
export const toDegrees = (angle: Radians): Degrees => (angle * DEG_PER_RAD) as Degrees;

/** Reference frames used by the core. */
export type Frame = 'ecef' | 'eci' | 'enu';

/** A 3-vector in a named frame (metres or metres per second, as its name says). */
export type Vec3<F extends Frame> = Float64Array & { readonly __frame: F };

export const vec3 = <F extends Frame>(x = 0, y = 0, z = 0): Vec3<F> => {
  const v = new Float64Array(3);
  v[0] = x;
  v[1] = y;
  v[2] = z;
  return v as Vec3<F>;
};

/** Geodetic (or geocentric, on a sphere) coordinates; angles in radians. */
export interface Geodetic {
  readonly latRad: Radians;
  readonly lonRad: Radians;
  readonly altitudeM: number;
}

/** A point on the surface given in degrees, as users write it. */
export interface LatLonDeg {
  readonly latDeg: Degrees;
  readonly lonDeg: Degrees;
}

/** Clamped inverse trigonometry: rounding noise must never become NaN deep in a pipeline. */
export const clampedAcos = (x: number): number => Math.acos(x > 1 ? 1 : Math.max(x, -1));
export const clampedAsin = (x: number): number => Math.asin(x > 1 ? 1 : Math.max(x, -1));

/** Normalise a longitude in radians to [-pi, pi). */
export const wrapLonRad = (lonRad: number): Radians => {
  const twoPi = 2 * Math.PI;
  let x = (lonRad + Math.PI) % twoPi;
  if (x < 0) x += twoPi;
  return (x - Math.PI) as Radians;
};

/** Normalise a longitude in degrees to [-180, 180). */
export const wrapLonDeg = (lonDeg: number): Degrees => {
  let x = (lonDeg + 180) % 360;
  if (x < 0) x += 360;
  return (x - 180) as Degrees;
};
