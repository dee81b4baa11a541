/**
 * The free-flight kernel: many unpowered flights to impact, fast (footprints, sweeps, Monte
 * Carlo, benchmark P1). The scheme is exactly that of `integrate` with method 'dopri5' (Hairer's
 * DOPRI5 step control and HINIT first step, Shampine's dense output, events located by Illinois
 * regula falsi on the dense solution), specialised for the 6-dimensional free-flight state: the
 * stages are held in local variables instead of arrays, position derivatives are the stage
 * velocities, and the forces come from the model's `FreeFlightAcceleration`. It returns the same
 * numbers as the general integrator to rounding (tested). Allocation: none per step or per flight.
 */
import type { EarthModel } from '../earth/model.js';
import { errorCodes, OpenBmdError } from '../errors.js';
import {
  A21,
  A31,
  A32,
  A41,
  A42,
  A43,
  A51,
  A52,
  A53,
  A54,
  A61,
  A62,
  A63,
  A64,
  A65,
  A71,
  A73,
  A74,
  A75,
  A76,
  D1,
  D3,
  D4,
  D5,
  D6,
  D7,
  E1,
  E3,
  E4,
  E5,
  E6,
  E7,
} from '../integrate/dopri5.js';
import {
  type DenseSink,
  type EventFunction,
  evaluateDense,
  locateOnDense,
} from '../integrate/rk.js';
import { makeFreeFlightAcceleration, REENTRY_ALTITUDE_M } from './ballistic.js';
import { altitudeOfStateM, verticalSpeedMps } from './forces.js';

export interface FreeFlightKernel {
  readonly model: EarthModel;
  /** Results of the last `propagateToImpact`. */
  impactTimeS: number;
  /** Inertial state at impact (6 numbers, owned by the kernel: copy to keep). */
  readonly impactState: Float64Array;
  /** Highest altitude above the surface on the continuous solution, m, and when. */
  apogeeAltitudeM: number;
  apogeeTimeS: number;
  /** Descending crossing of 100 km, s; NaN if the flight never came down through it. */
  reentryTimeS: number;
  rhsEvaluations: number;
  steps: number;
  rejectedSteps: number;
}

interface KernelInternals extends FreeFlightKernel {
  readonly impactG: EventFunction;
  readonly apogeeG: EventFunction;
  readonly reentryG: EventFunction;
  readonly acceleration: ReturnType<typeof makeFreeFlightAcceleration>;
  readonly f: Float64Array;
  readonly yEnd: Float64Array;
  readonly yEval: Float64Array;
  readonly dense: Float64Array;
}

/** A kernel for one model and ballistic coefficient (null: no drag). */
export const createFreeFlightKernel = (
  model: EarthModel,
  ballisticCoefficientKgM2: number | null,
): FreeFlightKernel => {
  const kernel: KernelInternals = {
    model,
    acceleration: makeFreeFlightAcceleration(model, ballisticCoefficientKgM2),
    impactG: (_t, y) => altitudeOfStateM(model, y),
    apogeeG: (_t, y) => verticalSpeedMps(model, y),
    reentryG: (_t, y) => altitudeOfStateM(model, y) - REENTRY_ALTITUDE_M,
    f: new Float64Array(3),
    yEnd: new Float64Array(6),
    yEval: new Float64Array(6),
    dense: new Float64Array(30),
    impactTimeS: Number.NaN,
    impactState: new Float64Array(6),
    apogeeAltitudeM: Number.NaN,
    apogeeTimeS: Number.NaN,
    reentryTimeS: Number.NaN,
    rhsEvaluations: 0,
    steps: 0,
    rejectedSteps: 0,
  };
  return kernel;
};

/** Row `stage` (2..7) of the DOPRI5 matrix A, 6 entries each (rows 0 and 1 unused). */
const STAGE_A = Float64Array.from([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  A21,
  0,
  0,
  0,
  0,
  0,
  A31,
  A32,
  0,
  0,
  0,
  0,
  A41,
  A42,
  A43,
  0,
  0,
  0,
  A51,
  A52,
  A53,
  A54,
  0,
  0,
  A61,
  A62,
  A63,
  A64,
  A65,
  0,
  A71,
  0,
  A73,
  A74,
  A75,
  A76,
]);

const LOG_1E_MINUS_4 = Math.log(1e-4);

/** (q / s)^2 */
const sq = (q: number, s: number): number => (q / s) * (q / s);

/** Shampine's dense coefficients of component i of a DOPRI5 step (as prepareDenseDopri5). */
const fillDense = (
  c: Float64Array,
  h: number,
  i: number,
  y0: number,
  y1: number,
  a1: number,
  a3: number,
  a4: number,
  a5: number,
  a6: number,
  a7: number,
): void => {
  const ydiff = y1 - y0;
  const bspl = h * a1 - ydiff;
  c[i] = y0;
  c[6 + i] = ydiff;
  c[12 + i] = bspl;
  c[18 + i] = ydiff - h * a7 - bspl;
  c[24 + i] = h * (D1 * a1 + D3 * a3 + D4 * a4 + D5 * a5 + D6 * a6 + D7 * a7);
};

/**
 * Flies from inertial state s0 at time t0 to impact on the model's surface. Results are written
 * into the kernel. Throws E_NO_IMPACT if there is none within maxFlightTimeS, and
 * E_INTEGRATION_FAILED if the step size underflows or the step limit is reached.
 */
export const propagateToImpact = (
  kernel: FreeFlightKernel,
  t0: number,
  s0: ArrayLike<number>,
  rtol: number,
  atol: number,
  maxFlightTimeS: number,
  sink: DenseSink | null = null,
  eventTimeTolS = 1e-9,
  maxSteps = 100_000,
): void => {
  const k = kernel as KernelInternals;
  const model = k.model;
  const acc = k.acceleration;
  const f = k.f;
  const yEnd = k.yEnd;
  const d = k.dense;
  const tEnd = t0 + maxFlightTimeS;
  let x = s0[0]!;
  let y = s0[1]!;
  let z = s0[2]!;
  let u = s0[3]!;
  let v = s0[4]!;
  let w = s0[5]!;
  acc(x, y, z, u, v, w, f, 0);
  let k1u = f[0]!;
  let k1v = f[1]!;
  let k1w = f[2]!;
  let evals = 1;

  // Hairer's HINIT (as in integrate): norms of y and f, one Euler step, f's change.
  const sx = atol + rtol * Math.abs(x);
  const sy = atol + rtol * Math.abs(y);
  const sz = atol + rtol * Math.abs(z);
  const su = atol + rtol * Math.abs(u);
  const sv = atol + rtol * Math.abs(v);
  const sw = atol + rtol * Math.abs(w);
  const d0 = Math.sqrt((sq(x, sx) + sq(y, sy) + sq(z, sz) + sq(u, su) + sq(v, sv) + sq(w, sw)) / 6);
  const d1 = Math.sqrt(
    (sq(u, sx) + sq(v, sy) + sq(w, sz) + sq(k1u, su) + sq(k1v, sv) + sq(k1w, sw)) / 6,
  );
  let h = d0 < 1e-10 || d1 < 1e-10 ? 1e-6 : 0.01 * (d0 / d1);
  if (h > maxFlightTimeS) h = maxFlightTimeS;
  acc(x + h * u, y + h * v, z + h * w, u + h * k1u, v + h * k1v, w + h * k1w, f, 0);
  evals++;
  const d2 =
    Math.sqrt(
      (sq(h * k1u, sx) +
        sq(h * k1v, sy) +
        sq(h * k1w, sz) +
        sq(f[0]! - k1u, su) +
        sq(f[1]! - k1v, sv) +
        sq(f[2]! - k1w, sw)) /
        6,
    ) / h;
  const dm = Math.max(d1, d2);
  const h1 = dm <= 1e-15 ? Math.max(1e-6, h * 1e-3) : (0.01 / dm) ** (1 / 5);
  h = Math.min(100 * h, h1, maxFlightTimeS);

  yEnd[0] = x;
  yEnd[1] = y;
  yEnd[2] = z;
  yEnd[3] = u;
  yEnd[4] = v;
  yEnd[5] = w;
  let gImpact = altitudeOfStateM(model, yEnd);
  let gApogee = verticalSpeedMps(model, yEnd);
  let gReentry = gImpact - REENTRY_ALTITUDE_M;
  let apogeeAltitudeM = gImpact;
  let apogeeTimeS = t0;
  let reentryTimeS = Number.NaN;

  const expo = 0.2 - 0.04 * 0.75;
  let logErrOld = LOG_1E_MINUS_4;
  let rejected = false;
  let t = t0;
  let steps = 0;
  let rejectedSteps = 0;
  const hMin = 16 * Number.EPSILON * Math.max(1, Math.abs(t0), Math.abs(tEnd));
  // The position part of k1 is the velocity.
  let k1x = u;
  let k1y = v;
  let k1z = w;

  while (t < tEnd) {
    if (steps >= maxSteps) {
      throw new OpenBmdError(
        errorCodes.integrationFailed,
        `more than ${maxSteps} steps between t = ${t0} s and t = ${t} s`,
        'integrator',
      );
    }
    let last = false;
    if (t + h >= tEnd || tEnd - (t + h) < hMin) {
      h = tEnd - t;
      last = true;
    }
    // Stages 2 to 7 through one call site of the acceleration, so the optimiser inlines it once
    // (seven call sites exceed V8's inlining budget). Position derivatives are stage velocities.
    let k2x = 0;
    let k2y = 0;
    let k2z = 0;
    let k2u = 0;
    let k2v = 0;
    let k2w = 0;
    let k3x = 0;
    let k3y = 0;
    let k3z = 0;
    let k3u = 0;
    let k3v = 0;
    let k3w = 0;
    let k4x = 0;
    let k4y = 0;
    let k4z = 0;
    let k4u = 0;
    let k4v = 0;
    let k4w = 0;
    let k5x = 0;
    let k5y = 0;
    let k5z = 0;
    let k5u = 0;
    let k5v = 0;
    let k5w = 0;
    let k6x = 0;
    let k6y = 0;
    let k6z = 0;
    let k6u = 0;
    let k6v = 0;
    let k6w = 0;
    let nx = 0;
    let ny = 0;
    let nz = 0;
    let nu = 0;
    let nv = 0;
    let nw = 0;
    for (let stage = 2; stage <= 7; stage++) {
      const o = 6 * stage;
      const c1 = STAGE_A[o]!;
      const c2 = STAGE_A[o + 1]!;
      const c3 = STAGE_A[o + 2]!;
      const c4 = STAGE_A[o + 3]!;
      const c5 = STAGE_A[o + 4]!;
      const c6 = STAGE_A[o + 5]!;
      const px = x + h * (c1 * k1x + c2 * k2x + c3 * k3x + c4 * k4x + c5 * k5x + c6 * k6x);
      const py = y + h * (c1 * k1y + c2 * k2y + c3 * k3y + c4 * k4y + c5 * k5y + c6 * k6y);
      const pz = z + h * (c1 * k1z + c2 * k2z + c3 * k3z + c4 * k4z + c5 * k5z + c6 * k6z);
      const pu = u + h * (c1 * k1u + c2 * k2u + c3 * k3u + c4 * k4u + c5 * k5u + c6 * k6u);
      const pv = v + h * (c1 * k1v + c2 * k2v + c3 * k3v + c4 * k4v + c5 * k5v + c6 * k6v);
      const pw = w + h * (c1 * k1w + c2 * k2w + c3 * k3w + c4 * k4w + c5 * k5w + c6 * k6w);
      acc(px, py, pz, pu, pv, pw, f, 0);
      switch (stage) {
        case 2:
          k2x = pu;
          k2y = pv;
          k2z = pw;
          k2u = f[0]!;
          k2v = f[1]!;
          k2w = f[2]!;
          break;
        case 3:
          k3x = pu;
          k3y = pv;
          k3z = pw;
          k3u = f[0]!;
          k3v = f[1]!;
          k3w = f[2]!;
          break;
        case 4:
          k4x = pu;
          k4y = pv;
          k4z = pw;
          k4u = f[0]!;
          k4v = f[1]!;
          k4w = f[2]!;
          break;
        case 5:
          k5x = pu;
          k5y = pv;
          k5z = pw;
          k5u = f[0]!;
          k5v = f[1]!;
          k5w = f[2]!;
          break;
        case 6:
          k6x = pu;
          k6y = pv;
          k6z = pw;
          k6u = f[0]!;
          k6v = f[1]!;
          k6w = f[2]!;
          break;
        default:
          nx = px;
          ny = py;
          nz = pz;
          nu = pu;
          nv = pv;
          nw = pw;
      }
    }
    const k7x = nu;
    const k7y = nv;
    const k7z = nw;
    const k7u = f[0]!;
    const k7v = f[1]!;
    const k7w = f[2]!;
    evals += 6;
    steps++;
    // Error estimate (fifth minus fourth order), Hairer's norm.
    const ex = h * (E1 * k1x + E3 * k3x + E4 * k4x + E5 * k5x + E6 * k6x + E7 * k7x);
    const ey = h * (E1 * k1y + E3 * k3y + E4 * k4y + E5 * k5y + E6 * k6y + E7 * k7y);
    const ez = h * (E1 * k1z + E3 * k3z + E4 * k4z + E5 * k5z + E6 * k6z + E7 * k7z);
    const eu = h * (E1 * k1u + E3 * k3u + E4 * k4u + E5 * k5u + E6 * k6u + E7 * k7u);
    const ev = h * (E1 * k1v + E3 * k3v + E4 * k4v + E5 * k5v + E6 * k6v + E7 * k7v);
    const ew = h * (E1 * k1w + E3 * k3w + E4 * k4w + E5 * k5w + E6 * k6w + E7 * k7w);
    const err = Math.sqrt(
      (sq(ex, atol + rtol * Math.max(Math.abs(x), Math.abs(nx))) +
        sq(ey, atol + rtol * Math.max(Math.abs(y), Math.abs(ny))) +
        sq(ez, atol + rtol * Math.max(Math.abs(z), Math.abs(nz))) +
        sq(eu, atol + rtol * Math.max(Math.abs(u), Math.abs(nu))) +
        sq(ev, atol + rtol * Math.max(Math.abs(v), Math.abs(nv))) +
        sq(ew, atol + rtol * Math.max(Math.abs(w), Math.abs(nw)))) /
        6,
    );
    const logErr = Math.log(err);
    if (err <= 1 && Number.isFinite(err)) {
      let fac = Math.exp(expo * logErr - 0.04 * logErrOld) / 0.9;
      if (fac < 0.1) fac = 0.1;
      if (fac > 5) fac = 5;
      let hNew = h / fac;
      if (rejected && hNew > h) hNew = h;
      logErrOld = err > 1e-4 ? logErr : LOG_1E_MINUS_4;
      rejected = false;

      yEnd[0] = nx;
      yEnd[1] = ny;
      yEnd[2] = nz;
      yEnd[3] = nu;
      yEnd[4] = nv;
      yEnd[5] = nw;
      const gI = altitudeOfStateM(model, yEnd);
      const gA = verticalSpeedMps(model, yEnd);
      const gR = gI - REENTRY_ALTITUDE_M;
      const impact = gImpact > 0 && gI <= 0;
      const apogee = gApogee > 0 && gA <= 0;
      const reentry = gReentry > 0 && gR <= 0;
      if (impact || apogee || reentry || sink !== null) {
        // Shampine's dense output of the step, as in integrate.
        const c = d;
        fillDense(c, h, 0, x, nx, k1x, k3x, k4x, k5x, k6x, k7x);
        fillDense(c, h, 1, y, ny, k1y, k3y, k4y, k5y, k6y, k7y);
        fillDense(c, h, 2, z, nz, k1z, k3z, k4z, k5z, k6z, k7z);
        fillDense(c, h, 3, u, nu, k1u, k3u, k4u, k5u, k6u, k7u);
        fillDense(c, h, 4, v, nv, k1v, k3v, k4v, k5v, k6v, k7v);
        fillDense(c, h, 5, w, nw, k1w, k3w, k4w, k5w, k6w, k7w);
        if (sink !== null) sink.addStep(t, h, d);
        const thetaTol = eventTimeTolS / h;
        const thetaImpact = impact
          ? gI === 0
            ? 1
            : locateOnDense(d, 5, 6, t, h, k.impactG, gImpact, gI, thetaTol, k.yEval)
          : 2;
        if (apogee) {
          const th =
            gA === 0 ? 1 : locateOnDense(d, 5, 6, t, h, k.apogeeG, gApogee, gA, thetaTol, k.yEval);
          if (th <= thetaImpact) {
            evaluateDense(d, 0, 5, 6, th, k.yEval);
            const alt = altitudeOfStateM(model, k.yEval);
            if (alt > apogeeAltitudeM) {
              apogeeAltitudeM = alt;
              apogeeTimeS = t + th * h;
            }
          }
        }
        if (reentry && Number.isNaN(reentryTimeS)) {
          const th =
            gR === 0
              ? 1
              : locateOnDense(d, 5, 6, t, h, k.reentryG, gReentry, gR, thetaTol, k.yEval);
          if (th <= thetaImpact) reentryTimeS = t + th * h;
        }
        if (impact) {
          evaluateDense(d, 0, 5, 6, thetaImpact, k.impactState);
          k.impactTimeS = t + thetaImpact * h;
          k.apogeeAltitudeM = apogeeAltitudeM;
          k.apogeeTimeS = apogeeTimeS;
          k.reentryTimeS = reentryTimeS;
          k.rhsEvaluations = evals;
          k.steps = steps;
          k.rejectedSteps = rejectedSteps;
          return;
        }
      }
      x = nx;
      y = ny;
      z = nz;
      u = nu;
      v = nv;
      w = nw;
      k1x = k7x;
      k1y = k7y;
      k1z = k7z;
      k1u = k7u;
      k1v = k7v;
      k1w = k7w;
      gImpact = gI;
      gApogee = gA;
      gReentry = gR;
      t = last ? tEnd : t + h;
      h = hNew;
    } else {
      const shrink = Number.isFinite(err) ? Math.max(0.2, 0.9 / Math.exp(expo * logErr)) : 0.2;
      h *= Math.min(1, shrink);
      rejected = true;
      rejectedSteps++;
      if (h < hMin) {
        throw new OpenBmdError(
          errorCodes.integrationFailed,
          `step size underflow at t = ${t} s (error could not be kept within rtol ${rtol}, atol ${atol})`,
          'integrator',
        );
      }
    }
  }
  throw new OpenBmdError(
    errorCodes.noImpact,
    `the object does not come down within ${maxFlightTimeS} s (it is in orbit or escaping)`,
    'flight',
  );
};
