/** Variants: scenario paths, their checks (placed at the variant's `set`), and their documents. */
import {
  applyVariantChanges,
  diagnoseScenario,
  parseScenario,
  resolveScenario,
  setAtPath,
  variantDocument,
} from '@openbmd/core';
import { describe, expect, it } from 'vitest';

const base = `openbmd: 2
name: v
sites:
  - { id: a, latDeg: 54.47, lonDeg: 17.12 }
  - { id: b, latDeg: 51.51, lonDeg: -0.13 }
sensors:
  - { id: xbr, type: radar, site: a, maxRangeKm: 4000, detectionRangeKm: 2000, fireControl: true }
interceptors:
  - { id: slow, base: gbi-2stage, burnoutSpeedMps: 5400 }
  - { id: fast, base: gbi-2stage, burnoutSpeedMps: 8000 }
interceptorSites:
  - { id: poland, site: a, interceptor: slow, inventory: 10 }
threats:
  - { id: t1, missile: iran-icbm-notional, from: { latDeg: 35.23, lonDeg: 53.92 }, to: b, rcsM2: 0.1 }
claims:
  - { id: c1, text: "poland engages t1", site: poland, threat: t1 }
`;

describe('scenario paths', () => {
  const doc = { threats: [{ id: 't1', rcsM2: 0.1 }], models: { drag: true }, fidelity: 'wgs84' };

  it('set a field of a list item by id, of a top-level object, or a top-level field', () => {
    expect(setAtPath(doc, 'threats.t1.rcsM2', 1)).toEqual({
      value: { ...doc, threats: [{ id: 't1', rcsM2: 1 }] },
    });
    expect(setAtPath(doc, 'models.drag', false)).toEqual({
      value: { ...doc, models: { drag: false } },
    });
    expect(setAtPath(doc, 'fidelity', 'round')).toEqual({ value: { ...doc, fidelity: 'round' } });
    expect(setAtPath(doc, 'threats.t1.trajectory.apogeeKm', 900)).toEqual({
      value: { ...doc, threats: [{ id: 't1', rcsM2: 0.1, trajectory: { apogeeKm: 900 } }] },
    });
  });

  it('leave the document as it was', () => {
    setAtPath(doc, 'threats.t1.rcsM2', 1);
    expect(doc.threats[0]!.rcsM2).toBe(0.1);
  });

  it('say why a path names no parameter', () => {
    expect(setAtPath(doc, 'threats.t2.rcsM2', 1)).toEqual({
      problem: "the scenario has no threats item 't2'; threats: t1",
    });
    expect(setAtPath(doc, 'threats.t1', {})).toEqual({
      problem: "'threats.t1' names no field: write threats.<id>.<field>, e.g. threats.t1.name",
    });
    expect(setAtPath(doc, 'name', 'x')).toEqual({
      problem: "'name' cannot be changed by a variant",
    });
    expect(setAtPath(doc, 'threats.t1.id', 'x')).toEqual({
      problem: "an item's id cannot be changed by a variant",
    });
    expect(setAtPath(doc, 'threats.t1.rcsM2.x', 1)).toEqual({
      problem: "'rcsM2' is not an object in 'threats.t1.rcsM2.x'",
    });
  });

  it('a claim on the burnout speed follows its site to another interceptor', () => {
    const explicit = base.replace(
      'threat: t1 }',
      'threat: t1, decidingParameter: interceptors.slow.burnoutSpeedMps }',
    );
    const d = parseScenario(explicit, 'v.yaml');
    const { value } = applyVariantChanges(d, { 'interceptorSites.poland.interceptor': 'fast' });
    expect((value as typeof d).claims[0]!.decidingParameter).toBe(
      'interceptors.fast.burnoutSpeedMps',
    );
  });
});

describe('variants in a scenario file', () => {
  it('are checked like the scenario, each problem at the variant that causes it', () => {
    const text = `${base}variants:
  - id: critics
    set:
      sensors.xbr.detectionRangeKm: -1000
  - id: nowhere
    set:
      interceptorSites.alaska.inventory: 3
  - id: unknown-interceptor
    set:
      interceptorSites.poland.interceptor: fasst
`;
    const { problems } = diagnoseScenario(text);
    expect(problems.map((p) => [p.line, p.path, p.message])).toEqual([
      [
        20,
        'variants[0].set.sensors.xbr.detectionRangeKm',
        "variant 'critics' makes the scenario invalid: sensors[0].detectionRangeKm: must be greater than 0 km, got -1000",
      ],
      [
        23,
        'variants[1].set.interceptorSites.alaska.inventory',
        "variant 'nowhere': the scenario has no interceptorSites item 'alaska'; interceptorSites: poland",
      ],
      [
        26,
        'variants[2].set.interceptorSites.poland.interceptor',
        expect.stringMatching(
          /^variant 'unknown-interceptor' makes the scenario invalid: interceptorSites\[0\]\.interceptor: interceptor site 'poland': unknown interceptor 'fasst' \(did you mean 'fast'\?\)/,
        ),
      ],
    ]);
  });

  it('give documents that resolve with the changes applied', () => {
    const text = `${base}variants:
  - id: lewis-postol
    name: Lewis and Postol
    set:
      interceptorSites.poland.interceptor: fast
      sensors.xbr.detectionRangeKm: 1000
`;
    const d = parseScenario(text, 'v.yaml');
    const v = variantDocument(d, d.variants[0]!);
    expect(v.variants).toEqual([]);
    const r = resolveScenario(v, 'v.yaml');
    expect(r.interceptorSites[0]!.interceptor.burnoutSpeedMps).toBeCloseTo(8000, -1);
    const radar = r.sensors[0]!;
    expect(radar.kind === 'radar' && radar.detectionRangeM).toBe(1_000_000);
    expect(r.claims[0]!.parameterPath).toBe('interceptors.fast.burnoutSpeedMps');
  });

  it('must set something', () => {
    const { problems } = diagnoseScenario(`${base}variants:\n  - { id: empty, set: {} }\n`);
    expect(problems.map((p) => p.message)).toEqual(['a variant must set at least one parameter']);
  });
});
