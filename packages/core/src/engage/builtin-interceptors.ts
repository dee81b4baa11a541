/**
 * The built-in interceptors: public-estimate, notional, each with its sources. Both are in the
 * parametric form (a burnout speed and a burn time; docs/models/interceptors.md), because the
 * burnout speed is the number the public debate disputes; the stage model is the generic template
 * scaled to it on the default ('wgs84') model when this module loads.
 *
 * Numbers a source states are cited in `sources`; what OpenBMD estimated (est) or derived (calc)
 * is said in `notes`.
 */

import { errorCodes, OpenBmdError } from '../errors.js';
import { closestName } from '../scenario/yaml-problems.js';
import { parametricInterceptor } from './interceptor.js';
import type { InterceptorDefinition, KillVehicle } from './types.js';

const MDA_2007 =
  'U.S. Missile Defense Agency, briefings on the European interceptor site (2007): burnout speed of the two-stage Ground-Based Interceptor about 5.4 km/s; a figure of 6.3 km/s was also attributed to the MDA';
const LEWIS_POSTOL_2007 =
  'G. N. Lewis and T. A. Postol, "European Missile Defense: The Technological Basis of Russian Concerns," Arms Control Today 37(8) (October 2007), and their talk of 2007 on the proposed European site: two-stage GBI burnout speed about 7.7-8.3 km/s, from the MDA\'s stage data and the Pegasus user\'s guide';
const POSTOL_LEWIS_BAS_2008 =
  'T. A. Postol and G. N. Lewis, Bulletin of the Atomic Scientists (2008), on the speed of the interceptors proposed for Poland';
const DVORKIN_2007 =
  'V. Dvorkin, G. Lewis, P. Podvig and T. Postol, "Missile Defense in Europe: Dangers and Opportunities," Nezavisimoye Voyennoye Obozreniye, 28 September 2007';
const NRC_2012 =
  'National Research Council, Making Sense of Ballistic Missile Defense: An Assessment of Concepts and Systems for U.S. Boost-Phase Missile Defense in Comparison to Other Alternatives (Washington, DC: National Academies Press, 2012)';
const WILKENING_2012 =
  'D. A. Wilkening, "Does Missile Defence in Europe Threaten Russia?," Survival 54(1) (2012) 31-52';
const PEGASUS =
  "Orbital Sciences Corporation, Pegasus User's Guide: the Orion 50S XL, 50 XL and 38 solid motors (about 1.27 m and 0.97 m in diameter), from which the GBI's booster was built";

/**
 * The exo-atmospheric kill vehicle (EKV) of the Ground-Based Interceptor, est: about 64 kg (public
 * descriptions give 60-70 kg); intercepts from 100 km (above the sensible atmosphere) to
 * 2,000 km; divert about 1 km/s (not spent by the kinematic model).
 */
const EKV: KillVehicle = {
  minAltitudeM: 100_000,
  maxAltitudeM: 2_000_000,
  divertMps: 1000,
  massKg: 64,
};

const specs = [
  {
    id: 'gbi-2stage',
    name: 'Two-stage Ground-Based Interceptor (the 2007-2009 plan for Redzikowo, Poland)',
    burnoutSpeedMps: 7000,
    burnTimeS: 140,
    stageCount: 2,
    killVehicle: EKV,
    sources: [
      MDA_2007,
      LEWIS_POSTOL_2007,
      POSTOL_LEWIS_BAS_2008,
      DVORKIN_2007,
      WILKENING_2012,
      PEGASUS,
    ],
    notes:
      'Burnout speed 7.0 km/s (est): a midpoint between the MDA (about 5.4 km/s; 6.3 km/s also attributed) and Postol and Lewis (7.7-8.3 km/s); a scenario should carry both ends. Burn time 140 s (est: two Orion-class stages of about 70 s). Kill vehicle (EKV): 64 kg, intercepts at 100-2,000 km altitude, divert 1 km/s (all est).',
  },
  {
    id: 'gbi-3stage',
    name: 'Three-stage Ground-Based Interceptor (Fort Greely and Vandenberg)',
    burnoutSpeedMps: 7500,
    burnTimeS: 200,
    stageCount: 3,
    killVehicle: EKV,
    sources: [LEWIS_POSTOL_2007, NRC_2012, WILKENING_2012, PEGASUS],
    notes:
      'Burnout speed 7.5 km/s (est): the middle of the public estimates of about 7-8 km/s. Burn time 200 s (est: three Orion-class stages of about 65-70 s). Kill vehicle (EKV): 64 kg, intercepts at 100-2,000 km altitude, divert 1 km/s (all est).',
  },
] as const;

/** The built-in interceptors, built (scaled to their burnout speeds) at module load. */
export const builtinInterceptors: ReadonlyArray<InterceptorDefinition> = Object.freeze(
  specs.map((s) => parametricInterceptor({ ...s, sources: [...s.sources] })),
);

/** The built-in interceptor with this id (case-insensitive), or undefined. */
export const findBuiltinInterceptor = (id: string): InterceptorDefinition | undefined => {
  const key = id.trim().toLowerCase();
  return builtinInterceptors.find((d) => d.id === key);
};

/**
 * The built-in interceptor with this id. Throws OpenBmdError(E_INVALID_INPUT) naming the closest
 * id (edit distance) and listing all of them.
 */
export const getBuiltinInterceptor = (id: string): InterceptorDefinition => {
  const found = findBuiltinInterceptor(id);
  if (found !== undefined) return found;
  const ids = builtinInterceptors.map((d) => d.id);
  const hint = closestName(id.trim(), ids);
  throw new OpenBmdError(
    errorCodes.invalidInput,
    `no built-in interceptor '${id}'${hint === undefined ? '' : `; did you mean '${hint}'?`} Built-in interceptors: ${ids.join(', ')}.`,
    'interceptor',
  );
};
