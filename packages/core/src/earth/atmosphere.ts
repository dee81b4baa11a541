/**
 * US Standard Atmosphere 1976 (COESA; NOAA-S/T 76-1562 = NASA-TM-X-74335), geometric altitude
 * -5 km to 1000 km, and the simple exponential atmosphere. Equations, accuracy and sources:
 * docs/models/atmosphere.md.
 *
 * Below 86 km (report section 1.2): seven layers of linear molecular-scale temperature T_M in
 * geopotential altitude H = r0 z / (r0 + z), pressure by the hydrostatic closed forms, density
 * rho = P M0 / (R* T_M), speed of sound sqrt(gamma R* T_M / M0) (eq. 50); kinetic temperature
 * T = T_M M / M0 with the report's table of M / M0 between 80 and 86 km. The first layer is
 * extended down to -5 km, as the report's tables are.
 *
 * Above 86 km (report section 1.3): kinetic temperature from the report's four segments; the
 * number densities of N2, O, O2, Ar, He and H are integrated from the report's diffusion
 * equations (molecular and eddy diffusion, thermal diffusion, the vertical-flux terms of eq. 37,
 * the hydrogen flux with the tau integral of eq. 40) once, when this module loads, with
 * fourth-order Runge-Kutta, into a table of ln(rho) and ln(P) on a fixed grid (0.5 km from 86 to
 * 150 km, 5 km from 150 to 1000 km) with their exact altitude derivatives; between knots the
 * table is a cubic Hermite interpolant. Above 1000 km the density continues the 1000 km value in
 * log space with the 1000 km slope (an extrapolation).
 */
import { requireInRange } from '../errors.js';

// ------------------------------------------------------------------------------------------------
// Constants of the standard (NASA-TM-X-74335 section 1.2)
// ------------------------------------------------------------------------------------------------

/** Effective Earth radius for geopotential altitude, m. */
const R0_M = 6_356_766;
/** Sea-level standard gravity, m/s^2. */
const G0_MPS2 = 9.80665;
/** Sea-level mean molar mass of air, kg/mol. */
const M0_KG_PER_MOL = 0.0289644;
/** Gas constant of the standard, J/(mol K). */
const RSTAR_J_PER_MOL_K = 8.31432;
/** Boltzmann constant of the standard, J/K. */
const BOLTZMANN_J_PER_K = 1.380622e-23;
/** Avogadro constant of the standard, 1/mol. */
const AVOGADRO_PER_MOL = 6.022169e23;
/** Ratio of specific heats of air. */
const GAMMA = 1.4;
const T0_K = 288.15;
const P0_PA = 101_325;

/** Lowest and highest geometric altitudes of the standard as implemented here, m. */
const Z_MIN_M = -5_000;
const Z7_M = 86_000;
const Z12_M = 1_000_000;

/** g0 M0 / R*, K/m (the hydrostatic constant of the closed-form pressures). */
const GMR_K_PER_M = (G0_MPS2 * M0_KG_PER_MOL) / RSTAR_J_PER_MOL_K;
/** gamma R* / M0, m^2/(s^2 K). */
const SOUND_M2_PER_S2_K = (GAMMA * RSTAR_J_PER_MOL_K) / M0_KG_PER_MOL;

// ------------------------------------------------------------------------------------------------
// Below 86 km: seven layers in geopotential altitude (report section 1.2)
// ------------------------------------------------------------------------------------------------

const LAYER_COUNT = 7;
/** Geopotential altitude of each layer's base, m'. */
const LAYER_BASE_H_M = Float64Array.from([0, 11_000, 20_000, 32_000, 47_000, 51_000, 71_000]);
/** Molecular-scale temperature gradient in each layer, K/m'. */
const LAYER_LAPSE_K_PER_M = Float64Array.from([-0.0065, 0, 0.001, 0.0028, 0, -0.0028, -0.002]);
/** T_M, P and rho at each layer base, and the density exponent of each layer (derived below). */
const LAYER_BASE_TM_K = new Float64Array(LAYER_COUNT);
const LAYER_BASE_P_PA = new Float64Array(LAYER_COUNT);
const LAYER_BASE_RHO_KG_M3 = new Float64Array(LAYER_COUNT);
/** Non-isothermal layers: rho = rho_b (T_M / T_b)^e with e = -(1 + g0 M0 / (R* L_b)). */
const LAYER_RHO_EXPONENT = new Float64Array(LAYER_COUNT);
/** Isothermal layers: rho = rho_b exp(-k (H - H_b)) with k = g0 M0 / (R* T_b), 1/m'. */
const LAYER_ISO_PER_M = new Float64Array(LAYER_COUNT);

{
  let tK = T0_K;
  let pPa = P0_PA;
  for (let b = 0; b < LAYER_COUNT; b++) {
    const lapse = LAYER_LAPSE_K_PER_M[b]!;
    LAYER_BASE_TM_K[b] = tK;
    LAYER_BASE_P_PA[b] = pPa;
    LAYER_BASE_RHO_KG_M3[b] = (pPa * M0_KG_PER_MOL) / (RSTAR_J_PER_MOL_K * tK);
    LAYER_RHO_EXPONENT[b] = lapse === 0 ? 0 : -(1 + GMR_K_PER_M / lapse);
    LAYER_ISO_PER_M[b] = GMR_K_PER_M / tK;
    if (b + 1 < LAYER_COUNT) {
      const dH = LAYER_BASE_H_M[b + 1]! - LAYER_BASE_H_M[b]!;
      const tTopK = tK + lapse * dH;
      pPa =
        lapse === 0
          ? pPa * Math.exp(-(GMR_K_PER_M * dH) / tK)
          : pPa * (tK / tTopK) ** (GMR_K_PER_M / lapse);
      tK = tTopK;
    }
  }
}

/** The layer holding geopotential altitude hM (layer 0 below 0 m'). */
const layerOf = (hM: number): number => {
  let b = LAYER_COUNT - 1;
  while (b > 0 && hM < LAYER_BASE_H_M[b]!) b--;
  return b;
};

/** Geopotential altitude, m', of geometric altitude zM. */
const geopotentialM = (zM: number): number => (R0_M * zM) / (R0_M + zM);

/**
 * M / M0 from 80 to 86 km geometric in 0.5 km steps (the report's table, as transcribed in
 * Pietrobon's ussa1976.dpr, Public Domain Aeronautical Software). Linear between entries.
 */
const MOLAR_MASS_RATIO_80_86 = Float64Array.from([
  1.0, 0.999996, 0.999989, 0.999971, 0.999941, 0.999909, 0.99987, 0.999829, 0.999786, 0.999741,
  0.999694, 0.999641, 0.999579,
]);
const MOLAR_RATIO_Z0_M = 80_000;
const MOLAR_RATIO_STEP_M = 500;

const molarMassRatio = (zM: number): number => {
  if (zM <= MOLAR_RATIO_Z0_M) return 1;
  const s = (zM - MOLAR_RATIO_Z0_M) / MOLAR_RATIO_STEP_M;
  const last = MOLAR_MASS_RATIO_80_86.length - 1;
  if (s >= last) return MOLAR_MASS_RATIO_80_86[last]!;
  const i = Math.floor(s);
  const f0 = MOLAR_MASS_RATIO_80_86[i]!;
  return f0 + (MOLAR_MASS_RATIO_80_86[i + 1]! - f0) * (s - i);
};

/** Molecular-scale temperature, K, below 86 km (zM already clamped to >= -5 km). */
const lowerMolecularTemperatureK = (zM: number): number => {
  const hM = geopotentialM(zM);
  const b = layerOf(hM);
  return LAYER_BASE_TM_K[b]! + LAYER_LAPSE_K_PER_M[b]! * (hM - LAYER_BASE_H_M[b]!);
};

/** Pressure, Pa, below 86 km (zM already clamped to >= -5 km). */
const lowerPressurePa = (zM: number): number => {
  const hM = geopotentialM(zM);
  const b = layerOf(hM);
  const lapse = LAYER_LAPSE_K_PER_M[b]!;
  const dH = hM - LAYER_BASE_H_M[b]!;
  const tbK = LAYER_BASE_TM_K[b]!;
  if (lapse === 0) return LAYER_BASE_P_PA[b]! * Math.exp(-LAYER_ISO_PER_M[b]! * dH);
  return LAYER_BASE_P_PA[b]! * (tbK / (tbK + lapse * dH)) ** (GMR_K_PER_M / lapse);
};

/** Density, kg/m^3, below 86 km (zM already clamped to >= -5 km). */
const lowerDensityKgM3 = (zM: number): number => {
  const hM = (R0_M * zM) / (R0_M + zM);
  let b = LAYER_COUNT - 1;
  while (b > 0 && hM < LAYER_BASE_H_M[b]!) b--;
  const lapse = LAYER_LAPSE_K_PER_M[b]!;
  const dH = hM - LAYER_BASE_H_M[b]!;
  if (lapse === 0) return LAYER_BASE_RHO_KG_M3[b]! * Math.exp(-LAYER_ISO_PER_M[b]! * dH);
  const tbK = LAYER_BASE_TM_K[b]!;
  // exp(e ln x) rather than x ** e: the same to 1e-15 here, and faster in V8.
  return (
    LAYER_BASE_RHO_KG_M3[b]! * Math.exp(LAYER_RHO_EXPONENT[b]! * Math.log((tbK + lapse * dH) / tbK))
  );
};

// ------------------------------------------------------------------------------------------------
// Above 86 km: kinetic temperature (report section 1.3; lambda of eq. 32)
// ------------------------------------------------------------------------------------------------

const Z8_M = 91_000;
const Z9_M = 110_000;
const Z10_M = 120_000;
const Z11_M = 500_000;
const T7_K = 186.8673;
const T9_K = 240;
const T10_K = 360;
const TINF_K = 1000;
/** Elliptical segment 91-110 km: T = Tc + A sqrt(1 - ((z - Z8) / a)^2). */
const ELLIPSE_TC_K = 263.1905;
const ELLIPSE_A_K = -76.3232;
const ELLIPSE_A_M = -19_942.9;
/** Linear segment 110-120 km, K/m. */
const LAPSE9_K_PER_M = 0.012;
/** Exponential segment above 120 km, 1/m. */
const LAMBDA_PER_M = 1.875e-5;

/** Kinetic temperature, K, for zM >= 86 km (the exponential form continues above 1000 km). */
const upperTemperatureK = (zM: number): number => {
  if (zM <= Z8_M) return T7_K;
  if (zM <= Z9_M) {
    const x = (zM - Z8_M) / ELLIPSE_A_M;
    return ELLIPSE_TC_K + ELLIPSE_A_K * Math.sqrt(1 - x * x);
  }
  if (zM <= Z10_M) return T9_K + LAPSE9_K_PER_M * (zM - Z9_M);
  const xi = ((zM - Z10_M) * (R0_M + Z10_M)) / (R0_M + zM);
  return TINF_K - (TINF_K - T10_K) * Math.exp(-LAMBDA_PER_M * xi);
};

/** dT/dz, K/m, for zM >= 86 km. */
const upperTemperatureGradientKPerM = (zM: number): number => {
  if (zM <= Z8_M) return 0;
  if (zM <= Z9_M) {
    const x = (zM - Z8_M) / ELLIPSE_A_M;
    return (-ELLIPSE_A_K * x) / (ELLIPSE_A_M * Math.sqrt(1 - x * x));
  }
  if (zM <= Z10_M) return LAPSE9_K_PER_M;
  const ratio = (R0_M + Z10_M) / (R0_M + zM);
  const xi = (zM - Z10_M) * ratio;
  return LAMBDA_PER_M * (TINF_K - T10_K) * ratio * ratio * Math.exp(-LAMBDA_PER_M * xi);
};

// ------------------------------------------------------------------------------------------------
// Above 86 km: species number densities (report section 1.3), integrated at load
// ------------------------------------------------------------------------------------------------

/** Species order everywhere below: N2, O, O2, Ar, He, H. */
const SPECIES_COUNT = 6;
const H_INDEX = 5;
/** Molar masses, kg/mol (the report's values). */
const SPECIES_M_KG_PER_MOL = Float64Array.from([
  0.0280134, 0.0159994, 0.0319988, 0.039948, 0.0040026, 0.00100797,
]);
/** Number densities at 86 km, 1/m^3 (report p. 13; He 7.5817e14, the report's typo corrected). */
const SPECIES_N7_PER_M3 = Float64Array.from([
  1.129794e20, 8.6e16, 3.030898e19, 1.3514e18, 7.5817e14,
]);
/** Thermal-diffusion factors alpha. */
const SPECIES_ALPHA = Float64Array.from([0, 0, 0, 0, -0.4, -0.25]);
/** Molecular-diffusion coefficients D = a (T / 273.15)^b / n: a in 1/(m s), b dimensionless. */
const SPECIES_DIFF_A = Float64Array.from([0, 6.986e20, 4.863e20, 4.487e20, 1.7e21, 3.305e21]);
const SPECIES_DIFF_B = Float64Array.from([0, 0.75, 0.75, 0.87, 0.691, 0.5]);
/** Vertical-flux terms Q (z - U)^2 exp(-W (z - U)^3), Q and W in 1/m^3, U in m (eq. 37). */
const SPECIES_FLUX_Q = Float64Array.from([
  0, -5.809644e-13, 1.366212e-13, 9.434079e-14, -2.457369e-13,
]);
const SPECIES_FLUX_U = Float64Array.from([0, 56_903.11, 86_000, 86_000, 86_000]);
const SPECIES_FLUX_W = Float64Array.from([
  0, 2.70624e-14, 8.333333e-14, 8.333333e-14, 6.666667e-13,
]);
/** Atomic oxygen's second flux term q (u - z)^2 exp(-w (u - z)^3) below u = 97 km. */
const O_FLUX_Q2 = -3.416248e-12;
const O_FLUX_U2_M = 97_000;
const O_FLUX_W2 = 5.008765e-13;
/** Eddy diffusion: K7 below 95 km, K7 exp(1 - 4e8 / (4e8 - (z - 95 km)^2)) to 115 km, then 0. */
const EDDY_K7_M2_PER_S = 120;
const EDDY_Z_M = 95_000;
const EDDY_A_M2 = 4e8;
const EDDY_TOP_M = 115_000;
/** Mean molar mass switches from M0 to the mixture's at 100 km (report, with eq. 36). */
const Z_MIXTURE_M = 100_000;
/** Hydrogen: zero below 150 km; n(H) = 8.0e10 1/m^3 at 500 km; upward flux 7.2e11 1/(m^2 s). */
const Z_HYDROGEN_M = 150_000;
const H_N11_PER_M3 = 8.0e10;
const H_FLUX_PHI = 7.2e11;
/** The vertical-flux terms are neglected above 150 km (report p. 14). */
const Z_FLUX_TOP_M = 150_000;

const gravityMps2 = (zM: number): number => {
  const r = R0_M / (R0_M + zM);
  return G0_MPS2 * r * r;
};

const eddyM2PerS = (zM: number): number => {
  if (zM < EDDY_Z_M) return EDDY_K7_M2_PER_S;
  if (zM >= EDDY_TOP_M) return 0;
  const d = zM - EDDY_Z_M;
  return EDDY_K7_M2_PER_S * Math.exp(1 - EDDY_A_M2 / (EDDY_A_M2 - d * d));
};

/** Vertical-flux term nu_i / (D_i + K) of species i = 1..4, 1/m (report eq. 37). */
const fluxPerM = (i: number, zM: number): number => {
  if (zM > Z_FLUX_TOP_M) return 0;
  const d = zM - SPECIES_FLUX_U[i]!;
  let x = SPECIES_FLUX_Q[i]! * d * d * Math.exp(-SPECIES_FLUX_W[i]! * d * d * d);
  if (i === 1 && zM < O_FLUX_U2_M) {
    const e = O_FLUX_U2_M - zM;
    x += O_FLUX_Q2 * e * e * Math.exp(-O_FLUX_W2 * e * e * e);
  }
  return x;
};

/**
 * State of the integration: y[0..4] = integral from 86 km of f_i dz for N2, O, O2, Ar, He, so
 * that n_i = n_i(86 km) (T7 / T) exp(-y[i]); y[5] = tau from 150 km (integral of
 * M_H g / (R* T) dz); y[6] = J, the integral from 150 km of (phi / D_H) (T / T11)^(1 + alpha_H)
 * exp(y[5]) dz, from which the hydrogen density follows (report section 1.3; tau is eq. 40).
 */
const STATE_SIZE = 7;

/**
 * Number densities of N2..He from the state (H is filled in later), and the rates dy/dz.
 * probeZM picks the side of the discontinuities (100, 150 and 500 km) the rates belong to.
 */
const upperRates = (
  zM: number,
  probeZM: number,
  y: Float64Array,
  n: Float64Array,
  f: Float64Array,
  dy: Float64Array,
): void => {
  const tK = upperTemperatureK(zM);
  const dTdz = upperTemperatureGradientKPerM(zM);
  const gMps2 = gravityMps2(zM);
  const gOverRT = gMps2 / (RSTAR_J_PER_MOL_K * tK);
  const tempFactor = T7_K / tK;
  for (let i = 0; i < 5; i++) n[i] = SPECIES_N7_PER_M3[i]! * tempFactor * Math.exp(-y[i]!);
  const mixture = probeZM > Z_MIXTURE_M;
  // N2: no diffusive separation; M is M0 below 100 km and M(N2) above.
  f[0] = (mixture ? SPECIES_M_KG_PER_MOL[0]! : M0_KG_PER_MOL) * gOverRT;
  const kEddy = eddyM2PerS(zM);
  const tRatio = tK / 273.15;
  const nN2 = n[0]!;
  const nLight = n[0]! + n[1]! + n[2]!;
  const mLight =
    (n[0]! * SPECIES_M_KG_PER_MOL[0]! +
      n[1]! * SPECIES_M_KG_PER_MOL[1]! +
      n[2]! * SPECIES_M_KG_PER_MOL[2]!) /
    nLight;
  for (let i = 1; i < 5; i++) {
    // O and O2 diffuse through N2; Ar and He through N2 + O + O2 (f_i of report eq. 36).
    const background = i <= 2 ? nN2 : nLight;
    const mMean = mixture ? (i <= 2 ? SPECIES_M_KG_PER_MOL[0]! : mLight) : M0_KG_PER_MOL;
    const mThermal =
      SPECIES_M_KG_PER_MOL[i]! + (SPECIES_ALPHA[i]! * RSTAR_J_PER_MOL_K * dTdz) / gMps2;
    let fi: number;
    if (kEddy > 0) {
      const dDiff = (SPECIES_DIFF_A[i]! * tRatio ** SPECIES_DIFF_B[i]!) / background;
      fi = (gOverRT * (dDiff * mThermal + mMean * kEddy)) / (dDiff + kEddy);
    } else {
      fi = gOverRT * mThermal;
    }
    f[i] = fi + fluxPerM(i, zM);
  }
  for (let i = 0; i < 5; i++) dy[i] = f[i]!;
  if (probeZM > Z_HYDROGEN_M) {
    dy[5] = SPECIES_M_KG_PER_MOL[H_INDEX]! * gOverRT;
    if (probeZM < Z11_M) {
      const dH =
        (SPECIES_DIFF_A[H_INDEX]! * tRatio ** SPECIES_DIFF_B[H_INDEX]!) / (nLight + n[3]! + n[4]!);
      dy[6] = (H_FLUX_PHI / dH) * (tK / T11_K) ** (1 + SPECIES_ALPHA[H_INDEX]!) * Math.exp(y[5]!);
    } else {
      dy[6] = 0;
    }
  } else {
    dy[5] = 0;
    dy[6] = 0;
  }
};

/** Kinetic temperature at 500 km (the report rounds it to 999.2356 K). */
const T11_K = upperTemperatureK(Z11_M);

// The table: knots every 0.5 km from 86 to 150 km, every 5 km from 150 to 1000 km.
const TABLE_STEP_LOW_M = 500;
const TABLE_STEP_HIGH_M = 5_000;
const TABLE_LOW_INTERVALS = (Z_HYDROGEN_M - Z7_M) / TABLE_STEP_LOW_M;
const TABLE_HIGH_INTERVALS = (Z12_M - Z_HYDROGEN_M) / TABLE_STEP_HIGH_M;
const TABLE_INTERVALS = TABLE_LOW_INTERVALS + TABLE_HIGH_INTERVALS;
/**
 * Runge-Kutta steps per table interval: 250 m below 150 km, 2.5 km above. Halving or quartering
 * the steps changes no density or pressure by more than 5e-8 (relative).
 */
const RK_STEPS_LOW = 2;
const RK_STEPS_HIGH = 2;

const knotAltitudeM = (k: number): number =>
  k <= TABLE_LOW_INTERVALS
    ? Z7_M + k * TABLE_STEP_LOW_M
    : Z_HYDROGEN_M + (k - TABLE_LOW_INTERVALS) * TABLE_STEP_HIGH_M;

/** Cubic coefficients (c0..c3 in powers of z - z_k) of ln(rho) and ln(P) on each interval. */
const LN_RHO_COEFFS = new Float64Array(4 * TABLE_INTERVALS);
const LN_P_COEFFS = new Float64Array(4 * TABLE_INTERVALS);
let lnRhoTop = 0;
let lnRhoSlopeTopPerM = 0;

{
  const knots = TABLE_INTERVALS + 1;
  const states = new Float64Array(knots * STATE_SIZE);
  const y = new Float64Array(STATE_SIZE);
  const yStage = new Float64Array(STATE_SIZE);
  const k1 = new Float64Array(STATE_SIZE);
  const k2 = new Float64Array(STATE_SIZE);
  const k3 = new Float64Array(STATE_SIZE);
  const k4 = new Float64Array(STATE_SIZE);
  const n = new Float64Array(SPECIES_COUNT);
  const f = new Float64Array(SPECIES_COUNT);

  // Pass 1: classical RK4 from 86 to 1000 km, keeping the state at every knot.
  for (let k = 0; k < TABLE_INTERVALS; k++) {
    const z0 = knotAltitudeM(k);
    const z1 = knotAltitudeM(k + 1);
    const probe = 0.5 * (z0 + z1);
    const steps = k < TABLE_LOW_INTERVALS ? RK_STEPS_LOW : RK_STEPS_HIGH;
    const h = (z1 - z0) / steps;
    for (let s = 0; s < steps; s++) {
      const z = z0 + s * h;
      upperRates(z, probe, y, n, f, k1);
      for (let j = 0; j < STATE_SIZE; j++) yStage[j] = y[j]! + 0.5 * h * k1[j]!;
      upperRates(z + 0.5 * h, probe, yStage, n, f, k2);
      for (let j = 0; j < STATE_SIZE; j++) yStage[j] = y[j]! + 0.5 * h * k2[j]!;
      upperRates(z + 0.5 * h, probe, yStage, n, f, k3);
      for (let j = 0; j < STATE_SIZE; j++) yStage[j] = y[j]! + h * k3[j]!;
      upperRates(z + h, probe, yStage, n, f, k4);
      for (let j = 0; j < STATE_SIZE; j++) {
        y[j] = y[j]! + (h / 6) * (k1[j]! + 2 * k2[j]! + 2 * k3[j]! + k4[j]!);
      }
    }
    states.set(y, (k + 1) * STATE_SIZE);
  }

  const k11 = TABLE_LOW_INTERVALS + (Z11_M - Z_HYDROGEN_M) / TABLE_STEP_HIGH_M;
  const tau500 = states[k11 * STATE_SIZE + 5]!;
  const j500 = states[k11 * STATE_SIZE + 6]!;

  /**
   * ln(rho), ln(P) and their z-derivatives at knot k, on the side of probeZM. Hydrogen is counted
   * from 150 km up, also on the interval that ends at 150 km (its 7e-6 relative share of the
   * pressure there then ramps in over the last 0.5 km interval instead of jumping).
   */
  const out = new Float64Array(4);
  const knotValues = (k: number, probeZM: number): void => {
    const z = knotAltitudeM(k);
    y.set(states.subarray(k * STATE_SIZE, (k + 1) * STATE_SIZE));
    upperRates(z, probeZM, y, n, f, k1);
    const tK = upperTemperatureK(z);
    const dLnTdz = upperTemperatureGradientKPerM(z) / tK;
    let nTotal = 0;
    let dnTotal = 0;
    let massSum = 0;
    let dMassSum = 0;
    for (let i = 0; i < 5; i++) {
      const dn = n[i]! * (-dLnTdz - f[i]!);
      nTotal += n[i]!;
      dnTotal += dn;
      massSum += n[i]! * SPECIES_M_KG_PER_MOL[i]!;
      dMassSum += dn * SPECIES_M_KG_PER_MOL[i]!;
    }
    if (z >= Z_HYDROGEN_M) {
      const alpha1 = 1 + SPECIES_ALPHA[H_INDEX]!;
      const tau = y[5]! - tau500;
      const integral = z < Z11_M ? (j500 - y[6]!) * Math.exp(-tau500) : 0;
      const nH = (H_N11_PER_M3 + integral) * (T11_K / tK) ** alpha1 * Math.exp(-tau);
      const gOverRT = gravityMps2(z) / (RSTAR_J_PER_MOL_K * tK);
      let dnH = nH * (-alpha1 * dLnTdz - SPECIES_M_KG_PER_MOL[H_INDEX]! * gOverRT);
      if (probeZM < Z11_M) {
        const dH = (SPECIES_DIFF_A[H_INDEX]! * (tK / 273.15) ** SPECIES_DIFF_B[H_INDEX]!) / nTotal;
        dnH -= H_FLUX_PHI / dH;
      }
      nTotal += nH;
      dnTotal += dnH;
      massSum += nH * SPECIES_M_KG_PER_MOL[H_INDEX]!;
      dMassSum += dnH * SPECIES_M_KG_PER_MOL[H_INDEX]!;
    }
    out[0] = Math.log(massSum / AVOGADRO_PER_MOL);
    out[1] = dMassSum / massSum;
    out[2] = Math.log(nTotal * BOLTZMANN_J_PER_K * tK);
    out[3] = dnTotal / nTotal + dLnTdz;
  };

  const setHermite = (
    coeffs: Float64Array,
    k: number,
    widthM: number,
    v0: number,
    d0: number,
    v1: number,
    d1: number,
  ): void => {
    const slope = (v1 - v0) / widthM;
    coeffs[4 * k] = v0;
    coeffs[4 * k + 1] = d0;
    coeffs[4 * k + 2] = (3 * slope - 2 * d0 - d1) / widthM;
    coeffs[4 * k + 3] = (d0 + d1 - 2 * slope) / (widthM * widthM);
  };

  // Pass 2: Hermite cubics with one-sided derivatives at each end of each interval.
  for (let k = 0; k < TABLE_INTERVALS; k++) {
    const z0 = knotAltitudeM(k);
    const z1 = knotAltitudeM(k + 1);
    const probe = 0.5 * (z0 + z1);
    knotValues(k, probe);
    const lnRho0 = out[0]!;
    const dLnRho0 = out[1]!;
    const lnP0 = out[2]!;
    const dLnP0 = out[3]!;
    knotValues(k + 1, probe);
    setHermite(LN_RHO_COEFFS, k, z1 - z0, lnRho0, dLnRho0, out[0]!, out[1]!);
    setHermite(LN_P_COEFFS, k, z1 - z0, lnP0, dLnP0, out[2]!, out[3]!);
    if (k === TABLE_INTERVALS - 1) {
      lnRhoTop = out[0]!;
      lnRhoSlopeTopPerM = out[1]!;
    }
  }
}

/** ln(rho) or ln(P) from the table, for 86 km <= zM <= 1000 km. */
const evalTable = (coeffs: Float64Array, zM: number): number => {
  let k: number;
  let t: number;
  if (zM < Z_HYDROGEN_M) {
    k = Math.floor((zM - Z7_M) / TABLE_STEP_LOW_M);
    t = zM - (Z7_M + k * TABLE_STEP_LOW_M);
  } else {
    const kh = Math.floor((zM - Z_HYDROGEN_M) / TABLE_STEP_HIGH_M);
    const khc = kh < TABLE_HIGH_INTERVALS ? kh : TABLE_HIGH_INTERVALS - 1;
    k = TABLE_LOW_INTERVALS + khc;
    t = zM - (Z_HYDROGEN_M + khc * TABLE_STEP_HIGH_M);
  }
  const i = 4 * k;
  return coeffs[i]! + t * (coeffs[i + 1]! + t * (coeffs[i + 2]! + t * coeffs[i + 3]!));
};

// ------------------------------------------------------------------------------------------------
// Public API
// ------------------------------------------------------------------------------------------------

/** The state of the standard atmosphere at one geometric altitude. */
export interface AtmosphereSample {
  /** Geometric altitude, m. */
  altitudeM: number;
  /** Kinetic temperature, K. */
  temperatureK: number;
  pressurePa: number;
  densityKgM3: number;
  /** Speed of sound, m/s; the standard defines it only up to 86 km, so null above. */
  speedOfSoundMps: number | null;
}

/**
 * US Standard Atmosphere 1976 at geometric altitude altitudeM (m), -5 km to 1000 km
 * (E_OUT_OF_RANGE outside). Not for hot loops: see ussa76DensityKgM3 and ussa76SpeedOfSoundMps.
 */
export function ussa76(altitudeM: number): AtmosphereSample {
  requireInRange(altitudeM, Z_MIN_M, Z12_M, 'm', 'altitudeM');
  if (altitudeM <= Z7_M) {
    const tmK = lowerMolecularTemperatureK(altitudeM);
    const pressurePa = lowerPressurePa(altitudeM);
    return {
      altitudeM,
      temperatureK: tmK * molarMassRatio(altitudeM),
      pressurePa,
      densityKgM3: (pressurePa * M0_KG_PER_MOL) / (RSTAR_J_PER_MOL_K * tmK),
      speedOfSoundMps: Math.sqrt(SOUND_M2_PER_S2_K * tmK),
    };
  }
  return {
    altitudeM,
    temperatureK: upperTemperatureK(altitudeM),
    pressurePa: Math.exp(evalTable(LN_P_COEFFS, altitudeM)),
    densityKgM3: Math.exp(evalTable(LN_RHO_COEFFS, altitudeM)),
    speedOfSoundMps: null,
  };
}

/**
 * Density, kg/m^3, of the US Standard Atmosphere 1976: the fast path for the flight loop. No
 * validation, no allocation. Below -5 km: the -5 km value. Above 1000 km: the 1000 km density
 * continued in log space with its slope there (scale height about 240 km; an extrapolation, not
 * the standard).
 */
export function ussa76DensityKgM3(altitudeM: number): number {
  if (altitudeM <= Z7_M) return lowerDensityKgM3(Math.max(altitudeM, Z_MIN_M));
  if (altitudeM > Z12_M) return Math.exp(lnRhoTop + lnRhoSlopeTopPerM * (altitudeM - Z12_M));
  return Math.exp(evalTable(LN_RHO_COEFFS, altitudeM));
}

/**
 * Speed of sound, m/s, for Mach numbers: sqrt(gamma R* T_M / M0) below 86 km (the standard);
 * above 86 km sqrt(gamma R* T / M0) from the kinetic temperature T (an extension: the standard
 * does not define it there). Below -5 km: the -5 km value. No validation, no allocation.
 */
export function ussa76SpeedOfSoundMps(altitudeM: number): number {
  if (altitudeM <= Z7_M) {
    return Math.sqrt(SOUND_M2_PER_S2_K * lowerMolecularTemperatureK(Math.max(altitudeM, Z_MIN_M)));
  }
  return Math.sqrt(SOUND_M2_PER_S2_K * upperTemperatureK(altitudeM));
}

/**
 * The exponential atmosphere rho0 exp(-h / H), kg/m^3 (e.g. 1.225 kg/m^3 and 7200 m, benchmark
 * P1). No clamp: it is used below 0 m too.
 */
export function exponentialDensityKgM3(
  altitudeM: number,
  seaLevelDensityKgM3: number,
  scaleHeightM: number,
): number {
  return seaLevelDensityKgM3 * Math.exp(-altitudeM / scaleHeightM);
}

/**
 * Pressure, Pa, of the US Standard Atmosphere 1976: the fast path for thrust's back-pressure
 * term. No validation, no allocation. Below -5 km: the -5 km value; above 1000 km: 0.
 */
export function ussa76PressurePa(altitudeM: number): number {
  if (altitudeM <= Z7_M) return lowerPressurePa(Math.max(altitudeM, Z_MIN_M));
  if (altitudeM > Z12_M) return 0;
  return Math.exp(evalTable(LN_P_COEFFS, altitudeM));
}
