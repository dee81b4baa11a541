/**
 * Interceptors: a staged vehicle (a `MissileDefinition` whose payload is the kill vehicle) flown
 * with a pitch-over steering programme, in two forms (docs/models/interceptors.md):
 * - staged: the stages are given; the burnout speed is measured on the reference flyout;
 * - parametric: the form of the public debate, a burnout speed and a burn time. A documented
 *   generic template of solid stages is scaled (every stage's propellant by one factor, found by
 *   root finding) until the reference flyout's burnout speed is the stated one.
 *
 * The pitch-over programme (one shape parameter, the kick k; the flyout fan's): vertical for
 * INTERCEPTOR_VERTICAL_TIME_S, then the thrust's elevation falls at INTERCEPTOR_PITCH_RATE_DEG_PER_S
 * to 90 - k and is held there until the flight-path angle of the Earth-relative velocity has
 * fallen as far (an integration event), then the thrust follows the velocity (gravity turn).
 *
 * The reference flyout (one definition for every interceptor): launched from (0 N, 0 E) due north
 * on a non-rotating copy of the model, the gravity-turn kick (the 'kick' programme: the thrust
 * turned by REFERENCE_KICK_ANGLE_DEG over INTERCEPTOR_KICK_DURATION_S, then along the velocity);
 * the burnout speed is the Earth-relative speed at the final burnout.
 *
 * `flyInterceptor` flies the vehicle with the physics of `flyMissile` (flight/powered.ts: thrust
 * F_vac - p(h) A_e, drag 1/2 rho v^2 Cd(M) A, constant mass flow, its 'forden' and gravity-turn
 * steering laws; then free flight with the kill vehicle's ballistic coefficient, Allen & Eggers
 * 1958) but stops at burnout, at the apogee or at a time limit instead of flying on to impact: an
 * interceptor's flyout may be orbital or escaping, which `flyMissile` reports as E_NO_IMPACT.
 * Tests hold the two equal.
 */
import { searchFlightSettings } from '../aim/max-range.js';
import { STANDARD_GRAVITY_MPS2 } from '../earth/constants.js';
import { customEarthModel, type EarthModel, earthPresets } from '../earth/model.js';
import { errorCodes, OpenBmdError } from '../errors.js';
import { type FlightSettings, makeFreeFlightRhs } from '../flight/ballistic.js';
import { LARGE_SOLID_DRAG_TABLE } from '../flight/drag-tables.js';
import { altitudeOfStateM, verticalSpeedMps } from '../flight/forces.js';
import {
  type MissileDefinition,
  type MissileDefinitionInput,
  type MissileStage,
  type SteeringLaw,
  stageNozzleExitAreaM2,
  stageVacuumThrustN,
  validateMissileDefinition,
} from '../flight/missile.js';
import { launchFrame, makePoweredRhs } from '../flight/powered.js';
import {
  createTrajectoryRecorder,
  FLIGHT_STATE_SIZE,
  finishTrajectory,
  type PhaseInterval,
  type Trajectory,
  type TrajectoryEvent,
  truncateRecorder,
} from '../flight/trajectory.js';
import {
  createRkWorkspace,
  denseCoefficientCount,
  type EventSpec,
  evaluateDense,
  integrate,
} from '../integrate/rk.js';
import { findRoot } from '../numeric/search.js';
import type { InterceptorDefinition, KillVehicle } from './types.js';

// ---------------------------------------------------------------------------------------------
// Steering and the reference flyout
// ---------------------------------------------------------------------------------------------

/** Vertical rise of every interceptor before it pitches over, s (est: a launch clears the silo). */
export const INTERCEPTOR_VERTICAL_TIME_S = 2;
/** Duration of the kick of the reference flyout's gravity turn, s (est). */
export const INTERCEPTOR_KICK_DURATION_S = 4;
/**
 * Pitch rate of the pitch-over programme, deg/s (est): the thrust can be turned from the vertical
 * to the horizontal in 9 s, within the first stage of every catalog interceptor (THAAD burns
 * 20 s); the reference flyout's kick turns it at up to 20 deg/s. Aerodynamic loads are not
 * modelled (docs/models/interceptors.md).
 */
export const INTERCEPTOR_PITCH_RATE_DEG_PER_S = 10;
/**
 * Kick angle of the reference flyout, deg: with the GBI templates it gives a burnout flight-path
 * angle of about 30 deg above the horizontal (calc; docs/models/interceptors.md).
 */
export const REFERENCE_KICK_ANGLE_DEG = 32;

/** The gravity-turn steering of an interceptor with a given kick angle (0 = vertical). */
export const interceptorSteering = (
  kickAngleDeg: number,
): Extract<MissileDefinition['steering'], { law: 'gravity-turn' }> => ({
  law: 'gravity-turn',
  verticalTimeS: INTERCEPTOR_VERTICAL_TIME_S,
  kickAngleDeg,
  kickDurationS: INTERCEPTOR_KICK_DURATION_S,
});

/** Ballistic coefficient of a kill vehicle after burnout, kg/m^2 (est). */
export const KILL_VEHICLE_BALLISTIC_COEFFICIENT_KGM2 = 2000;

/**
 * The reference flyout's launch point, heading and steering: (0 N, 0 E), due north, the gravity
 * turn with a kick of REFERENCE_KICK_ANGLE_DEG over INTERCEPTOR_KICK_DURATION_S (the definition of
 * an interceptor's burnout speed; the flyout fan flies the pitch-over programme).
 */
export const REFERENCE_FLYOUT = {
  latRad: 0,
  lonRad: 0,
  azimuthRad: 0,
  kickAngleDeg: REFERENCE_KICK_ANGLE_DEG,
  programme: 'kick',
} as const;

const DEG = Math.PI / 180;

// ---------------------------------------------------------------------------------------------
// Flying an interceptor
// ---------------------------------------------------------------------------------------------

export interface InterceptorLaunch {
  readonly latRad: number;
  readonly lonRad: number;
  /** Launch heading, clockwise from north, rad. */
  readonly azimuthRad: number;
  /**
   * How far the thrust is turned from the vertical, deg, 0 (vertical) to under 90: the flyout's
   * shape (docs/models/interceptors.md).
   */
  readonly kickAngleDeg: number;
  /**
   * The steering programme (default 'pitch-over', the flyout fan's): after the vertical rise the
   * thrust turns at INTERCEPTOR_PITCH_RATE_DEG_PER_S to the elevation 90 - kick and holds it until
   * the Earth-relative velocity has turned as far, then follows the velocity (gravity turn).
   * 'kick': the reference flyout's gravity turn (the thrust turned by the kick over
   * INTERCEPTOR_KICK_DURATION_S, then along the velocity at once).
   */
  readonly programme?: 'pitch-over' | 'kick';
  /** Launch time, s from the scenario epoch (default 0). */
  readonly launchTimeS?: number;
}

export interface InterceptorFlightOptions {
  /** Integration settings (default: `searchFlightSettings`, DOP853 rtol 1e-8). */
  readonly settings?: FlightSettings;
  /**
   * Stop at the final burnout, fly on to the apogee (the end of the ascending leg; default), or
   * fly on to the time limit (or an impact).
   */
  readonly until?: 'burnout' | 'apogee' | 'time-limit';
  /** Stop at this time after launch at the latest, s (default 1800). */
  readonly maxFlightTimeS?: number;
  /** Keep the dense trajectory (default true). */
  readonly record?: boolean;
}

export interface InterceptorBurnout {
  readonly timeS: number;
  /** Inertial state at the final burnout. */
  readonly state: Float64Array;
  readonly altitudeM: number;
  /** Speed relative to the turning Earth, m/s. */
  readonly speedMps: number;
  /** Earth-relative flight-path angle above the local horizontal (geocentric), rad. */
  readonly flightPathRad: number;
}

export interface InterceptorFlight {
  readonly launchTimeS: number;
  /** The final burnout (or, for a flight that ended under thrust, the state where it ended). */
  readonly burnout: InterceptorBurnout;
  /** Where the flight ends, s from the scenario epoch, and its inertial state there. */
  readonly endTimeS: number;
  readonly endState: Float64Array;
  /** Why it ended there. */
  readonly end: 'burnout' | 'apogee' | 'time-limit' | 'impact';
  /** The vehicle hit the ground while still under thrust. */
  readonly impactedDuringBoost: boolean;
  /**
   * The altitude began to fall under thrust: the ascending leg ended during the boost (a flight
   * flown to 'apogee' stops there, with end 'apogee').
   */
  readonly descendedDuringBoost: boolean;
  readonly trajectory: Trajectory | null;
}

interface Segment {
  readonly stage: MissileStage;
  readonly startS: number;
  readonly endS: number;
  readonly burning: boolean;
  /** Mass at the segment's start time (burning: at ignition), kg. */
  readonly massKg: number;
  /** Time of ignition of the stage, s after launch (for the mass). */
  readonly ignitionS: number;
}

/** The burn and coast pieces of the boost, split at the steering kinks, s after launch. */
const boostSegments = (vehicle: MissileDefinition, breaksS: readonly number[]): Segment[] => {
  const out: Segment[] = [];
  const stages = vehicle.stages;
  let t = 0;
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i]!;
    let mass = vehicle.payload.massKg;
    for (let j = i; j < stages.length; j++) mass += stages[j]!.grossMassKg;
    const burnEnd = t + stage.burnTimeS;
    const cuts = [
      t,
      ...breaksS.filter((b, j) => b > t && b < burnEnd && breaksS.indexOf(b) === j),
      burnEnd,
    ];
    for (let k = 0; k + 1 < cuts.length; k++) {
      out.push({
        stage,
        startS: cuts[k]!,
        endS: cuts[k + 1]!,
        burning: true,
        massKg: mass,
        ignitionS: t,
      });
    }
    const coast = stage.coastAfterS ?? 0;
    if (coast > 0 && i + 1 < stages.length) {
      out.push({
        stage,
        startS: burnEnd,
        endS: burnEnd + coast,
        burning: false,
        massKg: mass - stage.grossMassKg,
        ignitionS: burnEnd,
      });
    }
    t = burnEnd + coast;
  }
  return out;
};

/** Total time from launch to the final burnout, s. */
export const interceptorBoostDurationS = (vehicle: MissileDefinition): number => {
  let t = 0;
  vehicle.stages.forEach((s, i) => {
    t += s.burnTimeS + (i + 1 < vehicle.stages.length ? (s.coastAfterS ?? 0) : 0);
  });
  return t;
};

/**
 * Flies an interceptor vehicle with its steering programme (`InterceptorLaunch.programme`) from
 * launch to burnout, or on to the apogee (the end of the ascending leg), the time limit or an
 * impact, whichever comes first. The forces and the steering laws are those of `flyMissile`
 * (flight/powered.ts); it never throws E_NO_IMPACT.
 */
export const flyInterceptor = (
  model: EarthModel,
  vehicle: MissileDefinition,
  launch: InterceptorLaunch,
  options: InterceptorFlightOptions = {},
): InterceptorFlight => {
  const settings = options.settings ?? searchFlightSettings;
  const until = options.until ?? 'apogee';
  const maxT = options.maxFlightTimeS ?? 1800;
  const record = options.record ?? true;
  const launchTimeS = launch.launchTimeS ?? 0;
  const kickDeg = launch.kickAngleDeg;
  const programme = launch.programme ?? 'pitch-over';
  const verticalS = INTERCEPTOR_VERTICAL_TIME_S;
  const w = model.rotationRadps;

  // Launch state (at rest on the turning Earth) and the inertial plane of the launch azimuth.
  const {
    state: launchState,
    nx,
    ny,
    nz,
  } = launchFrame(model, launch.latRad, launch.lonRad, launch.azimuthRad, launchTimeS);

  // The steering laws of flight/powered.ts that make up the programme (its kinks are segment
  // boundaries; the end of the pitch-over is an event):
  // - 'kick': the gravity turn with the interceptor constants (the reference flyout);
  // - 'pitch-over': vertical, then the thrust elevation falls at the pitch rate to 90 - kick and
  //   is held there ('forden' steering), until the velocity has turned as far; then the thrust
  //   follows the Earth-relative velocity (a gravity turn whose kick has ended).
  const kickLaw = interceptorSteering(kickDeg);
  const finalElevationDeg = 90 - kickDeg;
  const pitchRate = INTERCEPTOR_PITCH_RATE_DEG_PER_S;
  const pitchLaw: SteeringLaw = {
    law: 'forden',
    verticalTimeS: verticalS,
    pitchRateDegPerS: pitchRate,
    finalElevationDeg,
  };
  const followLaw: SteeringLaw = {
    law: 'gravity-turn',
    verticalTimeS: verticalS,
    kickAngleDeg: Math.max(kickDeg, 1e-9),
    kickDurationS: 0,
  };
  const breaksS =
    programme === 'kick'
      ? [verticalS, verticalS + kickLaw.kickDurationS]
      : [verticalS, verticalS + kickDeg / pitchRate];
  const sinFinalElevation = Math.sin(finalElevationDeg * DEG);
  // The end of the pitch-over: the flight-path angle of the Earth-relative velocity (geocentric,
  // as the thrust's elevation is measured) falls to the final elevation. (Its sine, against the
  // sine of the elevation.)
  const pitchOverEnd: EventSpec = {
    name: 'pitch-over end',
    g: (_t, s) => {
      const x = s[0]!;
      const yy = s[1]!;
      const z = s[2]!;
      const vx = s[3]! + w * yy;
      const vy = s[4]! - w * x;
      const vz = s[5]!;
      const rv = Math.sqrt((x * x + yy * yy + z * z) * (vx * vx + vy * vy + vz * vz));
      return rv > 0 ? (x * vx + yy * vy + z * vz) / rv - sinFinalElevation : 1;
    },
    direction: -1,
    terminal: true,
  };
  // Following the velocity already (no pitch-over: the vertical flyout follows from the rise).
  let following = programme === 'pitch-over' && !(kickDeg > 0);

  const ws = createRkWorkspace(settings.method, FLIGHT_STATE_SIZE);
  const recorder = record ? createTrajectoryRecorder(settings.method) : null;
  const y = Float64Array.from(launchState);
  const poweredEvents: EventSpec[] = [
    { name: 'impact', g: (_t, s) => altitudeOfStateM(model, s), direction: -1, terminal: true },
    // The altitude starts to fall: the end of the ascending leg (terminal when flying to apogee).
    {
      name: 'descent',
      g: (_t, s) => verticalSpeedMps(model, s),
      direction: -1,
      terminal: until === 'apogee',
    },
  ];
  const pitchingEvents: EventSpec[] = [...poweredEvents, pitchOverEnd];
  const noEvents: EventSpec[] = [];
  const ncoef = denseCoefficientCount(settings.method);
  const perStep = ncoef * FLIGHT_STATE_SIZE;
  const integration = { rtol: settings.rtol, atol: settings.atol, eventTimeTolS: 1e-9 };
  const events: TrajectoryEvent[] = [{ kind: 'launch', timeS: launchTimeS }];
  const boostEndS = Math.min(interceptorBoostDurationS(vehicle), maxT);
  let t = launchTimeS;
  let impactedDuringBoost = false;
  let descendedDuringBoost = false;
  boost: for (const seg of boostSegments(vehicle, breaksS)) {
    if (seg.startS >= boostEndS) break;
    const segEndS = launchTimeS + Math.min(seg.endS, boostEndS);
    let startS = seg.startS;
    // The same powered right-hand side as missiles (flight/powered.ts); the kinks of the
    // steering are segment boundaries, and so is the end of the pitch-over (an event).
    for (;;) {
      let pitching = programme === 'pitch-over' && !following && startS >= verticalS;
      if (pitching && !(pitchOverEnd.g(launchTimeS + startS, y) > 0)) {
        // The velocity is already as low as the thrust will be (a tiny kick).
        following = true;
        pitching = false;
      }
      const law =
        programme === 'kick' ? kickLaw : following && startS >= verticalS ? followLaw : pitchLaw;
      const rhs = makePoweredRhs(model, law, launchTimeS, nx, ny, nz, {
        stage: seg.stage,
        ignitionAfterLaunchS: seg.ignitionS,
        massKg: seg.massKg,
        burning: seg.burning,
        startAfterLaunchS: startS,
      });
      integrate(
        ws,
        rhs,
        launchTimeS + startS,
        y,
        segEndS,
        integration,
        pitching ? pitchingEvents : poweredEvents,
        recorder,
      );
      y.set(ws.y.subarray(0, FLIGHT_STATE_SIZE));
      t = ws.tS;
      for (let k = 0; k < ws.eventCount; k++) {
        if (ws.eventIndex[k] === 1) descendedDuringBoost = true;
      }
      if (ws.terminalEvent === 0) {
        impactedDuringBoost = true;
        break boost;
      }
      if (ws.terminalEvent === 1) break boost;
      if (ws.terminalEvent !== 2) break;
      // The velocity has turned as far as the thrust: follow it from here. The recorded step
      // that holds the event runs past it; it is flown again to end there, so that the steps
      // stay contiguous (each starts where the one before ends).
      if (recorder !== null && recorder.count > 0) {
        const last = recorder.count - 1;
        const stepStartS = recorder.starts[last]!;
        recorder.count = last;
        if (stepStartS < t) {
          evaluateDense(recorder.coefficients, last * perStep, ncoef, FLIGHT_STATE_SIZE, 0, y);
          integrate(ws, rhs, stepStartS, y, t, integration, noEvents, recorder);
          y.set(ws.y.subarray(0, FLIGHT_STATE_SIZE));
        }
      }
      following = true;
      startS = t - launchTimeS;
      if (t >= segEndS) break;
    }
  }
  const vrx = y[3]! + w * y[1]!;
  const vry = y[4]! - w * y[0]!;
  const vrz = y[5]!;
  const speedMps = Math.sqrt(vrx * vrx + vry * vry + vrz * vrz);
  const radialMps = (y[0]! * vrx + y[1]! * vry + y[2]! * vrz) / Math.hypot(y[0]!, y[1]!, y[2]!);
  const burnout: InterceptorBurnout = {
    timeS: t,
    state: Float64Array.from(y),
    altitudeM: altitudeOfStateM(model, y),
    speedMps,
    flightPathRad: Math.asin(Math.max(-1, Math.min(1, speedMps > 0 ? radialMps / speedMps : 1))),
  };
  events.push({ kind: 'burnout', timeS: t, stage: vehicle.stages.length });
  const phases: PhaseInterval[] = [{ phase: 'boost', startS: launchTimeS, endS: t }];
  let end: InterceptorFlight['end'] = impactedDuringBoost
    ? 'impact'
    : until === 'apogee' && descendedDuringBoost
      ? 'apogee'
      : t < launchTimeS + interceptorBoostDurationS(vehicle) - 1e-9
        ? 'time-limit'
        : 'burnout';
  if (end === 'burnout' && until !== 'burnout' && t < launchTimeS + maxT) {
    const beta = model.drag
      ? (vehicle.reentryVehicle.ballisticCoefficientKgM2 ?? KILL_VEHICLE_BALLISTIC_COEFFICIENT_KGM2)
      : null;
    const freeEvents: EventSpec[] = [
      { name: 'impact', g: (_t, s) => altitudeOfStateM(model, s), direction: -1, terminal: true },
      {
        name: 'apogee',
        g: (_t, s) => verticalSpeedMps(model, s),
        direction: -1,
        terminal: until === 'apogee',
      },
    ];
    integrate(
      ws,
      makeFreeFlightRhs(model, beta),
      t,
      y,
      launchTimeS + maxT,
      integration,
      freeEvents,
      recorder,
    );
    const tEnd = ws.tS;
    y.set(ws.y.subarray(0, FLIGHT_STATE_SIZE));
    end = ws.terminalEvent === 0 ? 'impact' : ws.terminalEvent === 1 ? 'apogee' : 'time-limit';
    for (let k = 0; k < ws.eventCount; k++) {
      if (ws.eventIndex[k] === 1) events.push({ kind: 'apogee', timeS: ws.eventTimeS[k]! });
    }
    if (end === 'impact') events.push({ kind: 'impact', timeS: tEnd });
    phases.push({ phase: 'midcourse', startS: t, endS: tEnd });
    t = tEnd;
  } else if (end === 'impact') {
    events.push({ kind: 'impact', timeS: t });
  } else if (end === 'apogee') {
    events.push({ kind: 'apogee', timeS: t });
  }
  let trajectory: Trajectory | null = null;
  if (recorder !== null) {
    truncateRecorder(recorder, t);
    trajectory = finishTrajectory(recorder, model, launchTimeS, t, events, phases);
  }
  return {
    launchTimeS,
    burnout,
    endTimeS: t,
    endState: Float64Array.from(y),
    end,
    impactedDuringBoost,
    descendedDuringBoost,
    trajectory,
  };
};

/** The reference flyout of a vehicle on the model (non-rotating copy): its final burnout. */
export const referenceBurnout = (model: EarthModel, vehicle: MissileDefinition) =>
  flyInterceptor(customEarthModel(model, { rotationRadps: 0 }), vehicle, REFERENCE_FLYOUT, {
    until: 'burnout',
    record: false,
    maxFlightTimeS: Number.POSITIVE_INFINITY,
  }).burnout;

// ---------------------------------------------------------------------------------------------
// Construction and validation
// ---------------------------------------------------------------------------------------------

const num = (x: unknown): number | undefined =>
  typeof x === 'number' && Number.isFinite(x) ? x : undefined;

const invalid = (message: string, path: string): OpenBmdError =>
  new OpenBmdError(errorCodes.invalidInput, message, path);

/** A missile id from an interceptor id ('gbi-2stage@7000' -> 'gbi-2stage-7000'). */
const vehicleIdOf = (id: string): string => {
  const s = id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? 'interceptor' : s;
};

/** Checks a kill vehicle; returns it. */
const checkKillVehicle = (kv: unknown, who: string, path: string): KillVehicle => {
  if (kv === null || typeof kv !== 'object') {
    throw invalid(`interceptor ${who} has no kill vehicle`, path);
  }
  const k = kv as Record<string, unknown>;
  for (const field of ['minAltitudeM', 'maxAltitudeM', 'divertMps', 'massKg'] as const) {
    const x = num(k[field]);
    if (x === undefined) {
      throw invalid(
        `kill vehicle of interceptor ${who}: ${field} must be a finite number, got ${String(k[field])}`,
        `${path}.${field}`,
      );
    }
    if (x < 0 || (field === 'massKg' && x === 0)) {
      throw new OpenBmdError(
        errorCodes.outOfRange,
        `kill vehicle of interceptor ${who}: ${field} must be ${field === 'massKg' ? 'positive' : 'zero or more'}, got ${x}`,
        `${path}.${field}`,
      );
    }
  }
  const minM = k['minAltitudeM'] as number;
  const maxM = k['maxAltitudeM'] as number;
  if (!(minM < maxM)) {
    throw invalid(
      `kill vehicle of interceptor ${who}: the minimum intercept altitude (${minM / 1000} km) must be below the maximum (${maxM / 1000} km)`,
      `${path}.minAltitudeM`,
    );
  }
  return kv as KillVehicle;
};

const checkSources = (sources: unknown, who: string, path: string): readonly string[] => {
  if (
    !Array.isArray(sources) ||
    sources.length === 0 ||
    !sources.every((s) => typeof s === 'string' && s.trim() !== '')
  ) {
    throw invalid(`interceptor ${who} needs at least one source (text)`, path);
  }
  return sources as readonly string[];
};

/**
 * Validates an interceptor definition given as an object. Throws OpenBmdError naming the
 * interceptor and the field: E_INVALID_INPUT for a missing or malformed part (no stages, a kill
 * vehicle whose minimum altitude is not below its maximum), E_OUT_OF_RANGE for a negative number,
 * E_MISSILE_INVALID (from the missile schema) for a bad stage.
 */
export const validateInterceptor = (def: unknown, path: string): InterceptorDefinition => {
  if (def === null || typeof def !== 'object') {
    throw invalid('an interceptor must be a mapping of fields', path);
  }
  const d = def as {
    readonly id?: unknown;
    readonly name?: unknown;
    readonly form?: unknown;
    readonly vehicle?: unknown;
    readonly killVehicle?: unknown;
    readonly burnoutSpeedMps?: unknown;
    readonly sources?: unknown;
    readonly notes?: unknown;
  };
  if (typeof d.id !== 'string' || d.id.trim() === '') {
    throw invalid('an interceptor needs an id (text)', `${path}.id`);
  }
  const who = `'${d.id}'`;
  if (typeof d.name !== 'string' || d.name.trim() === '') {
    throw invalid(`interceptor ${who} needs a name (text)`, `${path}.name`);
  }
  if (d.form !== 'staged' && d.form !== 'parametric') {
    throw invalid(
      `interceptor ${who}: form must be 'staged' or 'parametric', got ${String(d.form)}`,
      `${path}.form`,
    );
  }
  const vehicle = d.vehicle as { readonly stages?: unknown; readonly steering?: unknown } | null;
  if (vehicle === null || typeof vehicle !== 'object') {
    throw invalid(`interceptor ${who} has no vehicle`, `${path}.vehicle`);
  }
  if (!Array.isArray(vehicle.stages) || vehicle.stages.length === 0) {
    throw invalid(`interceptor ${who} has no stages`, `${path}.vehicle.stages`);
  }
  const steering = vehicle.steering as { readonly law?: unknown } | undefined;
  if (steering?.law !== 'gravity-turn') {
    throw invalid(
      `interceptor ${who}: its vehicle must steer by 'gravity-turn' (the flyout fan varies the kick angle), got ${String(steering?.law)}`,
      `${path}.vehicle.steering.law`,
    );
  }
  const checked = validateMissileDefinition(vehicle, `${path}.vehicle`);
  checkKillVehicle(d.killVehicle, who, `${path}.killVehicle`);
  const speed = num(d.burnoutSpeedMps);
  if (speed === undefined || speed <= 0) {
    throw new OpenBmdError(
      speed === undefined ? errorCodes.invalidInput : errorCodes.outOfRange,
      `interceptor ${who}: burnoutSpeedMps must be a positive number of m/s, got ${String(d.burnoutSpeedMps)}`,
      `${path}.burnoutSpeedMps`,
    );
  }
  checkSources(d.sources, who, `${path}.sources`);
  if (typeof d.notes !== 'string') {
    throw invalid(`interceptor ${who}: notes must be text`, `${path}.notes`);
  }
  return { ...(def as InterceptorDefinition), vehicle: checked };
};

/** A stage as written for `stagedInterceptor` (the missile format's stage fields). */
export type InterceptorStageInput = MissileDefinitionInput['stages'][number];

export interface StagedInterceptorSpec {
  readonly id: string;
  readonly name: string;
  readonly stages: readonly InterceptorStageInput[];
  readonly killVehicle: KillVehicle;
  readonly sources: readonly string[];
  readonly notes: string;
  /** Default steering (the fan varies the kick): gravity-turn with the interceptor constants. */
  readonly steering?: Extract<MissileDefinitionInput['steering'], { law: 'gravity-turn' }>;
  /** Ballistic coefficient of the kill vehicle after burnout, kg/m^2 (default 2,000, est). */
  readonly ballisticCoefficientKgM2?: number;
}

const vehicleInput = (
  spec: {
    readonly id: string;
    readonly name: string;
    readonly sources: readonly string[];
    readonly notes: string;
    readonly killVehicle: KillVehicle;
    readonly ballisticCoefficientKgM2?: number;
  },
  stages: readonly InterceptorStageInput[],
  steering: MissileDefinitionInput['steering'],
): MissileDefinitionInput => ({
  'openbmd-missile': 1,
  id: vehicleIdOf(spec.id),
  name: spec.name,
  // The missile format's range classes do not describe interceptors; 'icbm' is a placeholder
  // (reports of interceptors do not show it).
  class: 'icbm',
  propellant: 'solid',
  notional: true,
  sources: [...spec.sources],
  notes: spec.notes,
  stages: [...stages],
  payload: { massKg: spec.killVehicle.massKg },
  reentryVehicle: {
    massKg: spec.killVehicle.massKg,
    ballisticCoefficientKgM2:
      spec.ballisticCoefficientKgM2 ?? KILL_VEHICLE_BALLISTIC_COEFFICIENT_KGM2,
  },
  steering,
});

/**
 * An interceptor from given stages. The vehicle is a missile definition whose payload is the
 * kill vehicle; its burnout speed is measured on the reference flyout on `model` (default:
 * the 'wgs84' preset). Throws as `validateInterceptor`.
 */
export const stagedInterceptor = (
  spec: StagedInterceptorSpec,
  model: EarthModel = earthPresets.wgs84,
): InterceptorDefinition => {
  const who = `'${spec.id}'`;
  if (!Array.isArray(spec.stages) || spec.stages.length === 0) {
    throw invalid(`interceptor ${who} has no stages`, 'stages');
  }
  checkKillVehicle(spec.killVehicle, who, 'killVehicle');
  checkSources(spec.sources, who, 'sources');
  const vehicle = validateMissileDefinition(
    vehicleInput(spec, spec.stages, spec.steering ?? interceptorSteering(REFERENCE_KICK_ANGLE_DEG)),
    `interceptor ${who}`,
  );
  const burnout = referenceBurnout(model, vehicle);
  return validateInterceptor(
    {
      id: spec.id,
      name: spec.name,
      vehicle,
      killVehicle: spec.killVehicle,
      form: 'staged',
      burnoutSpeedMps: burnout.speedMps,
      sources: spec.sources,
      notes: spec.notes,
    },
    `interceptor ${who}`,
  );
};

// ---------------------------------------------------------------------------------------------
// The parametric form: a generic template scaled to a burnout speed
// ---------------------------------------------------------------------------------------------

/**
 * The generic template of the parametric form (docs/models/interceptors.md), after the
 * three-stage Ground-Based Interceptor of the public literature (an Orbital Sciences booster
 * built from the Orion 50S, 50 and 38 motors of the Pegasus launcher, about 21 t; the two-stage
 * European variant of 2007-2009 drops the third stage; a single-stage interceptor, THAAD class,
 * keeps the first stage alone). At scale 1: stage propellant 14,000, 3,570 and 770 kg (est,
 * Orion-class); diameters 1.27, 1.27, 0.97 m; every stage's inert mass a tenth of its gross mass;
 * vacuum Isp 285 s, first stage 265 s at sea level (est).
 */
export const PARAMETRIC_TEMPLATE = {
  stage1PropellantKg: 14_000,
  propellantShares: [1, 0.255, 0.055],
  diametersM: [1.27, 1.27, 0.97],
  inertFraction: 0.1,
  ispVacuumS: 285,
  stage1IspSeaLevelS: 265,
  /** Smallest liftoff thrust-to-weight ratio a scaled vehicle may have. */
  minLiftoffThrustToWeight: 1.2,
  /** Largest scale factor tried (the burnout speed approaches its limit well before). */
  maxScale: 1000,
} as const;

export interface ParametricInterceptorSpec {
  readonly id: string;
  readonly name: string;
  /** Burnout speed on the reference flyout, m/s. */
  readonly burnoutSpeedMps: number;
  /** Total burn time, s, shared equally by the stages. */
  readonly burnTimeS: number;
  /** 1 (the template's first stage alone: a THAAD-class booster), 2 or 3. */
  readonly stageCount: 1 | 2 | 3;
  readonly killVehicle: KillVehicle;
  readonly sources: readonly string[];
  readonly notes: string;
}

/** The template's stages at scale factor `scale` (propellant of every stage times `scale`). */
const templateStages = (
  scale: number,
  burnTimeS: number,
  stageCount: 1 | 2 | 3,
): InterceptorStageInput[] => {
  const T = PARAMETRIC_TEMPLATE;
  const out: InterceptorStageInput[] = [];
  const sizeFactor = Math.cbrt(scale);
  for (let i = 0; i < stageCount; i++) {
    const propellantMassKg = scale * T.stage1PropellantKg * T.propellantShares[i]!;
    out.push({
      name: `stage ${i + 1} (template)`,
      grossMassKg: propellantMassKg / (1 - T.inertFraction),
      propellantMassKg,
      burnTimeS: burnTimeS / stageCount,
      ispVacuumS: T.ispVacuumS,
      ...(i === 0 ? { ispSeaLevelS: T.stage1IspSeaLevelS } : {}),
      diameterM: T.diametersM[i]! * sizeFactor,
      dragCoefficient: LARGE_SOLID_DRAG_TABLE,
    });
  }
  return out;
};

/** The template vehicle at a scale factor, as a missile definition (validated only at the end). */
const templateVehicle = (spec: ParametricInterceptorSpec, scale: number): MissileDefinition => {
  const input = vehicleInput(
    spec,
    templateStages(scale, spec.burnTimeS, spec.stageCount),
    interceptorSteering(REFERENCE_KICK_ANGLE_DEG),
  );
  return {
    ...input,
    stages: input.stages.map((s) => ({ ...s, coastAfterS: 0 })),
  } as MissileDefinition;
};

/** Smallest scale factor at which the template lifts off with the minimum thrust-to-weight. */
const minimumScale = (spec: ParametricInterceptorSpec): number => {
  const T = PARAMETRIC_TEMPLATE;
  // Per unit scale: sea-level thrust / g0 and liftoff mass, kg.
  const thrustPerScaleKg =
    (T.stage1PropellantKg / (spec.burnTimeS / spec.stageCount)) * T.stage1IspSeaLevelS;
  let massPerScaleKg = 0;
  for (let i = 0; i < spec.stageCount; i++) {
    massPerScaleKg += (T.stage1PropellantKg * T.propellantShares[i]!) / (1 - T.inertFraction);
  }
  const margin = thrustPerScaleKg - T.minLiftoffThrustToWeight * massPerScaleKg;
  if (!(margin > 0)) {
    throw new OpenBmdError(
      errorCodes.outOfReach,
      `interceptor '${spec.id}': a burn time of ${spec.burnTimeS} s is too long for the ${spec.stageCount}-stage template: its first stage (${(spec.burnTimeS / spec.stageCount).toFixed(0)} s) would not lift the vehicle off (thrust-to-weight below ${T.minLiftoffThrustToWeight}); the longest is ${((spec.stageCount * T.stage1PropellantKg * T.stage1IspSeaLevelS) / (T.minLiftoffThrustToWeight * massPerScaleKg)).toFixed(0)} s`,
      'burnTimeS',
    );
  }
  return (T.minLiftoffThrustToWeight * spec.killVehicle.massKg) / margin;
};

const speedAtScale = (model: EarthModel, spec: ParametricInterceptorSpec, scale: number): number =>
  referenceBurnout(model, templateVehicle(spec, scale)).speedMps;

/**
 * The burnout speeds the parametric template can be scaled to, m/s: from the smallest vehicle
 * that lifts off to the limit of a very large one (the kill vehicle's mass no longer counts).
 */
export const parametricSpeedLimitsMps = (
  spec: Pick<ParametricInterceptorSpec, 'burnTimeS' | 'stageCount' | 'killVehicle'> & {
    readonly id?: string;
  },
  model: EarthModel = earthPresets.wgs84,
): { readonly minMps: number; readonly maxMps: number } => {
  const full: ParametricInterceptorSpec = {
    id: spec.id ?? 'interceptor',
    name: 'speed limits',
    burnoutSpeedMps: 0,
    burnTimeS: spec.burnTimeS,
    stageCount: spec.stageCount,
    killVehicle: spec.killVehicle,
    sources: ['template'],
    notes: '',
  };
  const sMin = minimumScale(full);
  return {
    minMps: speedAtScale(model, full, sMin),
    maxMps: speedAtScale(model, full, Math.max(sMin, PARAMETRIC_TEMPLATE.maxScale)),
  };
};

/** Within this of the stated burnout speed, m/s. */
const SPEED_TOLERANCE_MPS = 0.5;

/**
 * An interceptor in the parametric form: the template of `PARAMETRIC_TEMPLATE` with stageCount
 * stages burning burnTimeS in equal shares, every stage's propellant (and inert mass) scaled by
 * one factor, found by root finding (Illinois regula falsi on the logarithm of the factor), so
 * that the reference flyout's burnout speed on `model` (default 'wgs84') is burnoutSpeedMps
 * within 0.5 m/s. Diameters scale with the cube root of the factor.
 * Throws E_OUT_OF_REACH for a speed the template cannot reach (outside 1 to 11 km/s, or beyond
 * the limits of `parametricSpeedLimitsMps`), E_INVALID_INPUT for malformed input.
 */
export const parametricInterceptor = (
  spec: ParametricInterceptorSpec,
  model: EarthModel = earthPresets.wgs84,
): InterceptorDefinition => {
  const who = `'${spec.id}'`;
  const target = num(spec.burnoutSpeedMps);
  if (target === undefined || target <= 0) {
    throw invalid(
      `interceptor ${who}: burnoutSpeedMps must be a positive number of m/s, got ${String(spec.burnoutSpeedMps)}`,
      'burnoutSpeedMps',
    );
  }
  if (target < 1000 || target > 11_000) {
    throw new OpenBmdError(
      errorCodes.outOfReach,
      `interceptor ${who}: a burnout speed of ${target} m/s is outside what the parametric form models (1,000 to 11,000 m/s)`,
      'burnoutSpeedMps',
    );
  }
  const burn = num(spec.burnTimeS);
  if (burn === undefined || burn <= 0) {
    throw invalid(
      `interceptor ${who}: burnTimeS must be a positive number of s, got ${String(spec.burnTimeS)}`,
      'burnTimeS',
    );
  }
  if (spec.stageCount !== 1 && spec.stageCount !== 2 && spec.stageCount !== 3) {
    throw invalid(
      `interceptor ${who}: stageCount must be 1, 2 or 3, got ${String(spec.stageCount)}`,
      'stageCount',
    );
  }
  checkKillVehicle(spec.killVehicle, who, 'killVehicle');
  checkSources(spec.sources, who, 'sources');

  const sMin = minimumScale(spec);
  const f = (logScale: number): number => speedAtScale(model, spec, Math.exp(logScale)) - target;
  // Bracket the root by steps of a factor 4 from the template size (scale 1).
  let a = Math.log(Math.max(1, sMin * 1.001));
  let fa = f(a);
  let b = a;
  let fb = fa;
  const logMin = Math.log(sMin * 1.001);
  const logMax = Math.log(Math.max(sMin, PARAMETRIC_TEMPLATE.maxScale));
  while (fb < 0 && b < logMax) {
    a = b;
    fa = fb;
    b = Math.min(logMax, b + Math.log(4));
    fb = f(b);
  }
  while (fa > 0 && a > logMin) {
    b = a;
    fb = fa;
    a = Math.max(logMin, a - Math.log(4));
    fa = f(a);
  }
  if (fb < -SPEED_TOLERANCE_MPS || fa > SPEED_TOLERANCE_MPS) {
    const limit = fb < 0 ? fb + target : fa + target;
    throw new OpenBmdError(
      errorCodes.outOfReach,
      `interceptor ${who}: the ${spec.stageCount}-stage template burning ${burn} s cannot be scaled to a burnout speed of ${target} m/s: it reaches ${fb < 0 ? 'at most' : 'at least'} ${limit.toFixed(0)} m/s with a ${spec.killVehicle.massKg} kg kill vehicle`,
      'burnoutSpeedMps',
    );
  }
  const root =
    Math.abs(fa) <= SPEED_TOLERANCE_MPS
      ? a
      : Math.abs(fb) <= SPEED_TOLERANCE_MPS
        ? b
        : findRoot(f, a, b, 1e-12, SPEED_TOLERANCE_MPS, 100, fa, fb);
  if (root === null) {
    throw new OpenBmdError(
      errorCodes.noConvergence,
      `interceptor ${who}: the scale factor for ${target} m/s was not found`,
      'burnoutSpeedMps',
    );
  }
  const scale = Math.exp(root);
  const vehicle = validateMissileDefinition(
    vehicleInput(
      {
        ...spec,
        notes: `${spec.notes}${spec.notes === '' ? '' : ' '}Parametric form (calc): the ${spec.stageCount}-stage template of docs/models/interceptors.md scaled by ${scale.toPrecision(4)} (stage-1 propellant ${(scale * PARAMETRIC_TEMPLATE.stage1PropellantKg).toFixed(0)} kg) for a reference-flyout burnout speed of ${target} m/s.`,
      },
      templateStages(scale, burn, spec.stageCount),
      interceptorSteering(REFERENCE_KICK_ANGLE_DEG),
    ),
    `interceptor ${who}`,
  );
  const measured = referenceBurnout(model, vehicle).speedMps;
  return validateInterceptor(
    {
      id: spec.id,
      name: spec.name,
      vehicle,
      killVehicle: spec.killVehicle,
      form: 'parametric',
      burnoutSpeedMps: measured,
      sources: spec.sources,
      notes: spec.notes,
    },
    `interceptor ${who}`,
  );
};

/** The liftoff thrust-to-weight ratio of a vehicle (sea-level thrust of stage 1), for reports. */
export const liftoffThrustToWeight = (vehicle: MissileDefinition): number => {
  const s = vehicle.stages[0]!;
  let mass = vehicle.payload.massKg;
  for (const st of vehicle.stages) mass += st.grossMassKg;
  return (
    (stageVacuumThrustN(s) - 101_325 * stageNozzleExitAreaM2(s)) / (mass * STANDARD_GRAVITY_MPS2)
  );
};
