/**
 * The Monte Carlo of defence effectiveness (packages/core/src/assess/monte-carlo.ts): agreement
 * with the closed form within the Monte Carlo's own 99.9 % interval, what only the Monte Carlo
 * handles (an inventory running out, salvo correlation, decoys first or last in line),
 * determinism, stopping on the interval's width, and input errors. Seeds are fixed, so every
 * check is deterministic; the intervals say the checks would pass for almost any seed.
 */
import { describe, expect, it } from 'vitest';
import {
  type Attack,
  assessAnalytic,
  assessMonteCarlo,
  type DefencePolicy,
  isOpenBmdError,
  type MonteCarloAssessment,
  uniformAttack,
  wilsonInterval,
  Z95,
} from '../src/index.js';
import { attackOf, barrage, policy, sls } from './assess-fixtures.js';

/** The two-sided 99.9 % normal quantile, Phi^-1(0.9995). */
const Z999 = 3.2905267314919255;

/** The expected values a Monte Carlo run should reproduce. */
interface Expected {
  readonly pKillPerWarhead: number;
  readonly pNoLeakers: number;
  readonly expectedLeakers: number;
  readonly expectedInterceptorsUsed: number;
  readonly leakerDistribution?: readonly number[];
}

/**
 * Every estimate of the run holds the expected value inside its own 99.9 % interval: Wilson for
 * probabilities (P(no leakers), each bin of the leaker distribution), normal for means (leakers
 * from the run's histogram, interceptors from its 95 % half-width rescaled).
 */
const expectAgreement = (mc: MonteCarloAssessment, e: Expected, warheads: number): void => {
  const n = mc.trials;
  const inWilson = (p: number, x: number, what: string): void => {
    const [lo, hi] = wilsonInterval(Math.round(p * n), n, Z999);
    expect(x, `${what}: ${x} outside [${lo}, ${hi}]`).toBeGreaterThanOrEqual(lo - 1e-12);
    expect(x, `${what}: ${x} outside [${lo}, ${hi}]`).toBeLessThanOrEqual(hi + 1e-12);
  };
  inWilson(mc.pNoLeakers.value, e.pNoLeakers, 'pNoLeakers');
  // Leakers: mean and sample sd from the histogram.
  const dist = mc.leakerDistribution;
  const mean = dist.reduce((s, p, k) => s + k * p, 0);
  const variance = (dist.reduce((s, p, k) => s + (k - mean) ** 2 * p, 0) * n) / (n - 1);
  const half = (Z999 * Math.sqrt(variance)) / Math.sqrt(n);
  expect(Math.abs(mean - mc.expectedLeakers.value)).toBeLessThan(1e-9);
  expect(Math.abs(e.expectedLeakers - mean), 'expectedLeakers').toBeLessThanOrEqual(half + 1e-12);
  expect(
    Math.abs(e.pKillPerWarhead - mc.pKillPerWarhead.value),
    'pKillPerWarhead',
  ).toBeLessThanOrEqual(half / warheads + 1e-12);
  const used = mc.expectedInterceptorsUsed;
  const usedHalf = ((used.ci95[1] - used.value) * Z999) / Z95;
  expect(
    Math.abs(e.expectedInterceptorsUsed - used.value),
    'expectedInterceptorsUsed',
  ).toBeLessThanOrEqual(usedHalf + 1e-9);
  e.leakerDistribution?.forEach((p, k) => {
    inWilson(dist[k] ?? 0, p, `leakerDistribution[${k}]`);
  });
};

describe('Monte Carlo agrees with the closed form within its own 99.9 % interval', () => {
  const cases: readonly [string, DefencePolicy, Attack][] = [
    [
      'barrage of 2 with reliability, tracking and decoys',
      policy({
        sspk: 0.7,
        reliability: 0.9,
        pTrack: 0.95,
        doctrine: barrage(2),
        decoysPerWarhead: 2,
        pDiscriminate: 0.6,
      }),
      uniformAttack(5, 1),
    ],
    [
      'shoot-look-shoot 1 + 2 with an imperfect look',
      policy({ sspk: 0.6, reliability: 0.95, pTrack: 0.97, doctrine: sls(1, 2, 0.8) }),
      uniformAttack(4, 2),
    ],
    [
      'common-mode tracking',
      policy({ sspk: 0.8, pTrack: 0.9, commonModeTrack: true, doctrine: barrage(2) }),
      uniformAttack(6, 1),
    ],
    [
      'shot opportunities that differ by warhead, shoot-look-shoot with decoys',
      policy({
        sspk: 0.5,
        pTrack: 0.9,
        doctrine: sls(2, 1, 0.9),
        decoysPerWarhead: 1,
        pDiscriminate: 0.5,
      }),
      attackOf([0, 1, 2, 3, 2]),
    ],
    [
      'an inventory that exactly covers every engaged object (3 warheads x 2 objects x 2 shots)',
      policy({
        sspk: 0.5,
        doctrine: sls(1, 1, 0.7),
        decoysPerWarhead: 1,
        pDiscriminate: 0.3,
        inventory: 12,
      }),
      uniformAttack(3, 2),
    ],
  ];

  it.each(cases)('%s', (_name, p, attack) => {
    const analytic = assessAnalytic(p, attack);
    expect(analytic.inventoryCovers).toBe(true);
    if (p.inventory !== null) expect(analytic.interceptorsToCoverAll).toBe(p.inventory);
    const mc = assessMonteCarlo(p, attack, { seed: 2026, trials: 60_000 });
    expect(mc.trials).toBe(60_000);
    expect(mc.stoppedBy).toBe('trials');
    expectAgreement(mc, analytic, attack.warheads.length);
  });
});

describe('what only the Monte Carlo handles', () => {
  it('an inventory running out mid-attack: objects in arrival order, the last one gets what is left', () => {
    // 10 interceptors, 4 per warhead, five warheads: 4, 4, 2, 0, 0 shots.
    const attack = uniformAttack(5, 1);
    const sure = policy({ sspk: 1, doctrine: barrage(4), inventory: 10 });
    expect(assessAnalytic(sure, attack).inventoryCovers).toBe(false);
    const mc = assessMonteCarlo(sure, attack, { seed: 1, trials: 2_000 });
    expect(mc.expectedInterceptorsUsed.value).toBe(10);
    expect(mc.expectedLeakers.value).toBe(2);
    expect(mc.pNoLeakers.value).toBe(0);
    expect(mc.leakerDistribution).toEqual([0, 0, 1, 0, 0, 0]);

    // s = 0.5: k = 15/16, 15/16, 3/4, 0, 0; expected leakers 1/16 + 1/16 + 1/4 + 2 = 2.375.
    const half = assessMonteCarlo({ ...sure, sspk: 0.5 }, attack, { seed: 3, trials: 50_000 });
    expectAgreement(
      half,
      {
        pKillPerWarhead: (15 / 16 + 15 / 16 + 3 / 4) / 5,
        pNoLeakers: 0,
        expectedLeakers: 2.375,
        expectedInterceptorsUsed: 10,
      },
      5,
    );
    expect(half.leakerDistribution[0]).toBe(0);
    expect(half.leakerDistribution[1]).toBe(0);
  });

  it('an inventory running out under shoot-look-shoot: second salvos compete with later warheads', () => {
    // Two warheads, 1 + 1 shots with a perfect look, s = 0.5, 2 interceptors. Warhead 1 takes one
    // shot; if it survives (1/2) it takes the second and warhead 2 gets none; if killed, warhead 2
    // gets one shot. Expected leakers: 1/2 (1/2 + 1) + 1/2 (0 + 1/2) = 1.
    const p = policy({ sspk: 0.5, doctrine: sls(1, 1, 1), inventory: 2 });
    const mc = assessMonteCarlo(p, uniformAttack(2, 2), { seed: 11, trials: 40_000 });
    expectAgreement(
      mc,
      {
        pKillPerWarhead: 0.5,
        pNoLeakers: 0.25,
        expectedLeakers: 1,
        expectedInterceptorsUsed: 2,
        leakerDistribution: [0.25, 0.5, 0.25],
      },
      2,
    );
  });

  it('engages warheads in arrival order, whatever the order of the list', () => {
    // s = 1, shoot-look-shoot 1 + 1 with a look that is always wrong (a kill is called a miss, so
    // the second salvo is fired), two interceptors. Warhead A (listed first, arriving at 5 s, two
    // opportunities) would take both; B (arriving at 0 s, one opportunity) takes one. In arrival
    // order B goes first (1 interceptor), then A gets the last one and is killed: no leaker. In
    // list order A would take both and B leak.
    const p = policy({ sspk: 1, doctrine: sls(1, 1, 0), inventory: 2 });
    const attack: Attack = {
      warheads: [
        { arrivalS: 5, shotOpportunities: 2, label: 'A' },
        { arrivalS: 0, shotOpportunities: 1, label: 'B' },
      ],
    };
    const mc = assessMonteCarlo(p, attack, { seed: 1, trials: 1_000 });
    expect(mc.pNoLeakers.value).toBe(1);
    expect(mc.expectedInterceptorsUsed.value).toBe(2);
  });

  it('decoys taken for warheads stand in line with them: the warhead’s place in its cloud is random', () => {
    // One warhead, one decoy never discriminated, one interceptor that always kills: the warhead
    // is killed only when it is engaged first, probability 1/2.
    const p = policy({
      sspk: 1,
      decoysPerWarhead: 1,
      pDiscriminate: 0,
      inventory: 1,
    });
    const mc = assessMonteCarlo(p, uniformAttack(1, 1), { seed: 5, trials: 40_000 });
    expectAgreement(
      mc,
      { pKillPerWarhead: 0.5, pNoLeakers: 0.5, expectedLeakers: 0.5, expectedInterceptorsUsed: 1 },
      1,
    );
  });

  it('salvo correlation (beta factor): kill probability beta p + (1 - beta)(1 - (1 - p)^n)', () => {
    const [pShot, n, beta] = [0.6, 3, 0.3];
    const k = beta * pShot + (1 - beta) * (1 - (1 - pShot) ** n);
    const p = policy({ sspk: pShot, doctrine: barrage(n) });
    const mc = assessMonteCarlo(p, uniformAttack(3, 1), {
      seed: 9,
      trials: 50_000,
      correlation: { salvo: beta },
    });
    expectAgreement(
      mc,
      {
        pKillPerWarhead: k,
        pNoLeakers: k ** 3,
        expectedLeakers: 3 * (1 - k),
        expectedInterceptorsUsed: 9,
      },
      3,
    );
    // Fully correlated shots are one shot's worth.
    const one = assessMonteCarlo(p, uniformAttack(3, 1), {
      seed: 9,
      trials: 20_000,
      correlation: { salvo: 1 },
    });
    expectAgreement(
      one,
      {
        pKillPerWarhead: pShot,
        pNoLeakers: pShot ** 3,
        expectedLeakers: 3 * (1 - pShot),
        expectedInterceptorsUsed: 9,
      },
      3,
    );
  });
});

describe('reproducibility and stopping', () => {
  const p = policy({
    sspk: 0.7,
    pTrack: 0.95,
    doctrine: barrage(2),
    decoysPerWarhead: 1,
    pDiscriminate: 0.5,
  });
  const attack = uniformAttack(4, 1);

  it('the same seed gives the same result; another seed a different one', () => {
    const a = assessMonteCarlo(p, attack, { seed: 77, trials: 5_000 });
    const b = assessMonteCarlo(p, attack, { seed: 77, trials: 5_000 });
    expect(b).toEqual(a);
    const c = assessMonteCarlo(p, attack, { seed: 78, trials: 5_000 });
    expect(c.pNoLeakers.value).not.toBe(a.pNoLeakers.value);
  });

  it('gives the same numbers on every machine (pinned for seed 42)', () => {
    // The generator and the draws are integer arithmetic and exact IEEE operations: these counts
    // must not change with the machine, Node version or operating system.
    const r = assessMonteCarlo(p, attack, { seed: 42, trials: 1_000 });
    expect(r.leakerDistribution.map((x) => Math.round(x * 1_000))).toEqual(PINNED_SEED_42);
    expect(r.expectedInterceptorsUsed.value).toBe(11.32600000000001);
  });

  it('stops at the first batch boundary where the P(no leakers) interval is narrower than asked', () => {
    const ciWidth = 0.02;
    const r = assessMonteCarlo(p, attack, { seed: 3, trials: 1_000_000, ciWidth, batch: 500 });
    expect(r.stoppedBy).toBe('ci-width');
    expect(r.trials % 500).toBe(0);
    expect(r.trials).toBeLessThan(1_000_000);
    expect(r.pNoLeakers.ci95[1] - r.pNoLeakers.ci95[0]).toBeLessThan(ciWidth);
    // The same stream: the stopped run equals a run of exactly that many trials ...
    const fixed = assessMonteCarlo(p, attack, { seed: 3, trials: r.trials });
    expect({ ...fixed, stoppedBy: 'ci-width' }).toEqual(r);
    // ... and one batch earlier the interval was still too wide.
    const before = assessMonteCarlo(p, attack, { seed: 3, trials: r.trials - 500 });
    expect(before.pNoLeakers.ci95[1] - before.pNoLeakers.ci95[0]).toBeGreaterThanOrEqual(ciWidth);
  });

  it('runs every trial when the width is never reached', () => {
    const r = assessMonteCarlo(p, attack, { seed: 3, trials: 2_000, ciWidth: 0.001 });
    expect(r.stoppedBy).toBe('trials');
    expect(r.trials).toBe(2_000);
  });

  it('gives Wilson intervals that stay inside [0, 1] at the edges', () => {
    const r = assessMonteCarlo(policy({ sspk: 1 }), uniformAttack(3, 1), {
      seed: 1,
      trials: 1_000,
    });
    expect(r.pNoLeakers.value).toBe(1);
    expect(r.pNoLeakers.ci95[1]).toBe(1);
    expect(r.pNoLeakers.ci95[0]).toBeGreaterThan(0.99);
    expect(r.expectedLeakers.ci95).toEqual([0, 0]);
  });
});

/** Leakers (0..4) per 1,000 trials for seed 42 of the policy above. */
const PINNED_SEED_42 = [545, 374, 75, 6, 0];

describe('Monte Carlo input errors', () => {
  const errorOf = (f: () => unknown): { code: string; path: string | undefined } => {
    try {
      f();
    } catch (e) {
      if (isOpenBmdError(e)) return { code: e.code, path: e.path };
      throw e;
    }
    throw new Error('expected an OpenBmdError');
  };
  it.each([
    [{ seed: -1, trials: 10 }, 'E_OUT_OF_RANGE', 'seed'],
    [{ seed: 1.5, trials: 10 }, 'E_INVALID_INPUT', 'seed'],
    [{ seed: 2 ** 32, trials: 10 }, 'E_OUT_OF_RANGE', 'seed'],
    [{ seed: 1, trials: 0 }, 'E_OUT_OF_RANGE', 'trials'],
    [{ seed: 1, trials: 10, ciWidth: 0 }, 'E_OUT_OF_RANGE', 'ciWidth'],
    [{ seed: 1, trials: 10, ciWidth: Number.NaN }, 'E_INVALID_INPUT', 'ciWidth'],
    [{ seed: 1, trials: 10, batch: 0 }, 'E_OUT_OF_RANGE', 'batch'],
    [{ seed: 1, trials: 10, correlation: { salvo: 1.5 } }, 'E_OUT_OF_RANGE', 'correlation.salvo'],
  ] as const)('%j -> %s at %s', (options, code, path) => {
    expect(errorOf(() => assessMonteCarlo(policy(), uniformAttack(1, 1), options))).toEqual({
      code,
      path,
    });
  });
});
