/**
 * Forces shared by powered and free flight: air density for the model, Earth-relative velocity,
 * vertical speed. Gravity is earth/gravity.ts; the atmosphere models are earth/atmosphere.ts.
 */
import {
  exponentialDensityKgM3,
  ussa76DensityKgM3,
  ussa76SpeedOfSoundMps,
} from '../earth/atmosphere.js';
import { altitudeAboveSurfaceM, ecefToGeodetic } from '../earth/frames.js';
import type { EarthModel } from '../earth/model.js';

/** Air density at an altitude for the model's atmosphere, kg/m^3 (0 when it has none). */
export const airDensityKgM3 = (model: EarthModel, altitudeM: number): number => {
  switch (model.atmosphere) {
    case 'ussa76':
      return ussa76DensityKgM3(altitudeM);
    case 'exponential':
      return exponentialDensityKgM3(altitudeM, model.seaLevelDensityKgM3, model.scaleHeightM);
    default:
      return 0;
  }
};

/**
 * Speed of sound for Mach numbers in drag tables, m/s: US Standard Atmosphere 1976 (extended
 * above 86 km with the kinetic temperature), also used with the exponential atmosphere, whose
 * model has no temperature.
 */
export const speedOfSoundMps = (altitudeM: number): number => ussa76SpeedOfSoundMps(altitudeM);

/** Altitude above the model's surface of an inertial or ECEF position (the shape is axisymmetric). */
export const altitudeOfStateM = (model: EarthModel, y: Float64Array): number =>
  altitudeAboveSurfaceM(y[0]!, y[1]!, y[2]!, model);

const geodeticScratch = new Float64Array(3);

/**
 * Rate of change of altitude above the surface, m/s: the surface normal at the point dotted with
 * the Earth-relative velocity v - w x r. Its falling zero is the apogee (maximum altitude).
 */
export const verticalSpeedMps = (model: EarthModel, y: Float64Array): number => {
  const x = y[0]!;
  const yy = y[1]!;
  const z = y[2]!;
  const w = model.rotationRadps;
  const vx = y[3]! + w * yy;
  const vy = y[4]! - w * x;
  const vz = y[5]!;
  if (model.shape === 'sphere' || model.flattening === 0) {
    return (x * vx + yy * vy + z * vz) / Math.sqrt(x * x + yy * yy + z * z);
  }
  // Normal of the ellipsoid at the point's geodetic latitude; longitude taken in the frame of y.
  ecefToGeodetic(x, yy, z, model, geodeticScratch);
  const lat = geodeticScratch[0]!;
  const lon = Math.atan2(yy, x);
  const cl = Math.cos(lat);
  return cl * Math.cos(lon) * vx + cl * Math.sin(lon) * vy + Math.sin(lat) * vz;
};
