/**
 * Benchmark P1 (../shared/bench/propagation.md): ballistic free flight from burnout to impact,
 * N deterministic initial states, J2 gravity, rotating Earth, exponential air, beta 5000 kg/m^2.
 * This module is the workload; run.ts times it and worker.ts runs chunks of it on other threads.
 */
import {
  altitudeOfStateM,
  createFreeFlightKernel,
  createRkWorkspace,
  type EventSpec,
  earthPresets,
  FLIGHT_STATE_SIZE,
  integrate,
  makeFreeFlightRhs,
  propagateToImpact,
  type RkMethodName,
  surfaceRelativeState,
  verticalSpeedMps,
} from '@openbmd/core';

/** The P1 model: sphere of radius a for altitude, J2, rotation, rho = 1.225 exp(-h / 7200 m). */
export const p1Model = earthPresets.p1;
export const P1_BALLISTIC_COEFFICIENT_KGM2 = 5000;
const P1_ALTITUDE_M = 150_000;
const DEG = Math.PI / 180;

export interface P1Settings {
  readonly method: RkMethodName;
  readonly rtol: number;
  readonly atol: number;
}

/** The settings of the timed run: chosen to meet the spec's accuracy with the fewest evaluations. */
export const p1Settings: P1Settings = { method: 'dopri5', rtol: 1e-7, atol: 1e-3 };

const frac = (x: number): number => x - Math.floor(x);

/** Initial inertial state of trajectory i (the spec's formulas), written into out. */
export const p1InitialState = (i: number, out: Float64Array): Float64Array => {
  const k = i + 1;
  const latDeg = -60 + 120 * frac(0.6180339887 * k);
  const lonDeg = -180 + 360 * frac(0.7548776662 * k);
  const speedMps = 3000 + 4000 * frac(0.3247179572 * k);
  const flightPathDeg = 20 + 25 * frac(0.4142135624 * k);
  const azimuthDeg = 360 * frac(0.569840291 * k);
  return surfaceRelativeState(
    p1Model,
    latDeg * DEG,
    lonDeg * DEG,
    P1_ALTITUDE_M,
    speedMps,
    flightPathDeg * DEG,
    azimuthDeg * DEG,
    0,
    out,
  );
};

/** Per-trajectory outputs, in the reference CSV's units. */
export interface P1Outputs {
  readonly tofS: Float64Array;
  readonly impactLatDeg: Float64Array;
  readonly impactLonDeg: Float64Array;
  readonly apogeeM: Float64Array;
  rhsEvaluations: number;
}

export const createP1Outputs = (n: number): P1Outputs => ({
  tofS: new Float64Array(n),
  impactLatDeg: new Float64Array(n),
  impactLonDeg: new Float64Array(n),
  apogeeM: new Float64Array(n),
  rhsEvaluations: 0,
});

/**
 * A reusable propagator. 'dopri5' runs core's free-flight kernel (the product's path for many
 * trajectories); 'dop853' runs the general integrator (for the converged cross-check).
 */
export const createP1Propagator = (settings: P1Settings = p1Settings) => {
  const y0 = new Float64Array(FLIGHT_STATE_SIZE);
  const w = p1Model.rotationRadps;
  const kernel = createFreeFlightKernel(p1Model, P1_BALLISTIC_COEFFICIENT_KGM2);
  const ws = createRkWorkspace(settings.method, FLIGHT_STATE_SIZE);
  const rhs = makeFreeFlightRhs(p1Model, P1_BALLISTIC_COEFFICIENT_KGM2);
  const events: EventSpec[] = [
    { name: 'impact', g: (_t, y) => altitudeOfStateM(p1Model, y), direction: -1, terminal: true },
    { name: 'apogee', g: (_t, y) => verticalSpeedMps(p1Model, y), direction: -1, terminal: false },
  ];
  const options = { rtol: settings.rtol, atol: settings.atol, eventTimeTolS: 1e-7 };
  const a = p1Model.radiusM;
  /** Propagates trajectories [start, start + count) into out at index (i - start). */
  return (start: number, count: number, out: P1Outputs): void => {
    for (let j = 0; j < count; j++) {
      p1InitialState(start + j, y0);
      let tof: number;
      let y: Float64Array;
      let apogee: number;
      if (settings.method === 'dopri5') {
        propagateToImpact(kernel, 0, y0, settings.rtol, settings.atol, 20_000, null, 1e-7);
        tof = kernel.impactTimeS;
        y = kernel.impactState;
        apogee = kernel.apogeeAltitudeM;
        out.rhsEvaluations += kernel.rhsEvaluations;
      } else {
        integrate(ws, rhs, 0, y0, 20_000, options, events, null);
        tof = ws.tS;
        y = ws.y;
        apogee = P1_ALTITUDE_M;
        for (let k = 0; k < ws.eventCount; k++) {
          if (ws.eventIndex[k] === 1) {
            const o = k * FLIGHT_STATE_SIZE;
            const s = ws.eventState;
            apogee = Math.max(apogee, Math.hypot(s[o]!, s[o + 1]!, s[o + 2]!) - a);
          }
        }
        out.rhsEvaluations += ws.rhsEvaluations;
      }
      out.tofS[j] = tof;
      out.impactLatDeg[j] = Math.atan2(y[2]!, Math.hypot(y[0]!, y[1]!)) / DEG;
      let lon = (Math.atan2(y[1]!, y[0]!) - w * tof) / DEG;
      lon = ((((lon + 180) % 360) + 360) % 360) - 180;
      out.impactLonDeg[j] = lon;
      out.apogeeM[j] = apogee;
    }
  };
};

/** A reference row of ../shared/bench/p1-reference.csv. */
export interface P1ReferenceRow {
  readonly tofS: number;
  readonly latDeg: number;
  readonly lonDeg: number;
  readonly apogeeM: number;
}

export const parseP1Reference = (csv: string): P1ReferenceRow[] =>
  csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [, tof, lat, lon, apo] = line.split(',').map(Number);
      return { tofS: tof!, latDeg: lat!, lonDeg: lon!, apogeeM: apo! };
    });

/** Great-circle distance on the sphere of radius a between two points in degrees, m. */
const greatCircleM = (lat1: number, lon1: number, lat2: number, lon2: number): number => {
  const p1 = lat1 * DEG;
  const p2 = lat2 * DEG;
  const dl = (lon2 - lon1) * DEG;
  const x = Math.cos(p2) * Math.sin(dl);
  const y = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
  const z = Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(dl);
  return p1Model.radiusM * Math.atan2(Math.hypot(x, y), z);
};

/** The largest impact-point and time-of-flight errors of out against the reference rows. */
export const compareP1 = (out: P1Outputs, reference: readonly P1ReferenceRow[], n: number) => {
  let maxImpactErrorM = 0;
  let maxTimeErrorS = 0;
  let maxApogeeErrorM = 0;
  for (let i = 0; i < n; i++) {
    const r = reference[i]!;
    const d = greatCircleM(out.impactLatDeg[i]!, out.impactLonDeg[i]!, r.latDeg, r.lonDeg);
    if (d > maxImpactErrorM) maxImpactErrorM = d;
    const dt = Math.abs(out.tofS[i]! - r.tofS);
    if (dt > maxTimeErrorS) maxTimeErrorS = dt;
    const da = Math.abs(out.apogeeM[i]! - r.apogeeM);
    if (da > maxApogeeErrorM) maxApogeeErrorM = da;
  }
  return { maxImpactErrorM, maxTimeErrorS, maxApogeeErrorM };
};

/** The per-trajectory CSV in the reference's format (full precision). */
export const p1Csv = (out: P1Outputs, n: number): string => {
  const lines = ['i,tof_s,impact_lat_deg,impact_lon_deg,apogee_m'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `${i},${out.tofS[i]},${out.impactLatDeg[i]},${out.impactLonDeg[i]},${out.apogeeM[i]}`,
    );
  }
  return `${lines.join('\n')}\n`;
};
