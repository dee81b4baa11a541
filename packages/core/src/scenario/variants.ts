/**
 * Variants: alternative parameter sets of a scenario, each a map from scenario paths to values.
 * A path names a top-level field (`fidelity`), a field of a top-level object (`models.drag`,
 * `analysis.trackSampleS`) or a field of a list item by its id
 * (`interceptorSites.poland.interceptor`, `interceptors.gbi-2stage-mda.burnoutSpeedMps`,
 * `sensors.brdy-xbr.detectionRangeKm`, `interceptors.sm-3-iia-variant.killVehicle.maxAltitudeKm`).
 * Applying a variant changes a copy of the document; the copy is checked like a scenario.
 *
 * The same paths name claims' deciding parameters and the results' thresholds and ledger.
 */
import { errorCodes, OpenBmdError } from '../errors.js';
import type { ScenarioDocument, ScenarioVariant } from './schema.js';
import { scenarioSchema } from './schema.js';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);

/** Lists whose items a path addresses by id. */
export const ID_LISTS = [
  'sites',
  'sensors',
  'interceptors',
  'interceptorSites',
  'missiles',
  'threats',
] as const;

/** Fields a variant may not set (identity and structure, not parameters). */
const FIXED_KEYS = new Set(['openbmd', 'name', 'id', 'variants', 'claims']);

export interface PathProblem {
  /** The path as written in `set`. */
  readonly path: string;
  readonly message: string;
}

/** Deep copy of plain data (YAML/JSON values). */
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/**
 * Sets `value` at a scenario path in a copy of `doc` (plain data). Returns the changed copy, or a
 * problem saying why the path does not name a parameter of this scenario.
 */
export const setAtPath = (
  doc: unknown,
  path: string,
  value: unknown,
): { readonly value: unknown } | { readonly problem: string } => {
  if (!isObj(doc)) return { problem: 'the scenario is not a mapping' };
  const segments = path.split('.');
  const head = segments[0]!;
  if (FIXED_KEYS.has(head)) return { problem: `'${head}' cannot be changed by a variant` };
  const out = copy(doc);
  let target: Obj = out;
  let rest = segments.slice(1);
  if ((ID_LISTS as readonly string[]).includes(head)) {
    const list = out[head];
    const itemId = segments[1];
    if (itemId === undefined || segments.length < 3) {
      return {
        problem: `'${path}' names no field: write ${head}.<id>.<field>, e.g. ${head}.${itemId ?? '<id>'}.${head === 'interceptors' ? 'burnoutSpeedMps' : 'name'}`,
      };
    }
    const items = Array.isArray(list) ? list : [];
    const item = items.find((x) => isObj(x) && x['id'] === itemId);
    if (!isObj(item)) {
      const ids = items.map((x) => (isObj(x) ? String(x['id']) : '')).filter((x) => x !== '');
      return {
        problem: `the scenario has no ${head} item '${itemId}'${ids.length > 0 ? `; ${head}: ${ids.join(', ')}` : ''}`,
      };
    }
    target = item;
    rest = segments.slice(2);
  } else {
    rest = segments;
  }
  for (let i = 0; i < rest.length - 1; i++) {
    const key = rest[i]!;
    if (FIXED_KEYS.has(key) && i === 0 && target === out) {
      return { problem: `'${key}' cannot be changed by a variant` };
    }
    const next = target[key];
    if (next === undefined) {
      const created: Obj = {};
      target[key] = created;
      target = created;
    } else if (isObj(next)) {
      target = next;
    } else {
      return { problem: `'${rest.slice(0, i + 1).join('.')}' is not an object in '${path}'` };
    }
  }
  const last = rest.at(-1)!;
  if (last === 'id') return { problem: "an item's id cannot be changed by a variant" };
  target[last] = copy(value);
  return { value: out };
};

/** Applies every change of a variant to a copy of `doc`; problems name the offending paths. */
export const applyVariantChanges = (
  doc: unknown,
  set: Readonly<Record<string, unknown>>,
): { readonly value: unknown; readonly problems: readonly PathProblem[] } => {
  let value = doc;
  const problems: PathProblem[] = [];
  for (const [path, v] of Object.entries(set)) {
    const r = setAtPath(value, path, v);
    if ('problem' in r) problems.push({ path, message: r.problem });
    else value = r.value;
  }
  return { value: followInterceptorChanges(doc, value), problems };
};

/** The id of the interceptor an interceptor site uses in a raw document. */
const siteInterceptor = (doc: unknown, siteId: unknown): unknown => {
  if (!isObj(doc) || !Array.isArray(doc['interceptorSites'])) return undefined;
  const site = doc['interceptorSites'].find((s) => isObj(s) && s['id'] === siteId);
  return isObj(site) ? site['interceptor'] : undefined;
};

/**
 * A claim whose deciding parameter is the burnout speed of its site's interceptor keeps that
 * meaning when a variant gives the site another interceptor: its path follows the change.
 */
const followInterceptorChanges = (before: unknown, after: unknown): unknown => {
  if (!isObj(after) || !Array.isArray(after['claims'])) return after;
  const claims = after['claims'].map((c) => {
    if (!isObj(c)) return c;
    const was = siteInterceptor(before, c['site']);
    const now = siteInterceptor(after, c['site']);
    if (was === now || typeof now !== 'string') return c;
    if (c['decidingParameter'] !== `interceptors.${String(was)}.burnoutSpeedMps`) return c;
    return { ...c, decidingParameter: `interceptors.${now}.burnoutSpeedMps` };
  });
  return { ...after, claims };
};

/**
 * The scenario document of a variant: the baseline with the variant's changes, checked by the
 * schema (parseScenario has checked it already, so a failure here means a hand-built document).
 */
export const variantDocument = (
  doc: ScenarioDocument,
  variant: ScenarioVariant,
): ScenarioDocument => {
  const { value, problems } = applyVariantChanges({ ...doc, variants: [] }, variant.set);
  if (problems.length > 0) {
    throw new OpenBmdError(
      errorCodes.scenarioInvalid,
      `variant '${variant.id}': ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      'variants',
    );
  }
  return scenarioSchema.parse(value);
};
