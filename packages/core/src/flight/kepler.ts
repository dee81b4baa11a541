/**
 * Closed-form free flight on a round, still, airless Earth: the Kepler ellipse from burnout to the
 * first return to the surface radius. This is the yardstick the numerical engine is validated
 * against, so every quantity is computed in a form without catastrophic cancellation (atan2 of
 * exact components, differences taken analytically) and is exact to about 1e-12 relative.
 *
 * Sources:
 * - BMW: R. R. Bate, D. D. Mueller, J. E. White, Fundamentals of Astrodynamics (Dover, 1971):
 *   ch. 1 (vis-viva, angular momentum, eccentricity), ch. 4 §4.2 (Kepler's equation in eccentric
 *   anomaly), §4.3-4.4 (universal variable and Stumpff functions), ch. 6 §6.2 (the general ballistic
 *   missile problem: eqs. 6.2-1 Q, 6.2-12 free-flight range, 6.2-16 flight-path angle, 6.2-18/19
 *   maximum range, 6.2-20 Q for maximum range, 6.2-21/22 time of free flight).
 * - Minimum-energy ellipse between two radii (Lambert's problem): a_min = s/2 with s the
 *   semi-perimeter of the triangle (focus, P1, P2), the empty focus on the chord; R. H. Battin,
 *   An Introduction to the Mathematics and Methods of Astrodynamics (AIAA, 1999), ch. 6.
 *
 * The model page is docs/models/kepler.md. Assumptions: a sphere of radius `surfaceRadiusM`, point
 * mass gravity `gmM3S2`, no rotation, no air; the burnout state is inertial.
 */
import { errorCodes, OpenBmdError, requireFinite, requireInRange } from '../errors.js';

/** Burnout state on a still sphere: inertial speed and flight-path angle at altitude h above R. */
export interface KeplerBurnout {
  /** Gravitational parameter, m^3/s^2. */
  gmM3S2: number;
  /** Radius of the sphere the flight ends on, m. */
  surfaceRadiusM: number;
  /** Burnout altitude above the sphere, m (>= 0). */
  altitudeM: number;
  /** Inertial burnout speed, m/s (>= 0). */
  speedMps: number;
  /** Flight-path angle above the local horizontal, rad, in [-pi/2, pi/2]; negative going down. */
  flightPathRad: number;
}

/** Burnout radius and speed without a direction (for the range optimisations). */
export type KeplerBurnoutSpeed = Omit<KeplerBurnout, 'flightPathRad'>;

/** Result of a closed-form free flight from burnout to the first time r = R. */
export interface KeplerFreeFlight {
  /** Central angle from burnout to impact, rad, in [0, 2pi). */
  rangeAngleRad: number;
  /** Ground range on the sphere, R * rangeAngleRad, m. */
  groundRangeM: number;
  /** Time from burnout to impact, s. */
  flightTimeS: number;
  /** Highest altitude above R reached in flight, m (the burnout altitude if apogee lies behind). */
  apogeeAltitudeM: number;
  /** Time from burnout to apogee, s (0 if the burnout is at or past apogee). */
  apogeeTimeS: number;
  /** Inertial speed at impact, m/s. */
  impactSpeedMps: number;
  /** Flight-path angle at impact, rad (<= 0). */
  impactFlightPathRad: number;
}

const HALF_PI = Math.PI / 2;
/** Slack on |flight-path angle| <= pi/2 for rounding of degree-to-radian conversions. */
const FLIGHT_PATH_SLACK_RAD = 1e-12;

const requirePositive = (x: number, path: string): number => {
  requireFinite(x, path);
  if (!(x > 0)) {
    throw new OpenBmdError(errorCodes.invalidInput, `expected a positive number, got ${x}`, path);
  }
  return x;
};

const requireNonNegative = (x: number, path: string): number => {
  requireFinite(x, path);
  if (x < 0) {
    throw new OpenBmdError(
      errorCodes.invalidInput,
      `expected a number >= 0, got ${x} (negative values are not accepted)`,
      path,
    );
  }
  return x;
};

/** x - sin x without cancellation for small x (Taylor series below 0.1, error < 1e-15 relative). */
const xMinusSin = (x: number): number => {
  if (Math.abs(x) >= 0.1) return x - Math.sin(x);
  const x2 = x * x;
  // x^3/3! - x^5/5! + x^7/7! - x^9/9!
  return x * x2 * (1 / 6 - x2 * (1 / 120 - x2 * (1 / 5040 - x2 / 362880)));
};

/**
 * Free flight on a round, still, airless Earth from an inertial burnout state at altitude h above
 * radius R to the first time r = R (impact). Elliptic orbits only (specific energy < 0, i.e.
 * Q = r v^2 / GM < 2): energy >= 0 throws E_NO_IMPACT even when the flight heads inwards.
 *
 * Throws E_INVALID_INPUT for non-finite inputs, negative speed or altitude, or non-positive GM or R;
 * E_OUT_OF_RANGE for |flightPathRad| > pi/2; E_NO_IMPACT when the orbit never reaches r = R
 * (periapsis above R, a grazing orbit from the surface, or energy >= 0).
 */
export function keplerFreeFlight(p: KeplerBurnout): KeplerFreeFlight {
  const mu = requirePositive(p.gmM3S2, 'gmM3S2');
  const rSurfaceM = requirePositive(p.surfaceRadiusM, 'surfaceRadiusM');
  const hM = requireNonNegative(p.altitudeM, 'altitudeM');
  const vMps = requireNonNegative(p.speedMps, 'speedMps');
  const phiRad = requireInRange(
    p.flightPathRad,
    -HALF_PI - FLIGHT_PATH_SLACK_RAD,
    HALF_PI + FLIGHT_PATH_SLACK_RAD,
    'rad',
    'flightPathRad',
  );

  const r0M = rSurfaceM + hM;
  // BMW eq. 6.2-1: Q = r v^2 / GM (twice the kinetic over the potential energy magnitude).
  const q = (r0M * vMps * vMps) / mu;
  if (!(q < 2)) {
    throw new OpenBmdError(
      errorCodes.noImpact,
      `burnout speed ${vMps} m/s is at or above escape speed (Q = ${q} >= 2): the flight does not return`,
      'speedMps',
    );
  }
  // At rest the direction is irrelevant: treat it as horizontal (at apogee of a rectilinear orbit).
  const s = vMps === 0 ? 0 : Math.sin(phiRad);
  const c = vMps === 0 ? 1 : Math.max(0, Math.cos(phiRad));
  const twoMinusQ = 2 - q;
  const hOverR0 = hM / r0M;
  const rho = rSurfaceM / r0M;

  // Vis-viva with Q (BMW eq. 6.2-4 rearranged): a = r / (2 - Q).
  const aM = r0M / twoMinusQ;
  // Eccentric anomaly at burnout (BMW §4.2): e cos E = 1 - r/a, e sin E = r rdot / sqrt(GM a).
  const eCosE0 = q - 1;
  const eSinE0 = s * Math.sqrt(q * twoMinusQ);
  // At impact (r = R): e cos Ei = 1 - R/a; (e sin Ei)^2 = e^2 - (e cos Ei)^2 = (2 - Q) B, with B
  // expanded so that no two large terms cancel (derivation in docs/models/kepler.md).
  const eCosEi = 1 - rho * twoMinusQ;
  const bImpact = q * s * s - hOverR0 * (q * (1 + rho) - 2 * rho);
  if (bImpact < 0) {
    throw new OpenBmdError(
      errorCodes.noImpact,
      `the orbit never comes down to the surface (periapsis above ${rSurfaceM} m)`,
      'speedMps',
    );
  }
  if (hM === 0 && s === 0 && q >= 1) {
    throw new OpenBmdError(
      errorCodes.noImpact,
      'horizontal burnout on the surface at or above circular speed: the orbit grazes the surface',
      'flightPathRad',
    );
  }
  const eSinEiAbs = Math.sqrt(twoMinusQ * bImpact);

  // True anomaly (BMW eqs. 6.2-5/6): e cos nu = p/r - 1, e sin nu = Q sin(phi) cos(phi), p = r Q cos^2.
  const qc2 = q * c * c;
  const k0 = qc2 - 1;
  const m0 = q * s * c;
  const ki = qc2 / rho - 1;
  const miAbs = Math.sqrt(Math.max(0, m0 * m0 - qc2 * (hM / rSurfaceM) * (k0 + ki)));

  // sqrt(a^3 / GM): the time unit of Kepler's equation.
  const timeUnitS = Math.sqrt((aM * aM * aM) / mu);

  // Impact speed from energy (vis-viva); impact angle from the radial and horizontal components:
  // rdot_i = -sqrt(GM r0 B) / R, v_h = r0 v cos(phi) / R (angular momentum).
  const impactSpeedMps = Math.sqrt(vMps * vMps + (2 * mu * hM) / (rSurfaceM * r0M));
  const impactFlightPathRad = Math.atan2(-Math.sqrt(mu * r0M * bImpact), r0M * vMps * c);

  let rangeAngleRad: number;
  let flightTimeS: number;
  let apogeeTimeS: number;
  let apogeeAltitudeM: number;

  if (s >= 0) {
    // Ascending (or at apogee): burnout -> apogee -> impact. Each part is an angle in [0, pi]
    // measured from apogee, so the sums below add non-negative terms only.
    const eToApogeeRad = Math.atan2(eSinE0, -eCosE0); // pi - E0
    const eFromApogeeRad = Math.atan2(eSinEiAbs, -eCosEi); // Ei - pi
    // Kepler's equation (BMW §4.2): t = sqrt(a^3/GM) [(E - e sin E) - (E0 - e sin E0)].
    apogeeTimeS = timeUnitS * (eToApogeeRad + eSinE0);
    flightTimeS = apogeeTimeS + timeUnitS * (eFromApogeeRad + eSinEiAbs);
    // Range: (pi - nu0) + (nu_i + pi), both in [0, pi] (BMW eqs. 6.2-5/6, 6.2-7 generalised to r0 != R).
    rangeAngleRad = Math.atan2(m0, -k0) + Math.atan2(miAbs, -ki);
    // Apogee radius a (1 + e); the climb above burnout written without cancellation.
    const e = Math.hypot(eCosE0, eSinE0);
    const climbM =
      eSinE0 === 0 ? 0 : q <= 1 ? (aM * eSinE0 * eSinE0) / (e + 1 - q) : aM * (e + q - 1);
    apogeeAltitudeM = hM + climbM;
  } else {
    // Descending at burnout (phi < 0): straight down to impact, apogee behind. Differences of the
    // anomaly components are formed analytically, so short flights keep full relative precision.
    const eSinEi = -eSinEiAbs;
    const dEcos = twoMinusQ * hOverR0; // e cos Ei - e cos E0
    const dEsin = (-twoMinusQ * hOverR0 * (q * (1 + rho) - 2 * rho)) / (eSinEi + eSinE0); // e sin Ei - e sin E0
    const dE = Math.max(
      0,
      Math.atan2(dEsin * eCosE0 - dEcos * eSinE0, eCosEi * eCosE0 + eSinEi * eSinE0),
    );
    // Universal form of Kepler's equation (BMW §4.3-4.4 with chi = sqrt(a) dE, z = dE^2):
    // sqrt(GM) t = chi^3 S + sigma0 chi^2 C + r0 chi (1 - z S), sigma0 = r0 . v0 / sqrt(GM).
    // Divided by a^(3/2): (dE - sin dE) + e sin E0 (1 - cos dE) + (r0/a) sin dE, no cancellation.
    const sinHalf = Math.sin(dE / 2);
    flightTimeS =
      timeUnitS * (xMinusSin(dE) + eSinE0 * 2 * sinHalf * sinHalf + twoMinusQ * Math.sin(dE));
    // Range: nu_i - nu0 in [0, pi] from sin and cos of the difference (BMW eqs. 6.2-5/6).
    const mi = -miAbs;
    const dk = qc2 * (hM / rSurfaceM); // k_i - k0
    const dm = c === 0 ? 0 : (-qc2 * (hM / rSurfaceM) * (k0 + ki)) / (mi + m0); // m_i - m0
    rangeAngleRad = c === 0 ? 0 : Math.max(0, Math.atan2(dm * k0 - dk * m0, ki * k0 + mi * m0));
    apogeeTimeS = 0;
    apogeeAltitudeM = hM;
  }

  return {
    rangeAngleRad,
    groundRangeM: rSurfaceM * rangeAngleRad,
    flightTimeS,
    apogeeAltitudeM,
    apogeeTimeS,
    impactSpeedMps,
    impactFlightPathRad,
  };
}

/**
 * Free-flight range angle of a symmetric trajectory (burnout and re-entry at the same radius),
 * BMW eq. 6.2-12: cos(Psi/2) = (1 - Q cos^2 phi) / sqrt(1 + Q (Q - 2) cos^2 phi). Written as
 * Psi = 2 atan2(Q sin phi cos phi, 1 - Q cos^2 phi), valid for Psi > pi too.
 * q in [0, 2), flightPathRad in [0, pi/2]; E_NO_IMPACT for a horizontal burnout with q >= 1.
 */
export function symmetricRangeAngleRad(q: number, flightPathRad: number): number {
  requireInRange(q, 0, 2, '(Q)', 'q');
  if (q === 2) {
    throw new OpenBmdError(errorCodes.noImpact, 'Q = 2 is escape speed: no re-entry', 'q');
  }
  requireInRange(flightPathRad, 0, HALF_PI + FLIGHT_PATH_SLACK_RAD, 'rad', 'flightPathRad');
  const s = Math.sin(flightPathRad);
  const c = Math.max(0, Math.cos(flightPathRad));
  if (s === 0 && q >= 1) {
    throw new OpenBmdError(
      errorCodes.noImpact,
      'horizontal burnout at or above circular speed does not re-enter',
      'flightPathRad',
    );
  }
  return 2 * Math.atan2(q * s * c, 1 - q * c * c);
}

/**
 * Burnout flight-path angle of the maximum-range (minimum-energy) symmetric trajectory for a
 * range angle Psi in [0, pi]: BMW eq. 6.2-18, phi = (180 deg - Psi) / 4.
 */
export function minimumEnergyFlightPathRad(rangeAngleRad: number): number {
  requireInRange(rangeAngleRad, 0, Math.PI, 'rad', 'rangeAngleRad');
  return (Math.PI - rangeAngleRad) / 4;
}

/**
 * Maximum free-flight range angle of a symmetric trajectory for Q in [0, 1]: BMW eq. 6.2-19,
 * sin(Psi/2) = Q / (2 - Q), written as Psi/2 = atan2(Q, 2 sqrt(1 - Q)) (exact at Q = 1: Psi = pi).
 * For Q > 1 every range angle up to 2 pi can be flown, so there is no maximum below pi.
 */
export function maximumRangeAngleRad(q: number): number {
  requireInRange(q, 0, 1, '(Q)', 'q');
  return 2 * Math.atan2(q, 2 * Math.sqrt(1 - q));
}

/**
 * Minimum-energy ellipse between the burnout radius r0 = R + h and the impact radius R separated by
 * the range angle Psi (Lambert's problem, Battin 1999 ch. 6): chord d, semi-perimeter
 * s = (r0 + R + d) / 2, a_min = s / 2, the empty focus on the chord. The velocity bisects the
 * outer angle between the focal radii (reflective property), so phi = theta / 2 with theta the angle
 * at burnout between the downward vertical and the chord.
 */
const minimumEnergyOrbit = (
  mu: number,
  rSurfaceM: number,
  hM: number,
  sinHalfPsi: number,
  cosHalfPsi: number,
): { speedMps: number; flightPathRad: number } => {
  const r0M = rSurfaceM + hM;
  // Chord: d^2 = r0^2 + R^2 - 2 r0 R cos Psi = h^2 + 4 r0 R sin^2(Psi/2).
  const chordM = Math.sqrt(hM * hM + 4 * r0M * rSurfaceM * sinHalfPsi * sinHalfPsi);
  if (hM === 0 && sinHalfPsi === 0) {
    // Zero range from the surface: the limit of BMW eq. 6.2-18 at Psi = 0.
    return { speedMps: 0, flightPathRad: Math.PI / 4 };
  }
  const semiPerimeterM = (r0M + rSurfaceM + chordM) / 2;
  // Vis-viva with a = s/2: v^2 = GM (2/r0 - 2/s) = GM (d - h) / (r0 s), d - h = 4 r0 R sin^2 / (d + h).
  const speedMps = Math.sqrt(
    (4 * mu * rSurfaceM * sinHalfPsi * sinHalfPsi) / (semiPerimeterM * (chordM + hM)),
  );
  // tan(theta/2) = R sin Psi / (d + r0 - R cos Psi), r0 - R cos Psi = h + 2 R sin^2(Psi/2).
  const flightPathRad = Math.atan2(
    2 * rSurfaceM * sinHalfPsi * cosHalfPsi,
    chordM + hM + 2 * rSurfaceM * sinHalfPsi * sinHalfPsi,
  );
  return { speedMps, flightPathRad };
};

/**
 * Flight-path angle that maximises the ground range from burnout at altitude h with speed v to
 * impact at R (non-symmetric). Closed form: for a fixed speed the semi-major axis is fixed, and the
 * longest reach is the ellipse with the empty focus on the chord (minimum-energy ellipse for that
 * range): chord d = 4a - r0 - R. E_OUT_OF_RANGE when that chord reaches past the antipode
 * (d >= r0 + R: ranges beyond pi are possible and the maximum is not a closed-form ellipse) or the
 * speed is at or above escape speed.
 */
export function optimalFlightPathRad(p: KeplerBurnoutSpeed): number {
  const mu = requirePositive(p.gmM3S2, 'gmM3S2');
  const rSurfaceM = requirePositive(p.surfaceRadiusM, 'surfaceRadiusM');
  const hM = requireNonNegative(p.altitudeM, 'altitudeM');
  const vMps = requireNonNegative(p.speedMps, 'speedMps');
  const r0M = rSurfaceM + hM;
  const q = (r0M * vMps * vMps) / mu; // BMW eq. 6.2-1
  if (!(q < 2)) {
    throw new OpenBmdError(errorCodes.outOfRange, `Q = ${q} >= 2: escape speed`, 'speedMps');
  }
  // Chord of the minimum-energy ellipse with a = r0 / (2 - Q): d = 4a - r0 - R; d - h = 2 r0 Q / (2 - Q).
  const dMinusHM = (2 * r0M * q) / (2 - q);
  const chordM = dMinusHM + hM;
  const farM = r0M + rSurfaceM - chordM; // r0 + R - d
  if (!(farM > 0)) {
    throw new OpenBmdError(
      errorCodes.outOfRange,
      `speed ${vMps} m/s reaches past the antipode (Q = ${q}): no maximum range below pi`,
      'speedMps',
    );
  }
  if (vMps === 0) return hM === 0 ? Math.PI / 4 : 0;
  // Law of cosines: sin^2(Psi/2) = (d - h)(d + h) / (4 r0 R), cos^2(Psi/2) = (r0 + R - d)(r0 + R + d) / (4 r0 R).
  const fourR0R = 4 * r0M * rSurfaceM;
  const sinHalfPsi = Math.sqrt((dMinusHM * (chordM + hM)) / fourR0R);
  const cosHalfPsi = Math.sqrt((farM * (r0M + rSurfaceM + chordM)) / fourR0R);
  return minimumEnergyOrbit(mu, rSurfaceM, hM, sinHalfPsi, cosHalfPsi).flightPathRad;
}

/**
 * Minimum burnout speed that reaches the range angle Psi in [0, pi] from altitude h (impact at R),
 * and the flight-path angle to fly it: the minimum-energy ellipse a_min = s/2 (closed form).
 */
export function minimumEnergySpeedMps(p: {
  gmM3S2: number;
  surfaceRadiusM: number;
  altitudeM: number;
  rangeAngleRad: number;
}): { speedMps: number; flightPathRad: number } {
  const mu = requirePositive(p.gmM3S2, 'gmM3S2');
  const rSurfaceM = requirePositive(p.surfaceRadiusM, 'surfaceRadiusM');
  const hM = requireNonNegative(p.altitudeM, 'altitudeM');
  const psiRad = requireInRange(p.rangeAngleRad, 0, Math.PI, 'rad', 'rangeAngleRad');
  return minimumEnergyOrbit(mu, rSurfaceM, hM, Math.sin(psiRad / 2), Math.cos(psiRad / 2));
}
