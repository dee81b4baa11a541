/**
 * Interceptors, sites and engagement results. SI units; times in seconds from the scenario epoch.
 */
import type { MissileDefinition } from '../flight/missile.js';

export interface KillVehicle {
  /** Lowest and highest altitude at which the kill vehicle can intercept, m. */
  readonly minAltitudeM: number;
  readonly maxAltitudeM: number;
  /** Divert velocity, m/s (reported; the kinematic model does not yet spend it). */
  readonly divertMps: number;
  readonly massKg: number;
}

/**
 * An interceptor: a staged vehicle flown by the trajectory engine (its payload is the kill
 * vehicle), with a programmed pitch-over then gravity-turn steering whose kick angle shapes the
 * flyout fan (docs/models/interceptors.md).
 */
export interface InterceptorDefinition {
  readonly id: string;
  readonly name: string;
  readonly vehicle: MissileDefinition;
  readonly killVehicle: KillVehicle;
  /** How the stage model was obtained: given stages, or scaled to a stated burnout speed. */
  readonly form: 'staged' | 'parametric';
  /** The burnout speed this interceptor reaches on its reference flyout, m/s. */
  readonly burnoutSpeedMps: number;
  readonly sources: readonly string[];
  readonly notes: string;
}

/** Which sensor tracks an interceptor site needs before it commits. */
export interface CommitRule {
  /** Every listed sensor must hold a track (its trackS). */
  readonly requiredSensorIds: readonly string[];
  /** At least one fire-control-quality track is needed as well. */
  readonly requireFireControl: boolean;
}

export interface InterceptorSite {
  readonly id: string;
  readonly latRad: number;
  readonly lonRad: number;
  readonly interceptor: InterceptorDefinition;
  readonly inventory: number;
  /** From commit to interceptor launch, s. */
  readonly launchDelayS: number;
  readonly commit: CommitRule;
  /** From intercept to kill assessment, s (shoot-look-shoot). */
  readonly killAssessmentS: number;
}

export type EngagementReason =
  | 'not-tracked-in-time'
  | 'out-of-reach'
  | 'below-floor'
  | 'above-ceiling'
  | 'too-slow';

export type InterceptGeometry = 'head-on' | 'crossing' | 'tail-chase';

export interface InterceptPoint {
  readonly timeS: number;
  readonly latDeg: number;
  readonly lonDeg: number;
  readonly altitudeKm: number;
  readonly launchTimeS: number;
  readonly closingSpeedMps: number;
  readonly geometry: InterceptGeometry;
}

export interface Engagement {
  readonly siteId: string;
  readonly threatId: string;
  readonly engageable: boolean;
  readonly reason: EngagementReason | null;
  readonly window: { readonly firstInterceptS: number; readonly lastInterceptS: number } | null;
  readonly firstIntercept: InterceptPoint | null;
  readonly lastIntercept: InterceptPoint | null;
  readonly shotOpportunities: number;
  readonly minBurnoutSpeedMps: number | null;
  readonly maxCommitDelayS: number | null;
}
