/** Shared builders for the defence-effectiveness tests. */
import type { Attack, DefencePolicy, Doctrine } from '../src/index.js';

export const barrage = (shots: number): Doctrine => ({ kind: 'barrage', shots });

export const sls = (firstShots: number, secondShots: number, pLook: number): Doctrine => ({
  kind: 'shoot-look-shoot',
  firstShots,
  secondShots,
  pLook,
});

/** One shot of sspk 0.8, perfect tracking and discrimination, no decoys, unlimited inventory. */
export const policy = (p: Partial<DefencePolicy> = {}): DefencePolicy => ({
  sspk: 0.8,
  reliability: 1,
  pTrack: 1,
  commonModeTrack: false,
  doctrine: barrage(1),
  decoysPerWarhead: 0,
  pDiscriminate: 1,
  inventory: null,
  ...p,
});

/** Warheads arriving 1 s apart with these shot opportunities. */
export const attackOf = (opportunities: readonly number[]): Attack => ({
  warheads: opportunities.map((o, i) => ({ arrivalS: i, shotOpportunities: o })),
});
