/**
 * Adaptive embedded Runge-Kutta integration with dense output and event location.
 *
 * Methods: Dormand-Prince 5(4) ('dopri5') and Dormand-Prince 8(5,3) ('dop853'), step-size control
 * and initial step as in Hairer, Norsett & Wanner, "Solving ODEs I" (1993), codes DOPRI5 and DOP853.
 * Events are located by a sign change of g(t, y) between step ends, then by Illinois regula falsi
 * on the method's continuous (dense) solution, never by small steps.
 *
 * Written for speed: all work arrays live in an explicit `RkWorkspace` made once per problem size
 * and reused; a step allocates nothing. Results are written into the workspace.
 */
import { errorCodes, OpenBmdError } from '../errors.js';
import * as D8 from './dop853.js';
import * as D5 from './dopri5.js';

export type RkMethodName = 'dopri5' | 'dop853';

/** dy/dt = f(t, y), written into dydt. Must not keep references to y or dydt. */
export type RhsFunction = (tS: number, y: Float64Array, dydt: Float64Array) => void;

/** An event function: the event happens where g changes sign. */
export type EventFunction = (tS: number, y: Float64Array) => number;

export interface EventSpec {
  readonly name: string;
  readonly g: EventFunction;
  /** +1: only rising crossings (g from - to +); -1: only falling; 0: both. */
  readonly direction: -1 | 0 | 1;
  /** Stop the integration at this event. */
  readonly terminal: boolean;
}

export interface IntegrateOptions {
  readonly rtol: number;
  readonly atol: number;
  /** First trial step, s; chosen automatically (Hairer's HINIT) when absent. */
  readonly initialStepS?: number;
  readonly maxStepS?: number;
  readonly maxSteps?: number;
  /** Event times are located to this, s. */
  readonly eventTimeTolS?: number;
}

/** Number of dense-output coefficient vectors per step. */
export const denseCoefficientCount = (method: RkMethodName): number =>
  method === 'dopri5' ? 5 : 8;

/** The order used for step-size control. */
const controlOrder = (method: RkMethodName): number => (method === 'dopri5' ? 5 : 8);

export interface RkWorkspace {
  readonly method: RkMethodName;
  readonly n: number;
  /** Current state; after `integrate`, the final state. */
  y: Float64Array;
  yNew: Float64Array;
  f: Float64Array;
  fNew: Float64Array;
  readonly yTmp: Float64Array;
  readonly yEval: Float64Array;
  readonly err: Float64Array;
  readonly err2: Float64Array;
  /** Stage derivatives k2..k16 (index = stage number; k1 is `f`). */
  readonly k: Float64Array[];
  /** Dense coefficients of the last accepted step: `denseCoefficientCount * n` numbers. */
  readonly dense: Float64Array;
  denseReady: boolean;
  /** Final time after `integrate`. */
  tS: number;
  /** Index of the terminal event that stopped the run, or -1 if it reached tEnd. */
  terminalEvent: number;
  /** Event hits of the last run: `eventCount` entries. */
  eventCount: number;
  eventIndex: Int32Array;
  eventTimeS: Float64Array;
  eventState: Float64Array;
  steps: number;
  rejectedSteps: number;
  rhsEvaluations: number;
  /** Event function values at the start of the current step (one per event). */
  gPrev: Float64Array;
  gNew: Float64Array;
}

export const createRkWorkspace = (method: RkMethodName, n: number): RkWorkspace => {
  const stages = method === 'dopri5' ? 8 : 17;
  const k: Float64Array[] = [];
  for (let i = 0; i < stages; i++) k.push(new Float64Array(n));
  const eventCapacity = 16;
  return {
    method,
    n,
    y: new Float64Array(n),
    yNew: new Float64Array(n),
    f: new Float64Array(n),
    fNew: new Float64Array(n),
    yTmp: new Float64Array(n),
    yEval: new Float64Array(n),
    err: new Float64Array(n),
    err2: new Float64Array(n),
    k,
    dense: new Float64Array(denseCoefficientCount(method) * n),
    denseReady: false,
    tS: 0,
    terminalEvent: -1,
    eventCount: 0,
    eventIndex: new Int32Array(eventCapacity),
    eventTimeS: new Float64Array(eventCapacity),
    eventState: new Float64Array(eventCapacity * n),
    steps: 0,
    rejectedSteps: 0,
    rhsEvaluations: 0,
    gPrev: new Float64Array(8),
    gNew: new Float64Array(8),
  };
};

/** Receives every accepted step's dense output (for a `Trajectory`). */
export interface DenseSink {
  /** Called once per accepted step with its start time, length and dense coefficients. */
  addStep(tStartS: number, stepS: number, coefficients: Float64Array): void;
}

const stageArray = (ws: RkWorkspace, i: number): Float64Array => ws.k[i] as Float64Array;

// ---------------------------------------------------------------------------------------------
// Dormand-Prince 5(4)

/** One trial step of DOPRI5 from (t, y, f) with step h: fills yNew, fNew; returns the error norm. */
const stepDopri5 = (
  ws: RkWorkspace,
  rhs: RhsFunction,
  t: number,
  h: number,
  rtol: number,
  atol: number,
): number => {
  const n = ws.n;
  const y = ws.y;
  const k1 = ws.f;
  const k2 = stageArray(ws, 2);
  const k3 = stageArray(ws, 3);
  const k4 = stageArray(ws, 4);
  const k5 = stageArray(ws, 5);
  const k6 = stageArray(ws, 6);
  const yt = ws.yTmp;
  const yNew = ws.yNew;
  const k7 = ws.fNew;
  for (let i = 0; i < n; i++) yt[i] = y[i]! + h * D5.A21 * k1[i]!;
  rhs(t + D5.C2 * h, yt, k2);
  for (let i = 0; i < n; i++) yt[i] = y[i]! + h * (D5.A31 * k1[i]! + D5.A32 * k2[i]!);
  rhs(t + D5.C3 * h, yt, k3);
  for (let i = 0; i < n; i++) {
    yt[i] = y[i]! + h * (D5.A41 * k1[i]! + D5.A42 * k2[i]! + D5.A43 * k3[i]!);
  }
  rhs(t + D5.C4 * h, yt, k4);
  for (let i = 0; i < n; i++) {
    yt[i] = y[i]! + h * (D5.A51 * k1[i]! + D5.A52 * k2[i]! + D5.A53 * k3[i]! + D5.A54 * k4[i]!);
  }
  rhs(t + D5.C5 * h, yt, k5);
  for (let i = 0; i < n; i++) {
    yt[i] =
      y[i]! +
      h * (D5.A61 * k1[i]! + D5.A62 * k2[i]! + D5.A63 * k3[i]! + D5.A64 * k4[i]! + D5.A65 * k5[i]!);
  }
  rhs(t + h, yt, k6);
  for (let i = 0; i < n; i++) {
    yNew[i] =
      y[i]! +
      h * (D5.A71 * k1[i]! + D5.A73 * k3[i]! + D5.A74 * k4[i]! + D5.A75 * k5[i]! + D5.A76 * k6[i]!);
  }
  rhs(t + h, yNew, k7);
  ws.rhsEvaluations += 6;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e =
      h *
      (D5.E1 * k1[i]! +
        D5.E3 * k3[i]! +
        D5.E4 * k4[i]! +
        D5.E5 * k5[i]! +
        D5.E6 * k6[i]! +
        D5.E7 * k7[i]!);
    const yi = Math.abs(y[i]!);
    const yn = Math.abs(yNew[i]!);
    const sk = atol + rtol * Math.max(yi, yn);
    const r = e / sk;
    sum += r * r;
  }
  ws.denseReady = false;
  return Math.sqrt(sum / n);
};

/** Dense coefficients of the accepted DOPRI5 step (y, f still hold the step's start). */
const prepareDenseDopri5 = (ws: RkWorkspace, h: number): void => {
  const n = ws.n;
  const d = ws.dense;
  const y = ws.y;
  const yNew = ws.yNew;
  const k1 = ws.f;
  const k3 = stageArray(ws, 3);
  const k4 = stageArray(ws, 4);
  const k5 = stageArray(ws, 5);
  const k6 = stageArray(ws, 6);
  const k7 = ws.fNew;
  for (let i = 0; i < n; i++) {
    const ydiff = yNew[i]! - y[i]!;
    const bspl = h * k1[i]! - ydiff;
    d[i] = y[i]!;
    d[n + i] = ydiff;
    d[2 * n + i] = bspl;
    d[3 * n + i] = ydiff - h * k7[i]! - bspl;
    d[4 * n + i] =
      h *
      (D5.D1 * k1[i]! +
        D5.D3 * k3[i]! +
        D5.D4 * k4[i]! +
        D5.D5 * k5[i]! +
        D5.D6 * k6[i]! +
        D5.D7 * k7[i]!);
  }
  ws.denseReady = true;
};

// ---------------------------------------------------------------------------------------------
// Dormand-Prince 8(5,3)

const stepDop853 = (
  ws: RkWorkspace,
  rhs: RhsFunction,
  t: number,
  h: number,
  rtol: number,
  atol: number,
): number => {
  const n = ws.n;
  const y = ws.y;
  const k1 = ws.f;
  const k2 = stageArray(ws, 2);
  const k3 = stageArray(ws, 3);
  const k4 = stageArray(ws, 4);
  const k5 = stageArray(ws, 5);
  const k6 = stageArray(ws, 6);
  const k7 = stageArray(ws, 7);
  const k8 = stageArray(ws, 8);
  const k9 = stageArray(ws, 9);
  const k10 = stageArray(ws, 10);
  const k11 = stageArray(ws, 11);
  const k12 = stageArray(ws, 12);
  const yt = ws.yTmp;
  const yNew = ws.yNew;
  for (let i = 0; i < n; i++) yt[i] = y[i]! + h * D8.A21 * k1[i]!;
  rhs(t + D8.C2 * h, yt, k2);
  for (let i = 0; i < n; i++) yt[i] = y[i]! + h * (D8.A31 * k1[i]! + D8.A32 * k2[i]!);
  rhs(t + D8.C3 * h, yt, k3);
  for (let i = 0; i < n; i++) yt[i] = y[i]! + h * (D8.A41 * k1[i]! + D8.A43 * k3[i]!);
  rhs(t + D8.C4 * h, yt, k4);
  for (let i = 0; i < n; i++) {
    yt[i] = y[i]! + h * (D8.A51 * k1[i]! + D8.A53 * k3[i]! + D8.A54 * k4[i]!);
  }
  rhs(t + D8.C5 * h, yt, k5);
  for (let i = 0; i < n; i++) {
    yt[i] = y[i]! + h * (D8.A61 * k1[i]! + D8.A64 * k4[i]! + D8.A65 * k5[i]!);
  }
  rhs(t + D8.C6 * h, yt, k6);
  for (let i = 0; i < n; i++) {
    yt[i] = y[i]! + h * (D8.A71 * k1[i]! + D8.A74 * k4[i]! + D8.A75 * k5[i]! + D8.A76 * k6[i]!);
  }
  rhs(t + D8.C7 * h, yt, k7);
  for (let i = 0; i < n; i++) {
    yt[i] =
      y[i]! +
      h * (D8.A81 * k1[i]! + D8.A84 * k4[i]! + D8.A85 * k5[i]! + D8.A86 * k6[i]! + D8.A87 * k7[i]!);
  }
  rhs(t + D8.C8 * h, yt, k8);
  for (let i = 0; i < n; i++) {
    yt[i] =
      y[i]! +
      h *
        (D8.A91 * k1[i]! +
          D8.A94 * k4[i]! +
          D8.A95 * k5[i]! +
          D8.A96 * k6[i]! +
          D8.A97 * k7[i]! +
          D8.A98 * k8[i]!);
  }
  rhs(t + D8.C9 * h, yt, k9);
  for (let i = 0; i < n; i++) {
    yt[i] =
      y[i]! +
      h *
        (D8.A101 * k1[i]! +
          D8.A104 * k4[i]! +
          D8.A105 * k5[i]! +
          D8.A106 * k6[i]! +
          D8.A107 * k7[i]! +
          D8.A108 * k8[i]! +
          D8.A109 * k9[i]!);
  }
  rhs(t + D8.C10 * h, yt, k10);
  for (let i = 0; i < n; i++) {
    yt[i] =
      y[i]! +
      h *
        (D8.A111 * k1[i]! +
          D8.A114 * k4[i]! +
          D8.A115 * k5[i]! +
          D8.A116 * k6[i]! +
          D8.A117 * k7[i]! +
          D8.A118 * k8[i]! +
          D8.A119 * k9[i]! +
          D8.A1110 * k10[i]!);
  }
  rhs(t + D8.C11 * h, yt, k11);
  for (let i = 0; i < n; i++) {
    yt[i] =
      y[i]! +
      h *
        (D8.A121 * k1[i]! +
          D8.A124 * k4[i]! +
          D8.A125 * k5[i]! +
          D8.A126 * k6[i]! +
          D8.A127 * k7[i]! +
          D8.A128 * k8[i]! +
          D8.A129 * k9[i]! +
          D8.A1210 * k10[i]! +
          D8.A1211 * k11[i]!);
  }
  rhs(t + h, yt, k12);
  const e5 = ws.err;
  const e3 = ws.err2;
  let err = 0;
  let err2 = 0;
  for (let i = 0; i < n; i++) {
    const incr =
      D8.B1 * k1[i]! +
      D8.B6 * k6[i]! +
      D8.B7 * k7[i]! +
      D8.B8 * k8[i]! +
      D8.B9 * k9[i]! +
      D8.B10 * k10[i]! +
      D8.B11 * k11[i]! +
      D8.B12 * k12[i]!;
    yNew[i] = y[i]! + h * incr;
    e3[i] = incr - D8.BHH1 * k1[i]! - D8.BHH2 * k9[i]! - D8.BHH3 * k12[i]!;
    e5[i] =
      D8.ER1 * k1[i]! +
      D8.ER6 * k6[i]! +
      D8.ER7 * k7[i]! +
      D8.ER8 * k8[i]! +
      D8.ER9 * k9[i]! +
      D8.ER10 * k10[i]! +
      D8.ER11 * k11[i]! +
      D8.ER12 * k12[i]!;
    const yi = Math.abs(y[i]!);
    const yn = Math.abs(yNew[i]!);
    const sk = atol + rtol * Math.max(yi, yn);
    const r5 = e5[i]! / sk;
    const r3 = e3[i]! / sk;
    err += r5 * r5;
    err2 += r3 * r3;
  }
  rhs(t + h, yNew, ws.fNew);
  ws.rhsEvaluations += 12;
  ws.denseReady = false;
  let deno = err + 0.01 * err2;
  if (deno <= 0) deno = 1;
  return Math.abs(h) * err * Math.sqrt(1 / (n * deno));
};

/** Dense coefficients of the accepted DOP853 step: three extra stages (14, 15, 16). */
const prepareDenseDop853 = (ws: RkWorkspace, rhs: RhsFunction, t: number, h: number): void => {
  const n = ws.n;
  const d = ws.dense;
  const y = ws.y;
  const yNew = ws.yNew;
  const k1 = ws.f;
  const k6 = stageArray(ws, 6);
  const k7 = stageArray(ws, 7);
  const k8 = stageArray(ws, 8);
  const k9 = stageArray(ws, 9);
  const k10 = stageArray(ws, 10);
  const k11 = stageArray(ws, 11);
  const k12 = stageArray(ws, 12);
  const k13 = ws.fNew;
  const k14 = stageArray(ws, 14);
  const k15 = stageArray(ws, 15);
  const k16 = stageArray(ws, 16);
  const yt = ws.yTmp;
  for (let i = 0; i < n; i++) {
    yt[i] =
      y[i]! +
      h *
        (D8.A141 * k1[i]! +
          D8.A147 * k7[i]! +
          D8.A148 * k8[i]! +
          D8.A149 * k9[i]! +
          D8.A1410 * k10[i]! +
          D8.A1411 * k11[i]! +
          D8.A1412 * k12[i]! +
          D8.A1413 * k13[i]!);
  }
  rhs(t + D8.C14 * h, yt, k14);
  for (let i = 0; i < n; i++) {
    yt[i] =
      y[i]! +
      h *
        (D8.A151 * k1[i]! +
          D8.A156 * k6[i]! +
          D8.A157 * k7[i]! +
          D8.A158 * k8[i]! +
          D8.A1511 * k11[i]! +
          D8.A1512 * k12[i]! +
          D8.A1513 * k13[i]! +
          D8.A1514 * k14[i]!);
  }
  rhs(t + D8.C15 * h, yt, k15);
  for (let i = 0; i < n; i++) {
    yt[i] =
      y[i]! +
      h *
        (D8.A161 * k1[i]! +
          D8.A166 * k6[i]! +
          D8.A167 * k7[i]! +
          D8.A168 * k8[i]! +
          D8.A169 * k9[i]! +
          D8.A1613 * k13[i]! +
          D8.A1614 * k14[i]! +
          D8.A1615 * k15[i]!);
  }
  rhs(t + D8.C16 * h, yt, k16);
  ws.rhsEvaluations += 3;
  for (let i = 0; i < n; i++) {
    const ydiff = yNew[i]! - y[i]!;
    const bspl = h * k1[i]! - ydiff;
    d[i] = y[i]!;
    d[n + i] = ydiff;
    d[2 * n + i] = bspl;
    d[3 * n + i] = ydiff - h * k13[i]! - bspl;
    d[4 * n + i] =
      h *
      (D8.D41 * k1[i]! +
        D8.D46 * k6[i]! +
        D8.D47 * k7[i]! +
        D8.D48 * k8[i]! +
        D8.D49 * k9[i]! +
        D8.D410 * k10[i]! +
        D8.D411 * k11[i]! +
        D8.D412 * k12[i]! +
        D8.D413 * k13[i]! +
        D8.D414 * k14[i]! +
        D8.D415 * k15[i]! +
        D8.D416 * k16[i]!);
    d[5 * n + i] =
      h *
      (D8.D51 * k1[i]! +
        D8.D56 * k6[i]! +
        D8.D57 * k7[i]! +
        D8.D58 * k8[i]! +
        D8.D59 * k9[i]! +
        D8.D510 * k10[i]! +
        D8.D511 * k11[i]! +
        D8.D512 * k12[i]! +
        D8.D513 * k13[i]! +
        D8.D514 * k14[i]! +
        D8.D515 * k15[i]! +
        D8.D516 * k16[i]!);
    d[6 * n + i] =
      h *
      (D8.D61 * k1[i]! +
        D8.D66 * k6[i]! +
        D8.D67 * k7[i]! +
        D8.D68 * k8[i]! +
        D8.D69 * k9[i]! +
        D8.D610 * k10[i]! +
        D8.D611 * k11[i]! +
        D8.D612 * k12[i]! +
        D8.D613 * k13[i]! +
        D8.D614 * k14[i]! +
        D8.D615 * k15[i]! +
        D8.D616 * k16[i]!);
    d[7 * n + i] =
      h *
      (D8.D71 * k1[i]! +
        D8.D76 * k6[i]! +
        D8.D77 * k7[i]! +
        D8.D78 * k8[i]! +
        D8.D79 * k9[i]! +
        D8.D710 * k10[i]! +
        D8.D711 * k11[i]! +
        D8.D712 * k12[i]! +
        D8.D713 * k13[i]! +
        D8.D714 * k14[i]! +
        D8.D715 * k15[i]! +
        D8.D716 * k16[i]!);
  }
  ws.denseReady = true;
};

// ---------------------------------------------------------------------------------------------
// Dense evaluation

/**
 * Evaluates dense coefficients at theta in [0, 1] of a step into out (n numbers).
 * DOPRI5 (contd5): y = c0 + th (c1 + th1 (c2 + th (c3 + th1 c4)));
 * DOP853 (contd8): y = c0 + th (c1 + th1 (c2 + th (c3 + th1 (c4 + th (c5 + th1 (c6 + th c7)))))).
 */
export const evaluateDense = (
  coefficients: Float64Array,
  offset: number,
  ncoef: number,
  n: number,
  theta: number,
  out: Float64Array,
): void => {
  const s = theta;
  const s1 = 1 - theta;
  const c = coefficients;
  if (ncoef === 5) {
    for (let i = 0; i < n; i++) {
      const o = offset + i;
      out[i] =
        c[o]! + s * (c[o + n]! + s1 * (c[o + 2 * n]! + s * (c[o + 3 * n]! + s1 * c[o + 4 * n]!)));
    }
  } else {
    for (let i = 0; i < n; i++) {
      const o = offset + i;
      out[i] =
        c[o]! +
        s *
          (c[o + n]! +
            s1 *
              (c[o + 2 * n]! +
                s *
                  (c[o + 3 * n]! +
                    s1 *
                      (c[o + 4 * n]! +
                        s * (c[o + 5 * n]! + s1 * (c[o + 6 * n]! + s * c[o + 7 * n]!))))));
    }
  }
};

// ---------------------------------------------------------------------------------------------
// Driver

const errorNorm = (ws: RkWorkspace, a: Float64Array, rtol: number, atol: number): number => {
  let sum = 0;
  const y = ws.y;
  for (let i = 0; i < ws.n; i++) {
    const sk = atol + rtol * Math.abs(y[i]!);
    const r = a[i]! / sk;
    sum += r * r;
  }
  return Math.sqrt(sum / ws.n);
};

/** Hairer's HINIT: a first step from the size of y, f and an estimate of f's derivative. */
const initialStep = (
  ws: RkWorkspace,
  rhs: RhsFunction,
  t: number,
  hMax: number,
  rtol: number,
  atol: number,
): number => {
  const n = ws.n;
  const d0 = errorNorm(ws, ws.y, rtol, atol);
  const d1 = errorNorm(ws, ws.f, rtol, atol);
  let h = d0 < 1e-10 || d1 < 1e-10 ? 1e-6 : 0.01 * (d0 / d1);
  if (h > hMax) h = hMax;
  const yt = ws.yTmp;
  for (let i = 0; i < n; i++) yt[i] = ws.y[i]! + h * ws.f[i]!;
  const f1 = stageArray(ws, 2);
  rhs(t + h, yt, f1);
  ws.rhsEvaluations += 1;
  for (let i = 0; i < n; i++) ws.err[i] = f1[i]! - ws.f[i]!;
  const d2 = errorNorm(ws, ws.err, rtol, atol) / h;
  const dm = Math.max(d1, d2);
  const h1 = dm <= 1e-15 ? Math.max(1e-6, h * 1e-3) : (0.01 / dm) ** (1 / controlOrder(ws.method));
  return Math.min(100 * h, h1, hMax);
};

const recordEvent = (ws: RkWorkspace, index: number, tS: number, y: Float64Array): void => {
  if (ws.eventCount === ws.eventIndex.length) {
    const cap = ws.eventIndex.length * 2;
    const idx = new Int32Array(cap);
    idx.set(ws.eventIndex);
    const ts = new Float64Array(cap);
    ts.set(ws.eventTimeS);
    const st = new Float64Array(cap * ws.n);
    st.set(ws.eventState);
    ws.eventIndex = idx;
    ws.eventTimeS = ts;
    ws.eventState = st;
  }
  const k = ws.eventCount++;
  ws.eventIndex[k] = index;
  ws.eventTimeS[k] = tS;
  const o = k * ws.n;
  for (let i = 0; i < ws.n; i++) ws.eventState[o + i] = y[i]!;
};

/**
 * Locates the root of g on the dense solution of one step (coefficients c, ncoef vectors of n)
 * from tStartS with length stepS, where g(theta = 0) = g0 and g(theta = 1) = g1 have opposite
 * signs: Illinois regula falsi (Dowell & Jarratt 1971) to thetaTol. Returns theta at the end of
 * the final bracket on the "after" side, so the state there is past the event. `y` is scratch.
 */
export const locateOnDense = (
  c: Float64Array,
  ncoef: number,
  n: number,
  tStartS: number,
  stepS: number,
  g: EventFunction,
  g0: number,
  g1: number,
  thetaTol: number,
  y: Float64Array,
): number => {
  let a = 0;
  let b = 1;
  let ga = g0;
  let gb = g1;
  let side = 0;
  for (let iter = 0; iter < 100; iter++) {
    let m = (a * gb - b * ga) / (gb - ga);
    if (!(m > a && m < b)) m = 0.5 * (a + b);
    evaluateDense(c, 0, ncoef, n, m, y);
    const gm = g(tStartS + m * stepS, y);
    if (gm === 0) return m;
    if (gm > 0 === gb > 0) {
      b = m;
      gb = gm;
      if (side === -1) ga *= 0.5;
      side = -1;
    } else {
      a = m;
      ga = gm;
      if (side === 1) gb *= 0.5;
      side = 1;
    }
    if (b - a <= thetaTol) break;
  }
  return b;
};

/**
 * Integrates dy/dt = rhs(t, y) forward from t0 to at most tEnd, locating events. On return the
 * workspace holds the final time (`tS`), state (`y`), the terminal event (`terminalEvent`) and
 * all event hits (`eventCount`, `eventIndex`, `eventTimeS`, `eventState`). Throws
 * E_INTEGRATION_FAILED when the step size underflows or the step limit is reached.
 */
export const integrate = (
  ws: RkWorkspace,
  rhs: RhsFunction,
  t0: number,
  y0: ArrayLike<number>,
  tEnd: number,
  options: IntegrateOptions,
  events: readonly EventSpec[],
  sink: DenseSink | null,
): void => {
  const n = ws.n;
  const rtol = options.rtol;
  const atol = options.atol;
  const hMax = options.maxStepS ?? tEnd - t0;
  const maxSteps = options.maxSteps ?? 100_000;
  const eventTolS = options.eventTimeTolS ?? 1e-9;
  const isDopri5 = ws.method === 'dopri5';
  const expo = isDopri5 ? 0.2 - 0.04 * 0.75 : 1 / 8;
  const beta = isDopri5 ? 0.04 : 0;
  const facMin = isDopri5 ? 0.2 : 0.333;
  const facMax = isDopri5 ? 10 : 6;
  const safe = 0.9;
  const ncoef = denseCoefficientCount(ws.method);

  for (let i = 0; i < n; i++) ws.y[i] = y0[i]!;
  ws.eventCount = 0;
  ws.terminalEvent = -1;
  ws.steps = 0;
  ws.rejectedSteps = 0;
  ws.rhsEvaluations = 1;
  rhs(t0, ws.y, ws.f);
  const nEvents = events.length;
  if (ws.gPrev.length < nEvents) {
    ws.gPrev = new Float64Array(nEvents);
    ws.gNew = new Float64Array(nEvents);
  }
  for (let e = 0; e < nEvents; e++) ws.gPrev[e] = (events[e] as EventSpec).g(t0, ws.y);

  let t = t0;
  let h = options.initialStepS ?? initialStep(ws, rhs, t0, hMax, rtol, atol);
  // log of the previous accepted error (Gustafsson's PI term); x^a as exp(a log x): Math.pow is
  // several times slower and this runs once per step.
  let logErrOld = Math.log(1e-4);
  let rejected = false;
  const hMin = 16 * Number.EPSILON * Math.max(1, Math.abs(t0), Math.abs(tEnd));

  while (t < tEnd) {
    if (ws.steps >= maxSteps) {
      throw new OpenBmdError(
        errorCodes.integrationFailed,
        `more than ${maxSteps} steps between t = ${t0} s and t = ${t} s`,
        'integrator',
      );
    }
    let last = false;
    if (h > hMax) h = hMax;
    if (t + h >= tEnd || tEnd - (t + h) < hMin) {
      h = tEnd - t;
      last = true;
    }
    const err = isDopri5
      ? stepDopri5(ws, rhs, t, h, rtol, atol)
      : stepDop853(ws, rhs, t, h, rtol, atol);
    ws.steps++;
    const logErr = Math.log(err);
    if (err <= 1 && Number.isFinite(err)) {
      // Accepted.
      let fac = Math.exp(expo * logErr - beta * logErrOld);
      fac = fac / safe;
      if (fac < 1 / facMax) fac = 1 / facMax;
      if (fac > 1 / facMin) fac = 1 / facMin;
      let hNew = h / fac;
      if (rejected && hNew > h) hNew = h;
      logErrOld = err > 1e-4 ? logErr : Math.log(1e-4);
      rejected = false;

      // Events: sign changes between the step ends.
      let stopIndex = -1;
      let stopTheta = 2;
      for (let e = 0; e < nEvents; e++) {
        const ev = events[e] as EventSpec;
        const g1 = ev.g(t + h, ws.yNew);
        ws.gNew[e] = g1;
        const g0 = ws.gPrev[e]!;
        const rising = g0 < 0 && g1 >= 0;
        const falling = g0 > 0 && g1 <= 0;
        if ((rising && ev.direction >= 0) || (falling && ev.direction <= 0)) {
          if (!ws.denseReady) {
            if (isDopri5) prepareDenseDopri5(ws, h);
            else prepareDenseDop853(ws, rhs, t, h);
          }
          const theta =
            g1 === 0
              ? 1
              : locateOnDense(ws.dense, ncoef, n, t, h, ev.g, g0, g1, eventTolS / h, ws.yEval);
          if (ev.terminal) {
            if (theta < stopTheta) {
              stopTheta = theta;
              stopIndex = e;
            }
          } else {
            evaluateDense(ws.dense, 0, ncoef, n, theta, ws.yEval);
            recordEvent(ws, e, t + theta * h, ws.yEval);
          }
        }
      }
      if (sink !== null) {
        if (!ws.denseReady) {
          if (isDopri5) prepareDenseDopri5(ws, h);
          else prepareDenseDop853(ws, rhs, t, h);
        }
        sink.addStep(t, h, ws.dense);
      }
      if (stopIndex >= 0) {
        // Non-terminal events after the terminal one did not happen.
        let keep = 0;
        for (let k = 0; k < ws.eventCount; k++) {
          if (ws.eventTimeS[k]! <= t + stopTheta * h) keep = k + 1;
        }
        ws.eventCount = keep;
        const tStop = t + stopTheta * h;
        evaluateDense(ws.dense, 0, ncoef, n, stopTheta, ws.yEval);
        recordEvent(ws, stopIndex, tStop, ws.yEval);
        for (let i = 0; i < n; i++) ws.y[i] = ws.yEval[i]!;
        ws.tS = tStop;
        ws.terminalEvent = stopIndex;
        return;
      }
      const ySwap = ws.y;
      ws.y = ws.yNew;
      ws.yNew = ySwap;
      const fSwap = ws.f;
      ws.f = ws.fNew;
      ws.fNew = fSwap;
      const gSwap = ws.gPrev;
      ws.gPrev = ws.gNew;
      ws.gNew = gSwap;
      t = last ? tEnd : t + h;
      h = hNew;
    } else {
      // Rejected.
      const shrink = Number.isFinite(err)
        ? Math.max(facMin, safe / Math.exp(expo * logErr))
        : facMin;
      h = h * Math.min(1, shrink);
      rejected = true;
      ws.rejectedSteps++;
      if (h < hMin) {
        throw new OpenBmdError(
          errorCodes.integrationFailed,
          `step size underflow at t = ${t} s (error could not be kept within rtol ${rtol}, atol ${atol})`,
          'integrator',
        );
      }
    }
  }
  ws.tS = t;
};
