import { describe, expect, it } from 'vitest';
import { errorCodeOf, jsonOf, numbersIn, runCli } from './helpers.js';

const state = (over: Record<string, string> = {}): string[] => {
  const flags: Record<string, string> = {
    '--lat-deg': '35',
    '--lon-deg': '53',
    '--speed-mps': '6500',
    '--flight-path-deg': '30',
    '--azimuth-deg': '-30',
    ...over,
  };
  return ['fly', ...Object.entries(flags).flatMap(([k, v]) => (v === '' ? [k] : [k, v]))];
};

describe('openbmd fly', () => {
  it('prints the public JSON fields, all finite, at wgs84 by default', async () => {
    const r = await runCli([...state(), '--json']);
    expect(r.code).toBe(0);
    const j = jsonOf(r);
    expect(j['fidelity']).toBe('wgs84');
    for (const k of ['flightTimeS', 'groundRangeKm', 'apogeeKm']) {
      expect(typeof j[k]).toBe('number');
    }
    expect(j['impact']).toEqual({ latDeg: expect.any(Number), lonDeg: expect.any(Number) });
    expect((j['models'] as Record<string, unknown>)['fidelity']).toBe('wgs84');
    for (const [path, x] of numbersIn(j)) expect(Number.isFinite(x), path).toBe(true);
    // A 6.5 km/s burnout at 30 deg flies several thousand km.
    expect(j['groundRangeKm']).toBeGreaterThan(4000);
    expect(j['groundRangeKm']).toBeLessThan(9000);
  });

  it('flies a vertical shot on a still round Earth straight up and back down', async () => {
    const r = await runCli([
      ...state({
        '--lat-deg': '0',
        '--lon-deg': '0',
        '--speed-mps': '1000',
        '--flight-path-deg': '90',
      }),
      '--fidelity',
      'round-still',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const j = jsonOf(r);
    const g0 = 3.986004418e14 / 6_371_000 ** 2;
    // Flat-Earth estimates 2 v / g and v^2 / 2g; gravity weakening with height adds ~1.5 %.
    expect(j['flightTimeS']).toBeGreaterThan((2 * 1000) / g0);
    expect(j['flightTimeS']).toBeLessThan(1.03 * ((2 * 1000) / g0));
    expect(j['apogeeKm']).toBeGreaterThan(1000 ** 2 / (2 * g0) / 1000);
    expect(j['apogeeKm']).toBeLessThan((1.03 * 1000 ** 2) / (2 * g0) / 1000);
    expect(j['groundRangeKm']).toBeLessThan(1e-3);
  });

  it('accepts drag with a ballistic coefficient on wgs84 and it shortens the range', async () => {
    const low = { '--speed-mps': '2000', '--flight-path-deg': '45' };
    const vac = jsonOf(await runCli([...state(low), '--json']));
    const drag = jsonOf(
      await runCli([...state(low), '--ballistic-coefficient-kgm2', '500', '--json']),
    );
    expect(drag['ballisticCoefficientKgM2']).toBe(500);
    expect(drag['groundRangeKm'] as number).toBeLessThan(vac['groundRangeKm'] as number);
  });

  it('prints a table by default', async () => {
    const r = await runCli(state());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ground range\s+\d+\.\d\s+km/);
  });

  it('rejects a ballistic coefficient on an airless Earth (E_MODEL_CONFLICT, exit 2)', async () => {
    const r = await runCli([
      ...state(),
      '--fidelity',
      'round',
      '--ballistic-coefficient-kgm2',
      '5000',
    ]);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_MODEL_CONFLICT');
    expect(r.stdout).toBe('');
  });

  it.each([
    ['--lat-deg', '95', 'E_OUT_OF_RANGE'],
    ['--lat-deg', '-90.5', 'E_OUT_OF_RANGE'],
    ['--lon-deg', '181', 'E_OUT_OF_RANGE'],
    ['--speed-mps', '-5', 'E_OUT_OF_RANGE'],
    ['--flight-path-deg', '91', 'E_OUT_OF_RANGE'],
    ['--lat-deg', 'north', 'E_INVALID_INPUT'],
    ['--speed-mps', 'NaN', 'E_INVALID_INPUT'],
    ['--ballistic-coefficient-kgm2', '0', 'E_OUT_OF_RANGE'],
    ['--fidelity', 'flat', 'E_INVALID_INPUT'],
  ])('%s %s: exit 2, %s, naming the flag', async (flag, value, code) => {
    const r = await runCli([...state({ [flag]: value }), '--json']);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe(code);
    expect(r.stderr).toContain(flag);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it('reports an orbit as E_NO_IMPACT, exit 2', async () => {
    const r = await runCli([...state({ '--speed-mps': '12000' }), '--fidelity', 'round-still']);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_NO_IMPACT');
  });
});
