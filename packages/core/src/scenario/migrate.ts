/**
 * Upgrades a scenario document written in an older format version to the current one, so that
 * saved analyses keep working. Works on the raw document (as read from YAML or JSON, before the
 * schema), one version step at a time; each step says what it changed. Pure: no I/O.
 *
 * Versions:
 * - 1 (OpenBMD 0.1): claims named their deciding parameter by kind
 *   (`decidingParameter: burnout-speed | commit-delay`).
 * - 2 (current): a claim's deciding parameter is the scenario path of the parameter
 *   (`interceptors.<id>.burnoutSpeedMps`, `interceptorSites.<id>.launchDelayS`), the same path
 *   that results report and variants set. New optional fields: epoch, missiles (inline),
 *   threats[].rvCount, variants, analysis.
 *
 * A document without a version, or with a version this code does not know, is left as it is:
 * the schema then reports the `openbmd` field.
 */
import { SCENARIO_FORMAT_VERSION } from './schema.js';

export interface Migration {
  /** The document in the current format (the input itself when nothing changed). */
  readonly value: unknown;
  /** The version the document was written in (undefined when it has no valid version). */
  readonly fromVersion: number | undefined;
  /** One line per change made, for notes and `--verbose` output. */
  readonly changes: readonly string[];
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);

/** Version 1 to 2: deciding parameters by kind become scenario paths. */
const v1ToV2 = (doc: Obj, changes: string[]): Obj => {
  const sites = Array.isArray(doc['interceptorSites']) ? doc['interceptorSites'] : [];
  const claims = Array.isArray(doc['claims']) ? doc['claims'] : undefined;
  const out: Obj = { ...doc, openbmd: 2 };
  if (claims !== undefined) {
    out['claims'] = claims.map((c, i) => {
      if (!isObj(c)) return c;
      const kind = c['decidingParameter'] ?? 'burnout-speed';
      const siteId = c['site'];
      const site = sites.find((s) => isObj(s) && s['id'] === siteId);
      const interceptor = isObj(site) ? site['interceptor'] : undefined;
      let path: string | undefined;
      if (kind === 'commit-delay' && typeof siteId === 'string') {
        path = `interceptorSites.${siteId}.launchDelayS`;
      } else if (kind === 'burnout-speed' && typeof interceptor === 'string') {
        path = `interceptors.${interceptor}.burnoutSpeedMps`;
      }
      // Anything else (an unknown kind, a claim naming a site that is not there) is left for
      // the schema and the cross-reference checks to report.
      if (path === undefined) return c;
      changes.push(`claims[${i}].decidingParameter: '${String(kind)}' -> '${path}'`);
      return { ...c, decidingParameter: path };
    });
  }
  changes.push('openbmd: 1 -> 2');
  return out;
};

const steps: ReadonlyMap<number, (doc: Obj, changes: string[]) => Obj> = new Map([[1, v1ToV2]]);

/** Upgrades a raw scenario document to the current format version. */
export const migrateScenario = (raw: unknown): Migration => {
  if (!isObj(raw)) return { value: raw, fromVersion: undefined, changes: [] };
  const v = raw['openbmd'];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > SCENARIO_FORMAT_VERSION) {
    return { value: raw, fromVersion: undefined, changes: [] };
  }
  const changes: string[] = [];
  let doc: Obj = raw;
  for (let version = v; version < SCENARIO_FORMAT_VERSION; version++) {
    const step = steps.get(version);
    if (step === undefined) throw new Error(`no migration from scenario format ${version}`);
    doc = step(doc, changes);
  }
  return { value: doc, fromVersion: v, changes };
};
