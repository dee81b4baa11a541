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

import { catalogEntries, catalogIds, getCatalogRadar, getCatalogSite } from '../catalog/catalog.js';
import { errorCodes, OpenBmdError } from '../errors.js';
import { MISSILE_FORMAT_VERSION, missileDefinitionSchema } from '../flight/missile.js';
import { migrateScenario } from './migrate.js';
import { scenarioEarthModel } from './resolve.js';
import {
  SCENARIO_FORMAT_VERSION,
  type ScenarioDocument,
  scenarioObject,
  scenarioSchema,
} from './schema.js';
import { type SchemaWording, schemaProblems } from './schema-problems.js';
import { applyVariantChanges } from './variants.js';
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
  /** The format version the file was written in (older ones are migrated), when known. */
  readonly fromVersion: number | undefined;
  /** What the migration changed (empty for a file in the current format). */
  readonly migrationChanges: readonly string[];
}

/**
 * Parses and checks a scenario (YAML or JSON text), reporting every problem (syntax, schema,
 * cross-references) with its line and column, without throwing.
 */
export const diagnoseScenario = (text: string): ScenarioDiagnosis => {
  const parsed = parseYamlWithPositions(text);
  const problems = [...parsed.problems];
  // A document with syntax errors is only partly read: its schema problems would mislead.
  if (problems.length > 0) {
    return { document: undefined, problems, fromVersion: undefined, migrationChanges: [] };
  }
  // Older versions are upgraded first; the paths the migration keeps still point into the file.
  const migration = migrateScenario(parsed.value);
  const { value } = migration;
  const found = documentProblems(value, (segments, message, atKey) =>
    problemAt(parsed, segments, message, atKey),
  );
  problems.push(...found.problems);
  if (found.document !== undefined && problems.length === 0) {
    problems.push(...variantProblems(value, found.document, parsed));
  }
  const done = { fromVersion: migration.fromVersion, migrationChanges: migration.changes };
  if (found.document !== undefined && problems.length === 0) {
    return { document: found.document, problems, ...done };
  }
  return { document: undefined, problems: sortProblems(problems), ...done };
};

type Place = (segments: readonly PropertyKey[], message: string, atKey?: boolean) => FileProblem;

/** Schema, cross-reference and model problems of a (migrated) document. */
const documentProblems = (
  value: unknown,
  place: Place,
): { document: ScenarioDocument | undefined; problems: FileProblem[] } => {
  const problems: FileProblem[] = [];
  const result = scenarioSchema.safeParse(value, { reportInput: true });
  if (!result.success) {
    for (const p of schemaProblems(result.error.issues, value, scenarioWording)) {
      problems.push(place(p.segments, p.message, p.atKey));
    }
  }
  problems.push(...crossReferenceProblems(value, place));
  if (result.success && problems.length === 0) {
    try {
      scenarioEarthModel(result.data);
    } catch (e) {
      if (!(e instanceof OpenBmdError)) throw e;
      problems.push(place(['models'], e.message.replace(/^[a-z]+: /, '')));
    }
  }
  return { document: result.success ? result.data : undefined, problems };
};

/**
 * Each variant applied to the document and checked like a scenario; its problems are placed at
 * the variant's `set` (the changed document has no positions of its own).
 */
const variantProblems = (
  value: unknown,
  doc: ScenarioDocument,
  parsed: ParsedYaml,
): FileProblem[] => {
  const out: FileProblem[] = [];
  doc.variants.forEach((variant, i) => {
    const changed = applyVariantChanges({ ...(value as object), variants: [] }, variant.set);
    for (const p of changed.problems) {
      out.push(
        problemAt(
          parsed,
          ['variants', i, 'set', p.path],
          `variant '${variant.id}': ${p.message}`,
          true,
        ),
      );
    }
    if (changed.problems.length > 0) return;
    const found = documentProblems(changed.value, (segments, message) => ({
      path: formatPath(segments),
      message,
    }));
    for (const p of found.problems) {
      const key =
        Object.keys(variant.set).find((k) => p.path.length > 0 && pathMatches(k, p.path)) ??
        Object.keys(variant.set)[0]!;
      out.push(
        problemAt(
          parsed,
          ['variants', i, 'set', key],
          `variant '${variant.id}' makes the scenario invalid: ${p.path === '' ? '' : `${p.path}: `}${p.message}`,
          true,
        ),
      );
    }
  });
  return out;
};

/** Whether a variant's `set` key (id-keyed) could be the source of a problem at an indexed path. */
const pathMatches = (key: string, problemPath: string): boolean => {
  const field = key.split('.').at(-1) ?? key;
  return problemPath.endsWith(`.${field}`) || problemPath === field;
};

/**
 * Parses a scenario from YAML or JSON text. Throws one OpenBmdError(E_SCENARIO_INVALID)
 * listing every problem as `file:line:col path: what is wrong`.
 */
export const parseScenario = (text: string, fileName: string): ScenarioDocument =>
  readScenario(text, fileName).document;

/** A scenario read: the document (in the current format) and what the migration changed. */
export interface ScenarioReading {
  readonly document: ScenarioDocument;
  /** The format version the file was written in. */
  readonly fromVersion: number;
  readonly migrationChanges: readonly string[];
}

/** Like parseScenario, also saying which format version the file was written in. */
export const readScenario = (text: string, fileName: string): ScenarioReading => {
  const { document, problems, fromVersion, migrationChanges } = diagnoseScenario(text);
  if (document !== undefined) {
    return {
      document,
      fromVersion: fromVersion ?? SCENARIO_FORMAT_VERSION,
      migrationChanges,
    };
  }
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
    steering: 'a steering law: { law: forden, ... } or { law: gravity-turn, ... }',
    stageCount: '1, 2 or 3',
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

/** The deciding parameters a claim on this interceptor site may name (scenario paths). */
export const claimParameterPaths = (siteId: string, interceptorId: unknown): string[] => [
  ...(typeof interceptorId === 'string' ? [`interceptors.${interceptorId}.burnoutSpeedMps`] : []),
  `interceptorSites.${siteId}.launchDelayS`,
];

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

function crossReferenceProblems(root: unknown, place: Place): FileProblem[] {
  if (!isObj(root)) return [];
  const out: FileProblem[] = [];
  const at = (segments: readonly PropertyKey[], message: string): void => {
    out.push(place(segments, message));
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
  const missiles = listAt(root, 'missiles');
  const variants = listAt(root, 'variants');
  const forces = listAt(root, 'forces');

  // Unique ids in each list.
  for (const [key, list] of [
    ['sites', sites],
    ['sensors', sensors],
    ['interceptors', interceptors],
    ['interceptorSites', interceptorSites],
    ['threats', threats],
    ['claims', claims],
    ['missiles', missiles],
    ['variants', variants],
    ['forces', forces],
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
  // Catalog sites may be named wherever a site is (the scenario's own come first).
  for (const e of catalogEntries('site')) {
    if (siteById.has(e.id)) continue;
    const site = getCatalogSite(e.id);
    siteById.set(e.id, { ...site });
  }
  const siteIds = [...siteById.keys()];
  const ownSiteIds = sites.map(idOf).filter((x): x is string => x !== undefined);
  const sensorIds = sensors.map(idOf).filter((x): x is string => x !== undefined);
  const catalogInterceptorIds = catalogIds('interceptor');
  const ownInterceptorIds = interceptors.map(idOf).filter((x): x is string => x !== undefined);
  const interceptorIds = [...ownInterceptorIds, ...catalogInterceptorIds];
  const catalogMissileIds = catalogIds('missile');
  const ownMissileIds = missiles.map(idOf).filter((x): x is string => x !== undefined);
  const missileIds = [...ownMissileIds, ...catalogMissileIds];

  // Inline missiles: the missile format's own checks (masses, lift-off), and no shadowing.
  missiles.forEach((m, i) => {
    if (!isObj(m)) return;
    const ownId = idOf(m);
    if (ownId !== undefined && catalogMissileIds.includes(ownId)) {
      at(
        ['missiles', i, 'id'],
        `missile '${ownId}' has the id of a catalog missile; give the scenario's missile an id of its own`,
      );
    }
    const checked = missileDefinitionSchema.safeParse({
      ...m,
      'openbmd-missile': MISSILE_FORMAT_VERSION,
    });
    if (checked.success) return;
    for (const issue of checked.error.issues) {
      // Shape problems are reported by the scenario schema; only the cross-field checks here.
      if (issue.code !== 'custom') continue;
      at(['missiles', i, ...issue.path], `${label('missile', m)}: ${issue.message}`);
    }
  });

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
          `${owner}: unknown site '${place}'${hintFor(place, siteIds)}${definedList('sites', ownSiteIds)}; catalog sites: \`openbmd catalog list --kind site\``,
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

  const radarIds = catalogIds('radar');
  const spaceSensorIds = catalogIds('space-sensor');
  sensors.forEach((s, i) => {
    if (!isObj(s)) return;
    const owner = label('sensor', s);
    const base = s['base'];
    const isRadar = s['type'] === 'radar';
    const baseIds = isRadar ? radarIds : spaceSensorIds;
    let baseSiteId: string | null = null;
    if (typeof base === 'string') {
      if (!baseIds.includes(base)) {
        at(
          ['sensors', i, 'base'],
          `${owner}: no ${isRadar ? 'radar' : 'space sensor'} '${base}' in the catalog${hintFor(base, baseIds)}${definedList(isRadar ? 'catalog radars' : 'catalog space sensors', baseIds)}`,
        );
      } else if (isRadar) {
        baseSiteId = getCatalogRadar(base).siteId;
      }
    }
    if (!isRadar) return;
    if (!('site' in s)) {
      if (typeof base === 'string' && baseIds.includes(base) && baseSiteId === null) {
        at(
          ['sensors', i],
          `${owner}: the catalog radar '${base}' is transportable (no site of its own): give its site`,
        );
      } else if (base === undefined) {
        at(
          ['sensors', i],
          `${owner}: site is missing (required unless the radar has a catalog base with a site)`,
        );
      }
      return;
    }
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
    if (ownId !== undefined && catalogInterceptorIds.includes(ownId)) {
      at(
        ['interceptors', i, 'id'],
        `${owner} has the id of a catalog interceptor; give the variant an id of its own`,
      );
    }
    const base = d['base'];
    if (typeof base === 'string' && !catalogInterceptorIds.includes(base)) {
      at(
        ['interceptors', i, 'base'],
        `${owner}: no interceptor '${base}' in the catalog${hintFor(base, catalogInterceptorIds)}${definedList('catalog interceptors', catalogInterceptorIds)}`,
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
        `${owner}: unknown missile '${missile}'${hintFor(missile, missileIds)}${definedList('missiles', missileIds)}`,
      );
    }
    if ('from' in t) checkPlace(['threats', i, 'from'], t['from'], owner);
    if ('to' in t) checkPlace(['threats', i, 'to'], t['to'], owner);
  });

  const interceptorSiteIds = interceptorSites.map(idOf).filter((x): x is string => x !== undefined);
  const threatIds = threats.map(idOf).filter((x): x is string => x !== undefined);
  forces.forEach((f, i) => {
    if (!isObj(f)) return;
    const owner = label('force', f);
    listAt(f, 'deployments').forEach((d, j) => {
      const threat = isObj(d) ? d['threat'] : undefined;
      if (typeof threat === 'string' && !threatIds.includes(threat)) {
        at(
          ['forces', i, 'deployments', j, 'threat'],
          `${owner}: unknown threat '${threat}'${hintFor(threat, threatIds)}${definedList('threats', threatIds)}`,
        );
      }
    });
  });

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
    const parameter = c['decidingParameter'];
    const siteItem = interceptorSites.find((s) => idOf(s) === site);
    if (typeof parameter === 'string' && typeof site === 'string' && isObj(siteItem)) {
      const allowed = claimParameterPaths(site, siteItem['interceptor']);
      if (!allowed.includes(parameter)) {
        at(
          ['claims', i, 'decidingParameter'],
          `${owner}: the deciding parameter must be ${allowed.map((p) => `'${p}'`).join(' or ')} (the burnout speed of the site's interceptor, or the site's commit-to-launch delay); got '${parameter}'`,
        );
      }
    }
  });
  return out;
}
