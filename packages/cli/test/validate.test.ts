import { describe, expect, it } from 'vitest';
import { jsonOf, runCli } from './helpers.js';

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
