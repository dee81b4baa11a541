/**
 * Reading flag values. Every check names the flag, so the error tells the user what to fix; range
 * checks use the core's requireInRange, so they carry its codes (E_INVALID_INPUT, E_OUT_OF_RANGE).
 */
import { errorCodes, OpenBmdError, requireInRange } from '@openbmd/core';
import { inputError } from './errors.js';

/** A finite number from a flag's text, or E_INVALID_INPUT naming the flag. */
export const parseNumber = (text: string, flag: string): number => {
  const trimmed = text.trim();
  const x = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(x)) throw inputError(`expected a number, got '${text}'`, flag);
  return x;
};

/** A number in [lo, hi] (unit as written in the flag name), or E_OUT_OF_RANGE naming the flag. */
export const parseInRange = (
  text: string,
  lo: number,
  hi: number,
  unit: string,
  flag: string,
): number => requireInRange(parseNumber(text, flag), lo, hi, unit, flag);

/** A number > 0 and <= hi, or E_OUT_OF_RANGE naming the flag. */
export const parsePositive = (text: string, hi: number, unit: string, flag: string): number => {
  const x = parseNumber(text, flag);
  if (!(x > 0) || x > hi) {
    throw new OpenBmdError(
      errorCodes.outOfRange,
      `${x} ${unit} is outside the allowed range: greater than 0, at most ${hi} ${unit}`,
      flag,
    );
  }
  return x;
};

export const LAT_RANGE_DEG = [-90, 90] as const;
export const LON_RANGE_DEG = [-180, 180] as const;

export const parseLatDeg = (text: string, flag: string): number =>
  parseInRange(text, LAT_RANGE_DEG[0], LAT_RANGE_DEG[1], 'deg', flag);

export const parseLonDeg = (text: string, flag: string): number =>
  parseInRange(text, LON_RANGE_DEG[0], LON_RANGE_DEG[1], 'deg', flag);

export interface LatLonDegrees {
  readonly latDeg: number;
  readonly lonDeg: number;
}

/** "LAT,LON" in degrees (north and east positive), like "35.23,53.92" or "38.90,-77.04". */
export const parseLatLon = (text: string, flag: string): LatLonDegrees => {
  const parts = text.split(',');
  if (parts.length !== 2) {
    throw inputError(
      `expected LAT,LON in degrees, north and east positive (like 38.90,-77.04), got '${text}'`,
      flag,
    );
  }
  const [latText = '', lonText = ''] = parts;
  return {
    latDeg: parseLatDeg(latText, `${flag} latitude`),
    lonDeg: parseLonDeg(lonText, `${flag} longitude`),
  };
};
