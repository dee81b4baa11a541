/**
 * Defence effectiveness: the defence's policy (kill probabilities, doctrine, decoys, inventory) and
 * the attack it faces (warheads in arrival order with their shot opportunities). Shared by the
 * closed form (analytic.ts) and the Monte Carlo (monte-carlo.ts). docs/models.md has the model.
 */
import { errorCodes, OpenBmdError } from '../errors.js';

/**
 * How many interceptors an engaged object draws.
 * - barrage: `shots` fired at once, in one shot opportunity.
 * - shoot-look-shoot: `firstShots`, then a kill assessment that is right with probability `pLook`,
 *   then `secondShots` if it says the object survived; needs two shot opportunities (with one, the
 *   first salvo only).
 */
export type Doctrine =
  | { readonly kind: 'barrage'; readonly shots: number }
  | {
      readonly kind: 'shoot-look-shoot';
      readonly firstShots: number;
      readonly secondShots: number;
      readonly pLook: number;
    };

export interface DefencePolicy {
  /** Single-shot kill probability of an interceptor that works. */
  readonly sspk: number;
  /** Probability that an interceptor works (launches, flies out, its kill vehicle homes): a shot kills with probability reliability * sspk. */
  readonly reliability: number;
  /** Probability that the defence tracks a warhead (and the decoys around it); no track, no shots. */
  readonly pTrack: number;
  /** One tracking draw for the whole attack (a common-mode failure) instead of one per warhead. */
  readonly commonModeTrack: boolean;
  readonly doctrine: Doctrine;
  /** Decoys accompanying each warhead (integer >= 0). */
  readonly decoysPerWarhead: number;
  /** Probability that a decoy is recognised as one (not engaged); 1 - pDiscriminate: it draws a warhead's shots. */
  readonly pDiscriminate: number;
  /** Interceptors available for the whole attack; null: unlimited. */
  readonly inventory: number | null;
}

export interface AttackWarhead {
  /** Arrival (or engagement) time, s; objects are engaged in this order. */
  readonly arrivalS: number;
  /** Shot opportunities the engagement analysis found for this warhead (0: cannot be engaged). */
  readonly shotOpportunities: number;
  readonly label?: string;
}

/** The attack: warheads in arrival order, each with its shot opportunities (0: cannot be engaged). */
export interface Attack {
  readonly warheads: ReadonlyArray<AttackWarhead>;
}

/** Limits of the inputs (the Poisson-binomial is O(W^2): 20,000 warheads take about a second). */
export const ASSESS_LIMITS = {
  maxWarheads: 20_000,
  maxShotsPerSalvo: 100,
  maxShotOpportunities: 1_000,
  maxDecoysPerWarhead: 1_000,
  maxInventory: 1_000_000_000,
} as const;

/** `warheads` identical warheads, all arriving at t = 0, each with `shotOpportunities`. */
export const uniformAttack = (warheads: number, shotOpportunities: number): Attack => {
  requireInteger(warheads, 1, ASSESS_LIMITS.maxWarheads, 'warheads');
  requireInteger(shotOpportunities, 0, ASSESS_LIMITS.maxShotOpportunities, 'shotOpportunities');
  return {
    warheads: Array.from({ length: warheads }, () => ({ arrivalS: 0, shotOpportunities })),
  };
};

/** Throws E_INVALID_INPUT (not finite) or E_OUT_OF_RANGE unless x is in [lo, hi]; returns x. */
export const requireProbability = (x: number, path: string): number => {
  if (!Number.isFinite(x)) {
    throw new OpenBmdError(errorCodes.invalidInput, `must be a number, got ${x}`, path);
  }
  if (x < 0 || x > 1) {
    throw new OpenBmdError(errorCodes.outOfRange, `must be within [0, 1], got ${x}`, path);
  }
  return x;
};

/** Throws E_INVALID_INPUT unless x is an integer, E_OUT_OF_RANGE unless lo <= x <= hi; returns x. */
export const requireInteger = (x: number, lo: number, hi: number, path: string): number => {
  if (!Number.isInteger(x)) {
    throw new OpenBmdError(errorCodes.invalidInput, `must be an integer, got ${x}`, path);
  }
  if (x < lo || x > hi) {
    throw new OpenBmdError(
      errorCodes.outOfRange,
      `must be an integer from ${lo} to ${hi}, got ${x}`,
      path,
    );
  }
  return x;
};

/** Checks every field of a policy (codes E_INVALID_INPUT / E_OUT_OF_RANGE, path = the field). */
export const validatePolicy = (p: DefencePolicy): void => {
  requireProbability(p.sspk, 'sspk');
  requireProbability(p.reliability, 'reliability');
  requireProbability(p.pTrack, 'pTrack');
  requireProbability(p.pDiscriminate, 'pDiscriminate');
  requireInteger(p.decoysPerWarhead, 0, ASSESS_LIMITS.maxDecoysPerWarhead, 'decoysPerWarhead');
  if (p.inventory !== null) requireInteger(p.inventory, 0, ASSESS_LIMITS.maxInventory, 'inventory');
  const d = p.doctrine;
  if (d.kind === 'barrage') {
    requireInteger(d.shots, 1, ASSESS_LIMITS.maxShotsPerSalvo, 'doctrine.shots');
  } else if (d.kind === 'shoot-look-shoot') {
    requireInteger(d.firstShots, 1, ASSESS_LIMITS.maxShotsPerSalvo, 'doctrine.firstShots');
    requireInteger(d.secondShots, 1, ASSESS_LIMITS.maxShotsPerSalvo, 'doctrine.secondShots');
    requireProbability(d.pLook, 'doctrine.pLook');
  } else {
    const kind = (d as { kind: unknown }).kind;
    throw new OpenBmdError(
      errorCodes.invalidInput,
      `must be 'barrage' or 'shoot-look-shoot', got ${String(kind)}`,
      'doctrine.kind',
    );
  }
};

/** Checks an attack: 1 to 20,000 warheads, finite arrival times, integer shot opportunities. */
export const validateAttack = (a: Attack): void => {
  const n = a.warheads.length;
  if (n < 1 || n > ASSESS_LIMITS.maxWarheads) {
    throw new OpenBmdError(
      errorCodes.outOfRange,
      `the attack must have from 1 to ${ASSESS_LIMITS.maxWarheads} warheads, got ${n}`,
      'warheads',
    );
  }
  a.warheads.forEach((w, i) => {
    if (!Number.isFinite(w.arrivalS)) {
      throw new OpenBmdError(
        errorCodes.invalidInput,
        `must be a finite number, got ${w.arrivalS}`,
        `warheads[${i}].arrivalS`,
      );
    }
    requireInteger(
      w.shotOpportunities,
      0,
      ASSESS_LIMITS.maxShotOpportunities,
      `warheads[${i}].shotOpportunities`,
    );
  });
};

/** The warheads' shot opportunities in arrival order (a stable sort on arrivalS). */
export const opportunitiesInArrivalOrder = (a: Attack): number[] =>
  a.warheads
    .map((w, i) => ({ t: w.arrivalS, i, o: w.shotOpportunities }))
    .sort((x, y) => x.t - y.t || x.i - y.i)
    .map((w) => w.o);

/** Probability that one shot kills: reliability * sspk. */
export const shotKillProbability = (p: DefencePolicy): number => p.reliability * p.sspk;

/** How an engaged object with `opportunities` shot opportunities is fired on (before any inventory limit). */
export interface SalvoPlan {
  /** Shots of the first (or only) salvo; 0: the object cannot be engaged. */
  readonly first: number;
  /** Shots of the second salvo after a look; 0: no second salvo. */
  readonly second: number;
  /** Probability the kill assessment is right (1 when there is no second salvo). */
  readonly pLook: number;
}

export const salvoPlan = (d: Doctrine, opportunities: number): SalvoPlan => {
  if (opportunities < 1) return { first: 0, second: 0, pLook: 1 };
  if (d.kind === 'barrage') return { first: d.shots, second: 0, pLook: 1 };
  if (opportunities < 2) return { first: d.firstShots, second: 0, pLook: 1 };
  return { first: d.firstShots, second: d.secondShots, pLook: d.pLook };
};
