/**
 * Defence effectiveness tied to the kinematics (run/assessment.ts): a site's attack is the
 * warheads it can engage, in the order of its first intercept; the curves and the balance.
 */
import {
  type AnalysisResult,
  assessRun,
  type Engagement,
  type InterceptorSiteResult,
  siteAttack,
  type ThreatResult,
} from '@openbmd/core';
import { describe, expect, it } from 'vitest';

const threat = (threatId: string, rvCount: number): ThreatResult => ({
  threatId,
  name: threatId,
  missileId: 'm',
  missileName: 'm',
  fromSiteId: null,
  toSiteId: null,
  trajectoryType: 'minimum-energy',
  rvCount,
  rcsM2: 0.1,
  launchTimeS: 0,
  burnoutTimeS: 100,
  impactTimeS: 1000,
  apogeeKm: 500,
  groundRangeKm: 4000,
  impactLatDeg: 0,
  impactLonDeg: 0,
  missDistanceM: 1,
});

const engagement = (
  threatId: string,
  firstInterceptS: number | null,
  shotOpportunities: number,
): Engagement => ({
  siteId: 's',
  threatId,
  engageable: firstInterceptS !== null,
  reason: firstInterceptS === null ? 'out-of-reach' : null,
  window:
    firstInterceptS === null ? null : { firstInterceptS, lastInterceptS: firstInterceptS + 100 },
  firstIntercept: null,
  lastIntercept: null,
  shotOpportunities,
  minBurnoutSpeedMps: null,
  maxCommitDelayS: null,
});

const analysis: AnalysisResult = {
  id: 'baseline',
  name: 'b',
  description: null,
  changes: [],
  threats: [threat('late', 2), threat('early', 1), threat('never', 4)],
  sensors: [],
  engagements: [
    engagement('late', 900, 2),
    engagement('early', 500, 1),
    engagement('never', null, 0),
  ],
  claims: [],
  flyoutErrors: [],
};
const site: InterceptorSiteResult = {
  id: 's',
  name: 's',
  latDeg: 0,
  lonDeg: 0,
  interceptorId: 'i',
  interceptorName: 'i',
  burnoutSpeedMps: 7000,
  inventory: 4,
};
const policy = {
  sspk: 0.8,
  reliability: 1,
  pTrack: 1,
  commonModeTrack: false,
  doctrine: { kind: 'barrage', shots: 2 },
  decoysPerWarhead: 0,
  pDiscriminate: 1,
  requiredPNoLeakers: 0.9,
  salvoCorrelation: 0,
  monteCarlo: { seed: 5, trials: 4000 },
} as const;

describe('a site’s attack', () => {
  it('holds the warheads of the threats it can engage, in the order of its first intercept', () => {
    expect(siteAttack(analysis, 's')).toEqual({
      warheadsEngageable: 3,
      warheadsNotEngageable: 4,
      threats: [
        { threatId: 'early', warheads: 1, shotOpportunities: 1, firstInterceptS: 500 },
        { threatId: 'late', warheads: 2, shotOpportunities: 2, firstInterceptS: 900 },
      ],
    });
  });
});

describe('assessRun', () => {
  const r = assessRun(
    {
      assessment: policy,
      forces: [
        {
          id: 'f',
          deployments: [
            { threat: 'early', missiles: 10, warheadsPerMissile: 1 },
            { threat: 'never', missiles: 10, warheadsPerMissile: 3 },
          ],
          armsControlLimits: [{ name: 'limit', warheads: 80 }],
        },
      ],
    },
    [analysis],
    [site],
  );

  it('is null without an assessment', () => {
    expect(assessRun({ assessment: undefined, forces: [] }, [analysis], [site])).toBeNull();
  });

  it('uses the closed form where the inventory covers the attack, else the Monte Carlo', () => {
    const s = r?.sites[0];
    // Three warheads, two shots each: six interceptors wanted, four held.
    expect(s?.analytic?.inventoryCovers).toBe(false);
    expect(s?.byInterceptorsPerWarhead.every((p) => p.method === 'closed-form')).toBe(true);
    expect(s?.byAttackSize[0]).toMatchObject({ x: 1, method: 'closed-form' });
    expect(s?.byAttackSize[0]?.pNoLeakers).toBeCloseTo(1 - 0.2 ** 2, 12);
    expect(s?.byAttackSize.at(-1)?.method).toBe('monte-carlo');
  });

  it('curves: more interceptors per warhead never lower P(no leakers); more warheads never raise it', () => {
    const s = r?.sites[0];
    const shots = s?.byInterceptorsPerWarhead.map((p) => p.pNoLeakers) ?? [];
    for (let i = 1; i < shots.length; i++) expect(shots[i]).toBeGreaterThanOrEqual(shots[i - 1]!);
    const sizes = s?.byAttackSize
      .filter((p) => p.method === 'closed-form')
      .map((p) => p.pNoLeakers);
    for (let i = 1; i < (sizes?.length ?? 0); i++) {
      expect(sizes![i]).toBeLessThanOrEqual(sizes![i - 1]!);
    }
  });

  it('balance: engageable warheads by deployment, scaled to the arms-control limit', () => {
    const b = r?.forces[0];
    expect(b?.totalWarheads).toBe(40);
    expect(b?.sites[0]?.warheadsEngageable).toBe(10);
    expect(b?.sites[0]?.atLimits[0]).toMatchObject({ warheads: 80, warheadsEngageable: 20 });
    // Four interceptors, two per warhead: at most two warheads stopped, here about 2 x 0.96.
    expect(b?.sites[0]?.expectedStopped?.value).toBeCloseTo(2 * 0.96, 1);
  });
});
