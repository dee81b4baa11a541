/**
 * The result of `openbmd run`: plain, JSON-serialisable data with a versioned format
 * (`resultFormat`), from which every renderer (terminal summary, result.json, CSV, GeoJSON, CZML,
 * KML, the HTML report) is drawn. Units are in the names; times in seconds from the scenario
 * epoch; angles in degrees (this is an edge of the core). Documented in docs/result.md.
 */
import type { describeEarthModel } from '../earth/model.js';
import type { ClaimResult } from '../engage/engagement.js';
import type { Engagement } from '../engage/types.js';
import type { FlightPhase } from '../flight/trajectory.js';
import type { RadarCoverageFeature } from '../sensors/coverage.js';
import type { AssessmentResult } from './assessment.js';

/** The version of the result document this code writes. */
export const RESULT_FORMAT_VERSION = 1;

/** One point of a threat's track. */
export interface TrackPoint {
  readonly timeS: number;
  readonly latDeg: number;
  readonly lonDeg: number;
  readonly altitudeKm: number;
  /** Ground distance from the launch point along the geodesic to this point's foot, km. */
  readonly groundRangeKm: number;
  /** Speed relative to the rotating Earth, m/s. */
  readonly speedMps: number;
  readonly phase: FlightPhase;
  /** The interceptor sites whose intercept window (baseline) contains this time. */
  readonly engageableBy: readonly string[];
}

/** A threat flown: its summary and its sampled track. */
export interface ThreatResult {
  readonly threatId: string;
  readonly name: string;
  readonly missileId: string;
  readonly missileName: string;
  readonly fromSiteId: string | null;
  readonly toSiteId: string | null;
  /** 'minimum-energy', 'lofted' or 'depressed' (against the minimum-energy apogee). */
  readonly trajectoryType: 'minimum-energy' | 'lofted' | 'depressed';
  readonly rvCount: number;
  readonly rcsM2: number;
  readonly launchTimeS: number;
  readonly burnoutTimeS: number;
  readonly impactTimeS: number;
  readonly apogeeKm: number;
  readonly groundRangeKm: number;
  /** Impact point and its miss distance from the aim point, m. */
  readonly impactLatDeg: number;
  readonly impactLonDeg: number;
  readonly missDistanceM: number;
}

export interface SensorTimelineResult {
  readonly sensorId: string;
  readonly threatId: string;
  /** Visibility intervals (line of sight, range, field of regard), s. */
  readonly intervals: ReadonlyArray<{ readonly startS: number; readonly endS: number }>;
  readonly firstDetectionS: number | null;
  readonly trackS: number | null;
  readonly fireControlS: number | null;
  readonly reason: string | null;
}

/** One analysis of the scenario: the baseline, or a variant with its changes applied. */
export interface AnalysisResult {
  /** 'baseline' or the variant's id. */
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  /** The parameters this variant changes (empty for the baseline). */
  readonly changes: ReadonlyArray<{ readonly path: string; readonly value: unknown }>;
  readonly threats: readonly ThreatResult[];
  readonly sensors: readonly SensorTimelineResult[];
  readonly engagements: readonly Engagement[];
  readonly claims: readonly ClaimResult[];
  readonly flyoutErrors: ReadonlyArray<{
    readonly siteId: string;
    readonly maxTimeErrorS: number | null;
    readonly rmsTimeErrorS: number | null;
  }>;
}

/** A place of the scenario, with the roles it plays. */
export interface SiteResult {
  readonly id: string;
  readonly name: string;
  readonly latDeg: number;
  readonly lonDeg: number;
  readonly altitudeM: number;
  readonly roles: ReadonlyArray<'launch' | 'target' | 'sensor' | 'interceptor'>;
}

export interface SensorResult {
  readonly id: string;
  readonly name: string;
  readonly type: 'radar' | 'space-infrared';
  /** Radars only (null for space sensors). */
  readonly latDeg: number | null;
  readonly lonDeg: number | null;
  readonly fireControl: boolean;
  /** Radars only: detection footprint against the scenario's smallest threat RCS at 300 km altitude. */
  readonly coverage: RadarCoverageFeature | null;
}

export interface InterceptorSiteResult {
  readonly id: string;
  readonly name: string;
  readonly latDeg: number;
  readonly lonDeg: number;
  readonly interceptorId: string;
  readonly interceptorName: string;
  readonly burnoutSpeedMps: number;
  readonly inventory: number;
}

/** A parameter used, with where it comes from: the assumption ledger's line. */
export interface LedgerEntry {
  /** Scenario path (`interceptors.gbi-2stage-mda.burnoutSpeedMps`) or catalog path (`catalog.missiles.ss-19`). */
  readonly path: string;
  readonly value: string;
  readonly sources: readonly string[];
  readonly notes: string | null;
}

export interface AssumptionLedger {
  readonly fidelity: string;
  /** Earth shape, rotation, gravity, atmosphere, drag (as `openbmd engage --json` gives them). */
  readonly models: ReturnType<typeof describeEarthModel>;
  readonly integrator: {
    readonly method: string;
    readonly relativeTolerance: number;
    /** Absolute tolerance on the state (m for positions, m/s for velocities). */
    readonly absoluteTolerance: number;
    /** What else is numerical: flyout fans, root finding, sensitivity grids. */
    readonly notes: readonly string[];
  };
  /** Every delay the answer depends on (sensor track initiation, commit-to-launch, kill assessment). */
  readonly delays: ReadonlyArray<{ readonly path: string; readonly valueS: number }>;
  readonly parameters: readonly LedgerEntry[];
}

export interface RunResult {
  readonly resultFormat: typeof RESULT_FORMAT_VERSION;
  readonly provenance: {
    /** The OpenBMD version that computed it. */
    readonly openbmdVersion: string;
    readonly scenarioName: string;
    readonly scenarioFile: string;
    /** SHA-256 of the scenario file's bytes, hex. */
    readonly scenarioSha256: string;
    /** The scenario format version the file was written in, and the one it was read as. */
    readonly scenarioFormat: { readonly written: number; readonly current: number };
    /** ISO 8601 UTC epoch of the scenario (times are seconds from it). */
    readonly epoch: string;
  };
  readonly description: string | null;
  readonly notional: true;
  readonly ledger: AssumptionLedger;
  /** Every source cited by the scenario and the catalog entries it uses, deduplicated. */
  readonly sources: readonly string[];
  readonly sites: readonly SiteResult[];
  readonly sensors: readonly SensorResult[];
  readonly interceptorSites: readonly InterceptorSiteResult[];
  /** Baseline tracks, one per threat, in the order of the scenario's threats. */
  readonly tracks: ReadonlyArray<{
    readonly threatId: string;
    readonly points: readonly TrackPoint[];
  }>;
  readonly baseline: AnalysisResult;
  readonly variants: readonly AnalysisResult[];
  /**
   * Defence effectiveness and the strategic balance (docs/models.md), per analysis and interceptor
   * site; null when the scenario has no `assessment`.
   */
  readonly assessment: AssessmentResult | null;
}
