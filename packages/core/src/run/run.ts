/**
 * `openbmd run`: the whole pipeline for a scenario document (fly, sense, engage, answer claims)
 * on the baseline and on each variant, gathered into one RunResult (run/result.ts) with the
 * sampled tracks, the sites and sensor coverage for maps, the assumption ledger and every source.
 *
 * Pure: no I/O, no clocks. The caller reads the file, hashes it and writes the outputs.
 * Variants share the flyout fans and the threats' flights that they do not change.
 */
import type { AimResult } from '../aim/aim.js';
import {
  getCatalogInterceptor,
  getCatalogMissile,
  getCatalogRadar,
  getCatalogSite,
  getCatalogSpaceSensor,
} from '../catalog/catalog.js';
import { ecefToGeodetic, eciToEcef } from '../earth/frames.js';
import { inverseGeodesic } from '../earth/geodesic.js';
import { describeEarthModel, type EarthModel } from '../earth/model.js';
import {
  aimThreat,
  createFanCache,
  type EngageResult,
  engageScenario,
  type FanCache,
} from '../engage/engagement.js';
import { OpenBmdError } from '../errors.js';
import { defaultFlightSettings } from '../flight/ballistic.js';
import { phaseAt, stateAt, type Trajectory } from '../flight/trajectory.js';
import { completeSensor, resolveScenario } from '../scenario/resolve.js';
import type { ScenarioDocument } from '../scenario/schema.js';
import type { ResolvedScenario, ResolvedThreat } from '../scenario/types.js';
import { ID_LISTS, variantDocument } from '../scenario/variants.js';
import { radarCoveragePolygon } from '../sensors/coverage.js';
import { assessRun } from './assessment.js';
import {
  type AnalysisResult,
  type AssumptionLedger,
  type LedgerEntry,
  RESULT_FORMAT_VERSION,
  type RunResult,
  type SensorResult,
  type SiteResult,
  type ThreatResult,
  type TrackPoint,
} from './result.js';

const RAD_TO_DEG = 180 / Math.PI;
/** Altitude at which radar coverage is drawn on maps, m (a midcourse altitude). */
export const COVERAGE_ALTITUDE_M = 300_000;

export interface RunInput {
  /** The scenario document, checked (parseScenario). */
  readonly document: ScenarioDocument;
  /** File name or label, for messages and provenance. */
  readonly source: string;
  readonly openbmdVersion: string;
  /** SHA-256 of the file's bytes, hex (computed by the caller: hashing is I/O-side). */
  readonly scenarioSha256: string;
  /** The format version the file was written in (older ones were migrated). */
  readonly writtenFormat: number;
  readonly currentFormat: number;
}

export interface RunOptions {
  /** Progress over the whole run: baseline and variants. */
  readonly onProgress?: (done: number, total: number, label: string) => void;
}

/** Key of what a threat's flight depends on (variants that do not change it share it). */
const flightKey = (model: EarthModel, t: ResolvedThreat): string =>
  JSON.stringify([
    model,
    t.missile,
    t.fromLatRad,
    t.fromLonRad,
    t.toLatRad,
    t.toLonRad,
    t.shape,
    t.launchTimeS,
    t.payloadKg ?? null,
  ]);

/** Aims a threat; a failure names the threat (and keeps its code: E_OUT_OF_REACH, ...). */
const aimNamed = (model: EarthModel, t: ResolvedThreat): AimResult => {
  try {
    return aimThreat(model, t);
  } catch (e) {
    if (!(e instanceof OpenBmdError)) throw e;
    throw new OpenBmdError(e.code, `threat '${t.id}': ${e.message}`, `threats.${t.id}`);
  }
};

/** Runs a scenario: the baseline and every variant. */
export const runScenario = (input: RunInput, options: RunOptions = {}): RunResult => {
  const doc = input.document;
  const baseline = resolveScenario(doc, input.source);
  const variantScenarios = doc.variants.map((v) => ({
    variant: v,
    scenario: resolveScenario(variantDocument(doc, v), `${input.source} (variant ${v.id})`),
  }));

  const analyses = 1 + variantScenarios.length;
  const perAnalysis =
    baseline.threats.length * (1 + baseline.interceptorSites.length) +
    baseline.interceptorSites.length;
  const report = options.onProgress ?? (() => {});
  const fanCaches = new Map<string, FanCache>();
  const flights = new Map<string, AimResult>();
  const run = (scenario: ResolvedScenario, k: number, label: string): EngageResult => {
    const modelKey = JSON.stringify(scenario.model);
    let cache = fanCaches.get(modelKey);
    if (cache === undefined) {
      cache = createFanCache(scenario.model);
      fanCaches.set(modelKey, cache);
    }
    return engageScenario(scenario, {
      sensitivity: doc.analysis.sensitivity,
      fanCache: cache,
      aim: (model, t) => {
        const key = flightKey(model, t);
        let a = flights.get(key);
        if (a === undefined) {
          a = aimNamed(model, t);
          flights.set(key, a);
        }
        return a;
      },
      onProgress: (done, _total, what) =>
        report(k * perAnalysis + done, analyses * perAnalysis, `${label}: ${what}`),
    });
  };

  const base = run(baseline, 0, 'baseline');
  const baseAnalysis = analysisOf(
    'baseline',
    doc.name,
    doc.description ?? null,
    [],
    baseline,
    base,
  );
  const variants = variantScenarios.map(({ variant, scenario }, i) =>
    analysisOf(
      variant.id,
      variant.name ?? variant.id,
      variant.description ?? null,
      Object.entries(variant.set).map(([path, value]) => ({ path, value })),
      scenario,
      run(scenario, i + 1, `variant ${variant.id}`),
    ),
  );

  const ledger = ledgerOf(doc, baseline);
  const interceptorSites = baseline.interceptorSites.map((s) => {
    const d = doc.interceptorSites.find((x) => x.id === s.id);
    return {
      id: s.id,
      name: d?.name ?? s.id,
      latDeg: s.latRad * RAD_TO_DEG,
      lonDeg: s.lonRad * RAD_TO_DEG,
      interceptorId: s.interceptor.id,
      interceptorName: s.interceptor.name,
      burnoutSpeedMps: s.interceptor.burnoutSpeedMps,
      inventory: s.inventory,
    };
  });
  return {
    resultFormat: RESULT_FORMAT_VERSION,
    provenance: {
      openbmdVersion: input.openbmdVersion,
      scenarioName: doc.name,
      scenarioFile: input.source,
      scenarioSha256: input.scenarioSha256,
      scenarioFormat: { written: input.writtenFormat, current: input.currentFormat },
      epoch: doc.epoch,
    },
    description: doc.description ?? null,
    notional: true,
    ledger,
    sources: sourcesOf(doc, ledger),
    sites: sitesOf(doc, baseline),
    sensors: sensorsOf(doc, baseline),
    interceptorSites,
    tracks: baseline.threats.map((t, i) => ({
      threatId: t.id,
      points: trackPoints(baseline, t, base, i, doc.analysis.trackSampleS),
    })),
    baseline: baseAnalysis,
    variants,
    assessment: assessRun(doc, [baseAnalysis, ...variants], interceptorSites),
  };
};

/** One analysis (baseline or variant) as the result gives it. */
const analysisOf = (
  id: string,
  name: string,
  description: string | null,
  changes: AnalysisResult['changes'],
  scenario: ResolvedScenario,
  r: EngageResult,
): AnalysisResult => ({
  id,
  name,
  description,
  changes,
  threats: scenario.threats.map((t, i): ThreatResult => {
    const s = r.threats[i]!;
    const a = r.aims[i]!;
    return {
      threatId: t.id,
      name: t.name,
      missileId: t.missile.id,
      missileName: t.missile.name,
      fromSiteId: t.fromPlaceId,
      toSiteId: t.toPlaceId,
      trajectoryType: a.trajectoryType,
      rvCount: t.rvCount,
      rcsM2: t.rcsM2,
      launchTimeS: s.launchTimeS,
      burnoutTimeS: s.burnoutTimeS,
      impactTimeS: s.impactTimeS,
      apogeeKm: s.apogeeKm,
      groundRangeKm: s.groundRangeKm,
      impactLatDeg: a.flight.free.impactLatRad * RAD_TO_DEG,
      impactLonDeg: a.flight.free.impactLonRad * RAD_TO_DEG,
      missDistanceM: a.missDistanceM,
    };
  }),
  sensors: r.timelines.flat().map((tl) => ({
    sensorId: tl.sensorId,
    threatId: tl.threatId,
    intervals: tl.intervals.map((v) => ({ startS: v.startS, endS: v.endS })),
    firstDetectionS: tl.firstDetectionS,
    trackS: tl.trackS,
    fireControlS: tl.fireControlS,
    reason: tl.reason,
  })),
  engagements: r.engagements,
  claims: r.claims,
  flyoutErrors: r.flyoutErrors,
});

/**
 * A threat's track: every `stepS` from launch to impact, plus its events and the ends of every
 * site's intercept window (so that the colour changes exactly there).
 */
const trackPoints = (
  scenario: ResolvedScenario,
  t: ResolvedThreat,
  r: EngageResult,
  index: number,
  stepS: number,
): TrackPoint[] => {
  const traj: Trajectory = r.aims[index]!.flight.trajectory!;
  const model = scenario.model;
  const windows = r.engagements
    .filter((e) => e.threatId === t.id && e.window !== null)
    .map((e) => ({ siteId: e.siteId, ...e.window! }));
  const times = new Set<number>();
  const n = Math.max(1, Math.ceil((traj.endS - traj.startS) / stepS));
  for (let i = 0; i <= n; i++) times.add(Math.min(traj.endS, traj.startS + i * stepS));
  for (const e of traj.events) times.add(e.timeS);
  for (const w of windows) {
    times.add(w.firstInterceptS);
    times.add(w.lastInterceptS);
  }
  const state = new Float64Array(6);
  const r3 = new Float64Array(3);
  const v3 = new Float64Array(3);
  const g = new Float64Array(3);
  return [...times]
    .filter((x) => x >= traj.startS && x <= traj.endS)
    .sort((a, b) => a - b)
    .map((timeS) => {
      stateAt(traj, timeS, state);
      eciToEcef(state, state.subarray(3), timeS, model, r3, v3);
      ecefToGeodetic(r3[0]!, r3[1]!, r3[2]!, model, g);
      const groundRangeM = inverseGeodesic(
        t.fromLatRad,
        t.fromLonRad,
        g[0]!,
        g[1]!,
        model,
      ).distanceM;
      return {
        timeS,
        latDeg: g[0]! * RAD_TO_DEG,
        lonDeg: g[1]! * RAD_TO_DEG,
        altitudeKm: Math.max(0, g[2]!) / 1000,
        groundRangeKm: groundRangeM / 1000,
        speedMps: Math.hypot(v3[0]!, v3[1]!, v3[2]!),
        phase: phaseAt(traj, timeS) ?? 'midcourse',
        engageableBy: windows
          .filter((w) => timeS >= w.firstInterceptS - 1e-9 && timeS <= w.lastInterceptS + 1e-9)
          .map((w) => w.siteId),
      };
    });
};

/** The scenario's places with the roles they play. */
const sitesOf = (doc: ScenarioDocument, scenario: ResolvedScenario): SiteResult[] => {
  const roles = new Map<string, Set<SiteResult['roles'][number]>>();
  const add = (id: string, role: SiteResult['roles'][number]) => {
    const set = roles.get(id) ?? new Set();
    set.add(role);
    roles.set(id, set);
  };
  for (const t of scenario.threats) {
    add(t.fromPlaceId, 'launch');
    add(t.toPlaceId, 'target');
  }
  for (const s of doc.sensors) {
    if (s.type === 'radar') add(typeof s.site === 'string' ? s.site : `${s.id}-site`, 'sensor');
  }
  for (const s of doc.interceptorSites) {
    add(typeof s.site === 'string' ? s.site : `${s.id}-site`, 'interceptor');
  }
  return scenario.places.map((p) => ({
    id: p.id,
    name: p.name,
    latDeg: p.latRad * RAD_TO_DEG,
    lonDeg: p.lonRad * RAD_TO_DEG,
    altitudeM: p.altitudeM,
    roles: [...(roles.get(p.id) ?? [])],
  }));
};

const sensorsOf = (doc: ScenarioDocument, scenario: ResolvedScenario): SensorResult[] => {
  const rcsM2 = Math.min(...scenario.threats.map((t) => t.rcsM2));
  return scenario.sensors.map((s) => {
    const d = doc.sensors.find((x) => x.id === s.id);
    const name = d === undefined ? s.id : completeSensor(d).name;
    if (s.kind === 'space-infrared') {
      return {
        id: s.id,
        name,
        type: 'space-infrared',
        latDeg: null,
        lonDeg: null,
        fireControl: false,
        coverage: null,
      };
    }
    let coverage: SensorResult['coverage'] = null;
    try {
      coverage = radarCoveragePolygon(s, scenario.model, COVERAGE_ALTITUDE_M, rcsM2);
    } catch (e) {
      // A footprint around a pole cannot be drawn as one polygon: the map goes without it.
      if (!(e instanceof OpenBmdError)) throw e;
    }
    return {
      id: s.id,
      name,
      type: 'radar',
      latDeg: s.latRad * RAD_TO_DEG,
      lonDeg: s.lonRad * RAD_TO_DEG,
      fireControl: s.fireControl,
      coverage,
    };
  });
};

/** Scalar fields of a scenario item, as `key value` pairs (what the ledger shows as its value). */
const ledgerValue = (item: Record<string, unknown>): string =>
  Object.entries(item)
    .filter(([k]) => !['id', 'name', 'sources', 'notes', 'text'].includes(k))
    .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');

const ledgerOf = (doc: ScenarioDocument, scenario: ResolvedScenario): AssumptionLedger => {
  const parameters: LedgerEntry[] = [];
  for (const list of ID_LISTS) {
    for (const item of doc[list] as ReadonlyArray<Record<string, unknown> & { id: string }>) {
      const isMissile = list === 'missiles';
      parameters.push({
        path: `${list}.${item.id}`,
        value: isMissile ? `inline missile '${String(item['name'])}'` : ledgerValue(item),
        sources: (item['sources'] as readonly string[] | undefined) ?? [],
        notes: (item['notes'] as string | undefined) ?? null,
      });
    }
  }
  const inline = new Set(doc.missiles.map((m) => m.id));
  for (const id of new Set(scenario.threats.map((t) => t.missile.id))) {
    if (inline.has(id)) continue;
    const m = getCatalogMissile(id);
    parameters.push({
      path: `catalog.missiles.${id}`,
      value: `${m.name} (${m.class}, ${m.propellant}, ${m.stages.length} stage${m.stages.length > 1 ? 's' : ''}, payload ${m.payload.massKg} kg)`,
      sources: m.sources,
      notes: m.notes ?? null,
    });
  }
  const own = new Set(doc.interceptors.map((d) => d.id));
  const interceptorIds = new Set<string>();
  for (const d of doc.interceptors) interceptorIds.add(d.base);
  for (const s of scenario.interceptorSites) {
    if (!own.has(s.interceptor.id)) interceptorIds.add(s.interceptor.id);
  }
  for (const id of interceptorIds) {
    const def = getCatalogInterceptor(id);
    parameters.push({
      path: `catalog.interceptors.${id}`,
      value: `${def.name} (burnout ${(def.burnoutSpeedMps / 1000).toFixed(2)} km/s, kill vehicle ${def.killVehicle.minAltitudeM / 1000}-${def.killVehicle.maxAltitudeM / 1000} km)`,
      sources: def.sources,
      notes: def.notes,
    });
  }
  const sensors = doc.sensors.map(completeSensor);
  for (const base of new Set(doc.sensors.map((s) => s.base))) {
    if (base === undefined) continue;
    const d = doc.sensors.find((s) => s.base === base)!;
    const entry = d.type === 'radar' ? getCatalogRadar(base) : getCatalogSpaceSensor(base);
    parameters.push({
      path: `catalog.${d.type === 'radar' ? 'radars' : 'space-sensors'}.${base}`,
      value: ledgerValue(entry),
      sources: entry.sources,
      notes: entry.notes,
    });
  }
  const ownSites = new Set(doc.sites.map((s) => s.id));
  for (const p of scenario.places) {
    if (!p.isSite || ownSites.has(p.id)) continue;
    const site = getCatalogSite(p.id);
    parameters.push({
      path: `catalog.sites.${p.id}`,
      value: `${site.name}: ${site.latDeg} deg, ${site.lonDeg} deg, ${site.altitudeM} m`,
      sources: site.sources,
      notes: site.notes,
    });
  }
  const delays: Array<{ path: string; valueS: number }> = [];
  for (const s of sensors) {
    if (s.type === 'radar') {
      delays.push({
        path: `sensors.${s.id}.trackInitiationDelayS`,
        valueS: s.trackInitiationDelayS,
      });
    } else {
      delays.push({ path: `sensors.${s.id}.detectionDelayS`, valueS: s.detectionDelayS });
      delays.push({ path: `sensors.${s.id}.trackDelayS`, valueS: s.trackDelayS });
    }
  }
  for (const s of doc.interceptorSites) {
    delays.push({ path: `interceptorSites.${s.id}.launchDelayS`, valueS: s.launchDelayS });
    delays.push({ path: `interceptorSites.${s.id}.killAssessmentS`, valueS: s.killAssessmentS });
  }
  return {
    fidelity: scenario.model.name,
    models: describeEarthModel(scenario.model),
    integrator: {
      method: defaultFlightSettings.method.toUpperCase(),
      relativeTolerance: defaultFlightSettings.rtol,
      absoluteTolerance: defaultFlightSettings.atol,
      notes: [
        'Threats: aimed to within 1 km of the target (root finding on thrust cut-off, loft and azimuth).',
        'Sensors: visibility edges by root finding on the dense output to 1e-3 s.',
        'Interceptors: flyout fans rasterised on (range, altitude, azimuth); the fan error is reported per site (flyoutErrors).',
        'Engagement windows: ends refined by bisection to 0.01 s; minimum burnout speed on a 100 m/s grid.',
      ],
    },
    delays,
    parameters,
  };
};

/** Every source the scenario and the catalog entries it uses cite, in order, once each. */
const sourcesOf = (doc: ScenarioDocument, ledger: AssumptionLedger): string[] => {
  const out = new Set<string>(doc.sources ?? []);
  for (const e of ledger.parameters) for (const s of e.sources) out.add(s);
  for (const c of doc.claims) for (const s of c.sources ?? []) out.add(s);
  for (const v of doc.variants) for (const s of v.sources ?? []) out.add(s);
  return [...out];
};
