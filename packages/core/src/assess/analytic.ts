/**
 * The closed form of defence effectiveness (docs/models.md): per-warhead kill probability from the
 * salvo formulas (barrage, shoot-look-shoot with an imperfect kill assessment), tracking (per
 * warhead or common-mode), decoys that draw shots, and the leaker distribution as a
 * Poisson-binomial. Exact while the inventory covers every object that could be engaged; beyond
 * that it assumes unlimited interceptors and says so (the Monte Carlo is then the answer).
 */
import {
  ASSESS_LIMITS,
  type Attack,
  type DefencePolicy,
  opportunitiesInArrivalOrder,
  requireInteger,
  requireProbability,
  type SalvoPlan,
  salvoPlan,
  shotKillProbability,
  validateAttack,
  validatePolicy,
} from './policy.js';

export interface AnalyticAssessment {
  /**
   * Mean over the attack's warheads of the probability that the warhead is killed (tracking
   * included): 1 - expectedLeakers / W. For an attack of identical warheads it is the
   * per-warhead kill probability K = P_track * k.
   */
  readonly pKillPerWarhead: number;
  /** Probability that no warhead leaks through. */
  readonly pNoLeakers: number;
  readonly expectedLeakers: number;
  /** P(k leakers), k = 0..W (Poisson-binomial; with common-mode tracking a two-term mixture). */
  readonly leakerDistribution: readonly number[];
  /** Expected interceptors fired (on warheads and on the decoys engaged), unlimited inventory. */
  readonly expectedInterceptorsUsed: number;
  /** Interceptors that would cover every object that could be engaged with the doctrine's largest demand (every decoy, when discrimination is imperfect). */
  readonly interceptorsToCoverAll: number;
  /** True when the inventory covers every object that could be engaged (the closed form is exact); false: the closed form assumes unlimited interceptors and the Monte Carlo result is the answer. */
  readonly inventoryCovers: boolean;
  /** Why the closed form is not the answer, or null. */
  readonly note: string | null;
}

/** 1 - (1 - p)^n, accurate for small p; n >= 0. */
export const salvoKillProbability = (pShot: number, shots: number): number => {
  if (shots <= 0 || pShot <= 0) return 0;
  if (pShot >= 1) return 1;
  return -Math.expm1(shots * Math.log1p(-pShot));
};

/** What one engaged object faces under a salvo plan: kill probability and expected shots. */
export interface EngagementOutcome {
  /** k = p1 + (1 - p1) L p2. */
  readonly pKill: number;
  /** n1 + n2 [(1 - p1) L + p1 (1 - L)]. */
  readonly expectedShots: number;
}

/**
 * Kill probability and expected shots for one engaged object (warhead or decoy taken for one),
 * unlimited inventory. p1, p2: kill probabilities of the two salvos; the second salvo is fired when
 * the look says "survived": rightly (object alive, probability L) or wrongly (object killed, 1 - L).
 */
export const engagementOutcome = (pShot: number, plan: SalvoPlan): EngagementOutcome => {
  const p1 = salvoKillProbability(pShot, plan.first);
  if (plan.second === 0) return { pKill: p1, expectedShots: plan.first };
  const p2 = salvoKillProbability(pShot, plan.second);
  const L = plan.pLook;
  return {
    pKill: p1 + (1 - p1) * L * p2,
    expectedShots: plan.first + plan.second * ((1 - p1) * L + p1 * (1 - L)),
  };
};

/** Per-warhead figures of the closed form, in arrival order. */
interface PerWarhead {
  /** Kill probability given the warhead is tracked (k_i). */
  readonly k: Float64Array;
  readonly pNoLeakers: number;
  readonly expectedLeakers: number;
  readonly expectedInterceptorsUsed: number;
  readonly interceptorsToCoverAll: number;
}

const perWarhead = (policy: DefencePolicy, attack: Attack): PerWarhead => {
  const opportunities = opportunitiesInArrivalOrder(attack);
  const pShot = shotKillProbability(policy);
  const objectsPerTrackedWarhead = 1 + policy.decoysPerWarhead * (1 - policy.pDiscriminate);
  const objectsAtMost = 1 + (policy.pDiscriminate < 1 ? policy.decoysPerWarhead : 0);
  const w = opportunities.length;
  const k = new Float64Array(w);
  let productK = 1;
  let expectedLeakers = 0;
  let expectedShots = 0;
  let coverAll = 0;
  // Warheads with the same opportunities share their figures: memoise per opportunity count.
  const memo = new Map<number, EngagementOutcome & { readonly maxShots: number }>();
  for (let i = 0; i < w; i++) {
    const o = opportunities[i] ?? 0;
    let e = memo.get(o);
    if (e === undefined) {
      const plan = salvoPlan(policy.doctrine, o);
      e = { ...engagementOutcome(pShot, plan), maxShots: plan.first + plan.second };
      memo.set(o, e);
    }
    k[i] = e.pKill;
    productK *= e.pKill;
    expectedLeakers += 1 - policy.pTrack * e.pKill;
    expectedShots += policy.pTrack * objectsPerTrackedWarhead * e.expectedShots;
    if (policy.pTrack > 0) coverAll += objectsAtMost * e.maxShots;
  }
  const pNoLeakers = policy.commonModeTrack
    ? policy.pTrack * productK
    : productK * policy.pTrack ** w;
  return {
    k,
    pNoLeakers,
    expectedLeakers,
    expectedInterceptorsUsed: expectedShots,
    interceptorsToCoverAll: coverAll,
  };
};

/**
 * P(k successes), k = 0..n, for independent Bernoulli trials with probabilities p[i] (the
 * Poisson-binomial distribution), by the standard O(n^2) recursion: adding trial i maps
 * P(k) -> P(k) (1 - p_i) + P(k - 1) p_i. Sums of non-negative terms, so no cancellation.
 */
export const poissonBinomial = (p: ArrayLike<number>): Float64Array => {
  const n = p.length;
  const dist = new Float64Array(n + 1);
  dist[0] = 1;
  let top = 0; // highest k with a term so far
  for (let i = 0; i < n; i++) {
    const pi = p[i] ?? 0;
    if (pi <= 0) continue;
    if (pi >= 1) {
      // A certain success shifts the distribution by one.
      for (let j = top + 1; j > 0; j--) dist[j] = dist[j - 1] ?? 0;
      dist[0] = 0;
      top++;
      continue;
    }
    const qi = 1 - pi;
    dist[top + 1] = (dist[top] ?? 0) * pi;
    for (let j = top; j > 0; j--) dist[j] = (dist[j] ?? 0) * qi + (dist[j - 1] ?? 0) * pi;
    dist[0] = (dist[0] ?? 0) * qi;
    top++;
  }
  return dist;
};

const leakerDistribution = (policy: DefencePolicy, k: Float64Array): number[] => {
  const w = k.length;
  if (policy.commonModeTrack) {
    // One tracking draw for the whole attack: tracked (P_track), each warhead leaks with
    // probability 1 - k_i; not tracked (1 - P_track), all W leak.
    const leak = k.map((ki) => 1 - ki);
    const tracked = poissonBinomial(leak);
    const out = Array.from(tracked, (x) => policy.pTrack * x);
    out[w] = (out[w] ?? 0) + (1 - policy.pTrack);
    return out;
  }
  const leak = k.map((ki) => 1 - policy.pTrack * ki);
  return Array.from(poissonBinomial(leak));
};

/** The inventory's note, or null when it covers every object that could be engaged. */
const inventoryNote = (inventory: number | null, coverAll: number): string | null =>
  inventory === null || inventory >= coverAll
    ? null
    : `the inventory (${inventory}) cannot cover every engaged object (up to ${coverAll} interceptors): the closed form assumes unlimited interceptors; use the Monte Carlo result`;

/** The closed form for a policy and an attack (docs/models.md). */
export const assessAnalytic = (policy: DefencePolicy, attack: Attack): AnalyticAssessment => {
  validatePolicy(policy);
  validateAttack(attack);
  const r = perWarhead(policy, attack);
  const w = r.k.length;
  const note = inventoryNote(policy.inventory, r.interceptorsToCoverAll);
  return {
    pKillPerWarhead: 1 - r.expectedLeakers / w,
    pNoLeakers: r.pNoLeakers,
    expectedLeakers: r.expectedLeakers,
    leakerDistribution: leakerDistribution(policy, r.k),
    expectedInterceptorsUsed: r.expectedInterceptorsUsed,
    interceptorsToCoverAll: r.interceptorsToCoverAll,
    inventoryCovers: note === null,
    note,
  };
};

export interface InterceptorsNeeded {
  /** Barrage shots per engaged object (warhead or decoy taken for one). */
  readonly shotsPerObject: number;
  /** Expected interceptors fired with that barrage (closed form, unlimited inventory). */
  readonly expectedInterceptors: number;
  /** Interceptors to cover every object that could be engaged with that barrage. */
  readonly interceptorsToCoverAll: number;
  /** P(no leakers) reached. */
  readonly pNoLeakers: number;
}

export const DEFAULT_MAX_SHOTS = ASSESS_LIMITS.maxShotsPerSalvo;

/**
 * Smallest barrage shots per engaged object (1..maxShots) reaching the required P(no leakers),
 * with the interceptors that takes (expected, and to cover every engaged object); null if none up
 * to maxShots. The policy's doctrine and inventory are replaced by a barrage and an unlimited
 * inventory; everything else (tracking, decoys, shot opportunities) is kept.
 */
export const interceptorsNeeded = (
  policy: DefencePolicy,
  attack: Attack,
  requiredPNoLeakers: number,
  maxShots: number = DEFAULT_MAX_SHOTS,
): InterceptorsNeeded | null => {
  validatePolicy(policy);
  validateAttack(attack);
  requireProbability(requiredPNoLeakers, 'requiredPNoLeakers');
  requireInteger(maxShots, 1, ASSESS_LIMITS.maxShotsPerSalvo, 'maxShots');
  for (let shots = 1; shots <= maxShots; shots++) {
    const r = perWarhead(
      { ...policy, doctrine: { kind: 'barrage', shots }, inventory: null },
      attack,
    );
    if (r.pNoLeakers >= requiredPNoLeakers) {
      return {
        shotsPerObject: shots,
        expectedInterceptors: r.expectedInterceptorsUsed,
        interceptorsToCoverAll: r.interceptorsToCoverAll,
        pNoLeakers: r.pNoLeakers,
      };
    }
  }
  return null;
};
