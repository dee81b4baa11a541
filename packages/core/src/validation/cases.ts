/**
 * The validation cases of `openbmd validate` and of the test suite: each compares a computed
 * number with a known answer (closed form, published table, independent method) and names its
 * source. Pure and fast (a few seconds in all).
 */
import { aimMissile } from '../aim/aim.js';
import { maxRange } from '../aim/max-range.js';
import { getCatalogMissile } from '../catalog/catalog.js';
import { ussa76 } from '../earth/atmosphere.js';
import { ecefToGeodetic, geodeticToEcef } from '../earth/frames.js';
import { directGeodesic, inverseGeodesic } from '../earth/geodesic.js';
import { gravityAccelerationMps2 } from '../earth/gravity.js';
import { customEarthModel, earthPresets } from '../earth/model.js';
import { defaultFlightSettings, flyFree, surfaceRelativeState } from '../flight/ballistic.js';
import {
  keplerFreeFlight,
  maximumRangeAngleRad,
  minimumEnergyFlightPathRad,
  minimumEnergySpeedMps,
} from '../flight/kepler.js';
import { validateMissileDefinition } from '../flight/missile.js';

export interface ValidationRow {
  readonly id: string;
  readonly case: string;
  readonly source: string;
  readonly expected: string;
  readonly computed: string;
  readonly tolerance: string;
  readonly pass: boolean;
}

const DEG = Math.PI / 180;
const BMW = 'Bate, Mueller & White, Fundamentals of Astrodynamics (1971), ch. 6 (closed form)';
const USSA = 'U.S. Standard Atmosphere 1976 (NASA-TM-X-74335), tables I-III';

const sig = (x: number, n = 7): string =>
  Math.abs(x) >= 1e-3 && Math.abs(x) < 1e7 ? x.toPrecision(n) : x.toExponential(n - 1);
const relErr = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

/** Round, still Earth: numerical free flight against the closed-form Kepler solution. */
const keplerCases = (): ValidationRow[] => {
  const model = earthPresets['round-still'];
  const settings = { method: 'dop853' as const, rtol: 1e-13, atol: 1e-7 };
  const rows: ValidationRow[] = [];
  const spread: Array<[number, number, number]> = [
    // speed m/s, flight-path deg, altitude km
    [3000, 45, 0],
    [5000, 30, 100],
    [7000, 22, 200],
    [7200, 60, 0],
    [6000, 10, 300],
  ];
  let worstRange = 0;
  let worstTime = 0;
  let worstApogee = 0;
  for (const [v, phiDeg, hKm] of spread) {
    const y0 = surfaceRelativeState(
      model,
      0.3,
      0.2,
      hKm * 1000,
      v,
      phiDeg * DEG,
      0.7,
      0,
      new Float64Array(6),
    );
    const num = flyFree(model, y0, 0, { settings, record: false });
    const sub = inverseGeodesic(0.3, 0.2, num.impactLatRad, num.impactLonRad, model);
    const ref = keplerFreeFlight({
      gmM3S2: model.gmM3S2,
      surfaceRadiusM: model.radiusM,
      altitudeM: hKm * 1000,
      speedMps: v,
      flightPathRad: phiDeg * DEG,
    });
    worstRange = Math.max(worstRange, relErr(sub.distanceM, ref.groundRangeM));
    worstTime = Math.max(worstTime, relErr(num.flightTimeS, ref.flightTimeS));
    worstApogee = Math.max(worstApogee, relErr(num.apogeeAltitudeM, ref.apogeeAltitudeM));
  }
  const tol = 1e-6;
  const spreadText = `${spread.length} burnout states, 3-7.2 km/s, 10-60 deg, 0-300 km`;
  rows.push(
    {
      id: 'kepler-range',
      case: `round still Earth: ground range, ${spreadText}`,
      source: BMW,
      expected: 'closed-form range',
      computed: `max rel. error ${worstRange.toExponential(2)}`,
      tolerance: `rel. ${tol}`,
      pass: worstRange < tol,
    },
    {
      id: 'kepler-time',
      case: `round still Earth: time of flight, ${spreadText}`,
      source: BMW,
      expected: "closed-form time (Kepler's equation)",
      computed: `max rel. error ${worstTime.toExponential(2)}`,
      tolerance: `rel. ${tol}`,
      pass: worstTime < tol,
    },
    {
      id: 'kepler-apogee',
      case: `round still Earth: apogee altitude, ${spreadText}`,
      source: BMW,
      expected: 'a(1 + e) - R',
      computed: `max rel. error ${worstApogee.toExponential(2)}`,
      tolerance: `rel. ${tol}`,
      pass: worstApogee < tol,
    },
  );
  // Minimum-energy angle: flying at phi = 45 deg - Psi/4 gives the closed-form maximum range.
  const v = 6500;
  const q = (model.radiusM * v * v) / model.gmM3S2;
  const psiMax = maximumRangeAngleRad(q);
  const phiOpt = minimumEnergyFlightPathRad(psiMax);
  const rangeAt = (phi: number): number => {
    const y0 = surfaceRelativeState(model, 0, 0, 0, v, phi, Math.PI / 2, 0, new Float64Array(6));
    const f = flyFree(model, y0, 0, { settings, record: false });
    return inverseGeodesic(0, 0, f.impactLatRad, f.impactLonRad, model).distanceM;
  };
  const rOpt = rangeAt(phiOpt);
  const rMax = psiMax * model.radiusM;
  const neighbours = Math.max(rangeAt(phiOpt - 0.5 * DEG), rangeAt(phiOpt + 0.5 * DEG));
  const e = relErr(rOpt, rMax);
  rows.push({
    id: 'kepler-min-energy-angle',
    case: `round still Earth, 6.5 km/s: range at phi = 45 deg - Psi/4 = ${(phiOpt / DEG).toFixed(4)} deg is the maximum`,
    source: `${BMW}: sin(Psi/2) = Q/(2 - Q), phi = 45 deg - Psi/4`,
    expected: `${sig(rMax / 1000)} km, and more than at phi +- 0.5 deg`,
    computed: `${sig(rOpt / 1000)} km (rel. error ${e.toExponential(2)}); +-0.5 deg: ${sig(neighbours / 1000)} km`,
    tolerance: `rel. ${tol}`,
    pass: e < tol && neighbours < rOpt,
  });
  return rows;
};

/** US Standard Atmosphere 1976 table values, to 4 significant figures. */
const atmosphereCases = (): ValidationRow[] => {
  // Geometric altitude km, temperature K, pressure Pa, density kg/m^3 (tables I-III).
  const table: Array<[number, number, number, number]> = [
    [0, 288.15, 101325, 1.225],
    [5, 255.676, 5.4048e4, 7.3643e-1],
    [15, 216.65, 1.2111e4, 1.9476e-1],
    [25, 221.552, 2.5492e3, 4.0084e-2],
    [50, 270.65, 7.9779e1, 1.0269e-3],
    [75, 208.399, 2.3881, 3.9921e-5],
    [86, 186.87, 3.7338e-1, 6.958e-6],
    [100, 195.08, 3.2011e-2, 5.604e-7],
    [200, 854.56, 8.4736e-5, 2.541e-10],
    [500, 999.24, 3.0236e-7, 5.215e-13],
    [1000, 1000.0, 7.5138e-9, 3.561e-15],
  ];
  const rows: ValidationRow[] = [];
  for (const [hKm, tK, pPa, rho] of table) {
    const s = ussa76(hKm * 1000);
    const errs = [
      relErr(s.temperatureK, tK),
      relErr(s.pressurePa, pPa),
      relErr(s.densityKgM3, rho),
    ];
    const worst = Math.max(...errs);
    rows.push({
      id: `ussa76-${hKm}km`,
      case: `US Standard Atmosphere 1976 at ${hKm} km: T, p, rho`,
      source: USSA,
      expected: `${tK} K, ${pPa} Pa, ${rho} kg/m^3`,
      computed: `${sig(s.temperatureK, 6)} K, ${sig(s.pressurePa, 5)} Pa, ${sig(s.densityKgM3, 5)} kg/m^3`,
      tolerance: '4 significant figures (rel. 5e-4)',
      pass: worst < 5e-4,
    });
  }
  return rows;
};

/** Geodetic <-> ECEF round trips on WGS84, poles and deep points included. */
const frameCases = (): ValidationRow[] => {
  const model = earthPresets.wgs84;
  let worst = 0;
  const e = new Float64Array(3);
  const g = new Float64Array(3);
  const back = new Float64Array(3);
  for (let i = 0; i < 2000; i++) {
    // A deterministic low-discrepancy spread of points, poles and the equator included.
    const lat =
      i === 0 ? Math.PI / 2 : i === 1 ? -Math.PI / 2 : (((i * 0.618034) % 1) - 0.5) * Math.PI;
    const lon = (((i * 0.754878) % 1) - 0.5) * 2 * Math.PI;
    const h = -100_000 + ((i * 0.569840291) % 1) * 40_000_000;
    geodeticToEcef(lat, lon, h, model, e);
    ecefToGeodetic(e[0]!, e[1]!, e[2]!, model, g);
    geodeticToEcef(g[0]!, g[1]!, g[2]!, model, back);
    worst = Math.max(worst, Math.hypot(back[0]! - e[0]!, back[1]! - e[1]!, back[2]! - e[2]!));
  }
  return [
    {
      id: 'frames-round-trip',
      case: 'WGS84 geodetic -> ECEF -> geodetic -> ECEF, 2,000 points from -100 km to 40,000 km, poles included',
      source: 'NIMA TR8350.2 (WGS84); Vermeille (2002), J. Geodesy 76',
      expected: '0 m',
      computed: `${worst.toExponential(2)} m`,
      tolerance: '1 mm',
      pass: worst < 1e-3,
    },
  ];
};

/** Conservation of energy and angular momentum in vacuum with point-mass gravity. */
const conservationCases = (): ValidationRow[] => {
  const model = earthPresets['round-still'];
  const y0 = surfaceRelativeState(
    model,
    0.4,
    1,
    150_000,
    6800,
    25 * DEG,
    1.1,
    0,
    new Float64Array(6),
  );
  const energy = (y: ArrayLike<number>) =>
    0.5 * (y[3]! ** 2 + y[4]! ** 2 + y[5]! ** 2) - model.gmM3S2 / Math.hypot(y[0]!, y[1]!, y[2]!);
  const momentum = (y: ArrayLike<number>) =>
    Math.hypot(
      y[1]! * y[5]! - y[2]! * y[4]!,
      y[2]! * y[3]! - y[0]! * y[5]!,
      y[0]! * y[4]! - y[1]! * y[3]!,
    );
  const f = flyFree(model, y0, 0, { settings: defaultFlightSettings, record: false });
  const dE = relErr(energy(f.impactState), energy(y0));
  const dH = relErr(momentum(f.impactState), momentum(y0));
  return [
    {
      id: 'conservation',
      case: 'vacuum free flight, point-mass gravity: energy and angular momentum at impact vs burnout',
      source: 'two-body integrals of motion (BMW 1971, ch. 1)',
      expected: 'unchanged',
      computed: `energy rel. ${dE.toExponential(2)}, momentum rel. ${dH.toExponential(2)}`,
      tolerance: `rel. 1e-9 (integrator rtol ${defaultFlightSettings.rtol})`,
      pass: dE < 1e-9 && dH < 1e-9,
    },
  ];
};

/** J2: the equator-pole difference of gravitation at equal radius is 4.5 J2 GM/a^2 exactly. */
const gravityCases = (): ValidationRow[] => {
  const model = earthPresets.wgs84;
  const a = model.radiusM;
  const out = new Float64Array(3);
  gravityAccelerationMps2(a, 0, 0, model, out);
  const equator = Math.abs(out[0]!);
  gravityAccelerationMps2(0, 0, a, model, out);
  const pole = Math.abs(out[2]!);
  const expected = (4.5 * model.j2 * model.gmM3S2) / (a * a);
  const computed = equator - pole;
  const e = relErr(computed, expected);
  return [
    {
      id: 'j2-pole-equator',
      case: 'J2 gravitation at r = a: equator minus pole',
      source:
        'J2 zonal potential (Vallado, Fundamentals of Astrodynamics, 4th ed., eq. 8-30); EGM96 J2',
      expected: `${sig(expected)} m/s^2 (4.5 J2 GM/a^2)`,
      computed: `${sig(computed)} m/s^2`,
      tolerance: 'rel. 1e-12',
      pass: e < 1e-12,
    },
  ];
};

/** Published missile figures: minimum-energy burnout speed, Minuteman III, an ICBM's flight time. */
const missileCases = (): ValidationRow[] => {
  const rows: ValidationRow[] = [];
  // Minimum-energy burnout speed for 10,000 km, found by flying the engine (bisection on speed).
  const model = earthPresets['round-still'];
  const psi = 10_000_000 / model.radiusM;
  const phi = minimumEnergyFlightPathRad(psi);
  let lo = 6000;
  let hi = 8000;
  for (let i = 0; i < 50; i++) {
    const v = 0.5 * (lo + hi);
    const y0 = surfaceRelativeState(model, 0, 0, 0, v, phi, Math.PI / 2, 0, new Float64Array(6));
    const f = flyFree(model, y0, 0, { record: false });
    const r = inverseGeodesic(0, 0, f.impactLatRad, f.impactLonRad, model).distanceM;
    if (r < 10_000_000) lo = v;
    else hi = v;
  }
  const v10000 = 0.5 * (lo + hi);
  const vClosed = minimumEnergySpeedMps({
    gmM3S2: model.gmM3S2,
    surfaceRadiusM: model.radiusM,
    altitudeM: 0,
    rangeAngleRad: psi,
  }).speedMps;
  rows.push({
    id: 'burnout-speed-10000km',
    case: 'minimum-energy burnout speed for 10,000 km, flown (round still Earth, burnout at the surface)',
    source: `${BMW}: v^2 = (GM/R) 2 sin(Psi/2) / (1 + sin(Psi/2))`,
    expected: `${(vClosed / 1000).toFixed(4)} km/s`,
    computed: `${(v10000 / 1000).toFixed(4)} km/s`,
    tolerance: 'rel. 1e-6',
    pass: relErr(v10000, vClosed) < 1e-6,
  });
  // Minuteman III: "6,000-plus miles" and "about 15,000 mph" at burnout (USAF fact sheet).
  const still = customEarthModel(earthPresets.wgs84, { rotationRadps: 0 });
  const mm3 = maxRange(still, {
    missile: getCatalogMissile('minuteman-3'),
    fromLatRad: 0,
    fromLonRad: 0,
    azimuthRad: 0,
  });
  const rangeKm = mm3.maxRangeM / 1000;
  const burnoutKmps = mm3.flight.burnout.speedMps / 1000;
  rows.push({
    id: 'minuteman-3-fact-sheet',
    case: 'Minuteman III (built-in), maximum range and burnout speed, non-rotating WGS84 Earth',
    source:
      'U.S. Air Force LGM-30G fact sheet: range 6,000-plus miles (9,650 km), about 15,000 mph (6.7 km/s) at burnout',
    expected: '9,650 km, 6.7 km/s',
    computed: `${rangeKm.toFixed(0)} km, ${burnoutKmps.toFixed(2)} km/s`,
    tolerance: '10 % in range, 0.3 km/s in speed',
    pass: Math.abs(rangeKm - 9650) < 965 && Math.abs(burnoutKmps - 6.7) < 0.3,
  });
  // An ICBM flying 10,000 km takes about 30 minutes.
  const wgs = earthPresets.wgs84;
  const teykovo = { latRad: 56.85 * DEG, lonRad: 40.53 * DEG };
  const target = directGeodesic(teykovo.latRad, teykovo.lonRad, 0, 10_000_000, wgs);
  const aimed = aimMissile(wgs, {
    missile: getCatalogMissile('ss-27'),
    fromLatRad: teykovo.latRad,
    fromLonRad: teykovo.lonRad,
    toLatRad: target.latRad,
    toLonRad: target.lonRad,
    shape: { kind: 'minimum-energy' },
  });
  const minutes = aimed.flight.free.flightTimeS / 60;
  rows.push({
    id: 'icbm-flight-time',
    case: 'SS-27 (built-in) from Teykovo, 10,000 km over the pole, minimum energy, WGS84',
    source:
      'von Hippel et al., Princeton SGS (2020): an ICBM flies about 10,000 km in about 30 minutes',
    expected: 'about 30 min',
    computed: `${minutes.toFixed(1)} min`,
    tolerance: '+- 4 min ("about")',
    pass: Math.abs(minutes - 30) <= 4,
  });
  return rows;
};

/**
 * A short-boost test missile: a small first stage that rises and pitches over (6 s, about 150 m/s)
 * and a 1-s kick stage that gives almost all the speed (about 4.7 km/s) along the held thrust
 * elevation: close to the impulsive burnout of the closed form.
 */
export const impulsiveTestMissile = validateMissileDefinition(
  {
    'openbmd-missile': 1,
    id: 'impulsive-test',
    name: 'Short-boost test missile (validation only)',
    class: 'irbm',
    propellant: 'solid',
    notional: true,
    sources: ['OpenBMD validation: a synthetic missile whose boost is nearly impulsive'],
    stages: [
      {
        grossMassKg: 375,
        propellantMassKg: 250,
        burnTimeS: 6,
        ispVacuumS: 250,
        diameterM: 1,
        dragCoefficient: 0.2,
      },
      {
        grossMassKg: 5000,
        propellantMassKg: 4400,
        burnTimeS: 1,
        ispVacuumS: 300,
        diameterM: 1,
        dragCoefficient: 0.2,
      },
    ],
    payload: { massKg: 500 },
    reentryVehicle: { ballisticCoefficientKgM2: 10000 },
    steering: { law: 'forden', verticalTimeS: 0, pitchRateDegPerS: 8, finalElevationDeg: 40 },
  },
  'validation',
);

/**
 * Minimum-energy aiming against the closed form: on the round still Earth without air, the
 * least-propellant trajectory of a short-boost missile must leave burnout with the closed-form
 * minimum-energy flight-path angle and speed for the free-flight range that is left (the target's
 * range angle less the burnout point's), from the burnout altitude.
 */
const minimumEnergyAimCases = (): ValidationRow[] => {
  const model = earthPresets['round-still'];
  const missile = impulsiveTestMissile;
  const azimuthRad = 90 * DEG;
  const mr = maxRange(model, { missile, fromLatRad: 0, fromLonRad: 0, azimuthRad });
  let worstPhiDeg = 0;
  let worstSpeed = 0;
  const shown: string[] = [];
  const expected: string[] = [];
  for (const fraction of [0.3, 0.6, 0.9]) {
    const rangeM = fraction * mr.maxRangeM;
    const target = directGeodesic(0, 0, azimuthRad, rangeM, model);
    const aimed = aimMissile(model, {
      missile,
      fromLatRad: 0,
      fromLonRad: 0,
      toLatRad: target.latRad,
      toLonRad: target.lonRad,
      shape: { kind: 'minimum-energy' },
      rangeOptimalSteering: mr.steering,
    });
    const b = aimed.flight.burnout;
    const g = new Float64Array(3);
    ecefToGeodetic(b.state[0]!, b.state[1]!, b.state[2]!, model, g);
    const burnoutRangeAngle = inverseGeodesic(0, 0, g[0]!, g[1]!, model).distanceM / model.radiusM;
    const closed = minimumEnergySpeedMps({
      gmM3S2: model.gmM3S2,
      surfaceRadiusM: model.radiusM,
      altitudeM: b.altitudeM,
      rangeAngleRad: aimed.groundRangeM / model.radiusM - burnoutRangeAngle,
    });
    worstPhiDeg = Math.max(worstPhiDeg, Math.abs(b.flightPathRad - closed.flightPathRad) / DEG);
    worstSpeed = Math.max(worstSpeed, relErr(b.inertialSpeedMps, closed.speedMps));
    const pct = `${(fraction * 100).toFixed(0)} %`;
    expected.push(
      `${pct}: ${(closed.flightPathRad / DEG).toFixed(2)} deg, ${(closed.speedMps / 1000).toFixed(4)} km/s`,
    );
    shown.push(
      `${pct}: ${(b.flightPathRad / DEG).toFixed(2)} deg, ${(b.inertialSpeedMps / 1000).toFixed(4)} km/s`,
    );
  }
  return [
    {
      id: 'minimum-energy-aim-closed-form',
      case: `minimum-energy aim (least propellant) of a short-boost test missile on the round still Earth, 30/60/90 % of its ${(mr.maxRangeM / 1000).toFixed(0)} km maximum range: burnout flight-path angle and speed`,
      source: `${BMW}: phi = 45 deg - Psi/4, v^2 = (GM/r) 2 sin(Psi/2) / (1 + sin(Psi/2)), from the burnout altitude (Battin 1999, ch. 6) over the range left after burnout`,
      expected: expected.join('; '),
      computed: `${shown.join('; ')} (worst ${worstPhiDeg.toFixed(2)} deg, rel. ${worstSpeed.toExponential(1)})`,
      tolerance: '0.5 deg (the finite 7-s boost), speed rel. 5e-4',
      pass: worstPhiDeg < 0.5 && worstSpeed < 5e-4,
    },
  ];
};

/** Every validation case, in table order. */
export const runValidationCases = (): ValidationRow[] => [
  ...keplerCases(),
  ...atmosphereCases(),
  ...frameCases(),
  ...conservationCases(),
  ...gravityCases(),
  ...missileCases(),
  ...minimumEnergyAimCases(),
];
