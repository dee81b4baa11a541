/**
 * The public catalog: the one source of OpenBMD's built-in data (missiles, interceptors, ground
 * radars, space sensors and sites), each entry a YAML file of catalog/ with its sources and notes
 * (docs/catalog.md). The core does no I/O: scripts/embed-catalog.mjs embeds the files' texts in
 * embedded.ts, and a test holds that file equal to catalog/.
 *
 * `parseCatalog(files)` reads any list of files (pure; tests use it with in-memory lists) and
 * collects every problem, each with its file, line and column, before it throws one
 * E_CATALOG_INVALID. `defaultCatalog()` parses the embedded files once, on first use. The getters
 * take the catalog as an optional last argument (default: the embedded one) and throw
 * E_MISSILE_UNKNOWN (missiles) or E_CATALOG_UNKNOWN (the other kinds) with the closest id.
 *
 * Interceptors are parsed as written (the parametric form, file units); `getCatalogInterceptor`
 * builds the InterceptorDefinition (parametricInterceptor on the 'wgs84' model: the template
 * scaled to the stated burnout speed) on first use and keeps it.
 */

import { type ParametricInterceptorSpec, parametricInterceptor } from '../engage/interceptor.js';
import type { InterceptorDefinition } from '../engage/types.js';
import { errorCodes, OpenBmdError } from '../errors.js';
import {
  diagnoseMissileDefinition,
  type MissileDefinition,
  missileDefinitionSchema,
} from '../flight/missile.js';
import { type SchemaWording, schemaProblems } from '../scenario/schema-problems.js';
import {
  closestName,
  countWord,
  type FileProblem,
  formatProblemLines,
  type ParsedYaml,
  parseYamlWithPositions,
  problemAt,
  sortProblems,
} from '../scenario/yaml-problems.js';
import { catalogFiles } from './embedded.js';
import {
  CATALOG_FORMAT_VERSION,
  type CatalogInterceptor,
  type CatalogKind,
  type CatalogRadar,
  type CatalogSite,
  type CatalogSpaceSensor,
  catalogFolders,
  catalogInterceptorObject,
  catalogInterceptorSchema,
  catalogKinds,
  catalogRadarObject,
  catalogRadarSchema,
  catalogSiteObject,
  catalogSiteSchema,
  catalogSpaceSensorObject,
  catalogSpaceSensorSchema,
  catalogVersionKeys,
} from './schema.js';

/** One catalog file: its path from the repository root (`catalog/radars/sbx.yaml`) and its text. */
export interface CatalogFile {
  readonly path: string;
  readonly text: string;
}

interface EntryBase {
  /** The file's path from the repository root. */
  readonly path: string;
  /** The file's text as written (for `openbmd catalog show`). */
  readonly text: string;
}

/** One parsed catalog entry: its kind, file and value (file units, as parsed). */
export type CatalogEntry =
  | (EntryBase & { readonly kind: 'missile'; readonly value: MissileDefinition })
  | (EntryBase & { readonly kind: 'interceptor'; readonly value: CatalogInterceptor })
  | (EntryBase & { readonly kind: 'radar'; readonly value: CatalogRadar })
  | (EntryBase & { readonly kind: 'space-sensor'; readonly value: CatalogSpaceSensor })
  | (EntryBase & { readonly kind: 'site'; readonly value: CatalogSite });

export type CatalogEntryOf<K extends CatalogKind> = Extract<CatalogEntry, { readonly kind: K }>;

/** A parsed catalog: every entry, sorted by path. Plain, frozen data. */
export interface Catalog {
  readonly entries: readonly CatalogEntry[];
}

/** What `catalogEntries` lists for each entry. */
export interface CatalogEntrySummary {
  readonly kind: CatalogKind;
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly sources: readonly string[];
  readonly notes: string;
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/** How each kind's schema problems are worded (scenario/schema-problems.ts). */
const wordings: Readonly<Record<Exclude<CatalogKind, 'missile'>, SchemaWording>> = {
  interceptor: {
    rootSchema: catalogInterceptorObject,
    versionKey: catalogVersionKeys.interceptor,
    version: CATALOG_FORMAT_VERSION,
    fileKind: 'catalog interceptor',
    unionWords: { stageCount: '1, 2 or 3' },
    idExample: 'sm-3-iia',
  },
  radar: {
    rootSchema: catalogRadarObject,
    versionKey: catalogVersionKeys.radar,
    version: CATALOG_FORMAT_VERSION,
    fileKind: 'catalog radar',
    unionWords: {},
    idExample: 'cobra-dane',
  },
  'space-sensor': {
    rootSchema: catalogSpaceSensorObject,
    versionKey: catalogVersionKeys['space-sensor'],
    version: CATALOG_FORMAT_VERSION,
    fileKind: 'catalog space sensor',
    unionWords: {},
    idExample: 'sbirs',
  },
  site: {
    rootSchema: catalogSiteObject,
    versionKey: catalogVersionKeys.site,
    version: CATALOG_FORMAT_VERSION,
    fileKind: 'catalog site',
    unionWords: {},
    idExample: 'fort-greely',
  },
};

const schemas = {
  interceptor: catalogInterceptorSchema,
  radar: catalogRadarSchema,
  'space-sensor': catalogSpaceSensorSchema,
  site: catalogSiteSchema,
} as const;

const kindOfFolder = (folder: string): CatalogKind | undefined =>
  catalogKinds.find((k) => catalogFolders[k] === folder);

const folderList = catalogKinds.map((k) => `catalog/${catalogFolders[k]}/`).join(', ');

/** A file that parsed, with its YAML document (for placing cross-file problems). */
interface Parsed {
  readonly entry: CatalogEntry;
  readonly yaml: Pick<ParsedYaml, 'doc' | 'lineCounter'>;
}

/** Parses one file: its entry, or the problems found in it. */
const parseFile = (
  file: CatalogFile,
): { readonly parsed?: Parsed; readonly problems: FileProblem[] } => {
  const segments = file.path.split('/');
  const base = segments[segments.length - 1] ?? '';
  const kind = kindOfFolder(segments[segments.length - 2] ?? '');
  if (kind === undefined) {
    return {
      problems: [{ path: '', message: `is in no catalog folder: put it in one of ${folderList}` }],
    };
  }
  const stem = /^(.*)\.ya?ml$/.exec(base)?.[1];
  if (stem === undefined) {
    return { problems: [{ path: '', message: 'catalog files are YAML: name it <id>.yaml' }] };
  }
  const yaml = parseYamlWithPositions(file.text);
  let entry: CatalogEntry | undefined;
  const problems: FileProblem[] = [];
  if (kind === 'missile') {
    // One YAML parse on the good path; the missile format's own report when anything is wrong.
    const result =
      yaml.problems.length === 0
        ? missileDefinitionSchema.safeParse(yaml.value, { reportInput: true })
        : undefined;
    const definition = result?.success === true ? result.data : undefined;
    if (definition === undefined) problems.push(...diagnoseMissileDefinition(file.text).problems);
    if (definition !== undefined) {
      entry = { kind, path: file.path, text: file.text, value: definition };
      if (definition.notional !== true) {
        problems.push(
          problemAt(yaml, ['notional'], 'catalog entries are notional (public estimates): true'),
        );
      }
      if ((definition.notes ?? '').trim() === '') {
        problems.push(
          problemAt(yaml, ['notes'], 'is missing: a catalog entry says in notes what is estimated'),
        );
      }
    }
  } else {
    problems.push(...yaml.problems);
    if (yaml.value !== undefined && yaml.problems.length === 0) {
      const result = schemas[kind].safeParse(yaml.value, { reportInput: true });
      if (result.success) {
        entry = { kind, path: file.path, text: file.text, value: result.data } as CatalogEntry;
      } else {
        for (const p of schemaProblems(result.error.issues, yaml.value, wordings[kind])) {
          problems.push(problemAt(yaml, p.segments, p.message, p.atKey));
        }
      }
    }
  }
  if (entry !== undefined && entry.value.id !== stem) {
    problems.push(
      problemAt(
        yaml,
        ['id'],
        `the id '${entry.value.id}' must be the file's name: rename the file ${entry.value.id}.yaml or the id '${stem}'`,
      ),
    );
  }
  return problems.length === 0 && entry !== undefined
    ? { parsed: { entry, yaml }, problems }
    : { problems };
};

/**
 * Parses catalog files (paths from the repository root, `catalog/<folder>/<id>.yaml`; the folder
 * gives the kind). Checks every file against its kind's format, that its id is its file name,
 * that ids are unique within a kind, that missiles are notional and have notes, and that every
 * radar's siteId names a catalog site. Throws one OpenBmdError(E_CATALOG_INVALID) listing every
 * problem as `file:line:col path: what is wrong`. The result is frozen, sorted by path.
 */
export const parseCatalog = (files: readonly CatalogFile[]): Catalog => {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const problemsByFile = new Map<string, FileProblem[]>();
  const add = (path: string, ps: readonly FileProblem[]): void => {
    if (ps.length === 0) return;
    const list = problemsByFile.get(path) ?? [];
    list.push(...ps);
    problemsByFile.set(path, list);
  };
  const parsed: Parsed[] = [];
  const seen = new Map<string, string>();
  for (const file of sorted) {
    const result = parseFile(file);
    add(file.path, result.problems);
    if (result.parsed === undefined) continue;
    const { entry } = result.parsed;
    const key = `${entry.kind}/${entry.value.id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      add(file.path, [
        problemAt(result.parsed.yaml, ['id'], `duplicate ${entry.kind} id (also ${first})`),
      ]);
      continue;
    }
    seen.set(key, file.path);
    parsed.push(result.parsed);
  }
  const siteIds = parsed.filter((p) => p.entry.kind === 'site').map((p) => p.entry.value.id);
  for (const p of parsed) {
    if (p.entry.kind !== 'radar' || p.entry.value.siteId === null) continue;
    const siteId = p.entry.value.siteId;
    if (siteIds.includes(siteId)) continue;
    const hint = closestName(siteId, siteIds);
    add(p.entry.path, [
      problemAt(
        p.yaml,
        ['siteId'],
        `no catalog site '${siteId}'${hint === undefined ? '' : ` (did you mean '${hint}'?)`}: add catalog/sites/${siteId}.yaml, or write null for a transportable radar`,
      ),
    ]);
  }
  if (problemsByFile.size > 0) {
    const lines: string[] = [];
    let count = 0;
    for (const [path, ps] of problemsByFile) {
      count += ps.length;
      lines.push(...formatProblemLines(path, sortProblems(ps)));
    }
    const only = problemsByFile.size === 1 ? [...problemsByFile.keys()][0] : undefined;
    throw new OpenBmdError(
      errorCodes.catalogInvalid,
      `${countWord(count, 'problem')} in the catalog:\n${lines.join('\n')}`,
      only,
    );
  }
  return Object.freeze({
    entries: Object.freeze(parsed.map((p) => Object.freeze(p.entry))),
  });
};

let embeddedCatalog: Catalog | undefined;

/** The catalog of catalog/ as embedded in the core (parsed once, on first use). */
export const defaultCatalog = (): Catalog => {
  embeddedCatalog ??= parseCatalog(catalogFiles);
  return embeddedCatalog;
};

// ---------------------------------------------------------------------------------------------
// Lookups
// ---------------------------------------------------------------------------------------------

/** Words for a kind in messages: 'space sensor', and its plural. */
const kindWords: Readonly<Record<CatalogKind, readonly [string, string]>> = {
  missile: ['missile', 'missiles'],
  interceptor: ['interceptor', 'interceptors'],
  radar: ['radar', 'radars'],
  'space-sensor': ['space sensor', 'space sensors'],
  site: ['site', 'sites'],
};

const summaryOf = (e: CatalogEntry): CatalogEntrySummary => ({
  kind: e.kind,
  id: e.value.id,
  name: e.value.name,
  path: e.path,
  sources: e.value.sources,
  notes: e.value.notes ?? '',
});

/** Every entry (of one kind, if given) as a summary, in path order. */
export const catalogEntries = (
  kind?: CatalogKind,
  catalog: Catalog = defaultCatalog(),
): CatalogEntrySummary[] =>
  catalog.entries.filter((e) => kind === undefined || e.kind === kind).map(summaryOf);

/** The ids of one kind, in path order. */
export const catalogIds = (kind: CatalogKind, catalog: Catalog = defaultCatalog()): string[] =>
  catalog.entries.filter((e) => e.kind === kind).map((e) => e.value.id);

const unknownError = (kind: CatalogKind, id: string, catalog: Catalog): OpenBmdError => {
  const ids = catalogIds(kind, catalog);
  const hint = closestName(id.trim(), ids);
  const [one, many] = kindWords[kind];
  const did = hint === undefined ? '' : `; did you mean '${hint}'?`;
  const own =
    kind === 'missile'
      ? ' A missile of your own can be given as a YAML or JSON file (docs/missiles.md).'
      : '';
  return new OpenBmdError(
    kind === 'missile' ? errorCodes.missileUnknown : errorCodes.catalogUnknown,
    `no ${one} '${id}' in the catalog${did} Catalog ${many}: ${ids.join(', ')}.${own}`,
  );
};

/** The entry of a kind with this id (case-insensitive, surrounding space ignored), or undefined. */
export const findCatalogEntry = <K extends CatalogKind>(
  kind: K,
  id: string,
  catalog: Catalog = defaultCatalog(),
): CatalogEntryOf<K> | undefined => {
  const key = id.trim().toLowerCase();
  return catalog.entries.find((e): e is CatalogEntryOf<K> => e.kind === kind && e.value.id === key);
};

/**
 * The entry of a kind with this id. Throws E_MISSILE_UNKNOWN (missiles) or E_CATALOG_UNKNOWN
 * naming the closest id and listing the kind's ids.
 */
export const getCatalogEntry = <K extends CatalogKind>(
  kind: K,
  id: string,
  catalog: Catalog = defaultCatalog(),
): CatalogEntryOf<K> => {
  const found = findCatalogEntry(kind, id, catalog);
  if (found === undefined) throw unknownError(kind, id, catalog);
  return found;
};

/**
 * The entry with this id, of the given kind or, without one, of whichever kind has it. Throws
 * E_CATALOG_UNKNOWN (E_MISSILE_UNKNOWN for kind 'missile') with the closest id, or
 * E_INVALID_INPUT when the id names entries of several kinds and no kind is given.
 */
export const resolveCatalogEntry = (
  id: string,
  kind?: CatalogKind,
  catalog: Catalog = defaultCatalog(),
): CatalogEntry => {
  if (kind !== undefined) return getCatalogEntry(kind, id, catalog);
  const key = id.trim().toLowerCase();
  const matches = catalog.entries.filter((e) => e.value.id === key);
  const [only] = matches;
  if (only !== undefined && matches.length === 1) return only;
  if (matches.length > 1) {
    throw new OpenBmdError(
      errorCodes.invalidInput,
      `'${id}' names catalog entries of several kinds (${matches.map((e) => kindWords[e.kind][0]).join(', ')}): give the kind`,
    );
  }
  const all = catalog.entries.map((e) => e.value.id);
  const hint = closestName(id.trim(), all);
  throw new OpenBmdError(
    errorCodes.catalogUnknown,
    `no catalog entry '${id}'${hint === undefined ? '' : `; did you mean '${hint}'?`} (\`openbmd catalog list\` lists them)`,
  );
};

/** The YAML text of an entry, as written in its file. */
export const catalogEntryText = (
  kind: CatalogKind,
  id: string,
  catalog: Catalog = defaultCatalog(),
): string => getCatalogEntry(kind, id, catalog).text;

/** A catalog missile (the missile format, validated). Throws E_MISSILE_UNKNOWN. */
export const getCatalogMissile = (
  id: string,
  catalog: Catalog = defaultCatalog(),
): MissileDefinition => getCatalogEntry('missile', id, catalog).value;

/** Every catalog interceptor, built (on first use), in path order. */
export const catalogInterceptors = (catalog: Catalog = defaultCatalog()): InterceptorDefinition[] =>
  catalogIds('interceptor', catalog).map((id) => getCatalogInterceptor(id, catalog));

/** Every catalog missile, in path order. */
export const catalogMissiles = (catalog: Catalog = defaultCatalog()): MissileDefinition[] =>
  catalogIds('missile', catalog).map((id) => getCatalogMissile(id, catalog));

/** A catalog radar as written (file units: km, deg, s) with its siteId. Throws E_CATALOG_UNKNOWN. */
export const getCatalogRadar = (id: string, catalog: Catalog = defaultCatalog()): CatalogRadar =>
  getCatalogEntry('radar', id, catalog).value;

/** A catalog space-based infrared sensor as written. Throws E_CATALOG_UNKNOWN. */
export const getCatalogSpaceSensor = (
  id: string,
  catalog: Catalog = defaultCatalog(),
): CatalogSpaceSensor => getCatalogEntry('space-sensor', id, catalog).value;

/** A catalog site as written (deg, m). Throws E_CATALOG_UNKNOWN. */
export const getCatalogSite = (id: string, catalog: Catalog = defaultCatalog()): CatalogSite =>
  getCatalogEntry('site', id, catalog).value;

/** The parametric spec of a catalog interceptor (SI units) for `parametricInterceptor`. */
export const catalogInterceptorSpec = (entry: CatalogInterceptor): ParametricInterceptorSpec => ({
  id: entry.id,
  name: entry.name,
  burnoutSpeedMps: entry.burnoutSpeedMps,
  burnTimeS: entry.burnTimeS,
  stageCount: entry.stageCount,
  killVehicle: {
    minAltitudeM: entry.killVehicle.minAltitudeKm * 1000,
    maxAltitudeM: entry.killVehicle.maxAltitudeKm * 1000,
    divertMps: entry.killVehicle.divertMps,
    massKg: entry.killVehicle.massKg,
  },
  sources: entry.sources,
  notes: entry.notes,
});

/** Interceptors built so far, per catalog (built once each: about 10-100 ms). */
const builtInterceptors = new WeakMap<Catalog, Map<string, InterceptorDefinition>>();

/**
 * A catalog interceptor, built by `parametricInterceptor` on the 'wgs84' model (the template
 * scaled to the entry's burnout speed) on first use and kept. Throws E_CATALOG_UNKNOWN; a build
 * error (a speed the template cannot reach) keeps its code and names the file.
 */
export const getCatalogInterceptor = (
  id: string,
  catalog: Catalog = defaultCatalog(),
): InterceptorDefinition => {
  const entry = getCatalogEntry('interceptor', id, catalog);
  let cache = builtInterceptors.get(catalog);
  if (cache === undefined) {
    cache = new Map();
    builtInterceptors.set(catalog, cache);
  }
  const cached = cache.get(entry.value.id);
  if (cached !== undefined) return cached;
  let built: InterceptorDefinition;
  try {
    built = Object.freeze(parametricInterceptor(catalogInterceptorSpec(entry.value)));
  } catch (e) {
    if (e instanceof OpenBmdError) throw new OpenBmdError(e.code, e.message, entry.path);
    throw e;
  }
  cache.set(entry.value.id, built);
  return built;
};
