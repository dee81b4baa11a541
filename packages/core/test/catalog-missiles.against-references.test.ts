/**
 * The built-in missiles against their published reference ranges (each missile's `reference`,
 * with its source): range-optimal steering, the reference payload, on a non-rotating WGS84 Earth
 * with J2 and the 1976 atmosphere (published nominal ranges ignore the Earth's rotation).
 * Tolerance: 10 % (the references are nominal, "about", figures).
 */
import { describe, expect, it } from 'vitest';
import { maxRange } from '../src/aim/max-range.js';
import { catalogMissiles, getCatalogMissile } from '../src/catalog/catalog.js';
import { inverseGeodesic } from '../src/earth/geodesic.js';
import { customEarthModel, earthPresets } from '../src/earth/model.js';

const still = customEarthModel(earthPresets.wgs84, { rotationRadps: 0 });
const DEG = Math.PI / 180;
const tenPercent = 0.1;

describe('built-in missiles: maximum range against the published reference', () => {
  const withReference = catalogMissiles().filter(
    (m) => m.reference?.maxRangeKm !== undefined && m.id !== 'iran-icbm-notional',
  );
  it.each(withReference.map((m) => [m.id, m] as const))('%s', (_id, m) => {
    const r = maxRange(still, {
      missile: m,
      fromLatRad: 0,
      fromLonRad: 0,
      azimuthRad: 0,
      ...(m.reference?.payloadKg === undefined ? {} : { payloadKg: m.reference.payloadKg }),
    });
    const refM = m.reference!.maxRangeKm! * 1000;
    expect(Math.abs(r.maxRangeM - refM) / refM).toBeLessThan(tenPercent);
  });

  it('the notional Iranian ICBM reaches Washington from Semnan on the rotating Earth (its design goal), with under 10 % to spare', () => {
    const m = getCatalogMissile('iran-icbm-notional');
    const semnan = { latRad: 35.23 * DEG, lonRad: 53.92 * DEG };
    const washington = { latRad: 38.9 * DEG, lonRad: -77.04 * DEG };
    const g = inverseGeodesic(
      semnan.latRad,
      semnan.lonRad,
      washington.latRad,
      washington.lonRad,
      earthPresets.wgs84,
    );
    const r = maxRange(earthPresets.wgs84, {
      missile: m,
      fromLatRad: semnan.latRad,
      fromLonRad: semnan.lonRad,
      azimuthRad: g.azimuth1Rad,
    });
    expect(r.maxRangeM).toBeGreaterThan(g.distanceM);
    expect(r.maxRangeM).toBeLessThan(1.1 * g.distanceM);
  });
});
