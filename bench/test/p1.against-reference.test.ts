/**
 * Benchmark P1's accuracy requirement (../shared/bench/propagation.md): every impact point within
 * 10 m and every time of flight within 0.01 s of the reference (SciPy DOP853 at rtol 1e-12,
 * bench/authorities/p1-reference.csv, a copy of ../shared/bench/p1-reference.csv), for all 10,000 trajectories, with the timed run's settings.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compareP1,
  createP1Outputs,
  createP1Propagator,
  p1Csv,
  p1Settings,
  parseP1Reference,
} from '../src/p1.js';

const tenMetresM = 10;
const hundredthSecondS = 0.01;
const referencePath = new URL('../authorities/p1-reference.csv', import.meta.url);

describe('benchmark P1 against the SciPy DOP853 reference', () => {
  const reference = parseP1Reference(readFileSync(referencePath, 'utf8'));
  it('has 10,000 reference rows', () => {
    expect(reference).toHaveLength(10_000);
  });

  it(`meets the accuracy for N = 10,000 with the timed settings (${p1Settings.method}, rtol ${p1Settings.rtol})`, () => {
    const n = 10_000;
    const out = createP1Outputs(n);
    createP1Propagator()(0, n, out);
    const err = compareP1(out, reference, n);
    expect(err.maxImpactErrorM).toBeLessThan(tenMetresM);
    expect(err.maxTimeErrorS).toBeLessThan(hundredthSecondS);
    expect(err.maxApogeeErrorM).toBeLessThan(100);
    // The CSV has the reference's columns and one row per trajectory.
    const csv = p1Csv(out, n).trim().split('\n');
    expect(csv[0]).toBe('i,tof_s,impact_lat_deg,impact_lon_deg,apogee_m');
    expect(csv).toHaveLength(n + 1);
  });

  it('converges to the reference at a tight tolerance (DOP853, rtol 1e-11): under 1 cm, 1e-5 s', () => {
    const n = 200;
    const out = createP1Outputs(n);
    createP1Propagator({ method: 'dop853', rtol: 1e-11, atol: 1e-8 })(0, n, out);
    const err = compareP1(out, reference, n);
    expect(err.maxImpactErrorM).toBeLessThan(0.01);
    expect(err.maxTimeErrorS).toBeLessThan(1e-5);
  });
});
