/**
 * The scenario file format (`openbmd: 1`): named sites, sensors, interceptors, interceptor sites
 * and threats, in the units people write (degrees, kilometres, seconds). Defined once, here, with
 * zod; the parser (parse.ts) adds positions and cross-reference checks, the resolver (resolve.ts)
 * turns a document into a ResolvedScenario in SI units and radians. Unknown fields are errors.
 *
 * Documented field by field, with units and defaults, in docs/scenario.md.
 */
import * as z from 'zod';
import { fidelityPresetNames } from '../earth/model.js';
import { missileObject } from '../flight/missile.js';

/**
 * The format version this code reads (the value of the `openbmd` field). Older versions are
 * upgraded by scenario/migrate.ts before they are checked.
 */
export const SCENARIO_FORMAT_VERSION = 2;

/** Ids: lowercase letters and digits in words joined by single hyphens (`brdy-xbr`). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const id = () => z.string().regex(ID_PATTERN);
/** A reference to an item defined elsewhere (checked by the parser, with did-you-mean). */
const ref = () => z.string().min(1);
const positive = () => z.number().positive();
const nonNegative = () => z.number().nonnegative();
const sources = () => z.array(z.string().min(1)).readonly().optional();
const notes = () => z.string().optional();

const latDeg = () => z.number().min(-90).max(90);
const lonDeg = () => z.number().min(-180).max(180);
/** Site altitude above the model's surface, m: from the Dead Sea shore to above Everest. */
const altitudeM = () => z.number().min(-500).max(10_000);

/** A named place: launch sites, targets, sensor and interceptor sites. */
export const siteSchema = z
  .strictObject({
    id: id(),
    name: z.string().min(1).optional(),
    latDeg: latDeg(),
    lonDeg: lonDeg(),
    altitudeM: altitudeM().default(0),
    sources: sources(),
    notes: notes(),
  })
  .readonly();

/** A place given in place of a site id. */
export const pointSchema = z
  .strictObject({ latDeg: latDeg(), lonDeg: lonDeg(), altitudeM: altitudeM().default(0) })
  .readonly();

/** A site id, or a point written out. */
export const placeSchema = z.union([ref(), pointSchema]);

/** One face of a ground radar: its field of regard about a boresight. */
export const radarFaceSchema = z
  .strictObject({
    boresightAzimuthDeg: z.number().min(-360).max(360),
    azimuthHalfWidthDeg: z.number().gt(0).max(180),
    minElevationDeg: z.number().min(-10).max(90).default(0),
    maxElevationDeg: z.number().min(-10).max(90).default(90),
  })
  .superRefine((f, ctx) => {
    const lo = f.minElevationDeg;
    const hi = f.maxElevationDeg;
    if (typeof lo === 'number' && typeof hi === 'number' && !(lo < hi)) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxElevationDeg'],
        message: `the face's maximum elevation (${hi} deg) must be above its minimum (${lo} deg)`,
      });
    }
  })
  .readonly();

/** All round, from the horizon to the zenith: the default field of regard. */
export const ALL_ROUND_FACE = {
  boresightAzimuthDeg: 0,
  azimuthHalfWidthDeg: 180,
  minElevationDeg: 0,
  maxElevationDeg: 90,
} as const;

export const radarSchema = z
  .strictObject({
    id: id(),
    type: z.literal('radar'),
    name: z.string().min(1).optional(),
    site: placeSchema,
    faces: z.array(radarFaceSchema).min(1).readonly().default([ALL_ROUND_FACE]),
    minElevationDeg: z.number().min(-10).lt(90).default(0),
    maxRangeKm: positive().max(100_000),
    detectionRangeKm: positive().max(100_000),
    referenceRcsM2: positive().default(1),
    trackInitiationDelayS: nonNegative().default(0),
    fireControl: z.boolean().default(false),
    sources: sources(),
    notes: notes(),
  })
  .readonly();

export const spaceInfraredSchema = z
  .strictObject({
    id: id(),
    type: z.literal('space-infrared'),
    name: z.string().min(1).optional(),
    detectionDelayS: nonNegative(),
    trackDelayS: nonNegative(),
    sources: sources(),
    notes: notes(),
  })
  .readonly();

/**
 * Copies an issue of the full schema that says a required field is missing (the optional fields
 * of a sensor written without a base are required after all).
 */
const requireWithoutBase =
  (full: z.ZodType) =>
  (item: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    if (item['base'] !== undefined) return;
    const checked = full.safeParse(item);
    if (checked.success) return;
    for (const issue of checked.error.issues) {
      if (
        issue.code === 'invalid_type' &&
        issue.path.length === 1 &&
        item[String(issue.path[0])] === undefined
      ) {
        ctx.addIssue({ ...issue, input: undefined });
      }
    }
  };

const radarShape = radarSchema.unwrap().shape;

/**
 * A radar of a scenario: written out in full (radarSchema), or a catalog radar (`base`, see
 * `openbmd catalog list --kind radar`) with any of its fields overridden. `site` may be left out
 * when the catalog radar has a site of its own.
 */
export const scenarioRadarSchema = z
  .strictObject({
    id: id(),
    type: z.literal('radar'),
    base: ref().optional(),
    name: z.string().min(1).optional(),
    site: placeSchema.optional(),
    faces: radarShape.faces.unwrap().optional(),
    minElevationDeg: radarShape.minElevationDeg.unwrap().optional(),
    maxRangeKm: radarShape.maxRangeKm.optional(),
    detectionRangeKm: radarShape.detectionRangeKm.optional(),
    referenceRcsM2: radarShape.referenceRcsM2.unwrap().optional(),
    trackInitiationDelayS: radarShape.trackInitiationDelayS.unwrap().optional(),
    fireControl: radarShape.fireControl.unwrap().optional(),
    sources: sources(),
    notes: notes(),
  })
  .superRefine(requireWithoutBase(radarSchema))
  .readonly();

const spaceShape = spaceInfraredSchema.unwrap().shape;

/** A space sensor of a scenario: written out, or a catalog one (`base`) with overrides. */
export const scenarioSpaceInfraredSchema = z
  .strictObject({
    id: id(),
    type: z.literal('space-infrared'),
    base: ref().optional(),
    name: z.string().min(1).optional(),
    detectionDelayS: spaceShape.detectionDelayS.optional(),
    trackDelayS: spaceShape.trackDelayS.optional(),
    sources: sources(),
    notes: notes(),
  })
  .superRefine(requireWithoutBase(spaceInfraredSchema))
  .readonly();

export const sensorSchema = z.discriminatedUnion('type', [
  scenarioRadarSchema,
  scenarioSpaceInfraredSchema,
]);

/** Kill-vehicle changes of an interceptor override (each optional). */
export const killVehicleOverrideSchema = z
  .strictObject({
    minAltitudeKm: nonNegative().optional(),
    maxAltitudeKm: positive().optional(),
    divertMps: nonNegative().optional(),
    massKg: positive().optional(),
  })
  .superRefine((k, ctx) => {
    const lo = k.minAltitudeKm;
    const hi = k.maxAltitudeKm;
    if (typeof lo === 'number' && typeof hi === 'number' && !(lo < hi)) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxAltitudeKm'],
        message: `the kill vehicle's ceiling (${hi} km) must be above its floor (${lo} km)`,
      });
    }
  })
  .readonly();

/** A parametric variant of a catalog interceptor (the burnout speed of the 2008 debate). */
export const interceptorSchema = z
  .strictObject({
    id: id(),
    base: ref(),
    name: z.string().min(1).optional(),
    burnoutSpeedMps: positive().max(11_000).optional(),
    burnTimeS: positive().max(600).optional(),
    stageCount: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    killVehicle: killVehicleOverrideSchema.optional(),
    sources: sources(),
    notes: notes(),
  })
  .readonly();

export const commitSchema = z
  .strictObject({
    requires: z.array(ref()).readonly().default([]),
    fireControl: z.boolean().default(true),
  })
  .readonly();

export const interceptorSiteSchema = z
  .strictObject({
    id: id(),
    name: z.string().min(1).optional(),
    site: placeSchema,
    interceptor: ref(),
    /** Checked (at least 1) by the parser, which names the site. */
    inventory: z.number().int(),
    launchDelayS: nonNegative().default(0),
    commit: commitSchema.default({ requires: [], fireControl: true }),
    killAssessmentS: nonNegative().default(0),
    sources: sources(),
    notes: notes(),
  })
  .readonly();

export const trajectorySchema = z.union([
  z.literal('minimum-energy'),
  z.strictObject({ apogeeKm: positive().max(40_000) }).readonly(),
  z.strictObject({ flightTimeS: positive().max(21_600) }).readonly(),
]);

export const threatSchema = z
  .strictObject({
    id: id(),
    name: z.string().min(1).optional(),
    missile: ref(),
    from: placeSchema,
    to: placeSchema,
    trajectory: trajectorySchema.default('minimum-energy'),
    launchTimeS: nonNegative().max(864_000).default(0),
    rcsM2: positive().max(10_000),
    /** Reentry vehicles the missile carries (each one a warhead to engage). */
    rvCount: z.number().int().min(1).max(20).default(1),
    payloadKg: positive().max(100_000).optional(),
    sources: sources(),
    notes: notes(),
  })
  .readonly();

/**
 * A claim: a yes/no statement about the scenario that `engage` answers, with the margin and the
 * threshold of its deciding parameter at which the answer flips.
 */
export const claimSchema = z
  .strictObject({
    id: id(),
    text: z.string().min(1),
    /** "The interceptor site can engage the threat." */
    kind: z.literal('site-engages-threat').default('site-engages-threat'),
    site: ref(),
    threat: ref(),
    /**
     * The scenario path of the parameter whose threshold is reported: the burnout speed of the
     * site's interceptor (`interceptors.<id>.burnoutSpeedMps`) or the site's commit-to-launch
     * delay (`interceptorSites.<id>.launchDelayS`). Default: the burnout speed.
     */
    decidingParameter: z.string().min(1).optional(),
    sources: sources(),
    notes: notes(),
  })
  .readonly();

/** Per-model changes on top of the fidelity preset (like the CLI's --earth, --rotation, ...). */
export const modelOverridesSchema = z
  .strictObject({
    earth: z.enum(['sphere', 'wgs84']).optional(),
    rotation: z.boolean().optional(),
    gravity: z.enum(['point-mass', 'j2']).optional(),
    atmosphere: z.enum(['none', 'ussa76', 'exponential']).optional(),
    drag: z.boolean().optional(),
  })
  .readonly();

/** A scenario path of a parameter: `<list>.<id>.<field>[.<field>...]` or a top-level field. */
export const PARAMETER_PATH_PATTERN = /^[A-Za-z]+(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)?(?:\.[A-Za-z]+)*$/;

/**
 * A variant: an alternative parameter set (the interceptor speed each side claimed, two estimates
 * of a radar's range), run beside the baseline. `set` maps scenario paths to values.
 */
export const variantSchema = z
  .strictObject({
    id: id(),
    name: z.string().min(1).optional(),
    description: z.string().optional(),
    set: z
      .record(z.string().regex(PARAMETER_PATH_PATTERN), z.unknown())
      .refine((r) => Object.keys(r).length > 0, 'a variant must set at least one parameter'),
    sources: sources(),
    notes: notes(),
  })
  .readonly();

/** A missile defined in the scenario, in the missile file format without its version key. */
export const inlineMissileSchema = missileObject.omit({ 'openbmd-missile': true }).readonly();

/** How `run` analyses the scenario. */
export const analysisSchema = z
  .strictObject({
    /** Compute each engagement's minimum burnout speed and maximum commit delay (and claims' thresholds). */
    sensitivity: z.boolean().default(true),
    /** Spacing of the track points written to the outputs, s. */
    trackSampleS: positive().min(0.5).max(600).default(10),
  })
  .readonly();

const probability = () => z.number().min(0).max(1);

/** How interceptors are fired at each engaged object. */
export const doctrineSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('barrage'), shots: z.number().int().min(1).max(20) }).readonly(),
  z
    .strictObject({
      kind: z.literal('shoot-look-shoot'),
      firstShots: z.number().int().min(1).max(20),
      secondShots: z.number().int().min(1).max(20),
      /** Probability that the kill assessment between the salvos is correct. */
      pLook: probability(),
    })
    .readonly(),
]);

/**
 * Defence effectiveness (issue 6): the probabilities each interceptor site's engagements are
 * assessed with. Each site uses its own inventory; the attack on a site is the warheads
 * (threats x rvCount) it can engage, in order of arrival, with their shot opportunities.
 */
export const assessmentSchema = z
  .strictObject({
    /** Single-shot kill probability of one interceptor that works. */
    sspk: probability(),
    /** Probability that an interceptor works (a shot kills with reliability x sspk). */
    reliability: probability().default(1),
    /** Probability that a warhead is tracked (no track, no shots). */
    pTrack: probability().default(1),
    /** One tracking draw for the whole attack (all or none), instead of one per warhead. */
    commonModeTrack: z.boolean().default(false),
    doctrine: doctrineSchema.default({ kind: 'barrage', shots: 2 }),
    decoysPerWarhead: z.number().int().min(0).max(100).default(0),
    /** Probability that a decoy is told from a warhead (an undiscriminated decoy draws the same shots). */
    pDiscriminate: probability().default(1),
    /** The probability of no leakers the defence should reach (for the interceptors needed). */
    requiredPNoLeakers: probability().default(0.9),
    /**
     * Beta factor of a salvo (Monte Carlo only): with this probability its shots share one outcome
     * (a common cause); 0: independent shots.
     */
    salvoCorrelation: probability().default(0),
    monteCarlo: z
      .strictObject({
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1)
          .default(1),
        trials: z.number().int().min(100).max(10_000_000).default(20_000),
      })
      .readonly()
      .default({ seed: 1, trials: 20_000 }),
    sources: sources(),
    notes: notes(),
  })
  .readonly();

/**
 * An attacking force for the strategic balance: deployments, each flown like one of the
 * scenario's threats (its representative flight: the engagement analysis of that threat decides
 * whether a site can engage the deployment's warheads), and arms-control limits to compare with.
 */
export const forceSchema = z
  .strictObject({
    id: id(),
    name: z.string().min(1).optional(),
    deployments: z
      .array(
        z
          .strictObject({
            /** The threat whose flight stands for this deployment's. */
            threat: ref(),
            missiles: z.number().int().min(1).max(10_000),
            warheadsPerMissile: z.number().int().min(1).max(20),
            sources: sources(),
            notes: notes(),
          })
          .readonly(),
      )
      .min(1)
      .readonly(),
    armsControlLimits: z
      .array(
        z
          .strictObject({
            name: z.string().min(1),
            warheads: z.number().int().min(1).max(100_000),
            sources: sources(),
            notes: notes(),
          })
          .readonly(),
      )
      .readonly()
      .default([]),
    sources: sources(),
    notes: notes(),
  })
  .readonly();

/** Default epoch: J2000.0 (times are seconds from it; it does not change the physics). */
export const DEFAULT_EPOCH = '2000-01-01T12:00:00Z';

export const scenarioObject = z.strictObject({
  openbmd: z.literal(SCENARIO_FORMAT_VERSION),
  name: z.string().min(1),
  description: z.string().optional(),
  /** ISO 8601 UTC time of t = 0 (labels the outputs' clocks). */
  epoch: z.iso.datetime({ offset: false }).default(DEFAULT_EPOCH),
  fidelity: z.enum(fidelityPresetNames as [string, ...string[]]).default('wgs84'),
  models: modelOverridesSchema.optional(),
  sources: sources(),
  notes: notes(),
  sites: z.array(siteSchema).readonly().default([]),
  sensors: z.array(sensorSchema).readonly().default([]),
  interceptors: z.array(interceptorSchema).readonly().default([]),
  interceptorSites: z.array(interceptorSiteSchema).readonly().default([]),
  missiles: z.array(inlineMissileSchema).readonly().default([]),
  threats: z.array(threatSchema).min(1).readonly(),
  claims: z.array(claimSchema).readonly().default([]),
  variants: z.array(variantSchema).readonly().default([]),
  analysis: analysisSchema.default({ sensitivity: true, trackSampleS: 10 }),
  assessment: assessmentSchema.optional(),
  forces: z.array(forceSchema).readonly().default([]),
});

/** The schema of a scenario document (cross-references are checked by parseScenario). */
export const scenarioSchema = scenarioObject.readonly();

/** A scenario document as validated: defaults filled in, still in file units (deg, km). */
export type ScenarioDocument = z.output<typeof scenarioSchema>;
/** A scenario document as written (before defaults). */
export type ScenarioDocumentInput = z.input<typeof scenarioSchema>;
export type ScenarioSite = ScenarioDocument['sites'][number];
export type ScenarioPlace = z.output<typeof placeSchema>;
export type ScenarioSensor = ScenarioDocument['sensors'][number];
export type ScenarioInterceptor = ScenarioDocument['interceptors'][number];
export type ScenarioInterceptorSite = ScenarioDocument['interceptorSites'][number];
export type ScenarioThreat = ScenarioDocument['threats'][number];
export type ScenarioTrajectory = z.output<typeof trajectorySchema>;
export type ScenarioClaim = ScenarioDocument['claims'][number];
export type ScenarioVariant = ScenarioDocument['variants'][number];
export type ScenarioAssessment = NonNullable<ScenarioDocument['assessment']>;
export type ScenarioForce = ScenarioDocument['forces'][number];

/**
 * The JSON Schema (draft 2020-12) of a scenario file, for editors and `openbmd schema`. Input
 * form: fields with defaults are optional.
 */
export const scenarioJsonSchema = (): Record<string, unknown> =>
  z.toJSONSchema(scenarioSchema, { io: 'input' }) as Record<string, unknown>;
