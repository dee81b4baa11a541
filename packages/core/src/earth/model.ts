/**
 * The physical models a flight is computed with, each configured on its own. The fidelity levels
 * of ARCHITECTURE.md are presets of them, and benchmark P1 is another combination. Every result
 * names the preset (by its name) or, for a custom combination, the models used.
 */
import { errorCodes, OpenBmdError } from '../errors.js';
import {
  EARTH_ROTATION_RADPS,
  J2_EGM96,
  ROUND_EARTH_RADIUS_M,
  WGS84_A_M,
  WGS84_F,
  WGS84_GM_M3S2,
} from './constants.js';

export type EarthShape = 'sphere' | 'wgs84';
export type GravityModel = 'point-mass' | 'j2';
export type AtmosphereModel = 'none' | 'ussa76' | 'exponential';

export interface EarthModel {
  /** Preset name ('round-still', 'round', 'wgs84', 'p1') or 'custom'. */
  readonly name: string;
  /**
   * Surface used for altitude, launch and impact points, and ground range. 'sphere': radius
   * `radiusM`, latitudes geocentric; 'wgs84': the ellipsoid (a = `radiusM`, flattening `flattening`).
   */
  readonly shape: EarthShape;
  /** Sphere radius, or the ellipsoid's equatorial radius, m. */
  readonly radiusM: number;
  /** Flattening of the ellipsoid; 0 for a sphere. */
  readonly flattening: number;
  /** Gravitational parameter, m^3/s^2. */
  readonly gmM3S2: number;
  readonly gravity: GravityModel;
  /** J2 used when gravity is 'j2' (dimensionless). */
  readonly j2: number;
  /** Reference radius of the J2 term, m. */
  readonly j2RadiusM: number;
  /** Rotation rate about +z, rad/s; 0 for a still Earth. */
  readonly rotationRadps: number;
  readonly atmosphere: AtmosphereModel;
  /**
   * Aerodynamic drag (boost: Cd(Mach) A; free flight: the ballistic coefficient). Needs an
   * atmosphere. Without drag the atmosphere still sets thrust's back-pressure.
   */
  readonly drag: boolean;
  /** Scale height of the exponential atmosphere, m (used when atmosphere is 'exponential'). */
  readonly scaleHeightM: number;
  /** Sea-level density of the exponential atmosphere, kg/m^3. */
  readonly seaLevelDensityKgM3: number;
}

export type FidelityPreset = 'round-still' | 'round' | 'wgs84' | 'p1';

const base = {
  j2: J2_EGM96,
  scaleHeightM: 7200,
  seaLevelDensityKgM3: 1.225,
} as const;

/** Level 1: round, still Earth, point-mass gravity, no air. Closed forms exist (Bate, Mueller & White ch. 6). */
const roundStill: EarthModel = {
  ...base,
  name: 'round-still',
  shape: 'sphere',
  radiusM: ROUND_EARTH_RADIUS_M,
  flattening: 0,
  gmM3S2: WGS84_GM_M3S2,
  gravity: 'point-mass',
  // J2 is defined with the equatorial radius a (EGM96), whatever the surface used for altitude.
  j2RadiusM: WGS84_A_M,
  rotationRadps: 0,
  atmosphere: 'none',
  drag: false,
};

/** Level 2: round Earth rotating at 7.2921150e-5 rad/s, point-mass gravity, no air. */
const round: EarthModel = { ...roundStill, name: 'round', rotationRadps: EARTH_ROTATION_RADPS };

/** Level 3 (default): WGS84 ellipsoid, J2 gravity, US Standard Atmosphere 1976, drag. */
const wgs84: EarthModel = {
  ...base,
  name: 'wgs84',
  shape: 'wgs84',
  radiusM: WGS84_A_M,
  flattening: WGS84_F,
  gmM3S2: WGS84_GM_M3S2,
  gravity: 'j2',
  j2RadiusM: WGS84_A_M,
  rotationRadps: EARTH_ROTATION_RADPS,
  atmosphere: 'ussa76',
  drag: true,
};

/**
 * Benchmark P1 (../shared/bench/propagation.md): sphere of radius a for altitude, J2 gravity,
 * rotation, exponential air rho = 1.225 exp(-h / 7200 m).
 */
const p1: EarthModel = {
  ...base,
  name: 'p1',
  shape: 'sphere',
  radiusM: WGS84_A_M,
  flattening: 0,
  gmM3S2: WGS84_GM_M3S2,
  gravity: 'j2',
  j2RadiusM: WGS84_A_M,
  rotationRadps: EARTH_ROTATION_RADPS,
  atmosphere: 'exponential',
  drag: true,
};

export const earthPresets: Readonly<Record<FidelityPreset, EarthModel>> = {
  'round-still': roundStill,
  round,
  wgs84,
  p1,
};

export const fidelityPresetNames = Object.keys(earthPresets) as FidelityPreset[];

export const isFidelityPreset = (name: string): name is FidelityPreset =>
  Object.hasOwn(earthPresets, name);

/** The preset of that name, or E_INVALID_INPUT listing the names. */
export const earthPreset = (name: string): EarthModel => {
  if (!isFidelityPreset(name)) {
    throw new OpenBmdError(
      errorCodes.invalidInput,
      `unknown fidelity '${name}'; expected one of ${fidelityPresetNames.join(', ')}`,
      'fidelity',
    );
  }
  return earthPresets[name];
};

/**
 * A model built from a preset with some models changed; named 'custom' unless nothing changed.
 * Throws E_MODEL_CONFLICT for drag without an atmosphere, E_OUT_OF_RANGE for a non-positive
 * radius or GM.
 */
export const customEarthModel = (preset: EarthModel, changes: Partial<EarthModel>): EarthModel => {
  const merged = { ...preset, ...changes };
  if (merged.drag && merged.atmosphere === 'none') {
    throw new OpenBmdError(errorCodes.modelConflict, 'drag needs an atmosphere', 'drag');
  }
  if (!(merged.radiusM > 0) || !(merged.gmM3S2 > 0)) {
    throw new OpenBmdError(
      errorCodes.outOfRange,
      'the Earth radius and GM must be positive numbers',
      'earth',
    );
  }
  if (merged.shape === 'sphere' && merged.flattening !== 0) {
    throw new OpenBmdError(errorCodes.modelConflict, 'a sphere has no flattening', 'earth');
  }
  const same = (Object.keys(changes) as (keyof EarthModel)[]).every(
    (k) => changes[k] === preset[k],
  );
  return { ...merged, name: same ? preset.name : 'custom' };
};

/** The models a result was computed with, for the assumption ledger of every output. */
export const describeEarthModel = (m: EarthModel) => ({
  fidelity: m.name,
  earth: m.shape === 'wgs84' ? 'WGS84 ellipsoid' : `sphere of radius ${m.radiusM} m`,
  rotationRadps: m.rotationRadps,
  gravity: m.gravity === 'j2' ? `point mass + J2 (${m.j2})` : 'point mass',
  gmM3S2: m.gmM3S2,
  atmosphere:
    m.atmosphere === 'none'
      ? 'none'
      : m.atmosphere === 'ussa76'
        ? 'US Standard Atmosphere 1976'
        : `exponential (${m.seaLevelDensityKgM3} kg/m^3, scale height ${m.scaleHeightM} m)`,
  drag: m.drag,
});
