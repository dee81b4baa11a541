/**
 * Gravitational acceleration (no centrifugal term: apply it in the rotating frame if needed).
 *
 * Point mass: a = -GM r / |r|^3.
 * Point mass + J2: minus the gradient of U = -GM/r [1 - J2 (a/r)^2 P2(sin phi)], P2 the Legendre
 * polynomial, phi the geocentric latitude (the J2 zonal term of the geopotential; see e.g.
 * Vallado, Fundamentals of Astrodynamics and Applications, 4th ed., 2013, ch. 8), with
 * k = 1.5 J2 (a/r)^2, a = model.j2RadiusM and z along the spin axis:
 *   ax = -GM x/r^3 (1 + k (1 - 5 z^2/r^2)), ay likewise with y,
 *   az = -GM z/r^3 (1 + k (3 - 5 z^2/r^2)).
 * The components are along the axes the position is given in: ECEF or the scenario inertial
 * frame, which share the z axis, so the same function serves both.
 */
import type { EarthModel } from './model.js';

/**
 * The J2 term's constant 1.5 J2 a^2 of a model (m^2), 0 for point-mass gravity: with 0 the J2
 * formula below is exactly the point-mass one, so hot loops need no branch on the model.
 */
export const j2TermM2 = (model: EarthModel): number =>
  model.gravity === 'j2' ? 1.5 * model.j2 * model.j2RadiusM * model.j2RadiusM : 0;

/**
 * Gravitational acceleration (point mass + J2 with j2TermM2 = 1.5 J2 a^2, or point mass with 0)
 * at (x, y, z) m, in m/s^2, written to out[offset..offset + 2]. Returns |r|, m, for callers that
 * need it (altitude on a sphere). The hot-loop form: no model lookups, no allocation.
 */
export function gravityJ2Mps2(
  x: number,
  y: number,
  z: number,
  gmM3S2: number,
  j2TermM2Value: number,
  out: Float64Array,
  offset: number,
): number {
  const r2 = x * x + y * y + z * z;
  const r = Math.sqrt(r2);
  const gmOverR3 = gmM3S2 / (r2 * r);
  const k = j2TermM2Value / r2;
  const z2OverR2 = (z * z) / r2;
  const horizontal = gmOverR3 * (1 + k * (1 - 5 * z2OverR2));
  out[offset] = -horizontal * x;
  out[offset + 1] = -horizontal * y;
  out[offset + 2] = -gmOverR3 * z * (1 + k * (3 - 5 * z2OverR2));
  return r;
}

/**
 * Gravitational acceleration at (x, y, z) m, in m/s^2, written to out[offset..offset + 2].
 * Uses model.gravity ('point-mass' or 'j2'), model.gmM3S2, model.j2 and model.j2RadiusM.
 * Undefined at the origin (returns non-finite values there).
 */
export function gravityAccelerationMps2(
  x: number,
  y: number,
  z: number,
  model: EarthModel,
  out: Float64Array,
  offset = 0,
): void {
  gravityJ2Mps2(x, y, z, model.gmM3S2, j2TermM2(model), out, offset);
}
