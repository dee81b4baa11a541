/**
 * `openbmd engage SCENARIO`: bad scenarios are bad input (exit 2, E_SCENARIO_INVALID, one
 * `file:line:col path: problem` line per problem); the flagship's JSON document has the public
 * field names.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCodeOf, jsonOf, numbersIn, runCli } from './helpers.js';

const FLAGSHIP = new URL('../../../scenarios/europe-2008.yaml', import.meta.url);

/** Runs `openbmd engage FILE` with the file's text given in place of the file system. */
const engage = (
  text: string,
  args: readonly string[] = [],
  file = 'scenario.yaml',
  io: { progress?: boolean } = {},
) =>
  runCli(['engage', file, ...args], {
    readTextFile: (path: string) => {
      if (path !== file) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return text;
    },
    ...io,
  });

/** A small valid scenario: one radar, one site, one threat. */
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
    trackInitiationDelayS: 10
    fireControl: true
interceptorSites:
  - id: poland
    site: redzikowo
    interceptor: gbi-2stage
    inventory: 10
    launchDelayS: 30
    commit: { requires: [xbr] }
threats:
  - id: semnan-berlin
    missile: iran-icbm-notional
    from: semnan
    to: berlin
    rcsM2: 0.1
`;

/** The indented `file:line:col path: problem` lines after the error line. */
const problemLines = (stderr: string): string[] =>
  stderr.split('\n').filter((l) => l.startsWith('  '));

describe('openbmd engage: bad scenarios', () => {
  it('lists every problem of a malformed scenario at once, exit 2', async () => {
    const text = `openbmd: 1
name: broken
sites:
  - { id: semnan, latDeg: 135.23, lonDeg: 53.92 }
sensors:
  - { id: xbr, type: radar, site: semnan, maxRangeKm: 4000, detectionRangeKm: 2000, fireControll: true }
threats:
  - { id: t1, missile: ss-19, from: semnan, to: { latDeg: 38.9, lonDeg: -77.04 }, rcsM2: -1 }
`;
    const r = await engage(text, [], 'broken.yaml');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(errorCodeOf(r)).toBe('E_SCENARIO_INVALID');
    expect(r.stderr).toMatch(
      /^openbmd: error: broken\.yaml: 3 problems in the scenario: \[E_SCENARIO_INVALID\]$/m,
    );
    expect(problemLines(r.stderr)).toEqual([
      '  broken.yaml:4:27 sites[0].latDeg: must be at most 90 deg, got 135.23',
      "  broken.yaml:6:85 sensors[0].fireControll: unknown field 'fireControll' (did you mean 'fireControl'?)",
      '  broken.yaml:8:90 threats[0].rcsM2: must be greater than 0 m^2, got -1',
    ]);
  });

  it('names an unknown missile with the closest built-in', async () => {
    const r = await engage(SMALL.replace('missile: iran-icbm-notional', 'missile: shahab3'));
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_SCENARIO_INVALID');
    expect(problemLines(r.stderr)[0]).toMatch(
      /^ {2}scenario\.yaml:24:14 threats\[0\]\.missile: threat 'semnan-berlin': unknown missile 'shahab3' \(did you mean 'shahab-3'\?\)/,
    );
  });

  it('names a commit rule that requires an unknown sensor', async () => {
    const r = await engage(SMALL.replace('requires: [xbr]', 'requires: [xbrr]'));
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_SCENARIO_INVALID');
    expect(problemLines(r.stderr)).toEqual([
      "  scenario.yaml:21:26 interceptorSites[0].commit.requires[0]: interceptor site 'poland': the commit rule names an unknown sensor 'xbrr' (did you mean 'xbr'?); sensors: xbr",
    ]);
  });

  it('says so when the file cannot be read', async () => {
    const r = await runCli(['engage', 'no-such-scenario.yaml'], {
      readTextFile: () => {
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      },
    });
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_SCENARIO_INVALID');
    expect(r.stderr).toMatch(
      /cannot read the scenario file 'no-such-scenario\.yaml': no such file/,
    );
  });

  it('needs a scenario argument (usage error)', async () => {
    const r = await runCli(['engage']);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_INVALID_INPUT');
  });
});

describe('openbmd engage: the flagship scenario', () => {
  it('prints the JSON document with the public field names', async () => {
    const r = await runCli(['engage', FLAGSHIP.pathname, '--json'], {
      readTextFile: (path: string) => readFileSync(path, 'utf8'),
    });
    expect(r.code, r.stderr).toBe(0);
    const doc = jsonOf(r);
    expect(Object.keys(doc).sort()).toEqual(
      [
        'claims',
        'engagements',
        'fidelity',
        'flyoutErrors',
        'models',
        'scenario',
        'sensors',
        'threats',
      ].sort(),
    );
    expect(doc['scenario']).toBe('europe-2008');
    // The two claims in dispute, answered with their deciding parameter's threshold.
    const claims = doc['claims'] as Record<string, unknown>[];
    expect(claims.map((c) => c['id'])).toEqual([
      'poland-engages-semnan-to-washington',
      'poland-engages-kozelsk-to-washington',
    ]);
    for (const c of claims) {
      expect(Object.keys(c).sort()).toEqual(['holds', 'id', 'margin', 'text', 'threshold']);
      const threshold = c['threshold'] as Record<string, unknown> | null;
      if (threshold !== null) {
        expect(Object.keys(threshold).sort()).toEqual(['holdsAbove', 'parameter', 'unit', 'value']);
        expect(threshold['unit']).toBe('km/s');
        expect(threshold['parameter']).toBe('interceptors.gbi-2stage-mda.burnoutSpeedMps');
        const margin = c['margin'] as { value: number; unit: string };
        expect(margin.unit).toBe('km/s');
        // The claim holds exactly when the margin is not negative.
        expect(c['holds']).toBe(margin.value >= 0);
      }
    }
    expect(doc['fidelity']).toBe('wgs84');
    const threats = doc['threats'] as Record<string, unknown>[];
    expect(threats.length).toBe(9);
    for (const t of threats) {
      expect(Object.keys(t).sort()).toEqual(
        [
          'apogeeKm',
          'burnoutTimeS',
          'groundRangeKm',
          'impactTimeS',
          'launchTimeS',
          'missileId',
          'threatId',
        ].sort(),
      );
    }
    const sensors = doc['sensors'] as Record<string, unknown>[];
    expect(sensors.length).toBe(4 * threats.length);
    for (const s of sensors) {
      expect(Object.keys(s).sort()).toEqual(
        ['fireControlS', 'firstDetectionS', 'reason', 'sensorId', 'threatId', 'trackS'].sort(),
      );
    }
    const engagements = doc['engagements'] as Record<string, unknown>[];
    expect(engagements.length).toBe(threats.length);
    const pointKeys = [
      'altitudeKm',
      'closingSpeedMps',
      'geometry',
      'latDeg',
      'launchTimeS',
      'lonDeg',
      'timeS',
    ];
    for (const e of engagements) {
      expect(Object.keys(e).sort()).toEqual(
        [
          'engageable',
          'firstIntercept',
          'lastIntercept',
          'maxCommitDelayS',
          'minBurnoutSpeedMps',
          'reason',
          'shotOpportunities',
          'siteId',
          'threatId',
          'window',
        ].sort(),
      );
      if (e['engageable'] === true) {
        expect(e['reason']).toBeNull();
        expect(Object.keys(e['window'] as object).sort()).toEqual([
          'firstInterceptS',
          'lastInterceptS',
        ]);
        expect(Object.keys(e['firstIntercept'] as object).sort()).toEqual(pointKeys);
        expect(Object.keys(e['lastIntercept'] as object).sort()).toEqual(pointKeys);
      } else {
        expect(typeof e['reason']).toBe('string');
        expect(e['window']).toBeNull();
        expect(e['firstIntercept']).toBeNull();
      }
    }
    const flyout = doc['flyoutErrors'] as Record<string, unknown>[];
    expect(flyout.map((f) => f['siteId'])).toEqual(['poland']);
    for (const [path, x] of numbersIn(doc)) expect(Number.isFinite(x), path).toBe(true);
  });

  it('prints the readable summary with a progress bar on stderr', async () => {
    const r = await engage(SMALL, [], 'small.yaml', { progress: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/engage \[/);
    expect(r.stdout).toMatch(/^Scenario small \(small\.yaml\), fidelity wgs84/);
    expect(r.stdout).toMatch(/^semnan-berlin +iran-icbm-notional/m);
    expect(r.stdout).toMatch(/^xbr +semnan-berlin/m);
    expect(r.stdout).toMatch(/^poland +semnan-berlin +(yes|no)/m);
  });
});
