/**
 * The built-in missiles: public-parameter estimates, every one notional, each with its sources.
 *
 * Written as data in the same format as missile files and validated at module load by the same
 * schema. Numbers a source states are cited in `sources`; numbers OpenBMD estimated or derived are
 * said so in `notes` (est = estimate, calc = derived by formula). The default steering is a
 * plausible starting point only; aiming searches its parameters.
 *
 * Documented, with a table of key numbers, in docs/missiles.md.
 */

import { errorCodes, OpenBmdError } from '../errors.js';
import { closestName } from '../scenario/yaml-problems.js';
import {
  type MissileDefinition,
  type MissileDefinitionInput,
  validateMissileDefinition,
} from './missile.js';

/**
 * Drag coefficient of the V-2 against Mach number (G. P. Sutton, Rocket Propulsion Elements, 3rd
 * ed., Wiley, 1963, p. 119), the curve Forden's GUI_Missile_Flyout uses for Scud-family missiles.
 */
const V2_DRAG_TABLE: ReadonlyArray<readonly [number, number]> = [
  [0, 0.15],
  [0.6, 0.15],
  [0.7, 0.16],
  [0.8, 0.18],
  [0.9, 0.23],
  [1.0, 0.3],
  [1.1, 0.4],
  [1.18, 0.42],
  [1.2, 0.415],
  [1.3, 0.38],
  [1.4, 0.36],
  [1.5, 0.325],
  [1.6, 0.3],
  [1.7, 0.275],
  [1.8, 0.26],
  [1.9, 0.25],
  [2.0, 0.24],
  [3.0, 0.21],
  [4.0, 0.18],
  [5.0, 0.155],
  [5.5, 0.15],
];

/**
 * Drag coefficient of a large liquid missile (Atlas/Titan class) against Mach number, as tabulated
 * in Forden's GUI_Missile_Flyout (Science & Global Security 15, 2007).
 */
const LARGE_LIQUID_DRAG_TABLE: ReadonlyArray<readonly [number, number]> = [
  [0, 0.2007],
  [0.7, 0.2286],
  [0.8, 0.2486],
  [0.9, 0.2825],
  [1.0, 0.3402],
  [1.05, 0.3838],
  [1.1, 0.4304],
  [1.15, 0.4654],
  [1.18, 0.4747],
  [1.2, 0.474],
  [1.4, 0.4374],
  [1.6, 0.4034],
  [1.8, 0.372],
  [2.0, 0.343],
  [2.5, 0.2804],
  [3.0, 0.2305],
  [3.5, 0.1918],
  [4.0, 0.1626],
  [4.5, 0.1416],
  [5.5, 0.1183],
  [6.0, 0.1134],
];

/**
 * Drag coefficient of a large solid missile (Minuteman/Trident class) against Mach number, as
 * tabulated in Forden's GUI_Missile_Flyout (Science & Global Security 15, 2007).
 */
export const LARGE_SOLID_DRAG_TABLE: ReadonlyArray<readonly [number, number]> = [
  [0, 0.1007],
  [0.5, 0.1099],
  [0.7, 0.1286],
  [0.8, 0.1486],
  [0.9, 0.1825],
  [1.0, 0.2402],
  [1.05, 0.2814],
  [1.1, 0.3229],
  [1.15, 0.3535],
  [1.2, 0.3618],
  [1.4, 0.3358],
  [1.6, 0.3117],
  [1.8, 0.2891],
  [2.0, 0.2682],
  [2.5, 0.2226],
  [3.0, 0.1859],
  [3.5, 0.1571],
  [4.0, 0.1354],
  [4.5, 0.1198],
  [5.5, 0.1035],
  [6.0, 0.101],
];

const FORDEN_2007 =
  'G. Forden, "GUI_Missile_Flyout: A General Program for Simulating Ballistic Missiles," Science & Global Security 15(2) (2007) 133-146; missile data and drag tables as distributed with the program';
const SUTTON_1963 =
  'G. P. Sutton, Rocket Propulsion Elements, 3rd ed. (New York: Wiley, 1963), p. 119 (V-2 drag coefficient against Mach number)';
const WRIGHT_KADYSHEV_1994 =
  'D. Wright and T. Kadyshev, "An Analysis of the North Korean Nodong Missile," Science & Global Security 4(2) (1994) 129-160';
const PODVIG_2001 =
  'P. Podvig (ed.), Russian Strategic Nuclear Forces (Cambridge, MA: MIT Press, 2001), ch. 5 (strategic rocket forces), tables of missile characteristics';
const APS_2003 =
  'D. K. Barton et al., "Report of the American Physical Society Study Group on Boost-Phase Intercept Systems for National Missile Defense: Scientific and Technical Issues," Reviews of Modern Physics 76(3) (2004) S1-S424 (APS report of July 2003), ch. 5 (ICBM threats: liquid-propellant ICBMs burn about 240-250 s, solid-propellant ICBMs about 170-180 s)';
const EWI_2009 =
  "EastWest Institute, Iran's Nuclear and Missile Potential: A Joint Threat Assessment by U.S. and Russian Technical Experts (New York: EWI, May 2009)";

const scudB: MissileDefinitionInput = {
  'openbmd-missile': 1,
  id: 'scud-b',
  name: 'R-17 / 8K14 (Scud-B)',
  class: 'srbm',
  propellant: 'liquid',
  notional: true,
  sources: [
    FORDEN_2007,
    WRIGHT_KADYSHEV_1994,
    SUTTON_1963,
    'Missile Defense Project, "Scud-B," Missile Threat, Center for Strategic and International Studies, missilethreat.csis.org/missile/scud-b/',
  ],
  notes:
    "Stage mass 4,873 kg with 3,771 kg of propellant, 62 s burn, sea-level Isp 226 s, 0.88 m diameter and a 987 kg warhead follow the Scud-B data set of Forden's GUI_Missile_Flyout (liftoff 5,860 kg). Vacuum Isp 249 s is calc from that data set's nozzle exit area (0.1352 m^2): Isp_vac = Isp_sl + p0 A_e / (mdot g0). The warhead does not separate; the ballistic coefficient (Forden's 4,000 lb/ft^2, about 19,500 kg/m^2) is est. Drag: the V-2 curve. Calibration (OpenBMD, calc): with 226/249 s the range-optimal Forden steering flies 382 km on a non-rotating WGS84 Earth, 27 % beyond the nominal 300 km (a real Scud does not fly a range-optimal programme and carries unusable propellant); both Isp values are lowered by 5 % (est) to 214/236 s, which gives 328 km. Default steering is the range-optimal one found by `openbmd max-range`.",
  stages: [
    {
      name: 'stage 1 (9D21 engine, TM-185 fuel / AK-27I oxidiser)',
      grossMassKg: 4873,
      propellantMassKg: 3771,
      burnTimeS: 62,
      ispVacuumS: 236,
      ispSeaLevelS: 214,
      diameterM: 0.88,
      dragCoefficient: V2_DRAG_TABLE,
    },
  ],
  payload: { massKg: 987 },
  reentryVehicle: { massKg: 987, ballisticCoefficientKgM2: 19_500 },
  steering: { law: 'forden', verticalTimeS: 8, pitchRateDegPerS: 3.36, finalElevationDeg: 48 },
  reference: {
    maxRangeKm: 300,
    payloadKg: 987,
    source:
      'nominal Scud-B range of about 300 km with its warhead of about 1,000 kg (Wright & Kadyshev 1994; Forden 2007; CSIS Missile Threat)',
  },
};

const shahab3: MissileDefinitionInput = {
  'openbmd-missile': 1,
  id: 'shahab-3',
  name: 'Shahab-3 (Nodong-derived MRBM)',
  class: 'mrbm',
  propellant: 'liquid',
  notional: true,
  sources: [
    WRIGHT_KADYSHEV_1994,
    EWI_2009,
    'Missile Defense Project, "Shahab-3," Missile Threat, Center for Strategic and International Studies, missilethreat.csis.org/missile/shahab-3/',
    FORDEN_2007,
    SUTTON_1963,
  ],
  notes:
    "A scaled Scud: the Nodong as analysed by Wright & Kadyshev (liftoff about 15.9 t, single stage, burn about 110 s, 1.32 m diameter), which the Shahab-3 copies. Propellant 12,900 kg and dry mass 2,000 kg are est (dry fraction lower than the Scud-B's); Isp 226 s at sea level as for the Scud family, vacuum 250 s est (same expansion ratio as the Scud-B). Sea-level thrust calc about 260 kN. Warhead 1,000 kg, ballistic coefficient 10,000 kg/m^2 est. Drag: the V-2 curve (Forden's choice for Scud-family missiles). Default steering: the range-optimal Forden programme found by `openbmd max-range` (calc).",
  stages: [
    {
      name: 'stage 1',
      grossMassKg: 14_900,
      propellantMassKg: 12_900,
      burnTimeS: 110,
      ispVacuumS: 250,
      ispSeaLevelS: 226,
      diameterM: 1.32,
      dragCoefficient: V2_DRAG_TABLE,
    },
  ],
  payload: { massKg: 1000 },
  reentryVehicle: { massKg: 1000, ballisticCoefficientKgM2: 10_000 },
  steering: { law: 'forden', verticalTimeS: 8, pitchRateDegPerS: 1.31, finalElevationDeg: 45.1 },
  reference: {
    maxRangeKm: 1300,
    payloadKg: 1000,
    source:
      'range commonly given for the Nodong/Shahab-3 with a warhead of about 1,000 kg: about 1,300 km (Wright & Kadyshev 1994 estimate about 1,000-1,300 km; EWI 2009; CSIS Missile Threat)',
  },
};

const ss19: MissileDefinitionInput = {
  'openbmd-missile': 1,
  id: 'ss-19',
  name: 'UR-100NUTTH / RS-18 (SS-19 mod 3)',
  class: 'icbm',
  propellant: 'liquid',
  notional: true,
  sources: [
    PODVIG_2001,
    "Eurockot Launch Services, Rockot User's Guide, issue 5 (Bremen: Eurockot, 2011), ch. 2 (Rockot's first and second stages are the UR-100NUTTH's: four-chamber RD-0233/RD-0234 first-stage engine, RD-0235 with RD-0236 vernier on the second stage, N2O4/UDMH)",
    'M. Wade, "UR-100N," Encyclopedia Astronautica, astronautix.com',
    FORDEN_2007,
  ],
  notes:
    "Liftoff mass 105.6 t, throw-weight 4,350 kg (six MIRVs and bus), range 10,000 km and 2.5 m diameter from Podvig. Burn times 121 s and 183 s, first-stage sea-level thrust about 1.87 MN and second-stage vacuum thrust about 0.24 MN as commonly given for the Rockot/Strela (the same stages). The propellant split (80,500 kg and 13,900 kg) and Isp (310 s vac / 285 s sea level, 320 s vac) are est, chosen so that mass flow, thrust and burn time agree and the masses add up to 105.6 t (calc: first-stage sea-level thrust 1.86 MN, second-stage vacuum thrust 0.238 MN). RV ballistic coefficient 10,000 kg/m^2 est. Drag: Forden's large-liquid-missile table. Default steering: the range-optimal Forden programme found by `openbmd max-range` (calc).",
  stages: [
    {
      name: 'stage 1',
      grossMassKg: 85_850,
      propellantMassKg: 80_500,
      burnTimeS: 121,
      ispVacuumS: 310,
      ispSeaLevelS: 285,
      diameterM: 2.5,
      dragCoefficient: LARGE_LIQUID_DRAG_TABLE,
    },
    {
      name: 'stage 2',
      grossMassKg: 15_400,
      propellantMassKg: 13_900,
      burnTimeS: 183,
      ispVacuumS: 320,
      diameterM: 2.5,
      dragCoefficient: LARGE_LIQUID_DRAG_TABLE,
    },
  ],
  payload: { massKg: 4350 },
  reentryVehicle: { ballisticCoefficientKgM2: 10_000 },
  steering: { law: 'forden', verticalTimeS: 12, pitchRateDegPerS: 2.11, finalElevationDeg: 29 },
  reference: {
    maxRangeKm: 10_000,
    payloadKg: 4350,
    source: 'Podvig 2001: UR-100NUTTH range 10,000 km with a throw-weight of 4,350 kg',
  },
};

const minuteman3: MissileDefinitionInput = {
  'openbmd-missile': 1,
  id: 'minuteman-3',
  name: 'LGM-30G Minuteman III',
  class: 'icbm',
  propellant: 'solid',
  notional: true,
  sources: [
    'U.S. Air Force, "LGM-30G Minuteman III" fact sheet, af.mil (weight 79,432 lb / 36,030 kg; diameter 5.5 ft / 1.67 m; range 6,000-plus miles; speed about 15,000 mph at burnout; three solid-propellant stages)',
    'M. Wade, "Minuteman 3" and stage entries "M55A1", "SR19-AJ-1", "SR73-AJ-1," Encyclopedia Astronautica, astronautix.com (stage gross and propellant masses, burn times)',
    FORDEN_2007,
  ],
  notes:
    "Stage gross/propellant masses (23,230/20,780 kg, 7,270/6,240 kg, 3,710/3,306 kg) and burn times (61, 66, 61 s) as published by Encyclopedia Astronautica; first-stage Isp 287 s vac / 267 s sea level (the pair behind the 0.68 m^2 nozzle exit area used with Forden's program); upper-stage Isp 300 s est (calibrated, calc: with 287 s and 285 s the range-optimal non-rotating maximum range is 8,180 km, 15 % short of the fact sheet's 9,650 km; with 300 s it is 9,560 km). Upper-stage diameters 1.33 m and 1.32 m est. Payload 1,150 kg (three Mk12A RVs and the post-boost vehicle) est; the 150 kg shroud is left out. Liftoff 35,360 kg against the fact sheet's 36,030 kg (interstages and shroud not modelled). RV ballistic coefficient 10,000 kg/m^2 est. Drag: Forden's large-solid-missile table. Default steering: the range-optimal Forden programme found by `openbmd max-range` (calc).",
  stages: [
    {
      name: 'stage 1 (M55A1)',
      grossMassKg: 23_230,
      propellantMassKg: 20_780,
      burnTimeS: 61,
      ispVacuumS: 287,
      ispSeaLevelS: 267,
      diameterM: 1.67,
      dragCoefficient: LARGE_SOLID_DRAG_TABLE,
    },
    {
      name: 'stage 2 (SR19-AJ-1)',
      grossMassKg: 7270,
      propellantMassKg: 6240,
      burnTimeS: 66,
      ispVacuumS: 300,
      diameterM: 1.33,
      dragCoefficient: LARGE_SOLID_DRAG_TABLE,
    },
    {
      name: 'stage 3 (SR73-AJ-1)',
      grossMassKg: 3710,
      propellantMassKg: 3306,
      burnTimeS: 61,
      ispVacuumS: 300,
      diameterM: 1.32,
      dragCoefficient: LARGE_SOLID_DRAG_TABLE,
    },
  ],
  payload: { massKg: 1150 },
  reentryVehicle: { ballisticCoefficientKgM2: 10_000 },
  steering: { law: 'forden', verticalTimeS: 8, pitchRateDegPerS: 4.2, finalElevationDeg: 27.4 },
  reference: {
    maxRangeKm: 9650,
    burnoutSpeedMps: 6700,
    source:
      'U.S. Air Force fact sheet: range "6,000-plus miles" (9,650 km), speed "approximately 15,000 mph" (6.7 km/s) at burnout',
  },
};

const ss27: MissileDefinitionInput = {
  'openbmd-missile': 1,
  id: 'ss-27',
  name: 'RT-2PM2 Topol-M (SS-27 mod 1)',
  class: 'icbm',
  propellant: 'solid',
  notional: true,
  sources: [PODVIG_2001, APS_2003, FORDEN_2007],
  notes:
    "Liftoff mass 47.1 t, throw-weight 1,200 kg, three solid stages, 1.86 m diameter and range of about 11,000 km from Podvig (other sources give 10,000 km). No stage breakdown is public: the split below (28,600/11,200/6,100 kg gross, propellant fractions 0.91/0.90/0.87, burn 60/64/56 s, Isp 280/290/295 s vac, 255 s sea level, upper-stage diameters 1.6 m) is est, chosen to total 47.1 t and to burn about 180 s like the APS study's solid ICBM. RV ballistic coefficient 10,000 kg/m^2 est. Drag: Forden's large-solid-missile table. Default steering: the range-optimal Forden programme found by `openbmd max-range` (calc).",
  stages: [
    {
      name: 'stage 1',
      grossMassKg: 28_600,
      propellantMassKg: 26_000,
      burnTimeS: 60,
      ispVacuumS: 280,
      ispSeaLevelS: 255,
      diameterM: 1.86,
      dragCoefficient: LARGE_SOLID_DRAG_TABLE,
    },
    {
      name: 'stage 2',
      grossMassKg: 11_200,
      propellantMassKg: 10_100,
      burnTimeS: 64,
      ispVacuumS: 290,
      diameterM: 1.6,
      dragCoefficient: LARGE_SOLID_DRAG_TABLE,
    },
    {
      name: 'stage 3',
      grossMassKg: 6100,
      propellantMassKg: 5300,
      burnTimeS: 56,
      ispVacuumS: 295,
      diameterM: 1.6,
      dragCoefficient: LARGE_SOLID_DRAG_TABLE,
    },
  ],
  payload: { massKg: 1200 },
  reentryVehicle: { ballisticCoefficientKgM2: 10_000 },
  steering: { law: 'forden', verticalTimeS: 8, pitchRateDegPerS: 3.11, finalElevationDeg: 24 },
  reference: {
    maxRangeKm: 11_000,
    payloadKg: 1200,
    source: 'Podvig 2001: Topol-M range about 11,000 km with a throw-weight of 1,200 kg',
  },
};

const iranIcbmNotional: MissileDefinitionInput = {
  'openbmd-missile': 1,
  id: 'iran-icbm-notional',
  name: 'Notional Iranian two-stage liquid ICBM (2008 debate)',
  class: 'icbm',
  propellant: 'liquid',
  notional: true,
  sources: [EWI_2009, APS_2003, FORDEN_2007],
  notes:
    "Not a model of any real missile: an OpenBMD construct for the 2008 debate's hypothetical Iranian ICBM able to reach the US east coast from Semnan (great-circle distance about 10,000 km to New York, 10,350 km to Washington, calc). EWI 2009 judged that such a missile, if built, would be large, liquid-fuelled and launched from fixed sites; the APS study's liquid ICBM burns about 240-250 s. All stage numbers are est: storable-propellant Isp 290 s vac / 260 s sea level and 310 s vac; gross masses 67,000 and 16,000 kg with propellant fractions 0.88 and 0.875 (sized, calc, so that with range-optimal steering it reaches Washington from Semnan on the rotating WGS84 Earth with a few per cent margin: the westward leg loses about 15 % of range to the Earth's rotation); burn 140 s + 120 s = 260 s; 1,000 kg payload; 2.4 m diameter. Sized (calc) for an ideal delta-v of about 8.5 km/s, enough for about 10,000 km after 1.5-1.8 km/s of gravity and drag losses. RV ballistic coefficient 10,000 kg/m^2 est. Drag: Forden's large-liquid-missile table. Default steering: the range-optimal Forden programme found by `openbmd max-range` (calc).",
  stages: [
    {
      name: 'stage 1',
      grossMassKg: 67_000,
      propellantMassKg: 59_000,
      burnTimeS: 140,
      ispVacuumS: 290,
      ispSeaLevelS: 260,
      diameterM: 2.4,
      dragCoefficient: LARGE_LIQUID_DRAG_TABLE,
    },
    {
      name: 'stage 2',
      grossMassKg: 16_000,
      propellantMassKg: 14_000,
      burnTimeS: 120,
      ispVacuumS: 310,
      diameterM: 2.4,
      dragCoefficient: LARGE_LIQUID_DRAG_TABLE,
    },
  ],
  payload: { massKg: 1000 },
  reentryVehicle: { massKg: 1000, ballisticCoefficientKgM2: 10_000 },
  steering: { law: 'forden', verticalTimeS: 10, pitchRateDegPerS: 0.79, finalElevationDeg: 20.7 },
  reference: {
    maxRangeKm: 10_400,
    payloadKg: 1000,
    source:
      'design goal of this notional construct (calc): Semnan to Washington, 10,380 km on the WGS84 geodesic, reached along that azimuth on the rotating Earth; its non-rotating maximum range is then about 12,400 km',
  },
};

/** The built-in missiles, validated at module load. */
export const builtinMissiles: ReadonlyArray<MissileDefinition> = Object.freeze(
  [scudB, shahab3, ss19, minuteman3, ss27, iranIcbmNotional].map((m) =>
    validateMissileDefinition(m, `built-in missile '${m.id}'`),
  ),
);

/** The built-in missile with this id (case-insensitive), or undefined. */
export const findBuiltinMissile = (id: string): MissileDefinition | undefined => {
  const key = id.trim().toLowerCase();
  return builtinMissiles.find((m) => m.id === key);
};

/**
 * The built-in missile with this id. Throws OpenBmdError(E_MISSILE_UNKNOWN) naming the closest id
 * (edit distance) and listing all of them.
 */
export const getBuiltinMissile = (id: string): MissileDefinition => {
  const found = findBuiltinMissile(id);
  if (found !== undefined) return found;
  const ids = builtinMissiles.map((m) => m.id);
  const hint = closestName(id.trim(), ids);
  throw new OpenBmdError(
    errorCodes.missileUnknown,
    `no built-in missile '${id}'${hint === undefined ? '' : `; did you mean '${hint}'?`} Built-in missiles: ${ids.join(', ')}. A missile of your own can be given as a YAML or JSON file (docs/missiles.md).`,
  );
};
