/**
 * Defence effectiveness against published arithmetic. Where a source prints a number, the test
 * reproduces it; where it states only a formula or an argument, the numbers are computed by hand in
 * the comment and the test says so. The primary papers (Wilkening, Science & Global Security 8;
 * Sessler et al., Countermeasures, 2000; NRC 2012) could not be read here, so no table of theirs is
 * reproduced: see docs/models.md.
 */
import { describe, expect, it } from 'vitest';
import {
  assessAnalytic,
  assessMonteCarlo,
  engagementOutcome,
  uniformAttack,
} from '../src/index.js';
import { policy } from './assess-fixtures.js';

describe('published worked examples', () => {
  it('Deutsch, "Star Wars missile defense system" (statistics-help-online.com, 2009, sections 1.3 and "Return to New York"): 300 missiles, each through with probability 0.05: P(at least one through) = 1 - 0.95^300 = 0.99999979246', () => {
    // One interceptor per missile that stops it with probability 0.95, independent.
    const a = assessAnalytic(policy({ sspk: 0.95 }), uniformAttack(300, 1));
    // The source prints 0.99999979246 (its digits truncated; 1 - 0.95^300 = 0.9999997924697).
    expect(Math.abs(1 - a.pNoLeakers - 0.99999979246)).toBeLessThan(2e-11);
    // The wrong exam answer the source quotes, 300 x .05 = 15, is the expected number through.
    expect(a.expectedLeakers).toBeCloseTo(15, 10);
  });

  it('Blair, quoted by Business Insider (reprinted at sofrep.com/news/russias-ballistic-missile-defense-works-uss-kinda-doesnt): a 25 % interceptor, four per warhead, 44 interceptors: "at most you could destroy 11 warheads"', () => {
    // 20 warheads against 44 interceptors fired four at a time in arrival order: 11 warheads get
    // four shots, the rest none. By hand: each engaged warhead is killed with 1 - 0.75^4 =
    // 0.68359375, so on average 11 x 0.68359375 = 7.51953125 of the 20 are stopped, never more
    // than 11.
    const p = policy({ sspk: 0.25, doctrine: { kind: 'barrage', shots: 4 }, inventory: 44 });
    const attack = uniformAttack(20, 1);
    const analytic = assessAnalytic(p, attack);
    expect(analytic.inventoryCovers).toBe(false);
    expect(analytic.interceptorsToCoverAll).toBe(80);
    const mc = assessMonteCarlo(p, attack, { seed: 1, trials: 40_000 });
    expect(mc.expectedInterceptorsUsed.value).toBe(44);
    // Never fewer than 9 leakers (at most 11 stopped).
    for (let k = 0; k < 9; k++) expect(mc.leakerDistribution[k]).toBe(0);
    const [lo, hi] = mc.expectedLeakers.ci95;
    const expected = 20 - 7.51953125;
    // Inside the 95 % interval widened to 99.9 % (3.29 / 1.96).
    const half = ((hi - lo) / 2) * (3.2905 / 1.96);
    expect(Math.abs(mc.expectedLeakers.value - expected)).toBeLessThan(half);
  });
});

describe('the formulas of the PRIMER (section 6, after Wilkening, Science & Global Security 8), numbers by hand', () => {
  it('K = P_track (1 - (1 - s)^n); independent P(no leakers) = K^N, common-mode P_track (1 - (1 - s)^n)^N', () => {
    // P_track 0.9, s 0.8, n 2, N 5: K = 0.9 x 0.96 = 0.864; 0.864^5 = 0.481469424205824;
    // common mode 0.9 x 0.96^5 = 0.733835427840.
    const p = policy({ sspk: 0.8, pTrack: 0.9, doctrine: { kind: 'barrage', shots: 2 } });
    const independent = assessAnalytic(p, uniformAttack(5, 1));
    expect(independent.pKillPerWarhead).toBeCloseTo(0.864, 14);
    expect(independent.pNoLeakers).toBeCloseTo(0.481469424205824, 14);
    const common = assessAnalytic({ ...p, commonModeTrack: true }, uniformAttack(5, 1));
    expect(common.pNoLeakers).toBeCloseTo(0.73383542784, 14);
  });

  it('shoot-look-shoot: P_k = 1 - (1 - s)^n1 (1 - p_L (1 - (1 - s)^n2)); interceptors n1 + (1 - s)^n1 p_L n2 plus the second salvos wasted on misjudged kills', () => {
    // s 0.8, n1 = n2 = 1, p_L 0.9: P_k = 1 - 0.2 (1 - 0.9 x 0.8) = 0.944. The PRIMER's expected
    // interceptors, 1 + 0.2 x 0.9 = 1.18, counts the second salvo fired at survivors the look
    // saw; ours also fires it when the look wrongly calls a kill a miss: + n2 p1 (1 - p_L) =
    // 0.8 x 0.1 = 0.08, so 1.26. With a perfect look the two agree.
    const o = engagementOutcome(0.8, { first: 1, second: 1, pLook: 0.9 });
    expect(o.pKill).toBeCloseTo(0.944, 14);
    expect(o.expectedShots).toBeCloseTo(1.26, 14);
    const perfect = engagementOutcome(0.8, { first: 1, second: 1, pLook: 1 });
    expect(perfect.expectedShots).toBeCloseTo(1 + 0.2 * 1 * 1, 14);
  });

  it('decoys the defence cannot tell from warheads draw its interceptors (the argument of Sessler et al., Countermeasures, UCS/MIT 2000)', () => {
    // By hand: one warhead with 10 balloon decoys, none discriminated, two interceptors per object:
    // the defence fires 22 interceptors to be sure of shooting at the warhead. With 8 interceptors
    // it can engage 4 of the 11 objects: the warhead is among them with probability 4/11, and a
    // shot pair kills it with 1 - 0.2^2 = 0.96, so P(no leakers) = 4/11 x 0.96 = 0.349090...
    const p = policy({
      sspk: 0.8,
      doctrine: { kind: 'barrage', shots: 2 },
      decoysPerWarhead: 10,
      pDiscriminate: 0,
    });
    expect(assessAnalytic(p, uniformAttack(1, 1)).expectedInterceptorsUsed).toBe(22);
    const mc = assessMonteCarlo({ ...p, inventory: 8 }, uniformAttack(1, 1), {
      seed: 2000,
      trials: 40_000,
    });
    expect(mc.expectedInterceptorsUsed.value).toBe(8);
    const [lo, hi] = mc.pNoLeakers.ci95;
    const widened = ((hi - lo) / 2) * (3.2905 / 1.96);
    expect(Math.abs(mc.pNoLeakers.value - (4 / 11) * 0.96)).toBeLessThan(widened);
  });
});
