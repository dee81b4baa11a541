/**
 * The public catalog (catalog/, docs/catalog.md): the embedded copy is up to date, every entry
 * parses with sources and notes, ids are unique and cross-references hold, every interceptor
 * builds at its stated burnout speed, and broken files are clear errors naming the file.
 *
 * The maximum ranges of the catalog's missiles against their references (within 10 %) are tested
 * in builtin-missiles.against-references.test.ts, which flies every catalog missile (about 0.2 s
 * each); they are not flown again here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EMBEDDED_PATH,
  readCatalogFiles,
  renderEmbedded,
  repoRoot,
} from '../../../scripts/embed-catalog.mjs';
import {
  type CatalogFile,
  catalogEntries,
  catalogEntryText,
  catalogIds,
  catalogInterceptors,
  catalogMissiles,
  defaultCatalog,
  getCatalogEntry,
  getCatalogInterceptor,
  getCatalogMissile,
  getCatalogRadar,
  getCatalogSite,
  getCatalogSpaceSensor,
  parseCatalog,
  resolveCatalogEntry,
} from '../src/catalog/catalog.js';
import { catalogFiles } from '../src/catalog/embedded.js';
import { catalogKinds } from '../src/catalog/schema.js';
import { errorCodes, OpenBmdError } from '../src/errors.js';
import { LARGE_SOLID_DRAG_TABLE } from '../src/flight/drag-tables.js';

const thrown = (fn: () => unknown): OpenBmdError => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(OpenBmdError);
    return e as OpenBmdError;
  }
  throw new Error('expected an OpenBmdError');
};

const file = (path: string): CatalogFile => ({
  path,
  text: catalogFiles.find((f) => f.path === path)?.text ?? '',
});

/** A small valid catalog: one site and one radar standing on it. */
const SITE = `openbmd-site: 1
id: here
name: Here
latDeg: 10
lonDeg: 20
kind: sensor
country: Nowhere
sources: ["own estimate"]
notes: est
`;
const RADAR = `openbmd-radar: 1
id: eye
name: Eye
siteId: here
maxRangeKm: 3000
detectionRangeKm: 2000
sources: ["own estimate"]
notes: est
`;

describe('the embedded catalog', () => {
  it('is up to date with catalog/ (else run `npm run catalog:embed`)', () => {
    const files = readCatalogFiles();
    expect(catalogFiles).toEqual(files);
    const onDisk = readFileSync(join(repoRoot, EMBEDDED_PATH), 'utf8');
    expect(onDisk).toBe(renderEmbedded(files));
  });

  it('parses, every kind present, every file under its kind, sorted by path', () => {
    const catalog = defaultCatalog();
    expect(catalog.entries).toHaveLength(catalogFiles.length);
    for (const kind of catalogKinds) expect(catalogIds(kind).length).toBeGreaterThan(0);
    const paths = catalog.entries.map((e) => e.path);
    expect(paths).toEqual([...paths].sort());
    expect(Object.isFrozen(catalog.entries)).toBe(true);
    expect(defaultCatalog()).toBe(catalog);
  });

  it('holds the entries the analyses name', () => {
    expect(catalogIds('missile')).toEqual(
      expect.arrayContaining(['no-dong', 'hwasong-15', 'sejjil-2', 'ss-18', 'ss-25', 'ss-19']),
    );
    expect(catalogIds('interceptor')).toEqual(
      expect.arrayContaining([
        'gbi-2stage',
        'gbi-3stage',
        'sm-3-ia',
        'sm-3-ib',
        'sm-3-iia',
        'thaad',
      ]),
    );
    expect(catalogIds('radar')).toEqual(
      expect.arrayContaining([
        'emr-xbr',
        'fylingdales-uewr',
        'thule-uewr',
        'an-tpy-2',
        'sbx',
        'cobra-dane',
      ]),
    );
    expect(catalogIds('space-sensor')).toEqual(['sbirs']);
    expect(catalogIds('site')).toEqual(
      expect.arrayContaining(['redzikowo', 'deveselu', 'fort-greely', 'semnan', 'seattle', 'rome']),
    );
  });

  it('every entry has sources and notes; ids are unique within a kind and name their files', () => {
    for (const kind of catalogKinds) {
      const entries = catalogEntries(kind);
      const ids = entries.map((e) => e.id);
      expect(new Set(ids).size, kind).toBe(ids.length);
      for (const e of entries) {
        expect(e.sources.length, e.path).toBeGreaterThanOrEqual(1);
        for (const s of e.sources) expect(s.length, e.path).toBeGreaterThan(10);
        expect(e.notes.length, e.path).toBeGreaterThan(20);
        expect(e.path).toBe(`catalog/${e.path.split('/')[1]}/${e.id}.yaml`);
        expect(e.name.length).toBeGreaterThan(0);
      }
    }
  });

  it('every estimate is labelled: each entry says est, calc or pub', () => {
    for (const e of catalogEntries()) {
      expect(`${e.notes} ${e.sources.join(' ')}`, e.path).toMatch(/\b(est|calc|pub)\b/);
    }
  });

  it('every missile is notional with a reference range; the built-ins are the catalog missiles', () => {
    for (const id of catalogIds('missile')) {
      const m = getCatalogMissile(id);
      expect(m.notional).toBe(true);
      expect(m.reference?.maxRangeKm, id).toBeGreaterThan(0);
      expect(m.notes, id).toMatch(/max-range/);
    }
    expect(catalogMissiles().map((m) => m.id)).toEqual(catalogIds('missile'));
    expect(catalogInterceptors().map((d) => d.id)).toEqual(catalogIds('interceptor'));
  });

  it("every radar's siteId names a catalog site (null: transportable)", () => {
    const sites = catalogIds('site');
    for (const id of catalogIds('radar')) {
      const r = getCatalogRadar(id);
      if (r.siteId === null) continue;
      expect(sites, id).toContain(r.siteId);
      expect(getCatalogSite(r.siteId).kind, id).toBe('sensor');
    }
    expect(getCatalogRadar('sbx').siteId).toBeNull();
    expect(getCatalogRadar('emr-xbr').siteId).toBe('brdy');
  });

  it('every interceptor builds and reaches its stated burnout speed within 2 %', () => {
    for (const id of catalogIds('interceptor')) {
      const spec = getCatalogEntry('interceptor', id).value;
      const d = getCatalogInterceptor(id);
      expect(d.id).toBe(id);
      expect(Math.abs(d.burnoutSpeedMps / spec.burnoutSpeedMps - 1), id).toBeLessThan(0.02);
      expect(d.vehicle.stages).toHaveLength(spec.stageCount);
      expect(d.killVehicle.minAltitudeM).toBe(spec.killVehicle.minAltitudeKm * 1000);
      expect(d.killVehicle.maxAltitudeM).toBe(spec.killVehicle.maxAltitudeKm * 1000);
      expect(getCatalogInterceptor(id.toUpperCase())).toBe(d);
    }
    expect(getCatalogEntry('interceptor', 'thaad').value.killVehicle).toMatchObject({
      minAltitudeKm: 40,
      maxAltitudeKm: 150,
    });
  });

  it('gives the Minuteman III the drag table the interceptor template uses', () => {
    for (const stage of getCatalogMissile('minuteman-3').stages) {
      expect(stage.dragCoefficient).toEqual(LARGE_SOLID_DRAG_TABLE);
    }
  });

  it('returns each entry as written and as parsed, ignoring case and surrounding space', () => {
    expect(catalogEntryText('radar', 'cobra-dane')).toBe(
      readFileSync(join(repoRoot, 'catalog/radars/cobra-dane.yaml'), 'utf8'),
    );
    expect(getCatalogSite(' Deveselu ').country).toBe('Romania');
    expect(getCatalogSpaceSensor('sbirs').detectionDelayS).toBe(30);
    expect(getCatalogRadar('an-tpy-2').referenceRcsM2).toBe(0.01);
    expect(resolveCatalogEntry('hwasong-15').kind).toBe('missile');
    expect(resolveCatalogEntry('kure', 'site').value.id).toBe('kure');
  });
});

describe('unknown ids', () => {
  it('a missile: E_MISSILE_UNKNOWN with the closest id and the list', () => {
    const e = thrown(() => getCatalogMissile('hwasong15'));
    expect(e.code).toBe(errorCodes.missileUnknown);
    expect(e.message).toContain("did you mean 'hwasong-15'?");
    expect(e.message).toContain('ss-18');
  });

  it('another kind: E_CATALOG_UNKNOWN with the closest id', () => {
    const e = thrown(() => getCatalogRadar('cobra-dain'));
    expect(e.code).toBe(errorCodes.catalogUnknown);
    expect(e.message).toContain("did you mean 'cobra-dane'?");
    expect(thrown(() => getCatalogInterceptor('sm3-iia')).message).toContain("'sm-3-iia'");
    expect(thrown(() => getCatalogSite('nowhere-at-all')).message).not.toContain('did you mean');
    expect(thrown(() => getCatalogSpaceSensor('sbris')).code).toBe(errorCodes.catalogUnknown);
  });

  it('without a kind: E_CATALOG_UNKNOWN; an id of several kinds needs the kind', () => {
    const e = thrown(() => resolveCatalogEntry('fort-greelly'));
    expect(e.code).toBe(errorCodes.catalogUnknown);
    expect(e.message).toContain("did you mean 'fort-greely'?");
    const twoKinds = parseCatalog([
      { path: 'catalog/sites/here.yaml', text: SITE },
      { path: 'catalog/radars/here.yaml', text: RADAR.replace('id: eye', 'id: here') },
    ]);
    expect(thrown(() => resolveCatalogEntry('here', undefined, twoKinds)).code).toBe(
      errorCodes.invalidInput,
    );
    expect(resolveCatalogEntry('here', 'radar', twoKinds).kind).toBe('radar');
  });
});

describe('parseCatalog: broken entries are clear errors naming the file', () => {
  const errorOf = (files: CatalogFile[]): OpenBmdError => {
    const e = thrown(() => parseCatalog(files));
    expect(e.code).toBe(errorCodes.catalogInvalid);
    return e;
  };

  it('a small valid catalog parses', () => {
    const c = parseCatalog([
      { path: 'catalog/radars/eye.yaml', text: RADAR },
      { path: 'catalog/sites/here.yaml', text: SITE },
    ]);
    expect(c.entries.map((e) => e.path)).toEqual([
      'catalog/radars/eye.yaml',
      'catalog/sites/here.yaml',
    ]);
    const radar = getCatalogRadar('eye', c);
    expect(radar.faces).toHaveLength(1);
    expect(radar.referenceRcsM2).toBe(1);
    expect(getCatalogSite('here', c).altitudeM).toBe(0);
  });

  it('a bad field: file:line:col, the path and the problem', () => {
    const e = errorOf([
      { path: 'catalog/sites/here.yaml', text: SITE.replace('latDeg: 10', 'latDeg: 95') },
    ]);
    expect(e.path).toBe('catalog/sites/here.yaml');
    expect(e.message).toContain('1 problem in the catalog:');
    expect(e.message).toContain(
      'catalog/sites/here.yaml:4:9 latDeg: must be at most 90 deg, got 95',
    );
  });

  it('an unknown field with did-you-mean, a missing source, an id that is not the file name', () => {
    const e = errorOf([
      {
        path: 'catalog/radars/eye.yaml',
        text: RADAR.replace('maxRangeKm', 'maxRange').replace('id: eye', 'id: ear'),
      },
      { path: 'catalog/sites/here.yaml', text: SITE.replace('sources: ["own estimate"]\n', '') },
    ]);
    expect(e.path).toBeUndefined();
    expect(e.message).toMatch(
      /catalog\/radars\/eye\.yaml:\d+:\d+ maxRange: unknown field 'maxRange' \(did you mean 'maxRangeKm'\?\)/,
    );
    expect(e.message).toMatch(/catalog\/radars\/eye\.yaml:\d+:\d+ maxRangeKm: is missing/);
    expect(e.message).toMatch(/catalog\/sites\/here\.yaml:\d+:\d+ sources: is missing/);
    const named = errorOf([{ path: 'catalog/sites/there.yaml', text: SITE }]);
    expect(named.message).toMatch(/there\.yaml:2:5 id: the id 'here' must be the file's name/);
  });

  it('a radar whose siteId names no site, with did-you-mean', () => {
    const e = errorOf([
      { path: 'catalog/radars/eye.yaml', text: RADAR.replace('siteId: here', 'siteId: hear') },
      { path: 'catalog/sites/here.yaml', text: SITE },
    ]);
    expect(e.message).toMatch(
      /catalog\/radars\/eye\.yaml:4:9 siteId: no catalog site 'hear' \(did you mean 'here'\?\)/,
    );
  });

  it('a file in the wrong folder, under no folder, or not YAML', () => {
    const e = errorOf([
      { path: 'catalog/radars/here.yaml', text: SITE },
      { path: 'catalog/lasers/beam.yaml', text: SITE },
      { path: 'catalog/sites/here.txt', text: SITE },
    ]);
    expect(e.message).toContain(
      "catalog/radars/here.yaml:1:1 openbmd-radar: is missing: a catalog radar file starts with 'openbmd-radar: 1'",
    );
    expect(e.message).toContain('catalog/lasers/beam.yaml: is in no catalog folder');
    expect(e.message).toContain('catalog/sites/here.txt: catalog files are YAML');
  });

  it('a duplicate id within a kind', () => {
    const e = errorOf([
      { path: 'catalog/sites/here.yaml', text: SITE },
      { path: 'catalog/sites/here.yml', text: SITE },
    ]);
    expect(e.message).toMatch(
      /catalog\/sites\/here\.yml:2:5 id: duplicate site id \(also catalog\/sites\/here\.yaml\)/,
    );
  });

  it("a broken missile: the missile format's problems, under the file", () => {
    const scud = file('catalog/missiles/scud-b.yaml');
    const e = errorOf([{ ...scud, text: scud.text.replace('burnTimeS: 62', 'burnTimeS: -62') }]);
    expect(e.message).toMatch(
      /catalog\/missiles\/scud-b\.yaml:\d+:\d+ stages\[0\]\.burnTimeS: must be greater than 0 s, got -62/,
    );
    const notNotional = errorOf([
      { ...scud, text: scud.text.replace('notional: true', 'notional: false') },
    ]);
    expect(notNotional.message).toMatch(
      /scud-b\.yaml:\d+:\d+ notional: catalog entries are notional/,
    );
  });

  it('YAML syntax errors and a kill vehicle whose ceiling is under its floor', () => {
    const gbi = file('catalog/interceptors/gbi-2stage.yaml');
    const e = errorOf([
      { ...gbi, text: gbi.text.replace('maxAltitudeKm: 2000', 'maxAltitudeKm: 50') },
      { path: 'catalog/sites/here.yaml', text: 'openbmd-site: 1\nid: [here\n' },
    ]);
    expect(e.message).toMatch(
      /gbi-2stage\.yaml:\d+:\d+ killVehicle\.maxAltitudeKm: the kill vehicle's ceiling \(50 km\) must be above its floor \(100 km\)/,
    );
    expect(e.message).toMatch(/catalog\/sites\/here\.yaml:\d+:\d+: YAML syntax/);
  });

  it('an interceptor the template cannot build keeps its code and names the file', () => {
    const gbi = file('catalog/interceptors/gbi-2stage.yaml');
    const c = parseCatalog([
      { ...gbi, text: gbi.text.replace('burnoutSpeedMps: 7000', 'burnoutSpeedMps: 10500') },
    ]);
    const e = thrown(() => getCatalogInterceptor('gbi-2stage', c));
    expect(e.code).toBe(errorCodes.outOfReach);
    expect(e.path).toBe('catalog/interceptors/gbi-2stage.yaml');
  });
});
