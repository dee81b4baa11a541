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
import { errorCodes, OpenBmdError } from '../errors.js';
import { builtinMissiles } from '../flight/builtin-missiles.js';
import { builtinInterceptorIds, scenarioEarthModel } from './resolve.js';
import {
  SCENARIO_FORMAT_VERSION,
  type ScenarioDocument,
  scenarioObject,
  scenarioSchema,
} from './schema.js';
import { type SchemaWording, schemaProblems } from './schema-problems.js';
import {
  closestName,
  countWord,
  type FileProblem,
  formatPath,
  formatProblemLines,
  type ParsedYaml,
  parseYamlWithPositions,
  problemAt,
  sortProblems,
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
    for (const p of schemaProblems(result.error.issues, value, scenarioWording)) {
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

/** How the scenario format words its problems (scenario/schema-problems.ts). */
const scenarioWording: SchemaWording = {
  rootSchema: scenarioObject,
  versionKey: 'openbmd',
  version: SCENARIO_FORMAT_VERSION,
  fileKind: 'scenario',
  unionWords: {
    site: 'a site id or a point { latDeg, lonDeg }',
    from: 'a site id or a point { latDeg, lonDeg }',
    to: 'a site id or a point { latDeg, lonDeg }',
    trajectory: "'minimum-energy', { apogeeKm } or { flightTimeS }",
    stageCount: '2 or 3',
  },
  idExample: 'brdy-xbr',
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
