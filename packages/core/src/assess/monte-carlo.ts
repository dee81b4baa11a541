/**
 * The Monte Carlo of defence effectiveness (docs/models.md): a seeded simulation, engagement by
 * engagement, of the process the closed form describes, and of what it cannot: an inventory that
 * runs out mid-attack (objects engaged in arrival order, the last one getting what is left), shot
 * opportunities that differ by warhead, common-mode tracking, and salvo shots that fail together.
 *
 * Random numbers: xoroshiro128+ (pure-rand) seeded with `seed`, 53-bit uniforms; every operation
 * on the generator is 32-bit integer arithmetic, so a seed gives the same result on every machine.
 * The hot loop allocates nothing per trial.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { errorCodes, OpenBmdError } from '../errors.js';
import {
  type Attack,
  type DefencePolicy,
  opportunitiesInArrivalOrder,
  requireInteger,
  requireProbability,
  salvoPlan,
  shotKillProbability,
  validateAttack,
  validatePolicy,
} from './policy.js';

/** An estimate with its 95 % confidence interval. */
export interface Estimate {
  readonly value: number;
  readonly ci95: readonly [number, number];
}

export interface MonteCarloAssessment {
  /** Trials run (at most the requested maximum). */
  readonly trials: number;
  readonly seed: number;
  /** Mean over trials of the fraction of warheads killed. */
  readonly pKillPerWarhead: Estimate;
  readonly pNoLeakers: Estimate;
  readonly expectedLeakers: Estimate;
  readonly expectedInterceptorsUsed: Estimate;
  /** Fraction of trials with k leakers, k = 0..W. */
  readonly leakerDistribution: readonly number[];
  /** 'ci-width': stopped once the P(no leakers) interval was narrower than asked; 'trials': ran them all. */
  readonly stoppedBy: 'trials' | 'ci-width';
}

/** Failures the closed form leaves out (the Monte Carlo only). */
export interface Correlation {
  /**
   * Beta factor of a salvo: with this probability the shots of a salvo share one outcome (a common
   * cause defeats or kills with all of them alike: one shot's draw decides); otherwise they are
   * independent. 0 (default): independent shots. Salvo kill probability: beta p + (1 - beta)(1 - (1 - p)^n).
   */
  readonly salvo?: number;
}

export interface MonteCarloOptions {
  /** Integer seed, 0 to 2^32 - 1. */
  readonly seed: number;
  /** Maximum number of trials (1 to 10^8). */
  readonly trials: number;
  /** Stop at the first batch boundary where the 95 % interval on P(no leakers) is narrower than this (absolute width, (0, 1]). */
  readonly ciWidth?: number;
  /** Trials between checks of ciWidth (default 1,000). */
  readonly batch?: number;
  readonly correlation?: Correlation;
}

export const MAX_TRIALS = 100_000_000;
export const MAX_SEED = 0xffff_ffff;
export const DEFAULT_BATCH = 1_000;

/** The two-sided 95 % normal quantile, Phi^-1(0.975). */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval for a binomial proportion (successes of n), z the normal quantile:
 * (p + z^2/2n +- z sqrt(p(1 - p)/n + z^2/4n^2)) / (1 + z^2/n). E. B. Wilson, J. Am. Stat. Assoc.
 * 22 (1927) 209-212. Stays inside [0, 1] and is sensible at p = 0 or 1.
 */
export const wilsonInterval = (
  successes: number,
  n: number,
  z: number = Z95,
): readonly [number, number] => {
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / (1 + z2n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
};

/** Normal interval for a mean: mean +- z s / sqrt(n), s the sample standard deviation. */
export const normalMeanInterval = (
  mean: number,
  sd: number,
  n: number,
  z: number = Z95,
): readonly [number, number] => {
  const half = (z * sd) / Math.sqrt(n);
  return [mean - half, mean + half];
};

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

const validateOptions = (o: MonteCarloOptions): void => {
  requireInteger(o.seed, 0, MAX_SEED, 'seed');
  requireInteger(o.trials, 1, MAX_TRIALS, 'trials');
  if (o.ciWidth !== undefined) {
    if (!Number.isFinite(o.ciWidth)) {
      throw new OpenBmdError(
        errorCodes.invalidInput,
        `must be a number, got ${o.ciWidth}`,
        'ciWidth',
      );
    }
    if (!(o.ciWidth > 0 && o.ciWidth <= 1)) {
      throw new OpenBmdError(
        errorCodes.outOfRange,
        `must be greater than 0 and at most 1, got ${o.ciWidth}`,
        'ciWidth',
      );
    }
  }
  if (o.batch !== undefined) requireInteger(o.batch, 1, MAX_TRIALS, 'batch');
  if (o.correlation?.salvo !== undefined)
    requireProbability(o.correlation.salvo, 'correlation.salvo');
};

/**
 * Runs the attack `trials` times (or until the P(no leakers) interval is narrower than
 * `ciWidth`). One trial, warhead by warhead in arrival order:
 * 1. tracking: one draw per warhead (or one for the whole attack with common-mode tracking); an
 *    untracked warhead, or one with no shot opportunity, leaks, and its decoys draw nothing;
 * 2. each decoy is engaged with probability 1 - pDiscriminate; the warhead takes a uniformly random
 *    place among the engaged objects of its cloud (the defence cannot tell which is which);
 * 3. each engaged object in turn: the first salvo (what the doctrine asks, or what is left), then,
 *    with shoot-look-shoot and two opportunities, a look (right with probability pLook) and the
 *    second salvo when it says "survived"; each shot kills with probability reliability * sspk;
 * 4. the warhead leaks unless one of its shots killed it.
 */
export const assessMonteCarlo = (
  policy: DefencePolicy,
  attack: Attack,
  options: MonteCarloOptions,
): MonteCarloAssessment => {
  validatePolicy(policy);
  validateAttack(attack);
  validateOptions(options);

  const opportunities = opportunitiesInArrivalOrder(attack);
  const w = opportunities.length;
  // The salvo plan of each warhead, in arrival order.
  const firstShots = new Int32Array(w);
  const secondShots = new Int32Array(w);
  const pLooks = new Float64Array(w);
  for (let i = 0; i < w; i++) {
    const plan = salvoPlan(policy.doctrine, opportunities[i] ?? 0);
    firstShots[i] = plan.first;
    secondShots[i] = plan.second;
    pLooks[i] = plan.pLook;
  }
  const pShot = shotKillProbability(policy);
  const pTrack = policy.pTrack;
  const commonMode = policy.commonModeTrack;
  const decoys = policy.decoysPerWarhead;
  const pDiscriminate = policy.pDiscriminate;
  const inventory = policy.inventory ?? Number.POSITIVE_INFINITY;
  const beta = options.correlation?.salvo ?? 0;
  const maxTrials = options.trials;
  const batch = options.batch ?? DEFAULT_BATCH;
  const ciWidth = options.ciWidth;

  const rng = xoroshiro128plus(options.seed);
  const leakerCounts = new Float64Array(w + 1);
  // Welford's running mean and sum of squared deviations of interceptors used per trial.
  let usedMean = 0;
  let usedM2 = 0;

  // State of the trial in progress (closures below read and write it; nothing allocated per trial).
  let left = 0;
  let used = 0;

  /** Fires up to `shots` (what is left), returns whether the salvo killed its object. */
  const salvo = (shots: number): boolean => {
    const k = Math.min(shots, left);
    if (k <= 0) return false;
    left -= k;
    used += k;
    if (beta > 0 && uniformFloat64(rng) < beta) return uniformFloat64(rng) < pShot;
    for (let s = 0; s < k; s++) if (uniformFloat64(rng) < pShot) return true;
    return false;
  };

  /** Engages one object with the i-th warhead's salvo plan; returns whether it was killed. */
  const engage = (i: number): boolean => {
    if (left <= 0) return false;
    const killed = salvo(firstShots[i] ?? 0);
    const second = secondShots[i] ?? 0;
    if (second === 0 || left <= 0) return killed;
    const lookRight = uniformFloat64(rng) < (pLooks[i] ?? 1);
    // Second salvo when the look says "survived": right about a survivor, or wrong about a kill.
    if (killed === lookRight) return killed;
    return salvo(second) || killed;
  };

  let done = 0;
  let stoppedBy: 'trials' | 'ci-width' = 'trials';
  while (done < maxTrials) {
    const end = Math.min(maxTrials, done + batch);
    for (let t = done; t < end; t++) {
      left = inventory;
      used = 0;
      let leakers = 0;
      const attackTracked = commonMode ? uniformFloat64(rng) < pTrack : true;
      for (let i = 0; i < w; i++) {
        const tracked = commonMode ? attackTracked : uniformFloat64(rng) < pTrack;
        if (!tracked || (firstShots[i] ?? 0) === 0) {
          leakers++;
          continue;
        }
        let engagedDecoys = 0;
        for (let d = 0; d < decoys; d++) if (uniformFloat64(rng) >= pDiscriminate) engagedDecoys++;
        const warheadPlace =
          engagedDecoys === 0 ? 0 : Math.floor(uniformFloat64(rng) * (engagedDecoys + 1));
        let killed = false;
        for (let j = 0; j <= engagedDecoys; j++) {
          if (j === warheadPlace) killed = engage(i);
          else engage(i);
        }
        if (!killed) leakers++;
      }
      leakerCounts[leakers] = (leakerCounts[leakers] ?? 0) + 1;
      const n = t + 1;
      const delta = used - usedMean;
      usedMean += delta / n;
      usedM2 += delta * (used - usedMean);
    }
    done = end;
    if (ciWidth !== undefined) {
      const [lo, hi] = wilsonInterval(leakerCounts[0] ?? 0, done);
      if (hi - lo < ciWidth) {
        stoppedBy = 'ci-width';
        break;
      }
    }
  }

  const n = done;
  const noLeakers = leakerCounts[0] ?? 0;
  let leakSum = 0;
  for (let k = 1; k <= w; k++) leakSum += k * (leakerCounts[k] ?? 0);
  const leakMean = leakSum / n;
  let leakSq = 0;
  for (let k = 0; k <= w; k++) leakSq += (k - leakMean) ** 2 * (leakerCounts[k] ?? 0);
  const leakSd = n > 1 ? Math.sqrt(leakSq / (n - 1)) : 0;
  const usedSd = n > 1 ? Math.sqrt(usedM2 / (n - 1)) : 0;

  let expectedLeakers: Estimate;
  let pKillPerWarhead: Estimate;
  if (w === 1) {
    // One warhead: leaking is a Bernoulli outcome per trial, so Wilson intervals.
    const leaks = leakerCounts[1] ?? 0;
    expectedLeakers = { value: leakMean, ci95: wilsonInterval(leaks, n) };
    pKillPerWarhead = { value: 1 - leakMean, ci95: wilsonInterval(n - leaks, n) };
  } else {
    const [lo, hi] = normalMeanInterval(leakMean, leakSd, n);
    expectedLeakers = { value: leakMean, ci95: [clamp(lo, 0, w), clamp(hi, 0, w)] };
    pKillPerWarhead = {
      value: 1 - leakMean / w,
      ci95: [clamp(1 - hi / w, 0, 1), clamp(1 - lo / w, 0, 1)],
    };
  }
  const [usedLo, usedHi] = normalMeanInterval(usedMean, usedSd, n);
  return {
    trials: n,
    seed: options.seed,
    pKillPerWarhead,
    pNoLeakers: { value: noLeakers / n, ci95: wilsonInterval(noLeakers, n) },
    expectedLeakers,
    expectedInterceptorsUsed: { value: usedMean, ci95: [Math.max(0, usedLo), usedHi] },
    leakerDistribution: Array.from(leakerCounts, (c) => c / n),
    stoppedBy,
  };
};
