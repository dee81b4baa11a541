/**
 * A scenario after parsing, validation and resolution of catalog references: plain data in SI
 * units and radians, ready for the pipeline (fly threats -> sense -> engage).
 */
import type { TrajectoryShape } from '../aim/aim.js';
import type { EarthModel } from '../earth/model.js';
import type { InterceptorSite } from '../engage/types.js';
import type { MissileDefinition } from '../flight/missile.js';
import type { Sensor } from '../sensors/types.js';

/** A named place of the scenario (a site, or a point written inline, named after its user). */
export interface ResolvedPlace {
  readonly id: string;
  readonly name: string;
  readonly latRad: number;
  readonly lonRad: number;
  readonly altitudeM: number;
  /** Whether it is a site of the scenario (false: a point written inline). */
  readonly isSite: boolean;
}

export interface ResolvedThreat {
  readonly id: string;
  readonly name: string;
  /** The places it flies from and to (site ids, or `<threat id>-from` / `-to` for inline points). */
  readonly fromPlaceId: string;
  readonly toPlaceId: string;
  /** Reentry vehicles carried (warheads to engage). */
  readonly rvCount: number;
  readonly missile: MissileDefinition;
  readonly fromLatRad: number;
  readonly fromLonRad: number;
  readonly toLatRad: number;
  readonly toLonRad: number;
  readonly shape: TrajectoryShape;
  /** Launch time, s from the scenario epoch. */
  readonly launchTimeS: number;
  /** Radar cross-section of the reentry vehicle, m^2. */
  readonly rcsM2: number;
  readonly payloadKg?: number;
}

/** A claim, resolved: which site and threat, and where its deciding parameter lives in the file. */
export interface ResolvedClaim {
  readonly id: string;
  readonly text: string;
  readonly siteId: string;
  readonly threatId: string;
  readonly decidingParameter: 'burnout-speed' | 'commit-delay';
  /** The scenario path of the deciding parameter, e.g. `interceptors.gbi-2stage-mda.burnoutSpeedMps`. */
  readonly parameterPath: string;
}

export interface ResolvedScenario {
  readonly name: string;
  /** File name or label, for messages. */
  readonly source: string;
  readonly model: EarthModel;
  /** ISO 8601 UTC time of t = 0. */
  readonly epoch: string;
  /** Every place the scenario uses (sites and inline points). */
  readonly places: readonly ResolvedPlace[];
  readonly sensors: readonly Sensor[];
  readonly interceptorSites: readonly InterceptorSite[];
  readonly threats: readonly ResolvedThreat[];
  readonly claims: readonly ResolvedClaim[];
}
