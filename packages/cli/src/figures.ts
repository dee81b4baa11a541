/** The key figures of a missile flight, as printed by aim, max-range and demo. */
import {
  type EarthModel,
  inverseGeodesic,
  type MissileFlightResult,
  wrapLonDeg,
} from '@openbmd/core';

const DEG_PER_RAD = 180 / Math.PI;
const RAD_PER_DEG = Math.PI / 180;

export const toRad = (deg: number): number => deg * RAD_PER_DEG;
export const toDeg = (rad: number): number => rad * DEG_PER_RAD;

export interface FlightFigures {
  /** Launch to impact, s. */
  readonly flightTimeS: number;
  /** Along the surface from the launch point to the impact point, km. */
  readonly groundRangeKm: number;
  readonly apogeeKm: number;
  readonly impact: { readonly latDeg: number; readonly lonDeg: number };
  /** Burnout (or thrust cut-off), s after launch. */
  readonly burnoutTimeS: number;
  /** Speed relative to the turning Earth at burnout, m/s. */
  readonly burnoutSpeedMps: number;
  readonly burnoutAltitudeKm: number;
  /** Earth-relative flight-path angle at burnout, above the local horizontal, deg. */
  readonly burnoutFlightPathDeg: number;
}

/** Ground range from (lat1, lon1) to (lat2, lon2): great circle on a sphere, geodesic on WGS84, m. */
export const groundRangeM = (
  model: EarthModel,
  lat1Rad: number,
  lon1Rad: number,
  lat2Rad: number,
  lon2Rad: number,
): number => inverseGeodesic(lat1Rad, lon1Rad, lat2Rad, lon2Rad, model).distanceM;

export const flightFigures = (
  model: EarthModel,
  flight: MissileFlightResult,
  fromLatRad: number,
  fromLonRad: number,
): FlightFigures => {
  const { burnout, free, launchTimeS } = flight;
  return {
    flightTimeS: free.impactTimeS - launchTimeS,
    groundRangeKm:
      groundRangeM(model, fromLatRad, fromLonRad, free.impactLatRad, free.impactLonRad) / 1000,
    apogeeKm: free.apogeeAltitudeM / 1000,
    impact: { latDeg: toDeg(free.impactLatRad), lonDeg: wrapLonDeg(toDeg(free.impactLonRad)) },
    burnoutTimeS: burnout.timeS - launchTimeS,
    burnoutSpeedMps: burnout.speedMps,
    burnoutAltitudeKm: burnout.altitudeM / 1000,
    burnoutFlightPathDeg: toDeg(burnout.flightPathRad),
  };
};
