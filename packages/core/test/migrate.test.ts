/**
 * The migration module on a corpus of files written in older format versions
 * (test/corpus/v<N>/): each is upgraded, checked and resolved, and means what it meant.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  diagnoseScenario,
  migrateScenario,
  parseScenario,
  readScenario,
  resolveScenario,
  SCENARIO_FORMAT_VERSION,
} from '@openbmd/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const corpusDir = new URL('./corpus/', import.meta.url).pathname;
const corpus = readdirSync(corpusDir).flatMap((version) =>
  readdirSync(join(corpusDir, version)).map((file) => ({
    version: Number(version.slice(1)),
    file,
    text: readFileSync(join(corpusDir, version, file), 'utf8'),
  })),
);

describe('scenario migration: the corpus of old files', () => {
  it('holds files of every older version', () => {
    for (let v = 1; v < SCENARIO_FORMAT_VERSION; v++) {
      expect(corpus.filter((c) => c.version === v).length).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(corpus.map((c) => [`v${c.version}/${c.file}`, c] as const))(
    '%s is upgraded, checked and resolved',
    (_, c) => {
      const reading = readScenario(c.text, c.file);
      expect(reading.fromVersion).toBe(c.version);
      expect(reading.document.openbmd).toBe(SCENARIO_FORMAT_VERSION);
      expect(reading.migrationChanges.at(-1)).toBe(
        `openbmd: ${SCENARIO_FORMAT_VERSION - 1} -> ${SCENARIO_FORMAT_VERSION}`,
      );
      const resolved = resolveScenario(reading.document, c.file);
      expect(resolved.threats.length).toBeGreaterThan(0);
    },
  );

  it('turns deciding parameters by kind into the scenario paths of the parameters', () => {
    const c = corpus.find((x) => x.file === 'commit-delay-claim.yaml')!;
    const r = resolveScenario(parseScenario(c.text, c.file), c.file);
    expect(r.claims.map((x) => [x.id, x.decidingParameter, x.parameterPath])).toEqual([
      ['in-time', 'commit-delay', 'interceptorSites.poland.launchDelayS'],
      ['fast-enough', 'burnout-speed', 'interceptors.slow.burnoutSpeedMps'],
      ['alaska-speed', 'burnout-speed', 'interceptors.gbi-3stage.burnoutSpeedMps'],
    ]);
    const { changes } = migrateScenario(parse(c.text));
    expect(changes).toEqual([
      "claims[0].decidingParameter: 'commit-delay' -> 'interceptorSites.poland.launchDelayS'",
      "claims[1].decidingParameter: 'burnout-speed' -> 'interceptors.slow.burnoutSpeedMps'",
      "claims[2].decidingParameter: 'burnout-speed' -> 'interceptors.gbi-3stage.burnoutSpeedMps'",
      'openbmd: 1 -> 2',
    ]);
  });

  it('reads the flagship as saved by OpenBMD 0.1 the same as the current flagship', () => {
    const old = corpus.find((x) => x.file === 'europe-2008-0.1.0.yaml')!;
    const now = readFileSync(
      new URL('../../../scenarios/europe-2008.yaml', import.meta.url),
      'utf8',
    );
    const a = resolveScenario(parseScenario(old.text, 'old.yaml'), 'x');
    const b = resolveScenario(parseScenario(now, 'now.yaml'), 'x');
    // Everything but the date label and the places' names (the current file takes its places
    // from the catalog): the same positions, sensors, sites, threats and claims.
    const unnamed = (r: typeof a) => ({
      ...r,
      epoch: '',
      places: r.places.map((p) => ({ ...p, name: '' })),
    });
    expect(unnamed(a)).toEqual(unnamed(b));
  });

  it('keeps the positions of problems in an old file', () => {
    const c = corpus.find((x) => x.file === 'commit-delay-claim.yaml')!;
    const broken = c.text.replace('detectionRangeKm: 2000', 'detectionRangeKm: -1');
    const { problems, fromVersion } = diagnoseScenario(broken);
    expect(fromVersion).toBe(1);
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'sensors[0].detectionRangeKm',
        line: broken.split('\n').findIndex((l) => l.includes('detectionRangeKm: -1')) + 1,
      }),
    ]);
  });
});

describe('scenario migration: properties', () => {
  it('leaves a current document as it is', () => {
    const now = parse(
      readFileSync(new URL('../../../scenarios/europe-2008.yaml', import.meta.url), 'utf8'),
    ) as unknown;
    const m = migrateScenario(now);
    expect(m.value).toBe(now);
    expect(m.changes).toEqual([]);
    expect(m.fromVersion).toBe(SCENARIO_FORMAT_VERSION);
  });

  it('leaves anything that is not a versioned mapping to the schema', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const isVersioned =
          x !== null &&
          typeof x === 'object' &&
          !Array.isArray(x) &&
          Number.isInteger((x as Record<string, unknown>)['openbmd']) &&
          ((x as Record<string, unknown>)['openbmd'] as number) >= 1 &&
          ((x as Record<string, unknown>)['openbmd'] as number) <= SCENARIO_FORMAT_VERSION;
        fc.pre(!isVersioned);
        const m = migrateScenario(x);
        expect(m.value).toBe(x);
        expect(m.fromVersion).toBeUndefined();
      }),
    );
  });

  it('never throws on a version-1 mapping of any shape, and always sets the version', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.anything()), fc.anything(), (rest, claims) => {
        const m = migrateScenario({ ...rest, openbmd: 1, claims });
        expect((m.value as Record<string, unknown>)['openbmd']).toBe(2);
      }),
    );
  });
});
