import { describe, expect, it } from 'vitest';
import { errorCodeOf, jsonOf, runCli } from './helpers.js';

describe('openbmd atmosphere', () => {
  it('gives the sea-level standard atmosphere at 0 km (USSA76 table I)', async () => {
    const r = await runCli(['atmosphere', '--altitude-km', '0', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = jsonOf(r);
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining([
        'altitudeM',
        'temperatureK',
        'pressurePa',
        'densityKgM3',
        'speedOfSoundMps',
      ]),
    );
    expect(j['altitudeM']).toBe(0);
    expect(j['temperatureK']).toBeCloseTo(288.15, 6);
    expect(j['pressurePa']).toBeCloseTo(101_325, 3);
    expect(j['densityKgM3']).toBeCloseTo(1.225, 4);
    expect(j['speedOfSoundMps']).toBeCloseTo(340.29, 2);
  });

  it('gives a null speed of sound above 86 km', async () => {
    const r = await runCli(['atmosphere', '--altitude-km', '100', '--json']);
    expect(r.code).toBe(0);
    const j = jsonOf(r);
    expect(j['altitudeM']).toBe(100_000);
    expect(j['speedOfSoundMps']).toBeNull();
  });

  it('prints a table by default', async () => {
    const r = await runCli(['atmosphere', '--altitude-km', '15']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/temperature\s+216\.65\s+K/);
  });

  it.each([
    [['atmosphere', '--altitude-km', '1001'], 'E_OUT_OF_RANGE'],
    [['atmosphere', '--altitude-km', '-6'], 'E_OUT_OF_RANGE'],
    [['atmosphere', '--altitude-km', 'ten'], 'E_INVALID_INPUT'],
    [['atmosphere'], 'E_INVALID_INPUT'],
  ])('rejects %j with exit 2', async (args, code) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--altitude-km');
  });
});
