/**
 * The missile definition format (`openbmd-missile: 1`), its parser, and the derived quantities the
 * flight code needs.
 *
 * One zod schema serves YAML files, JSON files (JSON is YAML) and the built-in catalogue. Unknown
 * fields are errors (a misspelt `burnTime` must not silently become a missing `burnTimeS`).
 * `parseMissileDefinition` collects every problem it can find, syntax and schema and physics, and
 * throws one E_MISSILE_INVALID whose message lists each as `file:line:col path: what is wrong`.
 *
 * Pure: no I/O. The CLI reads the file and passes its text and name.
 *
 * Propulsion model (per stage): constant mass flow mdot = propellant / burn time. Vacuum thrust is
 * either given (`thrustVacuumN`) or mdot * g0 * Isp_vac. With a sea-level Isp the thrust at ambient
 * pressure p is F = F_vac - p * A_e, with the nozzle exit area A_e = mdot * g0 * (Isp_vac - Isp_sl) / p0
 * (Sutton & Biblarz, Rocket Propulsion Elements, 9th ed., eq. 3-35, with p0 the sea-level pressure).
 */
import * as z from 'zod';
import { STANDARD_GRAVITY_MPS2 } from '../earth/constants.js';
import { errorCodes, OpenBmdError } from '../errors.js';
import { type SchemaWording, schemaProblems } from '../scenario/schema-problems.js';
import {
  countWord,
  type FileProblem,
  formatPath,
  formatProblemLines,
  parseYamlWithPositions,
  problemAt,
  sortProblems,
} from '../scenario/yaml-problems.js';

/** The format version this code reads (the value of the `openbmd-missile` field). */
export const MISSILE_FORMAT_VERSION = 1;

/** Sea-level standard pressure p0, Pa (US Standard Atmosphere 1976); the Isp_sl convention. */
const SEA_LEVEL_PRESSURE_PA = 101_325;

// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

const positive = () => z.number().positive();
const nonNegative = () => z.number().nonnegative();

const machCdRowSchema = z.tuple([z.number().nonnegative(), z.number().positive()]).readonly();

const dragTableSchema = z
  .array(machCdRowSchema)
  .min(2)
  .superRefine((rows, ctx) => {
    for (let i = 1; i < rows.length; i++) {
      const prev = rows[i - 1]?.[0];
      const mach = rows[i]?.[0];
      if (typeof prev === 'number' && typeof mach === 'number' && !(mach > prev)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 0],
          message: `Mach numbers must increase down the table: row ${i} has Mach ${mach} after Mach ${prev}`,
        });
      }
    }
  })
  .readonly();

const dragCoefficientSchema = z.union([z.number().positive(), dragTableSchema]);

const stageObject = z.strictObject({
  name: z.string().min(1).optional(),
  grossMassKg: positive(),
  propellantMassKg: positive(),
  burnTimeS: positive(),
  thrustVacuumN: positive().optional(),
  ispVacuumS: positive().optional(),
  ispSeaLevelS: positive().optional(),
  diameterM: positive().optional(),
  referenceAreaM2: positive().optional(),
  dragCoefficient: dragCoefficientSchema,
  coastAfterS: nonNegative().default(0),
});

const payloadObject = z.strictObject({ massKg: positive() });

const reentryVehicleObject = z.strictObject({
  massKg: positive().optional(),
  ballisticCoefficientKgM2: positive(),
});

const fordenSteeringObject = z.strictObject({
  law: z.literal('forden'),
  verticalTimeS: nonNegative(),
  pitchRateDegPerS: positive(),
  finalElevationDeg: z.number().min(0).max(90),
});

const gravityTurnSteeringObject = z.strictObject({
  law: z.literal('gravity-turn'),
  verticalTimeS: nonNegative(),
  kickAngleDeg: z.number().gt(0).lt(90),
  kickDurationS: positive(),
});

const referenceObject = z.strictObject({
  maxRangeKm: positive().optional(),
  burnoutSpeedMps: positive().optional(),
  payloadKg: positive().optional(),
  source: z.string().min(1),
});

/** A number if x is a finite number, else undefined (for checks that must survive bad input). */
const num = (x: unknown): number | undefined =>
  typeof x === 'number' && Number.isFinite(x) ? x : undefined;

const stageSchema = stageObject
  .superRefine((s, ctx) => {
    const gross = num(s.grossMassKg);
    const prop = num(s.propellantMassKg);
    if (gross !== undefined && prop !== undefined && !(prop < gross)) {
      ctx.addIssue({
        code: 'custom',
        path: ['propellantMassKg'],
        message: `propellant mass (${prop} kg) must be less than the stage's gross mass (${gross} kg)`,
      });
    }
    const hasThrust = s.thrustVacuumN !== undefined;
    const hasIsp = s.ispVacuumS !== undefined;
    if (hasThrust === hasIsp) {
      ctx.addIssue({
        code: 'custom',
        path: hasThrust ? ['thrustVacuumN'] : [],
        message: hasThrust
          ? 'give either thrustVacuumN or ispVacuumS, not both'
          : 'needs a thrust: give thrustVacuumN (N) or ispVacuumS (s)',
      });
    }
    const isl = num(s.ispSeaLevelS);
    const burn = num(s.burnTimeS);
    if (isl !== undefined && prop !== undefined && burn !== undefined && hasThrust !== hasIsp) {
      const ivac = hasIsp
        ? num(s.ispVacuumS)
        : (num(s.thrustVacuumN) ?? Number.NaN) / ((prop / burn) * STANDARD_GRAVITY_MPS2);
      if (ivac !== undefined && Number.isFinite(ivac) && !(isl < ivac)) {
        ctx.addIssue({
          code: 'custom',
          path: ['ispSeaLevelS'],
          message: `sea-level Isp (${isl} s) must be less than the vacuum Isp (${round(ivac, 1)} s)`,
        });
      }
    }
    const hasDiameter = s.diameterM !== undefined;
    if (hasDiameter === (s.referenceAreaM2 !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: hasDiameter ? ['referenceAreaM2'] : [],
        message: hasDiameter
          ? 'give either diameterM or referenceAreaM2, not both'
          : 'needs a size for drag: give diameterM (m) or referenceAreaM2 (m^2)',
      });
    }
  })
  .readonly();

const steeringSchema = z
  .discriminatedUnion('law', [fordenSteeringObject, gravityTurnSteeringObject])
  .readonly();

const referenceSchema = referenceObject
  .superRefine((r, ctx) => {
    if (r.maxRangeKm === undefined && r.burnoutSpeedMps === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'a reference needs maxRangeKm or burnoutSpeedMps (or both)',
      });
    }
  })
  .readonly();

/** The missile object (before cross-field checks): scenario files embed it for inline missiles. */
export const missileObject = z.strictObject({
  'openbmd-missile': z.literal(MISSILE_FORMAT_VERSION),
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  name: z.string().min(1),
  class: z.enum(['srbm', 'mrbm', 'irbm', 'icbm']),
  propellant: z.enum(['liquid', 'solid']),
  notional: z.boolean(),
  sources: z.array(z.string().min(1)).min(1).readonly(),
  notes: z.string().optional(),
  stages: z.array(stageSchema).min(1).max(5).readonly(),
  payload: payloadObject.readonly(),
  reentryVehicle: reentryVehicleObject.readonly(),
  steering: steeringSchema,
  reference: referenceSchema.optional(),
});

/** The schema of a missile definition (files, JSON and built-ins alike). Output is frozen. */
export const missileDefinitionSchema = missileObject
  .superRefine((m, ctx) => {
    const payloadKg = num(m.payload?.massKg);
    const rvKg = num(m.reentryVehicle?.massKg);
    if (payloadKg !== undefined && rvKg !== undefined && rvKg > payloadKg) {
      ctx.addIssue({
        code: 'custom',
        path: ['reentryVehicle', 'massKg'],
        message: `the reentry vehicle (${rvKg} kg) cannot be heavier than the payload that carries it (${payloadKg} kg)`,
      });
    }
    // Liftoff: the first stage's sea-level thrust must exceed the liftoff weight. Checked only
    // when every mass and the first stage's thrust are well-formed.
    if (!Array.isArray(m.stages) || payloadKg === undefined) return;
    let massKg = payloadKg;
    for (const s of m.stages) {
      const g = num(s?.grossMassKg);
      if (g === undefined) return;
      massKg += g;
    }
    const first = m.stages[0];
    const thrustN = first === undefined ? undefined : seaLevelThrustOrUndefined(first);
    if (thrustN === undefined) return;
    const weightN = massKg * STANDARD_GRAVITY_MPS2;
    if (!(thrustN > weightN)) {
      ctx.addIssue({
        code: 'custom',
        path: ['stages', 0],
        message: `the first stage's sea-level thrust (${round(thrustN / 1000, 1)} kN) does not exceed the liftoff weight (${round(weightN / 1000, 1)} kN): the missile cannot lift off`,
      });
    }
  })
  .readonly();

/** A missile definition as validated: SI units, defaults filled in, frozen. */
export type MissileDefinition = z.output<typeof missileDefinitionSchema>;
/** A missile definition as written (before defaults), e.g. for the built-in catalogue. */
export type MissileDefinitionInput = z.input<typeof missileDefinitionSchema>;
/** One stage of a missile, burnt in order. */
export type MissileStage = MissileDefinition['stages'][number];
/** The default steering law of a missile (discriminated on `law`). */
export type SteeringLaw = MissileDefinition['steering'];
/** A constant drag coefficient, or a table of [Mach, Cd] rows with increasing Mach. */
export type DragCoefficient = number | ReadonlyArray<readonly [number, number]>;
export type MissileClass = MissileDefinition['class'];
export type PropellantKind = MissileDefinition['propellant'];

// ---------------------------------------------------------------------------------------------
// Derived quantities (pure, cheap)
// ---------------------------------------------------------------------------------------------

/** Propellant mass flow of a stage, kg/s (constant: propellant / burn time). */
export const stageMassFlowKgps = (stage: MissileStage): number =>
  stage.propellantMassKg / stage.burnTimeS;

/** Vacuum thrust of a stage, N: given, or mdot * g0 * Isp_vac. */
export const stageVacuumThrustN = (stage: MissileStage): number => {
  if (stage.thrustVacuumN !== undefined) return stage.thrustVacuumN;
  if (stage.ispVacuumS !== undefined) {
    return stageMassFlowKgps(stage) * STANDARD_GRAVITY_MPS2 * stage.ispVacuumS;
  }
  throw new OpenBmdError(errorCodes.missileInvalid, 'stage has no thrust specification');
};

/** Vacuum specific impulse of a stage, s: given, or F_vac / (mdot * g0). */
export const stageVacuumIspS = (stage: MissileStage): number =>
  stage.ispVacuumS ??
  stageVacuumThrustN(stage) / (stageMassFlowKgps(stage) * STANDARD_GRAVITY_MPS2);

/**
 * Nozzle exit area of a stage, m^2, for the ambient-pressure correction F = F_vac - p * A_e:
 * A_e = mdot * g0 * (Isp_vac - Isp_sl) / p0. Zero when no sea-level Isp is given (thrust does not
 * depend on altitude).
 */
export const stageNozzleExitAreaM2 = (stage: MissileStage): number => {
  if (stage.ispSeaLevelS === undefined) return 0;
  const mdot = stageMassFlowKgps(stage);
  return (
    (mdot * STANDARD_GRAVITY_MPS2 * (stageVacuumIspS(stage) - stage.ispSeaLevelS)) /
    SEA_LEVEL_PRESSURE_PA
  );
};

/** Drag reference area of a stage, m^2: given, or pi d^2 / 4. */
export const stageReferenceAreaM2 = (stage: MissileStage): number =>
  stage.referenceAreaM2 ?? (Math.PI * (stage.diameterM ?? 0) ** 2) / 4;

/** Liftoff mass, kg: all stages' gross masses plus the payload. */
export const liftoffMassKg = (m: MissileDefinition): number => {
  let total = m.payload.massKg;
  for (const s of m.stages) total += s.grossMassKg;
  return total;
};

/**
 * Ideal (Tsiolkovsky) velocity gain in vacuum without gravity, m/s: the sum over stages of
 * g0 Isp_vac ln(m_ignition / m_burnout), each stage carrying the stages above it and the payload.
 * For sanity checks only: a real boost loses 1-2 km/s to gravity and drag.
 */
export const idealDeltaVMps = (
  m: MissileDefinition,
  payloadKg: number = m.payload.massKg,
): number => {
  let above = payloadKg;
  for (const s of m.stages) above += s.grossMassKg;
  let dv = 0;
  for (const s of m.stages) {
    const m0 = above;
    const m1 = m0 - s.propellantMassKg;
    dv += STANDARD_GRAVITY_MPS2 * stageVacuumIspS(s) * Math.log(m0 / m1);
    above -= s.grossMassKg;
  }
  return dv;
};

/**
 * Drag coefficient at a Mach number: the constant, or linear interpolation in the table, clamped
 * to the first and last rows outside it. Allocation-free (binary search).
 */
export const dragCoefficientAt = (cd: DragCoefficient, mach: number): number => {
  if (typeof cd === 'number') return cd;
  const n = cd.length;
  const first = cd[0]!;
  if (mach <= first[0]) return first[1];
  const last = cd[n - 1]!;
  if (mach >= last[0]) return last[1];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cd[mid]![0] <= mach) lo = mid;
    else hi = mid;
  }
  const a = cd[lo]!;
  const b = cd[hi]!;
  return a[1] + ((b[1] - a[1]) * (mach - a[0])) / (b[0] - a[0]);
};

/** Sea-level thrust of a possibly-invalid stage object, or undefined if not computable. */
function seaLevelThrustOrUndefined(s: {
  readonly propellantMassKg?: unknown;
  readonly burnTimeS?: unknown;
  readonly thrustVacuumN?: unknown;
  readonly ispVacuumS?: unknown;
  readonly ispSeaLevelS?: unknown;
}): number | undefined {
  const prop = num(s.propellantMassKg);
  const burn = num(s.burnTimeS);
  if (prop === undefined || burn === undefined || burn <= 0) return undefined;
  const mdot = prop / burn;
  const thrust = num(s.thrustVacuumN);
  const ivac = num(s.ispVacuumS);
  if ((thrust === undefined) === (ivac === undefined)) return undefined;
  const fVac = thrust ?? mdot * STANDARD_GRAVITY_MPS2 * (ivac as number);
  const isl = num(s.ispSeaLevelS);
  if (isl === undefined) return fVac;
  return mdot * STANDARD_GRAVITY_MPS2 * isl;
}

// ---------------------------------------------------------------------------------------------
// Parsing and problem reports
// ---------------------------------------------------------------------------------------------

/** One problem found in a missile definition. Line and column are 1-based, when known. */
export type MissileProblem = FileProblem;

/** The outcome of checking a definition without throwing: the definition, or the problems. */
export interface MissileDiagnosis {
  readonly definition: MissileDefinition | undefined;
  readonly problems: readonly MissileProblem[];
}

/**
 * Parses a missile definition (YAML or JSON text) and reports every problem without throwing:
 * syntax errors, schema errors and physical checks, each with its line and column.
 */
export const diagnoseMissileDefinition = (text: string): MissileDiagnosis => {
  const parsed = parseYamlWithPositions(text);
  const { value, problems } = parsed;
  if (value === undefined && problems.some((p) => p.message.startsWith('YAML: '))) {
    return { definition: undefined, problems };
  }
  const result = missileDefinitionSchema.safeParse(value, { reportInput: true });
  if (result.success && problems.length === 0) return { definition: result.data, problems };
  if (!result.success) {
    for (const p of schemaProblems(result.error.issues, value, missileWording)) {
      problems.push(problemAt(parsed, p.segments, p.message, p.atKey));
    }
  }
  return { definition: undefined, problems: sortProblems(problems) };
};

/**
 * Parses a missile definition from YAML or JSON text. Throws one OpenBmdError(E_MISSILE_INVALID)
 * listing every problem as `file:line:col path: what is wrong`.
 */
export const parseMissileDefinition = (text: string, fileName: string): MissileDefinition => {
  const { definition, problems } = diagnoseMissileDefinition(text);
  if (definition !== undefined) return definition;
  const lines = formatProblemLines(fileName, problems);
  throw new OpenBmdError(
    errorCodes.missileInvalid,
    `${countWord(problems.length, 'problem')} in the missile definition:\n${lines.join('\n')}`,
    fileName,
  );
};

/**
 * Validates a missile definition given as an object (built-ins, already-parsed JSON). Throws one
 * OpenBmdError(E_MISSILE_INVALID) listing every problem as `where path: what is wrong`.
 */
export const validateMissileDefinition = (value: unknown, where: string): MissileDefinition => {
  const result = missileDefinitionSchema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const lines = schemaProblems(result.error.issues, value, missileWording).map((p) => {
    const path = formatPath(p.segments);
    return `  ${where}${path === '' ? '' : ` ${path}`}: ${p.message}`;
  });
  throw new OpenBmdError(
    errorCodes.missileInvalid,
    `${countWord(lines.length, 'problem')} in the missile definition:\n${lines.join('\n')}`,
    where,
  );
};

/** How the missile format words its problems (scenario/schema-problems.ts). */
const missileWording: SchemaWording = {
  rootSchema: missileObject,
  versionKey: 'openbmd-missile',
  version: MISSILE_FORMAT_VERSION,
  fileKind: 'missile',
  unionWords: { dragCoefficient: 'a positive number or a table of [mach, cd] rows' },
  idExample: 'ss-19',
};

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
