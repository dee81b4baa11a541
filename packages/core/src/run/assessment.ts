/**
 * Defence effectiveness and the strategic balance of a scenario run (issue 6), tied to the
 * kinematics: only the warheads whose threats the engagement analysis says a site can engage are
 * in its attack. Per analysis (baseline and variants) and interceptor site: the closed form, the
 * Monte Carlo (seeded), the interceptors needed for the required P(no leakers), and two curves
 * (P(no leakers) against interceptors per warhead and against attack size). Per force: the
 * warheads each site can engage at all and the expected number it could stop with its inventory,
 * and the same for the force scaled to each arms-control limit. Pure and deterministic.
 */
import { type AnalyticAssessment, assessAnalytic, interceptorsNeeded } from '../assess/analytic.js';
import {
  assessMonteCarlo,
  type Estimate,
  type MonteCarloAssessment,
} from '../assess/monte-carlo.js';
import type { Attack, AttackWarhead, DefencePolicy } from '../assess/policy.js';
import type { ScenarioAssessment, ScenarioDocument } from '../scenario/schema.js';
import type { AnalysisResult, InterceptorSiteResult } from './result.js';

/** A site's attack: the warheads of the threats it can engage, in order of its first intercept. */
export interface SiteAttack {
  readonly warheadsEngageable: number;
  readonly warheadsNotEngageable: number;
  /** Per engageable threat: its warheads, shot opportunities and first intercept time. */
  readonly threats: ReadonlyArray<{
    readonly threatId: string;
    readonly warheads: number;
    readonly shotOpportunities: number;
    readonly firstInterceptS: number;
  }>;
}

export interface CurvePoint {
  readonly x: number;
  readonly pNoLeakers: number;
  /** The 95 % interval when the point is a Monte Carlo estimate (inventory too small for the closed form). */
  readonly ci95: readonly [number, number] | null;
  readonly method: 'closed-form' | 'monte-carlo';
}

export interface SiteAssessment {
  readonly analysisId: string;
  readonly siteId: string;
  readonly inventory: number;
  readonly attack: SiteAttack;
  /** Null when the site can engage no warhead. */
  readonly analytic: AnalyticAssessment | null;
  readonly monteCarlo: MonteCarloAssessment | null;
  readonly interceptorsNeeded: ReturnType<typeof interceptorsNeeded>;
  /** P(no leakers) against barrage interceptors per engaged object (1 to 8), unlimited inventory. */
  readonly byInterceptorsPerWarhead: readonly CurvePoint[];
  /** P(no leakers) against the number of warheads (like the attack's), with the site's inventory. */
  readonly byAttackSize: readonly CurvePoint[];
}

export interface ForceBalance {
  readonly forceId: string;
  readonly name: string;
  readonly analysisId: string;
  readonly totalWarheads: number;
  readonly sites: ReadonlyArray<{
    readonly siteId: string;
    readonly warheadsEngageable: number;
    /** Expected warheads stopped with the site's inventory (Monte Carlo); 0 when none can be engaged. */
    readonly expectedStopped: Estimate | null;
    readonly atLimits: ReadonlyArray<{
      readonly name: string;
      readonly warheads: number;
      readonly warheadsEngageable: number;
      readonly expectedStopped: Estimate | null;
    }>;
  }>;
}

export interface AssessmentResult {
  /** The policy as the scenario gives it (probabilities, doctrine, decoys, Monte Carlo settings). */
  readonly policy: ScenarioAssessment;
  readonly sites: readonly SiteAssessment[];
  readonly forces: readonly ForceBalance[];
}

const policyFor = (a: ScenarioAssessment, inventory: number | null): DefencePolicy => ({
  sspk: a.sspk,
  reliability: a.reliability,
  pTrack: a.pTrack,
  commonModeTrack: a.commonModeTrack,
  doctrine: a.doctrine,
  decoysPerWarhead: a.decoysPerWarhead,
  pDiscriminate: a.pDiscriminate,
  inventory,
});

/** The warheads a site can engage in an analysis (threats x rvCount), in order of first intercept. */
export const siteAttack = (analysis: AnalysisResult, siteId: string): SiteAttack => {
  const threats: Array<SiteAttack['threats'][number]> = [];
  let notEngageable = 0;
  for (const t of analysis.threats) {
    const e = analysis.engagements.find((x) => x.siteId === siteId && x.threatId === t.threatId);
    if (e === undefined || !e.engageable || e.window === null) {
      notEngageable += t.rvCount;
      continue;
    }
    threats.push({
      threatId: t.threatId,
      warheads: t.rvCount,
      shotOpportunities: e.shotOpportunities,
      firstInterceptS: e.window.firstInterceptS,
    });
  }
  threats.sort((a, b) => a.firstInterceptS - b.firstInterceptS);
  return {
    warheadsEngageable: threats.reduce((n, t) => n + t.warheads, 0),
    warheadsNotEngageable: notEngageable,
    threats,
  };
};

const attackOf = (threats: SiteAttack['threats'], scale = 1): Attack => {
  const warheads: AttackWarhead[] = [];
  for (const t of threats) {
    const n = Math.round(t.warheads * scale);
    for (let i = 0; i < n; i++) {
      warheads.push({
        arrivalS: t.firstInterceptS,
        shotOpportunities: t.shotOpportunities,
        label: t.threatId,
      });
    }
  }
  return { warheads };
};

/** The most common number of shot opportunities in an attack (for the attack-size curve). */
const modalOpportunities = (threats: SiteAttack['threats']): number => {
  const counts = new Map<number, number>();
  for (const t of threats) {
    counts.set(t.shotOpportunities, (counts.get(t.shotOpportunities) ?? 0) + t.warheads);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 1;
};

/** The Monte Carlo settings of the scenario, with this many trials. */
const monteCarloOptions = (a: ScenarioAssessment, trials: number) => ({
  seed: a.monteCarlo.seed,
  trials,
  correlation: { salvo: a.salvoCorrelation },
});

/** Trials of a curve point or a balance estimate: a quarter of the scenario's, at least 1,000. */
const pointTrials = (a: ScenarioAssessment): number =>
  Math.max(1000, Math.floor(a.monteCarlo.trials / 4));

/**
 * A curve point: the closed form where it is exact; the Monte Carlo where the inventory runs
 * out or salvos are correlated (which the closed form leaves out).
 */
const curvePoint = (
  a: ScenarioAssessment,
  policy: DefencePolicy,
  attack: Attack,
  x: number,
): CurvePoint => {
  const closed = assessAnalytic(policy, attack);
  if (closed.inventoryCovers && a.salvoCorrelation === 0) {
    return { x, pNoLeakers: closed.pNoLeakers, ci95: null, method: 'closed-form' };
  }
  const mc = assessMonteCarlo(policy, attack, monteCarloOptions(a, pointTrials(a)));
  return { x, pNoLeakers: mc.pNoLeakers.value, ci95: mc.pNoLeakers.ci95, method: 'monte-carlo' };
};

/** Largest attack size on the attack-size curve. */
const MAX_CURVE_WARHEADS = 40;
/** Largest barrage on the interceptors-per-warhead curve. */
const MAX_CURVE_SHOTS = 8;

const assessSite = (
  a: ScenarioAssessment,
  analysis: AnalysisResult,
  site: InterceptorSiteResult,
): SiteAssessment => {
  const attackOnSite = siteAttack(analysis, site.id);
  const base = {
    analysisId: analysis.id,
    siteId: site.id,
    inventory: site.inventory,
    attack: attackOnSite,
  };
  if (attackOnSite.warheadsEngageable === 0) {
    return {
      ...base,
      analytic: null,
      monteCarlo: null,
      interceptorsNeeded: null,
      byInterceptorsPerWarhead: [],
      byAttackSize: [],
    };
  }
  const attack = attackOf(attackOnSite.threats);
  const policy = policyFor(a, site.inventory);
  const opportunities = modalOpportunities(attackOnSite.threats);
  const maxW = Math.min(
    MAX_CURVE_WARHEADS,
    Math.max(10, 2 * attackOnSite.warheadsEngageable, site.inventory),
  );
  return {
    ...base,
    analytic: assessAnalytic(policy, attack),
    monteCarlo: assessMonteCarlo(policy, attack, monteCarloOptions(a, a.monteCarlo.trials)),
    interceptorsNeeded: interceptorsNeeded(policy, attack, a.requiredPNoLeakers),
    byInterceptorsPerWarhead: Array.from({ length: MAX_CURVE_SHOTS }, (_, i) =>
      curvePoint(
        a,
        { ...policy, doctrine: { kind: 'barrage', shots: i + 1 }, inventory: null },
        attack,
        i + 1,
      ),
    ),
    byAttackSize: Array.from({ length: maxW }, (_, i) =>
      curvePoint(
        a,
        policy,
        {
          warheads: Array.from({ length: i + 1 }, () => ({
            arrivalS: 0,
            shotOpportunities: opportunities,
          })),
        },
        i + 1,
      ),
    ),
  };
};

/** Expected warheads stopped by a site with its inventory, or null when it can engage none. */
const expectedStopped = (
  a: ScenarioAssessment,
  inventory: number,
  threats: SiteAttack['threats'],
  scale: number,
): Estimate | null => {
  const attack = attackOf(threats, scale);
  const w = attack.warheads.length;
  if (w === 0) return null;
  const mc = assessMonteCarlo(
    policyFor(a, inventory),
    attack,
    monteCarloOptions(a, pointTrials(a)),
  );
  const [lo, hi] = mc.expectedLeakers.ci95;
  return { value: w - mc.expectedLeakers.value, ci95: [w - hi, w - lo] };
};

const balanceOf = (
  a: ScenarioAssessment,
  force: ScenarioDocument['forces'][number],
  analysis: AnalysisResult,
  sites: readonly InterceptorSiteResult[],
): ForceBalance => {
  const totalWarheads = force.deployments.reduce(
    (n, d) => n + d.missiles * d.warheadsPerMissile,
    0,
  );
  return {
    forceId: force.id,
    name: force.name ?? force.id,
    analysisId: analysis.id,
    totalWarheads,
    sites: sites.map((site) => {
      const threats: Array<SiteAttack['threats'][number]> = [];
      for (const d of force.deployments) {
        const e = analysis.engagements.find((x) => x.siteId === site.id && x.threatId === d.threat);
        if (e === undefined || !e.engageable || e.window === null) continue;
        threats.push({
          threatId: d.threat,
          warheads: d.missiles * d.warheadsPerMissile,
          shotOpportunities: e.shotOpportunities,
          firstInterceptS: e.window.firstInterceptS,
        });
      }
      threats.sort((x, y) => x.firstInterceptS - y.firstInterceptS);
      const engageable = threats.reduce((n, t) => n + t.warheads, 0);
      return {
        siteId: site.id,
        warheadsEngageable: engageable,
        expectedStopped: expectedStopped(a, site.inventory, threats, 1),
        atLimits: force.armsControlLimits.map((limit) => {
          const scale = limit.warheads / totalWarheads;
          return {
            name: limit.name,
            warheads: limit.warheads,
            warheadsEngageable: threats.reduce((n, t) => n + Math.round(t.warheads * scale), 0),
            expectedStopped: expectedStopped(a, site.inventory, threats, scale),
          };
        }),
      };
    }),
  };
};

/** The assessment of a run, or null when the scenario has no `assessment`. */
export const assessRun = (
  doc: Pick<ScenarioDocument, 'assessment' | 'forces'>,
  analyses: readonly AnalysisResult[],
  sites: readonly InterceptorSiteResult[],
): AssessmentResult | null => {
  const a = doc.assessment;
  if (a === undefined) return null;
  return {
    policy: a,
    sites: analyses.flatMap((analysis) => sites.map((site) => assessSite(a, analysis, site))),
    forces: doc.forces.flatMap((force) =>
      analyses.map((analysis) => balanceOf(a, force, analysis, sites)),
    ),
  };
};
