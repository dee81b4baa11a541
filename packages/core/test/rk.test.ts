import { describe, expect, it } from 'vitest';
import {
  createRkWorkspace,
  type DenseSink,
  evaluateDense,
  integrate,
  type RkMethodName,
} from '../src/integrate/rk.js';

const methods: RkMethodName[] = ['dopri5', 'dop853'];

// Harmonic oscillator y'' = -y: exact solution y = cos t, y' = -sin t.
const oscillator = (_t: number, y: Float64Array, dydt: Float64Array): void => {
  dydt[0] = y[1]!;
  dydt[1] = -y[0]!;
};

describe.each(methods)('%s', (method) => {
  it('integrates the harmonic oscillator to its tolerance', () => {
    const ws = createRkWorkspace(method, 2);
    integrate(ws, oscillator, 0, [1, 0], 10, { rtol: 1e-10, atol: 1e-12 }, [], null);
    expect(ws.tS).toBe(10);
    expect(Math.abs(ws.y[0]! - Math.cos(10))).toBeLessThan(1e-8);
    expect(Math.abs(ws.y[1]! + Math.sin(10))).toBeLessThan(1e-8);
  });

  it('converges at its order: error falls as the tolerance tightens', () => {
    const errs = [1e-5, 1e-8].map((rtol) => {
      const ws = createRkWorkspace(method, 2);
      integrate(ws, oscillator, 0, [1, 0], 20, { rtol, atol: rtol }, [], null);
      return { err: Math.abs(ws.y[0]! - Math.cos(20)), evals: ws.rhsEvaluations };
    });
    expect(errs[1]!.err).toBeLessThan(errs[0]!.err / 100);
    expect(errs[1]!.evals).toBeGreaterThan(errs[0]!.evals);
  });

  it('gives a continuous solution between steps accurate to the tolerance', () => {
    const ws = createRkWorkspace(method, 2);
    const ncoef = method === 'dopri5' ? 5 : 8;
    let maxErr = 0;
    let steps = 0;
    const out = new Float64Array(2);
    const sink: DenseSink = {
      addStep(t, h, c) {
        steps++;
        for (const theta of [0, 0.25, 0.5, 0.75, 1]) {
          evaluateDense(c, 0, ncoef, 2, theta, out);
          maxErr = Math.max(maxErr, Math.abs(out[0]! - Math.cos(t + theta * h)));
        }
      },
    };
    integrate(ws, oscillator, 0, [1, 0], 10, { rtol: 1e-9, atol: 1e-12 }, [], sink);
    expect(steps).toBe(ws.steps - ws.rejectedSteps);
    expect(maxErr).toBeLessThan(1e-7);
  });

  it('locates events on the dense output: zeros of cos t, falling only, terminal at the third', () => {
    const ws = createRkWorkspace(method, 2);
    let rising = 0;
    integrate(
      ws,
      oscillator,
      0,
      [1, 0],
      100,
      { rtol: 1e-8, atol: 1e-10, eventTimeTolS: 1e-12 },
      [
        { name: 'falling', g: (_t, y) => y[0]!, direction: -1, terminal: false },
        {
          name: 'rising',
          g: (_t, y) => {
            return y[0]!;
          },
          direction: 1,
          terminal: false,
        },
        { name: 'stop', g: (t) => t - 5 * Math.PI, direction: 1, terminal: true },
      ],
      null,
    );
    const falling: number[] = [];
    for (let k = 0; k < ws.eventCount; k++) {
      if (ws.eventIndex[k] === 0) falling.push(ws.eventTimeS[k]!);
      if (ws.eventIndex[k] === 1) rising++;
    }
    // cos falls through zero at pi/2, 5pi/2, 9pi/2 before 5 pi
    expect(falling).toHaveLength(3);
    falling.forEach((t, i) => {
      expect(Math.abs(t - (Math.PI / 2 + 2 * Math.PI * i))).toBeLessThan(1e-7);
    });
    expect(rising).toBe(2);
    expect(ws.terminalEvent).toBe(2);
    expect(Math.abs(ws.tS - 5 * Math.PI)).toBeLessThan(1e-9);
  });
});

describe('Kepler orbit (two-body, GM = 1)', () => {
  const kepler = (_t: number, y: Float64Array, dydt: Float64Array): void => {
    const r2 = y[0]! * y[0]! + y[1]! * y[1]!;
    const r3 = r2 * Math.sqrt(r2);
    dydt[0] = y[2]!;
    dydt[1] = y[3]!;
    dydt[2] = -y[0]! / r3;
    dydt[3] = -y[1]! / r3;
  };
  it.each(methods)('%s returns to the start after one period (e = 0.5)', (method) => {
    // Periapsis r = a(1 - e) = 0.5 with a = 1; speed sqrt((1 + e)/(1 - e)) = sqrt(3).
    const ws = createRkWorkspace(method, 4);
    integrate(
      ws,
      kepler,
      0,
      [0.5, 0, 0, Math.sqrt(3)],
      2 * Math.PI,
      { rtol: 1e-11, atol: 1e-13 },
      [],
      null,
    );
    expect(Math.abs(ws.y[0]! - 0.5)).toBeLessThan(1e-8);
    expect(Math.abs(ws.y[1]!)).toBeLessThan(1e-8);
  });
});

describe('failures', () => {
  it('throws E_INTEGRATION_FAILED past the step limit', () => {
    const ws = createRkWorkspace('dopri5', 2);
    expect(() =>
      integrate(
        ws,
        oscillator,
        0,
        [1, 0],
        1e6,
        { rtol: 1e-10, atol: 1e-12, maxSteps: 50 },
        [],
        null,
      ),
    ).toThrow(expect.objectContaining({ code: 'E_INTEGRATION_FAILED' }));
  });
});
