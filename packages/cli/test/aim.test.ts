import { describe, expect, it } from 'vitest';
import { errorCodeOf, jsonOf, numbersIn, runCli } from './helpers.js';

const kozelsk = '54.03,35.77';
const washington = '38.90,-77.04';

describe('openbmd aim', () => {
  it('aims the SS-19 from Kozelsk at Washington (minimum energy, wgs84)', async () => {
    const r = await runCli([
      'aim',
      '--missile',
      'ss-19',
      '--from',
      kozelsk,
      '--to',
      washington,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const j = jsonOf(r);
    expect(j).toMatchObject({
      fidelity: 'wgs84',
      missile: 'ss-19',
      trajectoryType: 'minimum-energy',
      from: { latDeg: 54.03, lonDeg: 35.77 },
      to: { latDeg: 38.9, lonDeg: -77.04 },
    });
    for (const k of [
      'flightTimeS',
      'groundRangeKm',
      'apogeeKm',
      'burnoutSpeedMps',
      'burnoutAltitudeKm',
      'burnoutTimeS',
      'missDistanceM',
    ]) {
      expect(typeof j[k], k).toBe('number');
    }
    expect(j['impact']).toEqual({ latDeg: expect.any(Number), lonDeg: expect.any(Number) });
    for (const [path, x] of numbersIn(j)) expect(Number.isFinite(x), path).toBe(true);
    // Kozelsk-Washington is about 7,900 km; the aim must land within the default 1 km.
    expect(j['groundRangeKm']).toBeGreaterThan(7800);
    expect(j['groundRangeKm']).toBeLessThan(8000);
    expect(j['missDistanceM']).toBeLessThan(1000);
  });

  it('rejects --apogee-km with --flight-time-s (exit 2)', async () => {
    const r = await runCli([
      'aim',
      '--missile',
      'ss-19',
      '--from',
      kozelsk,
      '--to',
      washington,
      '--apogee-km',
      '1200',
      '--flight-time-s',
      '1800',
    ]);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_INVALID_INPUT');
  });

  it('a target out of reach: E_OUT_OF_REACH, exit 2', async () => {
    const r = await runCli(['aim', '--missile', 'scud-b', '--from', '0,0', '--to', '0,90']);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_OUT_OF_REACH');
    expect(r.stdout).toBe('');
  });

  it.each([['35.2'], ['35.2,53.9,1'], ['north,east'], ['95,0'], ['0,200']])(
    'a malformed or out-of-range --from %s: exit 2 naming --from',
    async (from) => {
      const r = await runCli(['aim', '--missile', 'ss-19', '--from', from, '--to', washington]);
      expect(r.code).toBe(2);
      expect(errorCodeOf(r)).toMatch(/^E_(INVALID_INPUT|OUT_OF_RANGE)$/);
      expect(r.stderr).toContain('--from');
    },
  );
});

describe('openbmd max-range', () => {
  it('gives the Scud-B maximum range and the steering found', async () => {
    const r = await runCli(['max-range', '--missile', 'scud-b', '--json']);
    expect(r.code).toBe(0);
    const j = jsonOf(r);
    expect(j).toMatchObject({ fidelity: 'wgs84', missile: 'scud-b', azimuthDeg: 90 });
    for (const k of ['maxRangeKm', 'flightTimeS', 'apogeeKm', 'burnoutSpeedMps']) {
      expect(typeof j[k], k).toBe('number');
    }
    // The Scud-B's published range is about 300 km.
    expect(j['maxRangeKm']).toBeGreaterThan(250);
    expect(j['maxRangeKm']).toBeLessThan(400);
    expect((j['steering'] as Record<string, unknown>)['law']).toBe('forden');
    for (const [path, x] of numbersIn(j)) expect(Number.isFinite(x), path).toBe(true);
  });

  it('a negative payload: E_OUT_OF_RANGE, exit 2', async () => {
    const r = await runCli(['max-range', '--missile', 'scud-b', '--payload-kg', '-1']);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_OUT_OF_RANGE');
    expect(r.stderr).toContain('--payload-kg');
  });
});
