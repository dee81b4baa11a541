/**
 * From a validated scenario document (file units: degrees, kilometres) to a ResolvedScenario (SI
 * units and radians): site references to coordinates, built-in missiles and interceptors looked
 * up, interceptor overrides built by the parametric model, sensors to the Sensor objects of
 * sensors/types.ts, commit rules to CommitRule, and the Earth model from the preset and overrides.
 *
 * Pure: no I/O. parseScenario has checked every reference, so an unknown id here means a
 * hand-built document; it fails, like every other resolution failure (a variant speed the template
 * cannot reach), with E_SCENARIO_INVALID naming the item and keeping the original code.
 */

import type * as z from 'zod';
import type { TrajectoryShape } from '../aim/aim.js';
import {
  findCatalogEntry,
  getCatalogInterceptor,
  getCatalogMissile,
  getCatalogRadar,
  getCatalogSpaceSensor,
} from '../catalog/catalog.js';
import {
  EARTH_ROTATION_RADPS,
  ROUND_EARTH_RADIUS_M,
  WGS84_A_M,
  WGS84_F,
} from '../earth/constants.js';
import { customEarthModel, type EarthModel, earthPreset } from '../earth/model.js';
import { parametricInterceptor } from '../engage/interceptor.js';
import type { InterceptorDefinition, InterceptorSite } from '../engage/types.js';
import { errorCodes, OpenBmdError } from '../errors.js';
import {
  MISSILE_FORMAT_VERSION,
  type MissileDefinition,
  missileDefinitionSchema,
} from '../flight/missile.js';
import type { GroundRadar, RadarFace, Sensor } from '../sensors/types.js';
import {
  radarSchema,
  type ScenarioDocument,
  type ScenarioInterceptor,
  type ScenarioPlace,
  type ScenarioSensor,
  type ScenarioTrajectory,
  spaceInfraredSchema,
} from './schema.js';
import type { ResolvedClaim, ResolvedPlace, ResolvedScenario, ResolvedThreat } from './types.js';

const DEG_TO_RAD = Math.PI / 180;
const M_PER_KM = 1000;

/** The scenario's Earth model: its fidelity preset with its per-model overrides applied. */
export const scenarioEarthModel = (
  doc: Pick<ScenarioDocument, 'fidelity' | 'models'>,
): EarthModel => {
  const preset = earthPreset(doc.fidelity);
  const o = doc.models;
  if (o === undefined) return preset;
  const changes: { -readonly [K in keyof EarthModel]?: EarthModel[K] } = {};
  if (o.earth === 'sphere') {
    changes.shape = 'sphere';
    changes.flattening = 0;
    if (preset.shape !== 'sphere') changes.radiusM = ROUND_EARTH_RADIUS_M;
  } else if (o.earth === 'wgs84') {
    changes.shape = 'wgs84';
    changes.radiusM = WGS84_A_M;
    changes.flattening = WGS84_F;
  }
  if (o.rotation !== undefined) changes.rotationRadps = o.rotation ? EARTH_ROTATION_RADPS : 0;
  if (o.gravity !== undefined) changes.gravity = o.gravity;
  if (o.atmosphere !== undefined) changes.atmosphere = o.atmosphere;
  // Like the CLI: naming an atmosphere turns drag on with it, unless drag is given.
  if (o.drag !== undefined) changes.drag = o.drag;
  else if (o.atmosphere !== undefined) changes.drag = o.atmosphere !== 'none';
  return Object.keys(changes).length === 0 ? preset : customEarthModel(preset, changes);
};

interface Position {
  readonly latRad: number;
  readonly lonRad: number;
  readonly altitudeM: number;
}

/**
 * Resolves a validated scenario document (from parseScenario) for the pipeline. `source` is the
 * file name or a label, for messages.
 */
export const resolveScenario = (doc: ScenarioDocument, source: string): ResolvedScenario => {
  try {
    return resolveDocument(doc, source);
  } catch (e) {
    if (!(e instanceof OpenBmdError)) throw e;
    const message = e.code === errorCodes.scenarioInvalid ? e.message : `${e.message} [${e.code}]`;
    throw new OpenBmdError(
      errorCodes.scenarioInvalid,
      `cannot resolve the scenario: ${message}`,
      source,
    );
  }
};

const resolveDocument = (doc: ScenarioDocument, source: string): ResolvedScenario => {
  const model = scenarioEarthModel(doc);
  const sites = new Map(doc.sites.map((s) => [s.id, s]));

  const places = new Map<string, ResolvedPlace>();
  /** A place's position; `inlineId` names an inline point in `places`. */
  const place = (p: ScenarioPlace, path: string, inlineId?: string): Position & { id: string } => {
    const point = typeof p === 'string' ? (sites.get(p) ?? findCatalogEntry('site', p)?.value) : p;
    if (point === undefined) {
      throw new OpenBmdError(errorCodes.scenarioInvalid, `unknown site '${String(p)}'`, path);
    }
    const id = typeof p === 'string' ? p : (inlineId ?? path);
    const at = {
      id,
      latRad: point.latDeg * DEG_TO_RAD,
      lonRad: point.lonDeg * DEG_TO_RAD,
      altitudeM: point.altitudeM,
    };
    if (!places.has(id)) {
      const name = 'name' in point && typeof point.name === 'string' ? point.name : undefined;
      places.set(id, { ...at, name: name ?? id, isSite: typeof p === 'string' });
    }
    return at;
  };
  const inlineMissiles = new Map(doc.missiles.map((m, i) => [m.id, { m, path: `missiles[${i}]` }]));
  const missileFor = (missileId: string, path: string): MissileDefinition => {
    const inline = inlineMissiles.get(missileId);
    if (inline === undefined) return lookup(() => getCatalogMissile(missileId), path);
    return lookup(
      () =>
        missileDefinitionSchema.parse({
          ...inline.m,
          'openbmd-missile': MISSILE_FORMAT_VERSION,
        }),
      inline.path,
    );
  };

  const sensors = doc.sensors.map((s, i) =>
    resolveSensor(s, (p, path) => place(p, path, `${s.id}-site`), `sensors[${i}]`),
  );

  // Variants are built on first use (the parametric model calibrates each one).
  const variants = new Map(
    doc.interceptors.map((d, i) => [d.id, { d, path: `interceptors[${i}]` }]),
  );
  const built = new Map<string, InterceptorDefinition>();
  const interceptorFor = (interceptorId: string, path: string): InterceptorDefinition => {
    const cached = built.get(interceptorId);
    if (cached !== undefined) return cached;
    const variant = variants.get(interceptorId);
    const def =
      variant === undefined
        ? lookup(() => getCatalogInterceptor(interceptorId), path)
        : resolveInterceptor(variant.d, model, variant.path);
    built.set(interceptorId, def);
    return def;
  };
  const interceptorSites: InterceptorSite[] = doc.interceptorSites.map((s, i) => {
    const path = `interceptorSites[${i}]`;
    const at = place(s.site, `${path}.site`, `${s.id}-site`);
    const interceptor = interceptorFor(s.interceptor, `${path}.interceptor`);
    return {
      id: s.id,
      latRad: at.latRad,
      lonRad: at.lonRad,
      interceptor,
      inventory: s.inventory,
      launchDelayS: s.launchDelayS,
      commit: {
        requiredSensorIds: [...s.commit.requires],
        requireFireControl: s.commit.fireControl,
      },
      killAssessmentS: s.killAssessmentS,
    };
  });

  const threats: ResolvedThreat[] = doc.threats.map((t, i) => {
    const path = `threats[${i}]`;
    const from = place(t.from, `${path}.from`, `${t.id}-from`);
    const to = place(t.to, `${path}.to`, `${t.id}-to`);
    return {
      id: t.id,
      name: t.name ?? t.id,
      fromPlaceId: from.id,
      toPlaceId: to.id,
      rvCount: t.rvCount,
      missile: missileFor(t.missile, `${path}.missile`),
      fromLatRad: from.latRad,
      fromLonRad: from.lonRad,
      toLatRad: to.latRad,
      toLonRad: to.lonRad,
      shape: trajectoryShape(t.trajectory),
      launchTimeS: t.launchTimeS,
      rcsM2: t.rcsM2,
      ...(t.payloadKg === undefined ? {} : { payloadKg: t.payloadKg }),
    };
  });

  const claims: ResolvedClaim[] = doc.claims.map((c) => {
    const site = doc.interceptorSites.find((s) => s.id === c.site);
    const [speedPath, delayPath] = [
      `interceptors.${site?.interceptor ?? ''}.burnoutSpeedMps`,
      `interceptorSites.${c.site}.launchDelayS`,
    ];
    const parameterPath = c.decidingParameter ?? speedPath;
    if (parameterPath !== speedPath && parameterPath !== delayPath) {
      throw new OpenBmdError(
        errorCodes.scenarioInvalid,
        `claim '${c.id}': the deciding parameter must be '${speedPath}' or '${delayPath}', got '${parameterPath}'`,
        'claims',
      );
    }
    return {
      id: c.id,
      text: c.text,
      siteId: c.site,
      threatId: c.threat,
      decidingParameter: parameterPath === delayPath ? 'commit-delay' : 'burnout-speed',
      parameterPath,
    };
  });

  return {
    name: doc.name,
    source,
    model,
    epoch: doc.epoch,
    places: [...places.values()],
    sensors,
    interceptorSites,
    threats,
    claims,
  };
};

/** The aiming shape of a threat's trajectory (km to m). */
export const trajectoryShape = (t: ScenarioTrajectory): TrajectoryShape => {
  if (t === 'minimum-energy') return { kind: 'minimum-energy' };
  if ('apogeeKm' in t) return { kind: 'apogee', apogeeM: t.apogeeKm * M_PER_KM };
  return { kind: 'flight-time', flightTimeS: t.flightTimeS };
};

/** A scenario sensor written out in full (a catalog base merged under its overrides). */
export type CompleteSensor =
  | (z.output<typeof radarSchema> & { readonly name: string; readonly sources: readonly string[] })
  | (z.output<typeof spaceInfraredSchema> & {
      readonly name: string;
      readonly sources: readonly string[];
    });

/** Fields the scenario gives (undefined ones left out, so they do not hide the base's). */
const given = (o: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== 'base'));

/**
 * A scenario sensor with its catalog base (if any) merged under its own fields and the defaults
 * filled in; sources and notes of both are kept. Throws E_CATALOG_UNKNOWN for an unknown base.
 */
export const completeSensor = (s: ScenarioSensor): CompleteSensor => {
  if (s.type === 'space-infrared') {
    const base = s.base === undefined ? undefined : getCatalogSpaceSensor(s.base);
    const merged = spaceInfraredSchema.parse({
      ...(base === undefined ? {} : given({ ...base, 'openbmd-space-sensor': undefined })),
      ...given(s),
      sources: [...(s.sources ?? []), ...(base?.sources ?? [])],
      notes: [s.notes, base?.notes].filter((x) => x !== undefined).join(' ') || undefined,
    });
    return { ...merged, name: s.name ?? base?.name ?? s.id, sources: merged.sources ?? [] };
  }
  const base = s.base === undefined ? undefined : getCatalogRadar(s.base);
  const merged = radarSchema.parse({
    ...(base === undefined
      ? {}
      : given({
          ...base,
          'openbmd-radar': undefined,
          siteId: undefined,
          site: base.siteId ?? undefined,
        })),
    type: 'radar',
    ...given(s),
    sources: [...(s.sources ?? []), ...(base?.sources ?? [])],
    notes: [s.notes, base?.notes].filter((x) => x !== undefined).join(' ') || undefined,
  });
  return { ...merged, name: s.name ?? base?.name ?? s.id, sources: merged.sources ?? [] };
};

const resolveSensor = (
  sensor: ScenarioSensor,
  place: (p: ScenarioPlace, path: string) => Position,
  path: string,
): Sensor => {
  const s = lookup(() => completeSensor(sensor), `${path}.base`);
  if (s.type === 'space-infrared') {
    return {
      kind: 'space-infrared',
      id: s.id,
      detectionDelayS: s.detectionDelayS,
      trackDelayS: s.trackDelayS,
    };
  }
  const at = place(s.site, `${path}.site`);
  const faces: RadarFace[] = s.faces.map((f) => ({
    boresightAzimuthRad: f.boresightAzimuthDeg * DEG_TO_RAD,
    azimuthHalfWidthRad: f.azimuthHalfWidthDeg * DEG_TO_RAD,
    minElevationRad: f.minElevationDeg * DEG_TO_RAD,
    maxElevationRad: f.maxElevationDeg * DEG_TO_RAD,
  }));
  const radar: GroundRadar = {
    kind: 'radar',
    id: s.id,
    latRad: at.latRad,
    lonRad: at.lonRad,
    altitudeM: at.altitudeM,
    faces,
    minElevationRad: s.minElevationDeg * DEG_TO_RAD,
    maxRangeM: s.maxRangeKm * M_PER_KM,
    detectionRangeM: s.detectionRangeKm * M_PER_KM,
    referenceRcsM2: s.referenceRcsM2,
    trackInitiationDelayS: s.trackInitiationDelayS,
    fireControl: s.fireControl,
  };
  return radar;
};

/**
 * A variant of a catalog interceptor: the parametric model at the catalog entry's burn time and
 * stage count, with the given changes (burnout speed, burn time, stage count, kill vehicle).
 */
const resolveInterceptor = (
  d: ScenarioInterceptor,
  model: EarthModel,
  path: string,
): InterceptorDefinition => {
  const base = lookup(() => getCatalogInterceptor(d.base), `${path}.base`);
  const kv = d.killVehicle;
  return lookup(
    () =>
      parametricInterceptor(
        {
          id: d.id,
          name: d.name ?? `${base.name}, variant ${d.id}`,
          burnoutSpeedMps: d.burnoutSpeedMps ?? base.burnoutSpeedMps,
          burnTimeS: d.burnTimeS ?? base.vehicle.stages.reduce((t, s) => t + s.burnTimeS, 0),
          stageCount: d.stageCount ?? stageCountOf(base),
          killVehicle: {
            minAltitudeM:
              kv?.minAltitudeKm === undefined
                ? base.killVehicle.minAltitudeM
                : kv.minAltitudeKm * M_PER_KM,
            maxAltitudeM:
              kv?.maxAltitudeKm === undefined
                ? base.killVehicle.maxAltitudeM
                : kv.maxAltitudeKm * M_PER_KM,
            divertMps: kv?.divertMps ?? base.killVehicle.divertMps,
            massKg: kv?.massKg ?? base.killVehicle.massKg,
          },
          sources: [...(d.sources ?? []), ...base.sources],
          notes: [d.notes, `Variant of the built-in '${base.id}'.`, base.notes]
            .filter((x) => x !== undefined && x !== '')
            .join(' '),
        },
        model,
      ),
    path,
  );
};

/** The stage count of a parametric interceptor's template (1, 2 or 3). */
const stageCountOf = (d: InterceptorDefinition): 1 | 2 | 3 => {
  const n = d.vehicle.stages.length;
  return n <= 1 ? 1 : n === 2 ? 2 : 3;
};

/**
 * Runs a step of resolution; a core error becomes E_SCENARIO_INVALID naming the scenario path
 * (and keeping the original code in its message).
 */
const lookup = <T>(f: () => T, path: string): T => {
  try {
    return f();
  } catch (e) {
    if (e instanceof OpenBmdError && e.code !== errorCodes.scenarioInvalid) {
      throw new OpenBmdError(errorCodes.scenarioInvalid, `${e.message} [${e.code}]`, path);
    }
    throw e;
  }
};
