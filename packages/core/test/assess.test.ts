/**
 * The closed form of defence effectiveness (packages/core/src/assess/analytic.ts): limiting cases
 * that have their own closed forms, the Poisson-binomial, the inventory flag, interceptors needed,
 * input errors, and monotonicity as property tests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Attack,
  assessAnalytic,
  type DefencePolicy,
  type Doctrine,
  engagementOutcome,
  interceptorsNeeded,
  isOpenBmdError,
  poissonBinomial,
  salvoKillProbability,
  uniformAttack,
} from '../src/index.js';
import { attackOf, barrage, policy, sls } from './assess-fixtures.js';

/** Relative agreement to about 1e-12 (closed forms computed two ways). */
const close = (a: number, b: number, rel = 1e-12): void => {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));
};

const errorOf = (f: () => unknown): { code: string; path: string | undefined } => {
  try {
    f();
  } catch (e) {
    if (isOpenBmdError(e)) return { code: e.code, path: e.path };
    throw e;
  }
  throw new Error('expected an OpenBmdError');
};

describe('closed form: limiting cases', () => {
  it.each([
    [0.8, 1, 1, 1],
    [0.7, 0.9, 0.95, 5],
    [0.5, 0.8, 0.6, 12],
    [1, 1, 1, 30],
  ])(
    'one interceptor per warhead: P(no leakers) = (R s P_track)^W (s %d, R %d, P_track %d, W %d)',
    (s, r, pt, w) => {
      const a = assessAnalytic(
        policy({ sspk: s, reliability: r, pTrack: pt }),
        uniformAttack(w, 1),
      );
      close(a.pNoLeakers, (r * s * pt) ** w);
      close(a.pKillPerWarhead, r * s * pt);
      close(a.expectedLeakers, w * (1 - r * s * pt));
      close(a.expectedInterceptorsUsed, pt * w);
    },
  );

  it('barrage of n: k = 1 - (1 - R s)^n', () => {
    const a = assessAnalytic(
      policy({ sspk: 0.6, reliability: 0.9, doctrine: barrage(3) }),
      uniformAttack(4, 1),
    );
    const k = 1 - (1 - 0.54) ** 3;
    close(a.pKillPerWarhead, k);
    close(a.pNoLeakers, k ** 4);
    close(a.expectedInterceptorsUsed, 12);
  });

  it('perfect discrimination: decoys cost nothing', () => {
    const base = policy({ sspk: 0.7, pTrack: 0.9, doctrine: barrage(2) });
    const attack = uniformAttack(6, 1);
    const without = assessAnalytic(base, attack);
    const withDecoys = assessAnalytic({ ...base, decoysPerWarhead: 10, pDiscriminate: 1 }, attack);
    expect(withDecoys).toEqual(without);
  });

  it('no discrimination: every decoy draws a warhead’s shots, (1 + D) times the interceptors', () => {
    const base = policy({ sspk: 0.7, pTrack: 0.9, doctrine: barrage(2) });
    const attack = uniformAttack(6, 1);
    const a = assessAnalytic({ ...base, decoysPerWarhead: 3, pDiscriminate: 0 }, attack);
    const without = assessAnalytic(base, attack);
    close(a.expectedInterceptorsUsed, 4 * without.expectedInterceptorsUsed);
    close(a.pNoLeakers, without.pNoLeakers); // unlimited inventory: decoys only cost interceptors
    expect(a.interceptorsToCoverAll).toBe(6 * 4 * 2);
  });

  it('partial discrimination: 1 + D (1 - Q) objects engaged per tracked warhead', () => {
    const a = assessAnalytic(
      policy({ pTrack: 0.8, doctrine: barrage(2), decoysPerWarhead: 5, pDiscriminate: 0.7 }),
      uniformAttack(3, 1),
    );
    close(a.expectedInterceptorsUsed, 3 * 0.8 * (1 + 5 * 0.3) * 2);
  });

  it('unlimited inventory, and an inventory that covers every engaged object, give the same answer', () => {
    const base = policy({ doctrine: sls(2, 2, 0.9), decoysPerWarhead: 2, pDiscriminate: 0.5 });
    const attack = uniformAttack(5, 2);
    const unlimited = assessAnalytic(base, attack);
    expect(unlimited.inventoryCovers).toBe(true);
    expect(unlimited.note).toBeNull();
    expect(unlimited.interceptorsToCoverAll).toBe(5 * 3 * 4);
    const covering = assessAnalytic({ ...base, inventory: 60 }, attack);
    expect(covering).toEqual(unlimited);
  });

  it('an inventory that cannot cover every engaged object is flagged with a note', () => {
    const a = assessAnalytic(
      policy({ doctrine: barrage(2), decoysPerWarhead: 1, pDiscriminate: 0.5, inventory: 10 }),
      uniformAttack(6, 1),
    );
    expect(a.inventoryCovers).toBe(false);
    expect(a.interceptorsToCoverAll).toBe(24);
    expect(a.note).toBe(
      'the inventory (10) cannot cover every engaged object (up to 24 interceptors): the closed form assumes unlimited interceptors; use the Monte Carlo result',
    );
    // The closed form's values are those of an unlimited inventory.
    const unlimited = assessAnalytic(
      policy({ doctrine: barrage(2), decoysPerWarhead: 1, pDiscriminate: 0.5 }),
      uniformAttack(6, 1),
    );
    expect({ ...a, inventoryCovers: true, note: null }).toEqual(unlimited);
  });

  it('shoot-look-shoot with a perfect look kills like a barrage of n1 + n2, with fewer interceptors', () => {
    const s = 0.7;
    const slsA = assessAnalytic(policy({ sspk: s, doctrine: sls(1, 2, 1) }), uniformAttack(3, 2));
    const barrageA = assessAnalytic(policy({ sspk: s, doctrine: barrage(3) }), uniformAttack(3, 2));
    close(slsA.pKillPerWarhead, barrageA.pKillPerWarhead);
    close(slsA.pNoLeakers, barrageA.pNoLeakers);
    // n1 + n2 (1 - s)^n1 per warhead.
    close(slsA.expectedInterceptorsUsed, 3 * (1 + 2 * (1 - s)));
  });

  it('shoot-look-shoot with an imperfect look: k = p1 + (1 - p1) L p2, shots n1 + n2 [(1 - p1) L + p1 (1 - L)]', () => {
    const p = 0.6;
    const [n1, n2, L] = [2, 1, 0.8];
    const p1 = 1 - (1 - p) ** n1;
    const p2 = 1 - (1 - p) ** n2;
    const o = engagementOutcome(p, { first: n1, second: n2, pLook: L });
    close(o.pKill, p1 + (1 - p1) * L * p2);
    close(o.expectedShots, n1 + n2 * ((1 - p1) * L + p1 * (1 - L)));
    // A look that is always wrong fires the second salvo only at objects already killed.
    const blind = engagementOutcome(p, { first: n1, second: n2, pLook: 0 });
    close(blind.pKill, p1);
    close(blind.expectedShots, n1 + n2 * p1);
  });

  it('shoot-look-shoot needs two shot opportunities: with one, the first salvo only; with none, the warhead leaks', () => {
    const d = sls(2, 2, 0.9);
    const one = assessAnalytic(policy({ doctrine: d }), uniformAttack(4, 1));
    const first = assessAnalytic(policy({ doctrine: barrage(2) }), uniformAttack(4, 1));
    expect(one).toEqual(first);
    const none = assessAnalytic(policy({ doctrine: d }), uniformAttack(4, 0));
    expect(none.pNoLeakers).toBe(0);
    expect(none.expectedLeakers).toBe(4);
    expect(none.expectedInterceptorsUsed).toBe(0);
    expect(none.leakerDistribution).toEqual([0, 0, 0, 0, 1]);
    expect(none.interceptorsToCoverAll).toBe(0);
  });

  it('per-threat opportunities: each warhead gets its own plan; pKillPerWarhead is the mean', () => {
    const p = 0.5;
    const a = assessAnalytic(policy({ sspk: p, doctrine: sls(1, 1, 1) }), attackOf([0, 1, 2]));
    const k = [0, p, 1 - (1 - p) ** 2];
    close(a.pKillPerWarhead, (k[0]! + k[1]! + k[2]!) / 3);
    expect(a.pNoLeakers).toBe(0);
    close(a.expectedInterceptorsUsed, 0 + 1 + (1 + (1 - p)));
  });

  it('common-mode tracking: P_track k^W against (P_track k)^W independent; same expected leakers', () => {
    const base = policy({ sspk: 0.9, pTrack: 0.8, doctrine: barrage(2) });
    const attack = uniformAttack(5, 1);
    const k = 1 - 0.1 ** 2;
    const independent = assessAnalytic(base, attack);
    const common = assessAnalytic({ ...base, commonModeTrack: true }, attack);
    close(independent.pNoLeakers, (0.8 * k) ** 5);
    close(common.pNoLeakers, 0.8 * k ** 5);
    expect(common.pNoLeakers).toBeGreaterThan(independent.pNoLeakers);
    close(common.expectedLeakers, independent.expectedLeakers);
    close(common.expectedInterceptorsUsed, independent.expectedInterceptorsUsed);
    // The mixture: all five leak when the one tracking draw fails.
    expect(common.leakerDistribution[5]!).toBeGreaterThan(0.2);
    close(common.leakerDistribution[5]!, 0.2 + 0.8 * (1 - k) ** 5);
  });

  it('the leaker distribution is binomial for identical warheads, sums to 1, and has the expected mean', () => {
    const a = assessAnalytic(
      policy({ sspk: 0.6, pTrack: 0.9, doctrine: barrage(2) }),
      uniformAttack(8, 1),
    );
    const q = 1 - 0.9 * (1 - 0.4 ** 2);
    const choose = (n: number, k: number): number => {
      let c = 1;
      for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
      return c;
    };
    a.leakerDistribution.forEach((pk, k) => {
      close(pk, choose(8, k) * q ** k * (1 - q) ** (8 - k));
    });
    close(
      a.leakerDistribution.reduce((s, x) => s + x, 0),
      1,
    );
    close(
      a.leakerDistribution.reduce((s, x, k) => s + k * x, 0),
      a.expectedLeakers,
    );
  });

  it('salvoKillProbability keeps precision for tiny shot kill probabilities', () => {
    close(salvoKillProbability(1e-12, 3), 3e-12, 1e-9);
    expect(salvoKillProbability(0.3, 0)).toBe(0);
    expect(salvoKillProbability(1, 5)).toBe(1);
  });
});

describe('Poisson-binomial', () => {
  it('matches enumeration of every outcome (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1)), {
          minLength: 0,
          maxLength: 9,
        }),
        (p) => {
          const dist = poissonBinomial(p);
          const brute = new Array<number>(p.length + 1).fill(0);
          for (let mask = 0; mask < 1 << p.length; mask++) {
            let pr = 1;
            let k = 0;
            p.forEach((pi, i) => {
              if (mask & (1 << i)) {
                pr *= pi;
                k++;
              } else pr *= 1 - pi;
            });
            brute[k] = (brute[k] ?? 0) + pr;
          }
          brute.forEach((b, k) => {
            expect(Math.abs((dist[k] ?? 0) - b)).toBeLessThan(1e-12);
          });
        },
      ),
    );
  });

  it('handles 20,000 warheads (the limit) quickly and stays normalised', () => {
    const a = assessAnalytic(policy({ sspk: 0.999 }), uniformAttack(20_000, 1));
    close(
      a.leakerDistribution.reduce((s, x) => s + x, 0),
      1,
      1e-9,
    );
    close(a.expectedLeakers, 20);
  });
});

describe('interceptors needed', () => {
  it('finds the smallest barrage reaching the required P(no leakers)', () => {
    // One warhead, s = 0.8: 1 - 0.2^n >= 0.99 first at n = 3 (0.992).
    const one = interceptorsNeeded(policy({ sspk: 0.8 }), uniformAttack(1, 1), 0.99);
    expect(one).not.toBeNull();
    expect(one!.shotsPerObject).toBe(3);
    close(one!.pNoLeakers, 0.992);
    expect(one!.expectedInterceptors).toBe(3);
    expect(one!.interceptorsToCoverAll).toBe(3);
    // Ten warheads: 0.96^10 = 0.665 < 0.9 <= 0.992^10 = 0.923: three each, 30 in all.
    const ten = interceptorsNeeded(policy({ sspk: 0.8 }), uniformAttack(10, 1), 0.9);
    expect(ten!.shotsPerObject).toBe(3);
    expect(ten!.expectedInterceptors).toBe(30);
  });

  it('counts decoys that may be engaged, and the tracking probability', () => {
    const r = interceptorsNeeded(
      policy({ sspk: 0.8, pTrack: 0.99, decoysPerWarhead: 2, pDiscriminate: 0.75 }),
      uniformAttack(2, 1),
      0.9,
    );
    // (0.99 (1 - 0.2^n))^2 >= 0.9: n = 2 gives 0.9035.
    expect(r!.shotsPerObject).toBe(2);
    close(r!.pNoLeakers, (0.99 * 0.96) ** 2);
    close(r!.expectedInterceptors, 2 * 0.99 * (1 + 2 * 0.25) * 2);
    expect(r!.interceptorsToCoverAll).toBe(2 * 3 * 2);
  });

  it('is null when tracking caps P(no leakers) below the requirement, or no shot is possible', () => {
    expect(interceptorsNeeded(policy({ pTrack: 0.9 }), uniformAttack(2, 1), 0.9)).toBeNull();
    expect(interceptorsNeeded(policy(), uniformAttack(2, 0), 0.5)).toBeNull();
    expect(interceptorsNeeded(policy({ sspk: 0.1 }), uniformAttack(1, 1), 0.99, 5)).toBeNull();
  });
});

describe('input errors name the parameter', () => {
  it.each([
    [{ sspk: 1.2 }, 'E_OUT_OF_RANGE', 'sspk'],
    [{ sspk: Number.NaN }, 'E_INVALID_INPUT', 'sspk'],
    [{ reliability: -0.1 }, 'E_OUT_OF_RANGE', 'reliability'],
    [{ pTrack: 2 }, 'E_OUT_OF_RANGE', 'pTrack'],
    [{ pDiscriminate: 1.5 }, 'E_OUT_OF_RANGE', 'pDiscriminate'],
    [{ decoysPerWarhead: -1 }, 'E_OUT_OF_RANGE', 'decoysPerWarhead'],
    [{ decoysPerWarhead: 1.5 }, 'E_INVALID_INPUT', 'decoysPerWarhead'],
    [{ inventory: -3 }, 'E_OUT_OF_RANGE', 'inventory'],
    [{ doctrine: barrage(0) }, 'E_OUT_OF_RANGE', 'doctrine.shots'],
    [{ doctrine: barrage(2.5) }, 'E_INVALID_INPUT', 'doctrine.shots'],
    [{ doctrine: sls(1, 0, 1) }, 'E_OUT_OF_RANGE', 'doctrine.secondShots'],
    [{ doctrine: sls(1, 1, 1.1) }, 'E_OUT_OF_RANGE', 'doctrine.pLook'],
  ] as const)('%j -> %s at %s', (change, code, path) => {
    const e = errorOf(() =>
      assessAnalytic(policy(change as Partial<DefencePolicy>), uniformAttack(2, 1)),
    );
    expect(e).toEqual({ code, path });
  });

  it('says what is wrong in words', () => {
    expect(() => assessAnalytic(policy({ sspk: 1.2 }), uniformAttack(1, 1))).toThrow(
      'sspk: must be within [0, 1], got 1.2',
    );
  });

  it('checks the attack', () => {
    expect(errorOf(() => uniformAttack(0, 1))).toEqual({
      code: 'E_OUT_OF_RANGE',
      path: 'warheads',
    });
    expect(errorOf(() => assessAnalytic(policy(), { warheads: [] }))).toEqual({
      code: 'E_OUT_OF_RANGE',
      path: 'warheads',
    });
    expect(errorOf(() => assessAnalytic(policy(), attackOf([1, -1])))).toEqual({
      code: 'E_OUT_OF_RANGE',
      path: 'warheads[1].shotOpportunities',
    });
    expect(
      errorOf(() =>
        assessAnalytic(policy(), { warheads: [{ arrivalS: Number.NaN, shotOpportunities: 1 }] }),
      ),
    ).toEqual({ code: 'E_INVALID_INPUT', path: 'warheads[0].arrivalS' });
    expect(errorOf(() => interceptorsNeeded(policy(), uniformAttack(1, 1), 1.5))).toEqual({
      code: 'E_OUT_OF_RANGE',
      path: 'requiredPNoLeakers',
    });
  });
});

describe('monotonicity (properties)', () => {
  const prob = fc.double({ min: 0, max: 1, noNaN: true });
  const doctrineArb: fc.Arbitrary<Doctrine> = fc.oneof(
    fc.integer({ min: 1, max: 6 }).map(barrage),
    fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), prob)
      .map(([a, b, l]) => sls(a, b, l)),
  );
  const policyArb: fc.Arbitrary<DefencePolicy> = fc.record({
    sspk: prob,
    reliability: prob,
    pTrack: prob,
    commonModeTrack: fc.boolean(),
    doctrine: doctrineArb,
    decoysPerWarhead: fc.integer({ min: 0, max: 5 }),
    pDiscriminate: prob,
    inventory: fc.constant(null),
  });
  const attackArb = fc
    .array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 })
    .map(attackOf);
  /** b >= a up to rounding. */
  const notLower = (b: number, a: number): void => {
    expect(b).toBeGreaterThanOrEqual(a - 1e-12);
  };
  const withShots = (d: Doctrine, extra: number): Doctrine =>
    d.kind === 'barrage'
      ? barrage(d.shots + extra)
      : sls(d.firstShots + extra, d.secondShots + extra, d.pLook);

  it('more shots never lower P(no leakers)', () => {
    fc.assert(
      fc.property(policyArb, attackArb, fc.integer({ min: 1, max: 3 }), (p, a, extra) => {
        notLower(
          assessAnalytic({ ...p, doctrine: withShots(p.doctrine, extra) }, a).pNoLeakers,
          assessAnalytic(p, a).pNoLeakers,
        );
      }),
    );
  });

  it.each(['sspk', 'reliability', 'pTrack', 'pDiscriminate'] as const)(
    'a higher %s never lowers P(no leakers)',
    (field) => {
      fc.assert(
        fc.property(policyArb, attackArb, prob, prob, (p, a, x, y) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          notLower(
            assessAnalytic({ ...p, [field]: hi }, a).pNoLeakers,
            assessAnalytic({ ...p, [field]: lo }, a).pNoLeakers,
          );
        }),
      );
    },
  );

  it('a better kill assessment never lowers P(no leakers)', () => {
    fc.assert(
      fc.property(policyArb, attackArb, prob, prob, (p, a, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const d = p.doctrine.kind === 'barrage' ? sls(p.doctrine.shots, 1, lo) : p.doctrine;
        const dLo = { ...d, pLook: lo };
        const dHi = { ...d, pLook: hi };
        notLower(
          assessAnalytic({ ...p, doctrine: dHi }, a).pNoLeakers,
          assessAnalytic({ ...p, doctrine: dLo }, a).pNoLeakers,
        );
      }),
    );
  });

  it('more decoys never lower the expected interceptors used', () => {
    fc.assert(
      fc.property(policyArb, attackArb, fc.integer({ min: 1, max: 5 }), (p, a, extra) => {
        notLower(
          assessAnalytic({ ...p, decoysPerWarhead: p.decoysPerWarhead + extra }, a)
            .expectedInterceptorsUsed,
          assessAnalytic(p, a).expectedInterceptorsUsed,
        );
      }),
    );
  });

  it('more warheads never raise P(no leakers)', () => {
    fc.assert(
      fc.property(policyArb, attackArb, fc.integer({ min: 0, max: 3 }), (p, a, o) => {
        const bigger: Attack = {
          warheads: [...a.warheads, { arrivalS: 100, shotOpportunities: o }],
        };
        notLower(assessAnalytic(p, a).pNoLeakers, assessAnalytic(p, bigger).pNoLeakers);
      }),
    );
  });

  it('common-mode tracking never gives a lower P(no leakers) than independent tracking', () => {
    fc.assert(
      fc.property(policyArb, attackArb, (p, a) => {
        notLower(
          assessAnalytic({ ...p, commonModeTrack: true }, a).pNoLeakers,
          assessAnalytic({ ...p, commonModeTrack: false }, a).pNoLeakers,
        );
      }),
    );
  });

  it('the leaker distribution is a distribution whose mean is the expected leakers', () => {
    fc.assert(
      fc.property(policyArb, attackArb, (p, a) => {
        const r = assessAnalytic(p, a);
        expect(r.leakerDistribution).toHaveLength(a.warheads.length + 1);
        for (const x of r.leakerDistribution) expect(x).toBeGreaterThanOrEqual(0);
        close(
          r.leakerDistribution.reduce((s, x) => s + x, 0),
          1,
          1e-12,
        );
        close(
          r.leakerDistribution.reduce((s, x, k) => s + k * x, 0),
          r.expectedLeakers,
          1e-11,
        );
        close(r.leakerDistribution[0]!, r.pNoLeakers, 1e-12);
      }),
    );
  });
});
