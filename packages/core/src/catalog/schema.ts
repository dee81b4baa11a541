/**
 * The catalog's file formats (docs/catalog.md), one per kind of entry, each a strict zod schema
 * with a format-version key. Missiles use the missile format itself (`openbmd-missile: 1`,
 * flight/missile.ts); the other kinds are defined here, in the units people write (km, deg, s):
 *
 * - `openbmd-interceptor: 1`: the parametric interceptor of engage/interceptor.ts (a burnout speed,
 *   a burn time, a stage count and a kill vehicle whose altitude band is given in km);
 * - `openbmd-radar: 1`: the fields of a scenario radar (scenario/schema.ts, taken from its schema so
 *   the two stay in step) without `type` and `site`, plus `siteId`, the catalog site where it
 *   stands (null for a transportable one);
 * - `openbmd-space-sensor: 1`: the fields of a scenario space-infrared sensor, without `type`;
 * - `openbmd-site: 1`: a named place with its kind and country.
 *
 * Unlike scenario items, every entry needs a name, at least one source and notes.
 */
import * as z from 'zod';
import { ID_PATTERN, radarSchema, siteSchema, spaceInfraredSchema } from '../scenario/schema.js';

/** The format version of every catalog file kind this code reads. */
export const CATALOG_FORMAT_VERSION = 1;

/** The kinds of catalog entry, each in its own folder of catalog/. */
export const catalogKinds = ['missile', 'interceptor', 'radar', 'space-sensor', 'site'] as const;
export type CatalogKind = (typeof catalogKinds)[number];

/** The folder of catalog/ that holds each kind. */
export const catalogFolders: Readonly<Record<CatalogKind, string>> = {
  missile: 'missiles',
  interceptor: 'interceptors',
  radar: 'radars',
  'space-sensor': 'space-sensors',
  site: 'sites',
};

/** The format-version key each kind's files start with. */
export const catalogVersionKeys: Readonly<Record<CatalogKind, string>> = {
  missile: 'openbmd-missile',
  interceptor: 'openbmd-interceptor',
  radar: 'openbmd-radar',
  'space-sensor': 'openbmd-space-sensor',
  site: 'openbmd-site',
};

const id = () => z.string().regex(ID_PATTERN);
const name = () => z.string().min(1);
const sources = () => z.array(z.string().min(1)).min(1).readonly();
const notes = () => z.string().min(1);
const version = () => z.literal(CATALOG_FORMAT_VERSION);

/** The kill vehicle of a catalog interceptor, in file units (km). */
export const catalogKillVehicleSchema = z
  .strictObject({
    minAltitudeKm: z.number().nonnegative(),
    maxAltitudeKm: z.number().positive().max(40_000),
    divertMps: z.number().nonnegative(),
    massKg: z.number().positive(),
  })
  .superRefine((k, ctx) => {
    if (typeof k.minAltitudeKm === 'number' && typeof k.maxAltitudeKm === 'number') {
      if (!(k.minAltitudeKm < k.maxAltitudeKm)) {
        ctx.addIssue({
          code: 'custom',
          path: ['maxAltitudeKm'],
          message: `the kill vehicle's ceiling (${k.maxAltitudeKm} km) must be above its floor (${k.minAltitudeKm} km)`,
        });
      }
    }
  })
  .readonly();

/** `openbmd-interceptor: 1`: an interceptor in the parametric form. */
export const catalogInterceptorObject = z.strictObject({
  'openbmd-interceptor': version(),
  id: id(),
  name: name(),
  /** Burnout speed on the reference flyout (docs/models/interceptors.md), m/s. */
  burnoutSpeedMps: z.number().min(1000).max(11_000),
  /** Total burn time, shared equally by the template's stages, s. */
  burnTimeS: z.number().positive().max(600),
  stageCount: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  killVehicle: catalogKillVehicleSchema,
  sources: sources(),
  notes: notes(),
});
export const catalogInterceptorSchema = catalogInterceptorObject.readonly();

const radarShape = radarSchema.unwrap().shape;

/** `openbmd-radar: 1`: a ground radar, the scenario radar's fields (file units) and its site. */
export const catalogRadarObject = z.strictObject({
  'openbmd-radar': version(),
  id: id(),
  name: name(),
  /** The catalog site where the radar stands; null for a transportable radar. */
  siteId: id().nullable(),
  faces: radarShape.faces,
  minElevationDeg: radarShape.minElevationDeg,
  maxRangeKm: radarShape.maxRangeKm,
  detectionRangeKm: radarShape.detectionRangeKm,
  referenceRcsM2: radarShape.referenceRcsM2,
  trackInitiationDelayS: radarShape.trackInitiationDelayS,
  fireControl: radarShape.fireControl,
  sources: sources(),
  notes: notes(),
});
export const catalogRadarSchema = catalogRadarObject.readonly();

const spaceShape = spaceInfraredSchema.unwrap().shape;

/** `openbmd-space-sensor: 1`: space-based infrared early warning. */
export const catalogSpaceSensorObject = z.strictObject({
  'openbmd-space-sensor': version(),
  id: id(),
  name: name(),
  detectionDelayS: spaceShape.detectionDelayS,
  trackDelayS: spaceShape.trackDelayS,
  sources: sources(),
  notes: notes(),
});
export const catalogSpaceSensorSchema = catalogSpaceSensorObject.readonly();

/** What a catalog site is. */
export const siteKinds = ['launch', 'target', 'interceptor', 'sensor', 'city'] as const;
export type SiteKind = (typeof siteKinds)[number];

const siteShape = siteSchema.unwrap().shape;

/** `openbmd-site: 1`: a named place. */
export const catalogSiteObject = z.strictObject({
  'openbmd-site': version(),
  id: id(),
  name: name(),
  latDeg: siteShape.latDeg,
  lonDeg: siteShape.lonDeg,
  altitudeM: siteShape.altitudeM,
  kind: z.enum(siteKinds),
  country: z.string().min(1),
  sources: sources(),
  notes: notes(),
});
export const catalogSiteSchema = catalogSiteObject.readonly();

/** A catalog interceptor as parsed (file units). */
export type CatalogInterceptor = z.output<typeof catalogInterceptorSchema>;
/** A catalog radar as parsed (file units: km, deg, s), with the id of its site. */
export type CatalogRadar = z.output<typeof catalogRadarSchema>;
export type CatalogSpaceSensor = z.output<typeof catalogSpaceSensorSchema>;
export type CatalogSite = z.output<typeof catalogSiteSchema>;
