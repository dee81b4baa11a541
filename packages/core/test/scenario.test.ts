/**
 * The scenario format: parsing (every problem at once, with file:line:col and did-you-mean),
 * cross-reference checks, resolution to SI units and radians, the JSON Schema, and the flagship
 * scenario scenarios/europe-2008.yaml.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OpenBmdError } from '../src/errors.js';
import { diagnoseScenario, parseScenario } from '../src/scenario/parse.js';
import { completeSensor, resolveScenario } from '../src/scenario/resolve.js';
import { scenarioJsonSchema } from '../src/scenario/schema.js';

const FLAGSHIP_PATH = new URL('../../../scenarios/europe-2008.yaml', import.meta.url);
const flagshipText = readFileSync(FLAGSHIP_PATH, 'utf8');
const DEG = Math.PI / 180;

/** A small valid scenario; tests replace parts of it. */
const SMALL = `openbmd: 1
name: small
sites:
  - { id: redzikowo, latDeg: 54.473, lonDeg: 17.123 }
  - { id: semnan, latDeg: 35.23, lonDeg: 53.92 }
  - { id: berlin, latDeg: 52.52, lonDeg: 13.40 }
sensors:
  - id: xbr
    type: radar
    site: redzikowo
    maxRangeKm: 4000
    detectionRangeKm: 2000
    fireControl: true
  - { id: sbirs, type: space-infrared, detectionDelayS: 30, trackDelayS: 30 }
interceptorSites:
  - id: poland
    site: redzikowo
    interceptor: gbi-2stage
    inventory: 10
    commit: { requires: [xbr] }
threats:
  - id: semnan-berlin
    missile: iran-icbm-notional
    from: semnan
    to: berlin
    rcsM2: 0.1
`;

/** The problems of a text, as `line:col path: message` strings. */
const problemsOf = (text: string): string[] =>
  diagnoseScenario(text).problems.map(
    (p) => `${p.line ?? '?'}:${p.col ?? '?'} ${p.path}: ${p.message}`,
  );

/** The error parseScenario throws. */
const errorOf = (text: string, file = 'test.yaml'): OpenBmdError => {
  try {
    parseScenario(text, file);
  } catch (e) {
    if (e instanceof OpenBmdError) return e;
    throw e;
  }
  throw new Error('expected parseScenario to throw');
};

describe('parseScenario', () => {
  it('reads a small scenario and fills in the defaults', () => {
    const doc = parseScenario(SMALL, 'small.yaml');
    expect(doc.fidelity).toBe('wgs84');
    expect(doc.interceptors).toEqual([]);
    expect(doc.epoch).toBe('2000-01-01T12:00:00Z');
    expect(doc.threats[0]?.rvCount).toBe(1);
    expect(doc.analysis).toEqual({ sensitivity: true, trackSampleS: 10 });
    // A sensor's defaults are filled in when it is completed (a catalog base may give them).
    const radar = completeSensor(doc.sensors[0]!);
    expect(radar.type).toBe('radar');
    if (radar.type !== 'radar') return;
    expect(radar.faces).toEqual([
      { boresightAzimuthDeg: 0, azimuthHalfWidthDeg: 180, minElevationDeg: 0, maxElevationDeg: 90 },
    ]);
    expect(radar.minElevationDeg).toBe(0);
    expect(radar.referenceRcsM2).toBe(1);
    expect(radar.trackInitiationDelayS).toBe(0);
    const site = doc.interceptorSites[0];
    expect(site?.launchDelayS).toBe(0);
    expect(site?.killAssessmentS).toBe(0);
    expect(site?.commit).toEqual({ requires: ['xbr'], fireControl: true });
    expect(doc.threats[0]?.trajectory).toBe('minimum-energy');
    expect(doc.threats[0]?.launchTimeS).toBe(0);
    expect(doc.sites[0]?.altitudeM).toBe(0);
  });

  it('reads JSON too', () => {
    const json = JSON.stringify({
      openbmd: 1,
      name: 'json',
      threats: [
        {
          id: 't',
          missile: 'scud-b',
          from: { latDeg: 0, lonDeg: 0 },
          to: { latDeg: 0, lonDeg: 2 },
          rcsM2: 0.5,
        },
      ],
    });
    expect(parseScenario(json, 'x.json').threats[0]?.missile).toBe('scud-b');
  });

  it('reports several problems at once, each with file:line:col and path', () => {
    const text = `openbmd: 3
name: ""
sites:
  - { id: Bad_Site, latDeg: 95, lonDeg: 17 }
sensors:
  - id: xbr
    type: radar
    site: somewhere
    maxRangeKm: -5
    detectionRange: 2000
threats:
  - id: t1
    missile: shahab3
    from: { latDeg: 35, lonDeg: 53 }
    to: { latDeg: 52, lonDeg: 13 }
`;
    const e = errorOf(text, 'broken.yaml');
    expect(e.code).toBe('E_SCENARIO_INVALID');
    expect(e.message.split('\n')).toEqual([
      'broken.yaml: 10 problems in the scenario:',
      '  broken.yaml:1:10 openbmd: unknown format version 3: this OpenBMD reads versions 1 to 2 (older ones are upgraded as they are read)',
      '  broken.yaml:2:7 name: must not be empty',
      "  broken.yaml:4:11 sites[0].id: must be lowercase letters and digits in words joined by single hyphens (like 'brdy-xbr'), got 'Bad_Site'",
      '  broken.yaml:4:29 sites[0].latDeg: must be at most 90 deg, got 95',
      '  broken.yaml:6:5 sensors[0].detectionRangeKm: is missing (required)',
      "  broken.yaml:8:11 sensors[0].site: sensor 'xbr': unknown site 'somewhere'; sites: Bad_Site; catalog sites: `openbmd catalog list --kind site`",
      '  broken.yaml:9:17 sensors[0].maxRangeKm: must be greater than 0 km, got -5',
      "  broken.yaml:10:5 sensors[0].detectionRange: unknown field 'detectionRange' (did you mean 'detectionRangeKm'?)",
      '  broken.yaml:12:5 threats[0].rcsM2: is missing (required)',
      // The list of missiles is the catalog's (catalog/missiles/), which grows.
      expect.stringMatching(
        /^ {2}broken\.yaml:13:14 threats\[0\]\.missile: threat 't1': unknown missile 'shahab3' \(did you mean 'shahab-3'\?\); missiles: .*\bscud-b\b.*\bss-19\b/,
      ),
    ]);
  });

  it('says what a version-less file lacks', () => {
    expect(problemsOf('name: x\nthreats: []\n').join('\n')).toMatch(
      /openbmd: is missing: a scenario file starts with 'openbmd: 2'/,
    );
  });

  it('reports YAML syntax errors with their position', () => {
    const problems = problemsOf('openbmd: 1\nname: [unclosed\nthreats: []\n');
    expect(problems.length).toBeGreaterThan(0);
    // Only the syntax: the schema problems of a half-read document would mislead.
    for (const p of problems) expect(p).toMatch(/^\d+:\d+ : YAML syntax/);
  });

  it('names an unknown missile with the closest built-in', () => {
    const e = errorOf(SMALL.replace('missile: iran-icbm-notional', 'missile: ss19'));
    expect(e.message).toMatch(
      /test\.yaml:\d+:\d+ threats\[0\]\.missile: threat 'semnan-berlin': unknown missile 'ss19' \(did you mean 'ss-19'\?\)/,
    );
  });

  it('names a commit rule that requires an unknown sensor', () => {
    const e = errorOf(SMALL.replace('requires: [xbr]', 'requires: [xbr, sbris]'));
    expect(e.code).toBe('E_SCENARIO_INVALID');
    expect(e.message).toMatch(
      /test\.yaml:20:31 interceptorSites\[0\]\.commit\.requires\[1\]: interceptor site 'poland': the commit rule names an unknown sensor 'sbris' \(did you mean 'sbirs'\?\); sensors: xbr, sbirs/,
    );
  });

  it('names unknown sites, interceptors and bases with did-you-mean', () => {
    const text = SMALL.replace('to: berlin', 'to: berln')
      .replace('interceptor: gbi-2stage', 'interceptor: gbi-2stag')
      .replace(
        'interceptorSites:',
        'interceptors:\n  - { id: fast-gbi, base: gbi-2stge, burnoutSpeedMps: 8000 }\ninterceptorSites:',
      );
    const p = problemsOf(text).join('\n');
    expect(p).toMatch(
      /threats\[0\]\.to: threat 'semnan-berlin': unknown site 'berln' \(did you mean 'berlin'\?\)/,
    );
    expect(p).toMatch(
      /interceptorSites\[0\]\.interceptor: interceptor site 'poland': unknown interceptor 'gbi-2stag' \(did you mean 'gbi-2stage'\?\)/,
    );
    expect(p).toMatch(
      /interceptors\[0\]\.base: interceptor 'fast-gbi': no interceptor 'gbi-2stge' in the catalog \(did you mean 'gbi-2stage'\?\)/,
    );
  });

  it('rejects an interceptor site without interceptors and a radar inside the Earth', () => {
    const text = SMALL.replace('inventory: 10', 'inventory: 0').replace(
      '{ id: redzikowo, latDeg: 54.473, lonDeg: 17.123 }',
      '{ id: redzikowo, latDeg: 54.473, lonDeg: 17.123, altitudeM: -100 }',
    );
    const p = problemsOf(text).join('\n');
    expect(p).toMatch(
      /interceptorSites\[0\]\.inventory: interceptor site 'poland' has no interceptors: inventory must be at least 1, got 0/,
    );
    expect(p).toMatch(/sensors\[0\]\.site: sensor 'xbr' is inside the Earth/);
  });

  it('wants a whole number of interceptors', () => {
    const text = SMALL.replace('inventory: 10', 'inventory: 2.5');
    expect(problemsOf(text).join('\n')).toMatch(
      /interceptorSites\[0\]\.inventory: must be a whole number, got 2\.5/,
    );
  });

  it('rejects duplicate ids', () => {
    const text = SMALL.replace(
      '  - { id: berlin, latDeg: 52.52, lonDeg: 13.40 }',
      '  - { id: berlin, latDeg: 52.52, lonDeg: 13.40 }\n  - { id: semnan, latDeg: 1, lonDeg: 1 }',
    );
    expect(problemsOf(text).join('\n')).toMatch(
      /7:11 sites\[3\]\.id: duplicate id 'semnan' \(also sites\[1\]\)/,
    );
  });

  it('explains a bad trajectory, sensor type and face', () => {
    const text = SMALL.replace('rcsM2: 0.1', 'rcsM2: 0.1\n    trajectory: { apogee: 1500 }')
      .replace('type: space-infrared', 'type: infrared')
      .replace(
        'fireControl: true\n',
        'fireControl: true\n    faces: [{ boresightAzimuthDeg: 0, azimuthHalfWidthDeg: 60, minElevationDeg: 50, maxElevationDeg: 10 }]\n',
      );
    const p = problemsOf(text).join('\n');
    expect(p).toMatch(
      /threats\[0\]\.trajectory: must be 'minimum-energy', \{ apogeeKm \} or \{ flightTimeS \}, got a mapping with apogee/,
    );
    expect(p).toMatch(/sensors\[1\]\.type: must be 'radar' or 'space-infrared', got 'infrared'/);
    expect(p).toMatch(
      /sensors\[0\]\.faces\[0\]\.maxElevationDeg: the face's maximum elevation \(10 deg\) must be above its minimum \(50 deg\)/,
    );
  });

  it('suggests fields inside nested and union items', () => {
    const text = SMALL.replace(
      'rcsM2: 0.1',
      'rcsM2: 0.1\n    trajectory: { apogeeKm: 1500, flightTime: 3 }',
    ).replace('commit: { requires: [xbr] }', 'commit: { requires: [xbr], firecontrol: true }');
    const p = problemsOf(text).join('\n');
    expect(p).toMatch(
      /commit\.firecontrol: unknown field 'firecontrol' \(did you mean 'fireControl'\?\)/,
    );
    expect(p).toMatch(/trajectory\.flightTime: unknown field 'flightTime'/);
  });

  it('rejects drag without an atmosphere', () => {
    const text = SMALL.replace(
      'name: small',
      'name: small\nmodels: { atmosphere: none, drag: true }',
    );
    expect(problemsOf(text).join('\n')).toMatch(/3:9 models: drag needs an atmosphere/);
  });
});

describe('resolveScenario', () => {
  it('converts to SI units and radians and resolves references', () => {
    const text = SMALL.replace(
      'rcsM2: 0.1',
      'rcsM2: 0.1\n    trajectory: { apogeeKm: 1500 }\n    launchTimeS: 60',
    );
    const r = resolveScenario(parseScenario(text, 'small.yaml'), 'small.yaml');
    expect(r.name).toBe('small');
    expect(r.source).toBe('small.yaml');
    expect(r.model.name).toBe('wgs84');
    const radar = r.sensors[0];
    expect(radar?.kind).toBe('radar');
    if (radar?.kind !== 'radar') return;
    expect(radar.latRad).toBeCloseTo(54.473 * DEG, 12);
    expect(radar.maxRangeM).toBe(4_000_000);
    expect(radar.detectionRangeM).toBe(2_000_000);
    expect(radar.faces[0]?.azimuthHalfWidthRad).toBeCloseTo(Math.PI, 12);
    expect(radar.fireControl).toBe(true);
    expect(r.sensors[1]).toEqual({
      kind: 'space-infrared',
      id: 'sbirs',
      detectionDelayS: 30,
      trackDelayS: 30,
    });
    const site = r.interceptorSites[0];
    expect(site?.interceptor.id).toBe('gbi-2stage');
    expect(site?.lonRad).toBeCloseTo(17.123 * DEG, 12);
    expect(site?.commit).toEqual({ requiredSensorIds: ['xbr'], requireFireControl: true });
    const t = r.threats[0];
    expect(t?.missile.id).toBe('iran-icbm-notional');
    expect(t?.shape).toEqual({ kind: 'apogee', apogeeM: 1_500_000 });
    expect(t?.launchTimeS).toBe(60);
    expect(t?.toLatRad).toBeCloseTo(52.52 * DEG, 12);
    expect(t?.rcsM2).toBe(0.1);
  });

  it('applies model overrides like the CLI', () => {
    const text = SMALL.replace(
      'name: small',
      'name: small\nfidelity: round\nmodels: { atmosphere: ussa76 }',
    );
    const r = resolveScenario(parseScenario(text, 'small.yaml'), 'small.yaml');
    expect(r.model.name).toBe('custom');
    expect(r.model.atmosphere).toBe('ussa76');
    expect(r.model.drag).toBe(true);
    expect(r.model.shape).toBe('sphere');
  });

  it('builds a parametric variant of a built-in interceptor', () => {
    const text = SMALL.replace(
      'interceptorSites:',
      'interceptors:\n  - { id: fast-gbi, base: gbi-2stage, burnoutSpeedMps: 8000 }\ninterceptorSites:',
    ).replace('interceptor: gbi-2stage', 'interceptor: fast-gbi');
    const r = resolveScenario(parseScenario(text, 'small.yaml'), 'small.yaml');
    const def = r.interceptorSites[0]?.interceptor;
    expect(def?.id).toBe('fast-gbi');
    expect(def?.form).toBe('parametric');
    expect(Math.abs((def?.burnoutSpeedMps ?? 0) - 8000)).toBeLessThan(0.02 * 8000);
  });
});

describe('resolveScenario failures', () => {
  it('names the variant the parametric model cannot build, keeping the original code', () => {
    const text = SMALL.replace(
      'interceptorSites:',
      'interceptors:\n  - { id: too-fast, base: gbi-2stage, burnoutSpeedMps: 10500 }\ninterceptorSites:',
    ).replace('interceptor: gbi-2stage', 'interceptor: too-fast');
    const doc = parseScenario(text, 'small.yaml');
    let caught: unknown;
    try {
      resolveScenario(doc, 'small.yaml');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(OpenBmdError);
    const e = caught as OpenBmdError;
    expect(e.code).toBe('E_SCENARIO_INVALID');
    expect(e.message).toMatch(
      /^small\.yaml: cannot resolve the scenario: interceptors\[0\]: .*\[E_OUT_OF_REACH\]$/,
    );
  });
});

describe('scenarioJsonSchema', () => {
  it('is the input form: fields with defaults are optional', () => {
    const s = scenarioJsonSchema() as {
      required?: string[];
      properties?: Record<string, unknown>;
      additionalProperties?: unknown;
    };
    expect(s.required).toEqual(expect.arrayContaining(['openbmd', 'name', 'threats']));
    expect(s.required).not.toContain('fidelity');
    expect(s.required).not.toContain('sites');
    expect(Object.keys(s.properties ?? {})).toEqual(
      expect.arrayContaining(['sites', 'sensors', 'interceptors', 'interceptorSites', 'threats']),
    );
    expect(s.additionalProperties).toBe(false);
  });
});

describe('the flagship scenario scenarios/europe-2008.yaml', () => {
  const doc = parseScenario(flagshipText, 'europe-2008.yaml');

  it('parses, with every sensor, interceptor site and threat carrying its sources or notes', () => {
    expect(doc.name).toBe('europe-2008');
    for (const item of [
      ...doc.sensors.map(completeSensor),
      ...doc.interceptors,
      ...doc.interceptorSites,
    ]) {
      expect(item.sources?.length ?? 0, item.id).toBeGreaterThan(0);
    }
    for (const t of doc.threats) expect(t.notes, t.id).toBeDefined();
    // Its places are catalog sites, each with its sources.
    expect(doc.sites).toEqual([]);
    expect(doc.threats.length).toBeGreaterThanOrEqual(8);
    expect(doc.threats.length).toBeLessThanOrEqual(10);
  });

  it('holds the 2008 site: ten interceptors at Redzikowo, the Brdy radar, two early-warning radars, SBIRS', () => {
    const r = resolveScenario(doc, 'europe-2008.yaml');
    const poland = r.interceptorSites.find((s) => s.id === 'poland');
    expect(poland?.inventory).toBe(10);
    expect(poland?.latRad).toBeCloseTo(54.473 * DEG, 12);
    expect(poland?.lonRad).toBeCloseTo(17.123 * DEG, 12);
    expect(r.sensors.map((s) => s.id)).toEqual([
      'brdy-xbr',
      'fylingdales-uewr',
      'thule-uewr',
      'sbirs',
    ]);
    const fyl = r.sensors.find((s) => s.id === 'fylingdales-uewr');
    expect(fyl?.kind === 'radar' ? fyl.faces.length : 0).toBe(3);
    const thule = r.sensors.find((s) => s.id === 'thule-uewr');
    expect(thule?.kind === 'radar' ? thule.faces.length : 0).toBe(2);
    const missiles = new Set(r.threats.map((t) => t.missile.id));
    expect([...missiles].sort()).toEqual(['iran-icbm-notional', 'ss-19', 'ss-27']);
  });
});

describe('claims', () => {
  const base = `openbmd: 1
name: claims
sites:
  - { id: a, latDeg: 54, lonDeg: 17 }
  - { id: b, latDeg: 38.9, lonDeg: -77 }
interceptors:
  - { id: slow, base: gbi-2stage, burnoutSpeedMps: 5400 }
interceptorSites:
  - { id: poland, site: a, interceptor: slow, inventory: 10 }
threats:
  - { id: t1, missile: ss-19, from: { latDeg: 54, lonDeg: 35.8 }, to: b, rcsM2: 0.05 }
`;
  it('resolves each claim with the scenario path of its deciding parameter', () => {
    const text = `${base}claims:
  - { id: c1, text: "poland engages t1", site: poland, threat: t1 }
  - { id: c2, text: "poland engages t1 in time", site: poland, threat: t1, decidingParameter: commit-delay }
`;
    const r = resolveScenario(parseScenario(text, 'c.yaml'), 'c.yaml');
    expect(r.claims).toEqual([
      {
        id: 'c1',
        text: 'poland engages t1',
        siteId: 'poland',
        threatId: 't1',
        decidingParameter: 'burnout-speed',
        parameterPath: 'interceptors.slow.burnoutSpeedMps',
      },
      {
        id: 'c2',
        text: 'poland engages t1 in time',
        siteId: 'poland',
        threatId: 't1',
        decidingParameter: 'commit-delay',
        parameterPath: 'interceptorSites.poland.launchDelayS',
      },
    ]);
  });

  it('a claim naming an unknown site or threat is E_SCENARIO_INVALID naming the claim', () => {
    const text = `${base}claims:
  - { id: c1, text: "x", site: polnd, threat: t2 }
`;
    expect(() => parseScenario(text, 'c.yaml')).toThrow(
      expect.objectContaining({
        code: 'E_SCENARIO_INVALID',
        message: expect.stringMatching(
          /claims\[0\]\.site: claim 'c1': unknown interceptor site 'polnd'[\s\S]*claims\[0\]\.threat: claim 'c1': unknown threat 't2'/,
        ),
      }),
    );
  });
});
