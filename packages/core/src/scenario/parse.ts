/**
 * Reading a scenario file (`openbmd: 1`, YAML or JSON): syntax, schema and cross-references, every
 * problem at once. `parseScenario` throws one OpenBmdError whose message lists each problem as
 * `file:line:col path: what is wrong`, with did-you-mean hints for unknown fields and ids.
 *
 * Cross-reference checks: unique ids; sites, sensors, interceptors and missiles that exist (a
 * sensor's or interceptor site's `site`, a threat's `from` and `to`, an interceptor site's
 * `interceptor`, an override's `base`, a commit rule's `requires`, a threat's `missile`); no radar
 * below the surface; at least one interceptor at each interceptor site; a valid model combination.
 *
 * Pure: no I/O. The CLI reads the file and passes its text and name.
 */
import type * as z from 'zod';
import { errorCodes, OpenBmdError } from '../errors.js';
import { builtinMissiles } from '../flight/builtin-missiles.js';
import { closestName } from '../flight/missile.js';
import { builtinInterceptorIds, scenarioEarthModel } from './resolve.js';
import {
  SCENARIO_FORMAT_VERSION,
  type ScenarioDocument,
  scenarioObject,
  scenarioSchema,
} from './schema.js';
import {
  countWord,
  describeValue,
  expectedWords,
  type FileProblem,
  formatPath,
  formatProblemLines,
  type ParsedYaml,
  parseYamlWithPositions,
  problemAt,
  sortProblems,
  unitOf,
} from './yaml-problems.js';

/** The outcome of checking a scenario without throwing: the document, or the problems. */
export interface ScenarioDiagnosis {
  readonly document: ScenarioDocument | undefined;
  readonly problems: readonly FileProblem[];
}

/**
 * Parses and checks a scenario (YAML or JSON text), reporting every problem (syntax, schema,
 * cross-references) with its line and column, without throwing.
 */
export const diagnoseScenario = (text: string): ScenarioDiagnosis => {
  const parsed = parseYamlWithPositions(text);
  const { value } = parsed;
  const problems = [...parsed.problems];
  // A document with syntax errors is only partly read: its schema problems would mislead.
  if (problems.length > 0) return { document: undefined, problems };
  const result = scenarioSchema.safeParse(value, { reportInput: true });
  if (!result.success) {
    for (const p of zodProblems(result.error.issues, value)) {
      problems.push(problemAt(parsed, p.segments, p.message, p.atKey));
    }
  }
  problems.push(...crossReferenceProblems(value, parsed));
  if (result.success && problems.length === 0) {
    try {
      scenarioEarthModel(result.data);
    } catch (e) {
      if (!(e instanceof OpenBmdError)) throw e;
      problems.push(problemAt(parsed, ['models'], e.message.replace(/^[a-z]+: /, '')));
    }
  }
  if (result.success && problems.length === 0) return { document: result.data, problems };
  return { document: undefined, problems: sortProblems(problems) };
};

/**
 * Parses a scenario from YAML or JSON text. Throws one OpenBmdError(E_SCENARIO_INVALID)
 * listing every problem as `file:line:col path: what is wrong`.
 */
export const parseScenario = (text: string, fileName: string): ScenarioDocument => {
  const { document, problems } = diagnoseScenario(text);
  if (document !== undefined) return document;
  const lines = formatProblemLines(fileName, problems);
  throw new OpenBmdError(
    errorCodes.scenarioInvalid,
    `${countWord(problems.length, 'problem')} in the scenario:\n${lines.join('\n')}`,
    fileName,
  );
};

// ---------------------------------------------------------------------------------------------
// Schema problems
// ---------------------------------------------------------------------------------------------

interface RawProblem {
  readonly segments: readonly PropertyKey[];
  readonly message: string;
  /** Point at the key of the last segment (unknown fields) rather than at its value. */
  readonly atKey: boolean;
}

/** What a union field accepts, in words, by field name. */
const unionWords: Readonly<Record<string, string>> = {
  site: 'a site id or a point { latDeg, lonDeg }',
  from: 'a site id or a point { latDeg, lonDeg }',
  to: 'a site id or a point { latDeg, lonDeg }',
  trajectory: "'minimum-energy', { apogeeKm } or { flightTimeS }",
  stageCount: '2 or 3',
};

/** Turns zod issues into plain-word problems, choosing a union's evident branch. */
function zodProblems(issues: readonly z.core.$ZodIssue[], root: unknown): RawProblem[] {
  const out: RawProblem[] = [];
  const visit = (issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): void => {
    const segments = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(segments, root);
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
      // The branch the writer evidently meant: for a mapping, the one with the fewest problems
      // that takes a mapping and knows its fields; else say what the field accepts.
      const input = issue.input;
      if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
        let best: readonly z.core.$ZodIssue[] | undefined;
        for (const errs of issue.errors) {
          const fits = !errs.some(
            (e) =>
              e.path.length === 0 &&
              (e.code === 'invalid_type' ||
                e.code === 'invalid_value' ||
                e.code === 'unrecognized_keys'),
          );
          if (fits && (best === undefined || errs.length < best.length)) best = errs;
        }
        if (best !== undefined) {
          for (const e of best) visit(e, segments);
          return;
        }
      }
      const field = String(segments[segments.length - 1] ?? '');
      out.push({
        segments,
        message: `must be ${unionWords[field] ?? 'one of the accepted forms'}, got ${describeGiven(input)}`,
        atKey: false,
      });
      return;
    }
    out.push({ segments, message: describeIssue(issue, segments), atKey: false });
  };
  for (const issue of issues) visit(issue, []);
  return out;
}

/** describeValue, naming a mapping's fields. */
const describeGiven = (x: unknown): string =>
  x !== null && typeof x === 'object' && !Array.isArray(x)
    ? `a mapping with ${Object.keys(x).join(', ') || 'no fields'}`
    : describeValue(x);

const listValues = (values: readonly unknown[]): string =>
  values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(' or ');

function describeIssue(issue: z.core.$ZodIssue, segments: readonly PropertyKey[]): string {
  const field = segments.length === 0 ? '' : String(segments[segments.length - 1]);
  const unit = unitOf(field);
  const got = 'input' in issue ? `, got ${describeValue(issue.input)}` : '';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) {
        return field === 'openbmd'
          ? `is missing: a scenario file starts with 'openbmd: ${SCENARIO_FORMAT_VERSION}'`
          : 'is missing (required)';
      }
      if (segments.length === 0) return `the file must hold a mapping of scenario fields${got}`;
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
      if (field === 'openbmd' && segments.length === 1) {
        return issue.input === undefined
          ? `is missing: a scenario file starts with 'openbmd: ${SCENARIO_FORMAT_VERSION}'`
          : `unknown format version ${describeValue(issue.input)}: this OpenBMD reads version ${SCENARIO_FORMAT_VERSION}`;
      }
      if (issue.input === undefined) return `is missing (required): ${listValues(issue.values)}`;
      return `must be ${listValues(issue.values)}${got}`;
    case 'invalid_format':
      if (field === 'id') {
        return `must be lowercase letters and digits in words joined by single hyphens (like 'brdy-xbr')${got}`;
      }
      return `is not in the expected format${got}`;
    default:
      return issue.message;
  }
}

/** The fields allowed at a path (for did-you-mean), read off the schema. */
function knownKeysAt(segments: readonly PropertyKey[], root: unknown): readonly string[] {
  let schema: unknown = scenarioObject;
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

/** The option of a union that fits a value: by discriminator, else the first mapping option. */
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
  // Several mapping options (a trajectory): the one that knows most of the given fields.
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

// ---------------------------------------------------------------------------------------------
// Cross-reference problems (on the raw value, so that they are found along with schema problems)
// ---------------------------------------------------------------------------------------------

type Obj = Readonly<Record<string, unknown>>;

const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);
const listAt = (root: Obj, key: string): readonly unknown[] => {
  const v = root[key];
  return Array.isArray(v) ? v : [];
};
const idOf = (x: unknown): string | undefined =>
  isObj(x) && typeof x['id'] === 'string' ? x['id'] : undefined;

/** ` (did you mean 'x'?)` or ''. */
const hintFor = (name: string, candidates: readonly string[]): string => {
  const hint = closestName(name, candidates);
  return hint === undefined ? '' : ` (did you mean '${hint}'?)`;
};

/** `; defined: a, b, c` (at most 12 shown), or a note that none are. */
const definedList = (what: string, ids: readonly string[]): string =>
  ids.length === 0
    ? `; the scenario defines no ${what}`
    : `; ${what}: ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', ...' : ''}`;

function crossReferenceProblems(root: unknown, parsed: ParsedYaml): FileProblem[] {
  if (!isObj(root)) return [];
  const out: FileProblem[] = [];
  const at = (segments: readonly PropertyKey[], message: string): void => {
    out.push(problemAt(parsed, segments, message));
  };
  const label = (kind: string, item: unknown): string => {
    const itemId = idOf(item);
    return itemId === undefined ? kind : `${kind} '${itemId}'`;
  };

  const sites = listAt(root, 'sites');
  const sensors = listAt(root, 'sensors');
  const interceptors = listAt(root, 'interceptors');
  const interceptorSites = listAt(root, 'interceptorSites');
  const threats = listAt(root, 'threats');
  const claims = listAt(root, 'claims');

  // Unique ids in each list.
  for (const [key, list] of [
    ['sites', sites],
    ['sensors', sensors],
    ['interceptors', interceptors],
    ['interceptorSites', interceptorSites],
    ['threats', threats],
    ['claims', claims],
  ] as const) {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const itemId = idOf(item);
      if (itemId === undefined) return;
      const first = seen.get(itemId);
      if (first === undefined) seen.set(itemId, i);
      else at([key, i, 'id'], `duplicate id '${itemId}' (also ${formatPath([key, first])})`);
    });
  }

  const siteById = new Map<string, Obj>();
  for (const s of sites) {
    const sid = idOf(s);
    if (sid !== undefined && isObj(s) && !siteById.has(sid)) siteById.set(sid, s);
  }
  const siteIds = [...siteById.keys()];
  const sensorIds = sensors.map(idOf).filter((x): x is string => x !== undefined);
  const builtinInterceptors = builtinInterceptorIds();
  const ownInterceptorIds = interceptors.map(idOf).filter((x): x is string => x !== undefined);
  const interceptorIds = [...ownInterceptorIds, ...builtinInterceptors];
  const missileIds = builtinMissiles.map((m) => m.id);

  /** Checks a place (a site id or a point); returns its altitude when known. */
  const checkPlace = (
    segments: readonly PropertyKey[],
    place: unknown,
    owner: string,
  ): number | undefined => {
    if (typeof place === 'string') {
      const site = siteById.get(place);
      if (site === undefined) {
        at(
          segments,
          `${owner}: unknown site '${place}'${hintFor(place, siteIds)}${definedList('sites', siteIds)}`,
        );
        return undefined;
      }
      const alt = site['altitudeM'];
      return alt === undefined ? 0 : typeof alt === 'number' ? alt : undefined;
    }
    if (isObj(place)) {
      const alt = place['altitudeM'];
      return alt === undefined ? 0 : typeof alt === 'number' ? alt : undefined;
    }
    return undefined;
  };

  sensors.forEach((s, i) => {
    if (!isObj(s) || s['type'] !== 'radar' || !('site' in s)) return;
    const owner = label('sensor', s);
    const altitudeM = checkPlace(['sensors', i, 'site'], s['site'], owner);
    if (altitudeM !== undefined && altitudeM < 0) {
      at(
        ['sensors', i, 'site'],
        `${owner} is inside the Earth: its site's altitude is ${altitudeM} m, below the surface (a radar needs altitudeM >= 0)`,
      );
    }
  });

  interceptors.forEach((d, i) => {
    if (!isObj(d)) return;
    const owner = label('interceptor', d);
    const ownId = idOf(d);
    if (ownId !== undefined && builtinInterceptors.includes(ownId)) {
      at(
        ['interceptors', i, 'id'],
        `${owner} has the id of a built-in interceptor; give the variant an id of its own`,
      );
    }
    const base = d['base'];
    if (typeof base === 'string' && !builtinInterceptors.includes(base)) {
      at(
        ['interceptors', i, 'base'],
        `${owner}: unknown built-in interceptor '${base}'${hintFor(base, builtinInterceptors)}${definedList('built-in interceptors', builtinInterceptors)}`,
      );
    }
  });

  interceptorSites.forEach((s, i) => {
    if (!isObj(s)) return;
    const owner = label('interceptor site', s);
    if ('site' in s) checkPlace(['interceptorSites', i, 'site'], s['site'], owner);
    const interceptor = s['interceptor'];
    if (typeof interceptor === 'string' && !interceptorIds.includes(interceptor)) {
      at(
        ['interceptorSites', i, 'interceptor'],
        `${owner}: unknown interceptor '${interceptor}'${hintFor(interceptor, interceptorIds)}${definedList('interceptors', interceptorIds)}`,
      );
    }
    const inventory = s['inventory'];
    if (typeof inventory === 'number' && Number.isInteger(inventory) && inventory < 1) {
      at(
        ['interceptorSites', i, 'inventory'],
        `${owner} has no interceptors: inventory must be at least 1, got ${inventory}`,
      );
    }
    const commit = s['commit'];
    const requires = isObj(commit) ? commit['requires'] : undefined;
    if (Array.isArray(requires)) {
      requires.forEach((r, j) => {
        if (typeof r === 'string' && !sensorIds.includes(r)) {
          at(
            ['interceptorSites', i, 'commit', 'requires', j],
            `${owner}: the commit rule names an unknown sensor '${r}'${hintFor(r, sensorIds)}${definedList('sensors', sensorIds)}`,
          );
        }
      });
    }
  });

  threats.forEach((t, i) => {
    if (!isObj(t)) return;
    const owner = label('threat', t);
    const missile = t['missile'];
    if (typeof missile === 'string' && !missileIds.includes(missile)) {
      at(
        ['threats', i, 'missile'],
        `${owner}: unknown missile '${missile}'${hintFor(missile, missileIds)}${definedList('built-in missiles', missileIds)}`,
      );
    }
    if ('from' in t) checkPlace(['threats', i, 'from'], t['from'], owner);
    if ('to' in t) checkPlace(['threats', i, 'to'], t['to'], owner);
  });

  const interceptorSiteIds = interceptorSites.map(idOf).filter((x): x is string => x !== undefined);
  const threatIds = threats.map(idOf).filter((x): x is string => x !== undefined);
  claims.forEach((c, i) => {
    if (!isObj(c)) return;
    const owner = label('claim', c);
    const site = c['site'];
    if (typeof site === 'string' && !interceptorSiteIds.includes(site)) {
      at(
        ['claims', i, 'site'],
        `${owner}: unknown interceptor site '${site}'${hintFor(site, interceptorSiteIds)}${definedList('interceptorSites', interceptorSiteIds)}`,
      );
    }
    const threat = c['threat'];
    if (typeof threat === 'string' && !threatIds.includes(threat)) {
      at(
        ['claims', i, 'threat'],
        `${owner}: unknown threat '${threat}'${hintFor(threat, threatIds)}${definedList('threats', threatIds)}`,
      );
    }
  });
  return out;
}
