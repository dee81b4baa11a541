import { describe, expect, it } from 'vitest';
import { flagshipThreats } from '../src/index.js';
import { jsonOf, numbersIn, runCli } from './helpers.js';

describe('openbmd validate', () => {
  it('runs every case, counts passes and failures, exit 0 only if none fails', async () => {
    const r = await runCli(['validate', '--json']);
    const j = jsonOf(r);
    const cases = j['cases'] as Record<string, unknown>[];
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining([
          'id',
          'case',
          'source',
          'expected',
          'computed',
          'tolerance',
          'pass',
        ]),
      );
    }
    const failed = cases.filter((c) => c['pass'] !== true).length;
    expect(j['failed']).toBe(failed);
    expect(j['passed']).toBe(cases.length - failed);
    expect(r.code).toBe(failed > 0 ? 1 : 0);
  });

  it('prints the table', async () => {
    const r = await runCli(['validate']);
    expect(r.stdout).toMatch(/^case\s+source\s+expected\s+computed\s+tolerance\s+pass/);
    expect(r.stdout).toMatch(/\d+ passed, \d+ failed/);
  });
});

describe('openbmd demo', () => {
  it('aims and flies every flagship threat at wgs84 with finite figures', async () => {
    const r = await runCli(['demo', '--json']);
    expect(r.code).toBe(0);
    const j = jsonOf(r);
    expect(j['fidelity']).toBe('wgs84');
    const threats = j['threats'] as Record<string, unknown>[];
    expect(threats.map((t) => t['id'])).toEqual(flagshipThreats.map((t) => t.id));
    for (const t of threats) {
      expect(t['error']).toBeUndefined();
      for (const k of [
        'groundRangeKm',
        'flightTimeS',
        'apogeeKm',
        'burnoutTimeS',
        'burnoutSpeedMps',
        'burnoutAltitudeKm',
        'missDistanceM',
      ]) {
        expect(typeof t[k], k).toBe('number');
      }
      expect(t['missDistanceM']).toBeLessThan(1000);
    }
    expect(threats.map((t) => t['missile'])).toEqual(['iran-icbm-notional', 'ss-19']);
    for (const [path, x] of numbersIn(j)) expect(Number.isFinite(x), path).toBe(true);
  });

  it('shows progress on stderr (non-TTY: one line per step), the table on stdout', async () => {
    const r = await runCli(['demo'], { progress: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/semnan-washington\s+iran-icbm-notional\s+Semnan\s+Washington/);
    expect(r.stderr).toMatch(/demo \[=+\] 2\/2/);
  });
});

describe('flagship threat missiles', () => {
  it('are picked by id, else by class and name, else E_MISSILE_UNKNOWN', async () => {
    const { builtinMissiles } = await import('@openbmd/core');
    const { threatMissile } = await import('../src/commands/demo.js');
    const [semnan] = flagshipThreats;
    expect(semnan).toBeDefined();
    if (semnan === undefined) return;
    expect(threatMissile(semnan).id).toBe('iran-icbm-notional');
    const renamed = builtinMissiles.map((m) =>
      m.id === 'iran-icbm-notional' ? { ...m, id: 'iran-other' } : m,
    );
    expect(threatMissile(semnan, renamed).id).toBe('iran-other');
    expect(() => threatMissile(semnan, [])).toThrow(
      expect.objectContaining({ code: 'E_MISSILE_UNKNOWN' }),
    );
  });
});
