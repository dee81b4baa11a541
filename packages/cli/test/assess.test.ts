import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AssessmentResult } from '@openbmd/core';
import { afterAll, describe, expect, it } from 'vitest';
import { errorCodeOf, jsonOf, runCli } from './helpers.js';

const quick = ['assess', '--sspk', '0.8', '--shots', '2', '--warheads', '5'];

describe('openbmd assess (quick calculator), closed form', () => {
  it('prints the public JSON fields, numbers for the four headline figures', async () => {
    const r = await runCli([...quick, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = jsonOf(r);
    expect(Object.keys(j)).toEqual([
      'method',
      'pKillPerWarhead',
      'pNoLeakers',
      'expectedLeakers',
      'expectedInterceptorsUsed',
      'leakerDistribution',
      'inventoryCovers',
      'interceptorsToCoverAll',
      'note',
      'policy',
      'attack',
    ]);
    expect(j['method']).toBe('analytic');
    // k = 1 - 0.2^2 = 0.96 per warhead; five warheads.
    expect(j['pKillPerWarhead']).toBeCloseTo(0.96, 12);
    expect(j['pNoLeakers']).toBeCloseTo(0.96 ** 5, 12);
    expect(j['expectedLeakers']).toBeCloseTo(5 * 0.04, 12);
    expect(j['expectedInterceptorsUsed']).toBe(10);
    expect(j['leakerDistribution']).toHaveLength(6);
    expect(j['inventoryCovers']).toBe(true);
    expect(j['interceptorsToCoverAll']).toBe(10);
    expect(j['note']).toBeNull();
    expect(j['attack']).toEqual({ warheads: 5, shotOpportunities: 1 });
  });

  it('has the documented defaults: reliability 1, P(track) 1, barrage, no decoys, unlimited inventory', async () => {
    const j = jsonOf(await runCli([...quick, '--json']));
    expect(j['policy']).toEqual({
      sspk: 0.8,
      reliability: 1,
      pTrack: 1,
      commonModeTrack: false,
      doctrine: { kind: 'barrage', shots: 2 },
      decoysPerWarhead: 0,
      pDiscriminate: 1,
      inventory: null,
    });
  });

  it('one interceptor per warhead: P(no leakers) = (R s P_track)^W', async () => {
    const j = jsonOf(
      await runCli([
        'assess',
        '--sspk',
        '0.7',
        '--shots',
        '1',
        '--warheads',
        '4',
        '--reliability',
        '0.9',
        '--p-track',
        '0.95',
        '--json',
      ]),
    );
    expect(j['pNoLeakers']).toBeCloseTo((0.7 * 0.9 * 0.95) ** 4, 12);
  });

  it('takes shoot-look-shoot, decoys, common-mode tracking and an inventory, and flags the inventory', async () => {
    const r = await runCli([
      ...quick,
      '--doctrine',
      'shoot-look-shoot',
      '--second-shots',
      '1',
      '--p-look',
      '0.9',
      '--decoys',
      '2',
      '--p-discriminate',
      '0.5',
      '--common-mode-track',
      '--p-track',
      '0.9',
      '--inventory',
      '12',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const j = jsonOf(r);
    expect(j['policy']).toMatchObject({
      commonModeTrack: true,
      doctrine: { kind: 'shoot-look-shoot', firstShots: 2, secondShots: 1, pLook: 0.9 },
      decoysPerWarhead: 2,
      pDiscriminate: 0.5,
      inventory: 12,
    });
    expect(j['attack']).toEqual({ warheads: 5, shotOpportunities: 2 });
    expect(j['inventoryCovers']).toBe(false);
    expect(j['interceptorsToCoverAll']).toBe(5 * 3 * 3);
    expect(j['note']).toContain('the inventory (12) cannot cover every engaged object');
  });

  it('shoot-look-shoot with one shot opportunity fires the first salvo only', async () => {
    const args = (extra: string[]) => [
      'assess',
      '--sspk',
      '0.6',
      '--shots',
      '2',
      '--warheads',
      '3',
      ...extra,
      '--json',
    ];
    const one = jsonOf(
      await runCli(
        args([
          '--doctrine',
          'shoot-look-shoot',
          '--second-shots',
          '2',
          '--p-look',
          '1',
          '--shot-opportunities',
          '1',
        ]),
      ),
    );
    const first = jsonOf(await runCli(args([])));
    expect(one['pNoLeakers']).toBe(first['pNoLeakers']);
  });

  it('adds interceptorsNeeded only when --required-p-no-leakers is given (null when out of reach)', async () => {
    const none = jsonOf(await runCli([...quick, '--json']));
    expect('interceptorsNeeded' in none).toBe(false);
    const j = jsonOf(await runCli([...quick, '--required-p-no-leakers', '0.95', '--json']));
    // (1 - 0.2^n)^5 >= 0.95: n = 3 gives 0.992^5 = 0.9606.
    expect(j['interceptorsNeeded']).toEqual({
      requiredPNoLeakers: 0.95,
      shotsPerObject: 3,
      expectedInterceptors: 15,
      interceptorsToCoverAll: 15,
      pNoLeakers: expect.closeTo(0.992 ** 5, 12),
    });
    const out = jsonOf(
      await runCli([...quick, '--p-track', '0.9', '--required-p-no-leakers', '0.95', '--json']),
    );
    expect(out['interceptorsNeeded']).toBeNull();
  });

  it('prints a readable table by default', async () => {
    const r = await runCli([...quick, '--required-p-no-leakers', '0.95']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/P\(no leakers\)\s+0\.815373/);
    expect(r.stdout).toMatch(/expected interceptors used\s+10/);
    expect(r.stdout).toContain('a barrage of 3 per engaged object');
  });
});

describe('openbmd assess --monte-carlo', () => {
  const mc = [...quick, '--monte-carlo', '--trials', '20000', '--json'];

  it('gives each headline figure as {value, ci95}, with trials, seed and stoppedBy', async () => {
    const r = await runCli(mc);
    expect(r.code).toBe(0);
    const j = jsonOf(r);
    expect(j['method']).toBe('monte-carlo');
    for (const k of [
      'pKillPerWarhead',
      'pNoLeakers',
      'expectedLeakers',
      'expectedInterceptorsUsed',
    ]) {
      const e = j[k] as { value: number; ci95: [number, number] };
      expect(Object.keys(e)).toEqual(['value', 'ci95']);
      expect(e.ci95).toHaveLength(2);
      expect(e.ci95[0]).toBeLessThanOrEqual(e.value);
      expect(e.value).toBeLessThanOrEqual(e.ci95[1]);
    }
    expect(j['trials']).toBe(20_000);
    expect(j['seed']).toBe(1);
    expect(j['stoppedBy']).toBe('trials');
    expect(j['leakerDistribution']).toHaveLength(6);
    expect(j['inventoryCovers']).toBe(true);
    expect(j['note']).toBeNull();
    expect(Object.keys(j['analytic'] as object)).toEqual([
      'pKillPerWarhead',
      'pNoLeakers',
      'expectedLeakers',
      'expectedInterceptorsUsed',
      'leakerDistribution',
    ]);
    // The closed form falls inside the 95 % interval here (seeded, so always).
    const p = j['pNoLeakers'] as { ci95: [number, number] };
    expect(0.96 ** 5).toBeGreaterThan(p.ci95[0]);
    expect(0.96 ** 5).toBeLessThan(p.ci95[1]);
  });

  it('is reproducible: the same seed prints the same document', async () => {
    const a = await runCli([...mc, '--seed', '7']);
    const b = await runCli([...mc, '--seed', '7']);
    expect(a.stdout).toBe(b.stdout);
    expect(jsonOf(a)['seed']).toBe(7);
  });

  it('defaults to seed 1 and 100,000 trials', async () => {
    const j = jsonOf(await runCli([...quick, '--monte-carlo', '--json']));
    expect(j['seed']).toBe(1);
    expect(j['trials']).toBe(100_000);
  });

  it('stops once the P(no leakers) interval is narrower than --ci-width', async () => {
    const j = jsonOf(
      await runCli([
        ...quick,
        '--monte-carlo',
        '--trials',
        '1000000',
        '--ci-width',
        '0.02',
        '--json',
      ]),
    );
    expect(j['stoppedBy']).toBe('ci-width');
    expect(j['trials'] as number).toBeLessThan(1_000_000);
    const p = j['pNoLeakers'] as { ci95: [number, number] };
    expect(p.ci95[1] - p.ci95[0]).toBeLessThan(0.02);
  });

  it('prints the intervals beside the closed form in the table', async () => {
    const r = await runCli([...quick, '--monte-carlo', '--trials', '5000']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('95 % interval');
    expect(r.stdout).toContain('closed form');
    expect(r.stdout).toContain('5000 trials, seed 1');
  });
});

describe('openbmd assess errors', () => {
  it.each([
    [['--sspk', '1.2'], 'E_OUT_OF_RANGE', '--sspk'],
    [['--sspk', 'high'], 'E_INVALID_INPUT', '--sspk'],
    [['--shots', '0'], 'E_OUT_OF_RANGE', '--shots'],
    [['--shots', '1.5'], 'E_INVALID_INPUT', '--shots'],
    [['--warheads', '0'], 'E_OUT_OF_RANGE', '--warheads'],
    [['--warheads', '20001'], 'E_OUT_OF_RANGE', '--warheads'],
    [['--reliability', '-0.1'], 'E_OUT_OF_RANGE', '--reliability'],
    [['--p-track', '2'], 'E_OUT_OF_RANGE', '--p-track'],
    [['--decoys', '-1'], 'E_OUT_OF_RANGE', '--decoys'],
    [['--p-discriminate', '1.1'], 'E_OUT_OF_RANGE', '--p-discriminate'],
    [['--inventory', '-5'], 'E_OUT_OF_RANGE', '--inventory'],
    [['--shot-opportunities', '-1'], 'E_OUT_OF_RANGE', '--shot-opportunities'],
    [['--doctrine', 'salvo'], 'E_INVALID_INPUT', '--doctrine'],
    [['--second-shots', '2'], 'E_INVALID_INPUT', '--second-shots'],
    [['--p-look', '0.9'], 'E_INVALID_INPUT', '--p-look'],
    [['--doctrine', 'shoot-look-shoot', '--p-look', '0.9'], 'E_INVALID_INPUT', '--second-shots'],
    [['--doctrine', 'shoot-look-shoot', '--second-shots', '1'], 'E_INVALID_INPUT', '--p-look'],
    [
      ['--doctrine', 'shoot-look-shoot', '--second-shots', '1', '--p-look', '1.5'],
      'E_OUT_OF_RANGE',
      '--p-look',
    ],
    [['--seed', '3'], 'E_INVALID_INPUT', '--seed'],
    [['--trials', '10'], 'E_INVALID_INPUT', '--trials'],
    [['--monte-carlo', '--seed', '-1'], 'E_OUT_OF_RANGE', '--seed'],
    [['--monte-carlo', '--trials', '0'], 'E_OUT_OF_RANGE', '--trials'],
    [['--monte-carlo', '--ci-width', '0'], 'E_OUT_OF_RANGE', '--ci-width'],
    [['--required-p-no-leakers', '1.5'], 'E_OUT_OF_RANGE', '--required-p-no-leakers'],
  ])('%j -> %s naming %s, exit 2', async (extra, code, flag) => {
    const r = await runCli([...quick, ...extra, '--json']);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe(code);
    expect(r.stderr).toContain(flag);
    expect(r.stderr.match(/openbmd: error:/g)).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it.each([
    ['--sspk', ['assess', '--shots', '2', '--warheads', '5']],
    ['--shots', ['assess', '--sspk', '0.5', '--warheads', '5']],
    ['--warheads', ['assess', '--sspk', '0.5', '--shots', '2']],
  ])('needs %s without a scenario', async (flag, args) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_INVALID_INPUT');
    expect(r.stderr).toContain(flag);
  });

  it('refuses quick-calculator flags beside a scenario file', async () => {
    const r = await runCli(['assess', 'scenarios/europe-2008.yaml', '--sspk', '0.5', '--json']);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_INVALID_INPUT');
    expect(r.stderr).toContain('(--sspk) go without one');
  });

  it('--help lists the flags, exit 0', async () => {
    const r = await runCli(['assess', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--sspk', '--doctrine', '--monte-carlo', '--ci-width', '--json']) {
      expect(r.stdout).toContain(flag);
    }
  });
});

/** A small scenario with an assessment and a force: one site, three warheads it can engage. */
const ASSESSED = `openbmd: 2
name: assessed
analysis: { sensitivity: false }
sensors:
  - { id: xbr, type: radar, base: emr-xbr }
interceptorSites:
  - { id: poland, site: redzikowo, interceptor: gbi-2stage, inventory: 5, commit: { requires: [xbr] } }
threats:
  - { id: london, missile: iran-icbm-notional, from: semnan, to: london, rcsM2: 0.1, rvCount: 3 }
  - { id: washington, missile: ss-19, from: kozelsk, to: washington, rcsM2: 0.05 }
assessment:
  sspk: 0.8
  pTrack: 0.9
  doctrine: { kind: barrage, shots: 2 }
  monteCarlo: { seed: 3, trials: 4000 }
forces:
  - id: f
    deployments:
      - { threat: london, missiles: 10, warheadsPerMissile: 1 }
      - { threat: washington, missiles: 10, warheadsPerMissile: 6 }
    armsControlLimits: [{ name: New START, warheads: 1550 }]
`;

describe('openbmd assess SCENARIO', () => {
  const dir = mkdtempSync(join(tmpdir(), 'openbmd-assess-'));
  const file = join(dir, 'assessed.yaml');
  writeFileSync(file, ASSESSED);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('assesses each site on the warheads it can engage, with the strategic balance', async () => {
    const r = await runCli(['assess', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = jsonOf(r) as { assessment: AssessmentResult; provenance: unknown; ledger: unknown };
    expect(j.provenance).toBeDefined();
    expect(j.ledger).toBeDefined();
    const [site] = j.assessment.sites;
    expect(site?.siteId).toBe('poland');
    // The site can engage the three warheads to London (tracked by the X-band radar), not the
    // SS-19 to Washington, which it never tracks.
    expect(site?.attack).toMatchObject({ warheadsEngageable: 3, warheadsNotEngageable: 1 });
    // Two shots of sspk 0.8 and P(track) 0.9 per warhead, three warheads, inventory 5 < 6: the
    // closed form flags the inventory and the Monte Carlo spends it in arrival order.
    const k = 0.9 * (1 - 0.2 ** 2);
    expect(site?.analytic?.pNoLeakers).toBeCloseTo(k ** 3, 12);
    expect(site?.analytic?.inventoryCovers).toBe(false);
    const mc = site?.monteCarlo?.pNoLeakers;
    expect(mc?.value).toBeLessThan(k ** 3);
    expect(site?.byInterceptorsPerWarhead.map((p) => p.x)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const balance = j.assessment.forces[0]?.sites[0];
    expect(balance).toMatchObject({ siteId: 'poland', warheadsEngageable: 10 });
    expect(j.assessment.forces[0]?.totalWarheads).toBe(70);
    // New START's 1,550 warheads with this force's mix: 10/70 of them are engageable.
    expect(balance?.atLimits[0]?.warheadsEngageable).toBe(Math.round((1550 * 10) / 70));
    // Five interceptors, two per warhead, the last one alone: at most three warheads engaged.
    // At least the first three tracked ones take 2, 2 and 1 shots: 0.9 (0.96 + 0.96 + 0.8);
    // untracked warheads draw none, which leaves interceptors for later ones.
    expect(balance?.expectedStopped?.value).toBeLessThanOrEqual(3);
    expect(balance?.expectedStopped?.value).toBeGreaterThan(0.9 * (0.96 + 0.96 + 0.8));
  }, 120_000);

  it('prints the tables without --json', async () => {
    const r = await runCli(['assess', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Defence effectiveness/);
    expect(r.stdout).toMatch(/Strategic balance/);
  }, 120_000);

  it('says so when the scenario has no assessment', async () => {
    const bare = join(dir, 'bare.yaml');
    writeFileSync(bare, ASSESSED.slice(0, ASSESSED.indexOf('assessment:')));
    const r = await runCli(['assess', bare]);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_SCENARIO_INVALID');
    expect(r.stderr).toContain('has no `assessment` block');
  }, 120_000);
});
