/**
 * Zod issues in plain words, for every file format OpenBMD reads (scenarios, missile definitions):
 * unknown fields with did-you-mean hints read off the schema, the evident branch of a union, and
 * a message per issue that names the unit of the field.
 */
import type * as z from 'zod';
import { closestName, countWord, describeValue, expectedWords, unitOf } from './yaml-problems.js';

/** How a file format words its problems. */
export interface SchemaWording {
  /** The schema of the whole file (an object schema), for the fields known at a path. */
  readonly rootSchema: unknown;
  /** The format-version key and the version read (`openbmd: 1`, `openbmd-missile: 1`). */
  readonly versionKey: string;
  readonly version: number;
  /** 'scenario', 'missile': in "the file must hold a mapping of <kind> fields". */
  readonly fileKind: string;
  /** What a union field accepts, in words, by field name. */
  readonly unionWords: Readonly<Record<string, string>>;
  /** An example id in this format (for the id-format message). */
  readonly idExample: string;
}

export interface SchemaProblem {
  readonly segments: readonly PropertyKey[];
  readonly message: string;
  /** Point at the key of the last segment (unknown fields) rather than at its value. */
  readonly atKey: boolean;
}

/** Turns zod issues into plain-word problems, choosing a union's evident branch. */
export function schemaProblems(
  issues: readonly z.core.$ZodIssue[],
  root: unknown,
  wording: SchemaWording,
): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const visit = (issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): void => {
    const segments = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(wording.rootSchema, segments, root);
      for (const key of issue.keys) {
        const hint = closestName(key, known);
        out.push({
          segments: [...segments, key],
          message: `unknown field '${key}'${hint === undefined ? '' : ` (did you mean '${hint}'?)`}`,
          atKey: true,
        });
      }
      return;
    }
    if (issue.code === 'invalid_union') {
      const options = 'options' in issue ? issue.options : undefined;
      if (issue.discriminator !== undefined && options !== undefined) {
        const input = issue.input;
        const given =
          input !== null && typeof input === 'object' && !Array.isArray(input)
            ? (input as Record<string, unknown>)[issue.discriminator]
            : undefined;
        const words = options.map((o) => `'${String(o)}'`).join(' or ');
        const atDiscriminator = segments[segments.length - 1] === issue.discriminator;
        out.push({
          segments:
            given === undefined || atDiscriminator ? segments : [...segments, issue.discriminator],
          message:
            given === undefined
              ? `needs a ${issue.discriminator}: ${words}`
              : `must be ${words}, got ${describeValue(given)}`,
          atKey: false,
        });
        return;
      }
      const branch = evidentBranch(issue.input, issue.errors);
      if (branch !== undefined) {
        for (const e of branch) visit(e, segments);
        return;
      }
      const field = String(segments[segments.length - 1] ?? '');
      out.push({
        segments,
        message: `must be ${wording.unionWords[field] ?? 'one of the accepted forms'}, got ${describeGiven(issue.input)}`,
        atKey: false,
      });
      return;
    }
    out.push({ segments, message: describeIssue(issue, segments, wording), atKey: false });
  };
  for (const issue of issues) visit(issue, []);
  return out;
}

/**
 * The union branch the writer evidently meant: for a mapping, the one with the fewest problems
 * that takes a mapping and knows its fields; for a list or a number, the one that takes it (so a
 * bad table row is reported as such, not as "not a number or a table").
 */
const evidentBranch = (
  input: unknown,
  branches: readonly (readonly z.core.$ZodIssue[])[],
): readonly z.core.$ZodIssue[] | undefined => {
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    let best: readonly z.core.$ZodIssue[] | undefined;
    for (const errs of branches) {
      const fits = !errs.some(
        (e) =>
          e.path.length === 0 &&
          (e.code === 'invalid_type' ||
            e.code === 'invalid_value' ||
            e.code === 'unrecognized_keys'),
      );
      if (fits && (best === undefined || errs.length < best.length)) best = errs;
    }
    return best;
  }
  if (Array.isArray(input) || typeof input === 'number') {
    return branches.find(
      (errs) =>
        errs.length > 0 && !errs.some((e) => e.code === 'invalid_type' && e.path.length === 0),
    );
  }
  return undefined;
};

/** describeValue, naming a mapping's fields. */
const describeGiven = (x: unknown): string =>
  x !== null && typeof x === 'object' && !Array.isArray(x)
    ? `a mapping with ${Object.keys(x).join(', ') || 'no fields'}`
    : describeValue(x);

const listValues = (values: readonly unknown[]): string =>
  values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(' or ');

function describeIssue(
  issue: z.core.$ZodIssue,
  segments: readonly PropertyKey[],
  wording: SchemaWording,
): string {
  const field = segments.length === 0 ? '' : String(segments[segments.length - 1]);
  const unit = unitOf(field);
  const got = 'input' in issue ? `, got ${describeValue(issue.input)}` : '';
  const isVersion = field === wording.versionKey && segments.length === 1;
  const missingVersion = `is missing: a ${wording.fileKind} file starts with '${wording.versionKey}: ${wording.version}'`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return isVersion ? missingVersion : 'is missing (required)';
      if (segments.length === 0) {
        return `the file must hold a mapping of ${wording.fileKind} fields${got}`;
      }
      if (issue.expected === 'int') return `must be a whole number${got}`;
      return `must be ${expectedWords(issue.expected)}${got}`;
    case 'too_small':
      if (issue.origin === 'array') {
        return `needs at least ${countWord(Number(issue.minimum), 'entry')}${Array.isArray(issue.input) ? `, got ${issue.input.length}` : ''}`;
      }
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}${unit}${got}`;
    case 'too_big':
      if (issue.origin === 'array') {
        return `may have at most ${countWord(Number(issue.maximum), 'entry')}${Array.isArray(issue.input) ? `, got ${issue.input.length}` : ''}`;
      }
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}${unit}${got}`;
    case 'invalid_value':
      if (isVersion) {
        return issue.input === undefined
          ? missingVersion
          : `unknown format version ${describeValue(issue.input)}: this OpenBMD reads ${wording.version === 1 ? 'version 1' : `versions 1 to ${wording.version} (older ones are upgraded as they are read)`}`;
      }
      if (issue.input === undefined) return `is missing (required): ${listValues(issue.values)}`;
      return `must be ${listValues(issue.values)}${got}`;
    case 'invalid_format':
      if (field === 'id') {
        return `must be lowercase letters and digits in words joined by single hyphens (like '${wording.idExample}')${got}`;
      }
      return `is not in the expected format${got}`;
    default:
      return issue.message;
  }
}

/** The fields allowed at a path (for did-you-mean), read off the schema. */
function knownKeysAt(
  rootSchema: unknown,
  segments: readonly PropertyKey[],
  root: unknown,
): readonly string[] {
  let schema: unknown = rootSchema;
  let value: unknown = root;
  for (const seg of segments) {
    schema = unwrap(schema);
    const def = defOf(schema);
    if (def?.type === 'object' && typeof seg === 'string') {
      schema = shapeOf(def)[seg];
    } else if (def?.type === 'array' && typeof seg === 'number') {
      schema = def['element'];
    } else if (def?.type === 'union') {
      schema = pickOption(def, value);
      if (schema === undefined) return [];
      const inner = defOf(unwrap(schema));
      if (inner?.type !== 'object' || typeof seg !== 'string') return [];
      schema = shapeOf(inner)[seg];
    } else {
      return [];
    }
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<PropertyKey, unknown>)[seg]
        : undefined;
    if (schema === undefined) return [];
  }
  schema = unwrap(schema);
  const def = defOf(schema);
  if (def?.type === 'object') return Object.keys(shapeOf(def));
  if (def?.type === 'union') {
    const option = pickOption(def, value);
    const inner = option === undefined ? undefined : defOf(unwrap(option));
    if (inner?.type === 'object') return Object.keys(shapeOf(inner));
  }
  return [];
}

interface LooseDef {
  readonly type: string;
  readonly [key: string]: unknown;
}

const shapeOf = (def: LooseDef): Readonly<Record<string, unknown>> =>
  (def['shape'] as Readonly<Record<string, unknown>> | undefined) ?? {};

const defOf = (schema: unknown): LooseDef | undefined =>
  (schema as { _zod?: { def?: LooseDef } } | undefined)?._zod?.def;

/** The schema inside optional, default, readonly and pipe wrappers. */
const unwrap = (schema: unknown): unknown => {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    const def = defOf(s);
    if (def === undefined) return s;
    if (
      def.type === 'optional' ||
      def.type === 'default' ||
      def.type === 'readonly' ||
      def.type === 'nullable' ||
      def.type === 'prefault'
    ) {
      s = def['innerType'];
    } else if (def.type === 'pipe') {
      s = def['in'];
    } else {
      return s;
    }
  }
  return s;
};

/** The option of a union that fits a value: by discriminator, else the best mapping option. */
const pickOption = (def: LooseDef, value: unknown): unknown => {
  const options = (def['options'] as readonly unknown[] | undefined) ?? [];
  const disc = def['discriminator'];
  if (typeof disc === 'string' && value !== null && typeof value === 'object') {
    const given = (value as Record<string, unknown>)[disc];
    for (const o of options) {
      const inner = defOf(unwrap(o));
      const lit = inner === undefined ? undefined : defOf(shapeOf(inner)[disc]);
      if ((lit?.['values'] as readonly unknown[] | undefined)?.includes(given)) return o;
    }
  }
  const objects = options.filter((o) => defOf(unwrap(o))?.type === 'object');
  if (objects.length === 1 || value === null || typeof value !== 'object') return objects[0];
  // Several mapping options: the one that knows most of the given fields.
  let best: unknown;
  let bestHits = -1;
  for (const o of objects) {
    const inner = defOf(unwrap(o));
    const shape = inner === undefined ? {} : shapeOf(inner);
    const hits = Object.keys(value).filter((k) => k in shape).length;
    if (hits > bestHits) {
      best = o;
      bestHits = hits;
    }
  }
  return best;
};
