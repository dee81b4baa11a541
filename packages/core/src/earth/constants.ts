/**
 * Physical constants with their sources.
 *
 * WGS84: NIMA TR8350.2, third edition (2000), table 3.1 and 3.3.
 * J2: EGM96 normalised C20 = -4.84165371736e-4, J2 = -sqrt(5) C20 = 1.08262668e-3 (the WGS84
 * ellipsoid's own dynamic form factor is 1.08263e-3; we use the EGM96 value throughout, as
 * benchmark P1 does).
 */

/** WGS84 semi-major (equatorial) axis, m. */
export const WGS84_A_M = 6_378_137.0;
/** WGS84 inverse flattening. */
export const WGS84_INV_F = 298.257223563;
/** WGS84 flattening. */
export const WGS84_F = 1 / WGS84_INV_F;
/** WGS84 semi-minor (polar) axis, m. */
export const WGS84_B_M = WGS84_A_M * (1 - WGS84_F);
/** WGS84 first eccentricity squared. */
export const WGS84_E2 = WGS84_F * (2 - WGS84_F);
/** WGS84 gravitational parameter (with atmosphere), m^3/s^2. */
export const WGS84_GM_M3S2 = 3.986004418e14;
/** Earth rotation rate (WGS84, NIMA TR8350.2), rad/s. */
export const EARTH_ROTATION_RADPS = 7.292115e-5;
/** EGM96 J2 (dimensionless). */
export const J2_EGM96 = 1.08262668e-3;
/** Mean Earth radius used by the round-Earth presets, m (IUGG mean radius, rounded). */
export const ROUND_EARTH_RADIUS_M = 6_371_000.0;
/** Standard gravity, m/s^2 (US Standard Atmosphere 1976; also the Isp convention). */
export const STANDARD_GRAVITY_MPS2 = 9.80665;
