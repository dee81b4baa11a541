/**
 * Powered flight of a multi-stage rocket from a launch point to burnout (or thrust cut-off), then
 * free flight to impact: one `Trajectory` with its events (launch, ignition, burnout, staging,
 * apogee, reentry, impact) and phases (boost, midcourse, terminal).
 *
 * Model (3 degrees of freedom, inertial frame, state r and v; mass a known function of time):
 *   m(t) = mass at ignition - mdot (t - t_ignition), mdot = propellant / burn time (constant);
 *   thrust F = F_vac - p(h) A_e (A_e from the vacuum and sea-level Isp; 0 without the latter);
 *   drag D = 1/2 rho |v_rel|^2 Cd(Mach) A_ref, against v_rel = v - w x r;
 *   a = g(r) + (F u - D v_rel/|v_rel|) / m, with u the steering direction.
 * Steering laws (per missile, parameters searched by aiming):
 *   'forden': vertical for verticalTimeS, then the thrust elevation above the local horizontal
 *     falls at pitchRateDegPerS until finalElevationDeg, then is held (Forden, Science & Global
 *     Security 15, 2007);
 *   'gravity-turn': vertical, a pitch-over kick of kickAngleDeg spread over kickDurationS, then
 *     thrust along the Earth-relative velocity.
 * The thrust stays in the inertial plane through the launch point and the launch azimuth (the
 * Earth turning under it moves the ground track; aiming corrects the azimuth for that).
 * Kinks in the forces (staging, the ends of the pitch programme, cut-off) are integration segment
 * boundaries, so the integrator never steps across a discontinuity.
 */
import { ussa76PressurePa } from '../earth/atmosphere.js';
import { STANDARD_GRAVITY_MPS2 } from '../earth/constants.js';
import { ecefToEci, enuBasis, geodeticToEcef } from '../earth/frames.js';
import { gravityAccelerationMps2 } from '../earth/gravity.js';
import type { EarthModel } from '../earth/model.js';
import { errorCodes, OpenBmdError } from '../errors.js';
import { createRkWorkspace, type EventSpec, integrate, type RhsFunction } from '../integrate/rk.js';
import {
  defaultFlightSettings,
  type FlightSettings,
  type FreeFlightResult,
  flyFree,
} from './ballistic.js';
import { airDensityKgM3, altitudeOfStateM, speedOfSoundMps } from './forces.js';
import {
  dragCoefficientAt,
  type MissileDefinition,
  type MissileStage,
  type SteeringLaw,
  stageMassFlowKgps,
  stageNozzleExitAreaM2,
  stageReferenceAreaM2,
  stageVacuumThrustN,
} from './missile.js';
import {
  createTrajectoryRecorder,
  FLIGHT_STATE_SIZE,
  type PhaseInterval,
  type Trajectory,
  type TrajectoryEvent,
} from './trajectory.js';

const DEG = Math.PI / 180;

export interface LaunchSpec {
  readonly missile: MissileDefinition;
  readonly latRad: number;
  readonly lonRad: number;
  /** Launch heading, clockwise from north, rad. */
  readonly azimuthRad: number;
  /** Launch time, s from the scenario epoch (default 0). */
  readonly launchTimeS?: number;
  /** Steering law and parameters (default: the missile's own). */
  readonly steering?: SteeringLaw;
  /** Payload mass, kg (default: the missile's). */
  readonly payloadKg?: number;
  /**
   * Thrust cut-off, s after launch (default: every stage burns out). Stages not yet burnt are
   * dropped with the spent one; the payload flies on. Used by aiming to control range.
   */
  readonly cutoffAfterLaunchS?: number;
}

export interface BurnoutState {
  readonly timeS: number;
  /** Inertial state at burnout (or cut-off). */
  readonly state: Float64Array;
  readonly altitudeM: number;
  /** Speed relative to the turning Earth, m/s. */
  readonly speedMps: number;
  /** Inertial speed, m/s. */
  readonly inertialSpeedMps: number;
  /** Earth-relative flight-path angle above the local horizontal, rad. */
  readonly flightPathRad: number;
}

export interface MissileFlightResult {
  readonly launchTimeS: number;
  readonly burnout: BurnoutState;
  readonly free: FreeFlightResult;
  readonly trajectory: Trajectory | null;
  readonly steering: SteeringLaw;
  readonly cutoffAfterLaunchS: number | null;
  /** True if the vehicle hit the ground while still under thrust (a failed candidate). */
  readonly impactedDuringBoost: boolean;
}

export interface MissileFlightOptions {
  readonly settings?: FlightSettings;
  readonly record?: boolean;
}

/** Seconds from launch at which the steering law's kinks occur. */
const steeringBreakpointsS = (law: SteeringLaw): number[] => {
  if (law.law === 'forden') {
    const rate = law.pitchRateDegPerS;
    const pitchEnd = rate > 0 ? law.verticalTimeS + (90 - law.finalElevationDeg) / rate : Infinity;
    return [law.verticalTimeS, pitchEnd];
  }
  return [law.verticalTimeS, law.verticalTimeS + law.kickDurationS];
};

/** Total burn duration of a missile when every stage burns out, s after launch. */
export const fullBoostDurationS = (missile: MissileDefinition): number =>
  missile.stages.reduce((t, s) => t + s.burnTimeS + (s.coastAfterS ?? 0), 0) -
  (missile.stages[missile.stages.length - 1]?.coastAfterS ?? 0);

interface StageSegment {
  readonly stage: MissileStage;
  readonly index: number;
  readonly ignitionS: number;
  readonly burnoutS: number;
  /** Mass at ignition including the upper stages and the payload, kg. */
  readonly massAtIgnitionKg: number;
}

const stageSegments = (missile: MissileDefinition, payloadKg: number): StageSegment[] => {
  const out: StageSegment[] = [];
  let t = 0;
  for (let i = 0; i < missile.stages.length; i++) {
    const stage = missile.stages[i]!;
    let mass = payloadKg;
    for (let j = i; j < missile.stages.length; j++) mass += missile.stages[j]!.grossMassKg;
    out.push({
      stage,
      index: i,
      ignitionS: t,
      burnoutS: t + stage.burnTimeS,
      massAtIgnitionKg: mass,
    });
    t += stage.burnTimeS + (stage.coastAfterS ?? 0);
  }
  return out;
};

/**
 * The launch of a vehicle from the surface: its inertial state at rest on the turning Earth at
 * launchTimeS, and the unit normal n of the inertial plane through the launch point and the launch
 * azimuth (up x heading), in which the steering keeps the thrust.
 */
export const launchFrame = (
  model: EarthModel,
  latRad: number,
  lonRad: number,
  azimuthRad: number,
  launchTimeS: number,
): { state: Float64Array; nx: number; ny: number; nz: number } => {
  const rE = new Float64Array(3);
  geodeticToEcef(latRad, lonRad, 0, model, rE);
  const rI = new Float64Array(3);
  const vI = new Float64Array(3);
  ecefToEci(rE, new Float64Array(3), launchTimeS, model, rI, vI);
  const state = new Float64Array(FLIGHT_STATE_SIZE);
  state.set(rI, 0);
  state.set(vI, 3);
  const enu = new Float64Array(9);
  enuBasis(latRad, lonRad, model, enu);
  const hE = new Float64Array(3);
  for (let i = 0; i < 3; i++) {
    hE[i] = Math.sin(azimuthRad) * enu[i]! + Math.cos(azimuthRad) * enu[3 + i]!;
  }
  const hI = new Float64Array(3);
  ecefToEci(hE, null, launchTimeS, model, hI, null);
  const rn = Math.hypot(rI[0]!, rI[1]!, rI[2]!);
  const ux = rI[0]! / rn;
  const uy = rI[1]! / rn;
  const uz = rI[2]! / rn;
  const nx = uy * hI[2]! - uz * hI[1]!;
  const ny = uz * hI[0]! - ux * hI[2]!;
  const nz = ux * hI[1]! - uy * hI[0]!;
  const nn = Math.hypot(nx, ny, nz);
  return { state, nx: nx / nn, ny: ny / nn, nz: nz / nn };
};

/** One integration segment of powered flight: a stage burning, or a coast between stages. */
export interface PoweredSegment {
  readonly stage: MissileStage;
  /** Stage ignition, s after launch (the mass flow runs from there). */
  readonly ignitionAfterLaunchS: number;
  /** Vehicle mass at ignition (burning), or the constant mass of a coast, kg. */
  readonly massKg: number;
  readonly burning: boolean;
  /** Start of this segment, s after launch: the steering mode is fixed per segment. */
  readonly startAfterLaunchS: number;
}

/**
 * The powered right-hand side of one segment (stage burn or coast) for missiles and
 * interceptors alike. The launch time and the plane normal n (inertial unit vector) fix the
 * steering frame. A gravity turn follows the Earth-relative velocity in segments that start after
 * its kick; every kink of the steering is a segment boundary, so each segment is smooth.
 */
export const makePoweredRhs = (
  model: EarthModel,
  law: SteeringLaw,
  launchTimeS: number,
  nx: number,
  ny: number,
  nz: number,
  seg: PoweredSegment,
): RhsFunction => {
  const burning = seg.burning;
  const w = model.rotationRadps;
  const stage = seg.stage;
  const followVelocity =
    law.law === 'gravity-turn' && seg.startAfterLaunchS >= law.verticalTimeS + law.kickDurationS;
  const mdot = burning ? stageMassFlowKgps(stage) : 0;
  const thrustVacN = burning ? stageVacuumThrustN(stage) : 0;
  const exitAreaM2 = burning ? stageNozzleExitAreaM2(stage) : 0;
  const areaM2 = stageReferenceAreaM2(stage);
  const cd = stage.dragCoefficient;
  const hasAir = model.atmosphere !== 'none';
  const hasDrag = model.drag;
  const ignitionAbsS = launchTimeS + seg.ignitionAfterLaunchS;
  const m0 = seg.massKg;
  return (t, y, dydt) => {
    const x = y[0]!;
    const yy = y[1]!;
    const z = y[2]!;
    dydt[0] = y[3]!;
    dydt[1] = y[4]!;
    dydt[2] = y[5]!;
    gravityAccelerationMps2(x, yy, z, model, dydt, 3);
    const massKg = m0 - mdot * (t - ignitionAbsS);
    const vrx = y[3]! + w * yy;
    const vry = y[4]! - w * x;
    const vrz = y[5]!;
    const vRel = Math.sqrt(vrx * vrx + vry * vry + vrz * vrz);
    let thrustN = thrustVacN;
    let ax = 0;
    let ay = 0;
    let az = 0;
    if (hasAir) {
      const h = altitudeOfStateM(model, y);
      const rho = airDensityKgM3(model, h);
      if (exitAreaM2 > 0) thrustN -= ussa76PressurePa(h) * exitAreaM2;
      if (hasDrag && vRel > 0 && rho > 0) {
        const mach = vRel / speedOfSoundMps(h);
        const dragN = 0.5 * rho * vRel * vRel * dragCoefficientAt(cd, mach) * areaM2;
        const k = dragN / (vRel * massKg);
        ax -= k * vrx;
        ay -= k * vry;
        az -= k * vrz;
      }
    }
    if (thrustN > 0) {
      const r = Math.sqrt(x * x + yy * yy + z * z);
      const ux = x / r;
      const uy = yy / r;
      const uz = z / r;
      const tau = t - launchTimeS;
      let dx: number;
      let dy: number;
      let dz: number;
      if (followVelocity && vRel > 0) {
        dx = vrx / vRel;
        dy = vry / vRel;
        dz = vrz / vRel;
      } else {
        let elevation: number;
        if (tau < law.verticalTimeS) {
          elevation = Math.PI / 2;
        } else if (law.law === 'forden') {
          elevation = (90 - law.pitchRateDegPerS * (tau - law.verticalTimeS)) * DEG;
          const floor = law.finalElevationDeg * DEG;
          if (elevation < floor) elevation = floor;
        } else {
          elevation =
            (90 - (law.kickAngleDeg * (tau - law.verticalTimeS)) / law.kickDurationS) * DEG;
        }
        // Forward horizontal direction in the launch plane: n x up, normalised.
        let fx = ny * uz - nz * uy;
        let fy = nz * ux - nx * uz;
        let fz = nx * uy - ny * ux;
        const fn = Math.sqrt(fx * fx + fy * fy + fz * fz);
        fx /= fn;
        fy /= fn;
        fz /= fn;
        const ce = Math.cos(elevation);
        const se = Math.sin(elevation);
        dx = ce * fx + se * ux;
        dy = ce * fy + se * uy;
        dz = ce * fz + se * uz;
      }
      const k = thrustN / massKg;
      ax += k * dx;
      ay += k * dy;
      az += k * dz;
    }
    dydt[3] = dydt[3]! + ax;
    dydt[4] = dydt[4]! + ay;
    dydt[5] = dydt[5]! + az;
  };
};

/** Earth-relative speed and flight-path angle of an inertial state. */
const earthRelative = (model: EarthModel, y: Float64Array) => {
  const w = model.rotationRadps;
  const vx = y[3]! + w * y[1]!;
  const vy = y[4]! - w * y[0]!;
  const vz = y[5]!;
  const speed = Math.sqrt(vx * vx + vy * vy + vz * vz);
  const r = Math.sqrt(y[0]! * y[0]! + y[1]! * y[1]! + y[2]! * y[2]!);
  const radial = (y[0]! * vx + y[1]! * vy + y[2]! * vz) / r;
  return { speedMps: speed, flightPathRad: Math.asin(Math.max(-1, Math.min(1, radial / speed))) };
};

/** Checks that the first stage can lift the missile off the pad (thrust over weight > 1). */
const checkLiftoff = (missile: MissileDefinition, payloadKg: number): void => {
  const seg = stageSegments(missile, payloadKg)[0];
  if (seg === undefined) return;
  const pSeaLevelPa = 101_325;
  const thrustN = stageVacuumThrustN(seg.stage) - pSeaLevelPa * stageNozzleExitAreaM2(seg.stage);
  const weightN = seg.massAtIgnitionKg * STANDARD_GRAVITY_MPS2;
  if (!(thrustN > weightN)) {
    throw new OpenBmdError(
      errorCodes.missileInvalid,
      `missile '${missile.id}' cannot lift off: sea-level thrust ${thrustN.toFixed(0)} N is below its weight ${weightN.toFixed(0)} N with a ${payloadKg} kg payload`,
      'stages[0]',
    );
  }
};

/**
 * Flies a missile from its launch point to impact. Throws E_OUT_OF_RANGE for a cut-off outside
 * the boost, E_MISSILE_INVALID if it cannot lift off, E_NO_IMPACT if it goes into orbit.
 */
export const flyMissile = (
  model: EarthModel,
  spec: LaunchSpec,
  options: MissileFlightOptions = {},
): MissileFlightResult => {
  const settings = options.settings ?? defaultFlightSettings;
  const record = options.record ?? true;
  const missile = spec.missile;
  const law = spec.steering ?? missile.steering;
  const payloadKg = spec.payloadKg ?? missile.payload.massKg;
  const launchTimeS = spec.launchTimeS ?? 0;
  checkLiftoff(missile, payloadKg);
  const fullS = fullBoostDurationS(missile);
  const cutoff = spec.cutoffAfterLaunchS ?? null;
  if (cutoff !== null && !(cutoff > 0 && cutoff <= fullS + 1e-9)) {
    throw new OpenBmdError(
      errorCodes.outOfRange,
      `thrust cut-off ${cutoff} s is outside the boost (0 to ${fullS} s)`,
      'cutoffAfterLaunchS',
    );
  }
  const boostEndS = cutoff ?? fullS;

  const {
    state: y0,
    nx,
    ny,
    nz,
  } = launchFrame(model, spec.latRad, spec.lonRad, spec.azimuthRad, launchTimeS);

  const ws = createRkWorkspace(settings.method, FLIGHT_STATE_SIZE);
  const recorder = record ? createTrajectoryRecorder(settings.method) : null;
  const events: TrajectoryEvent[] = [{ kind: 'launch', timeS: launchTimeS }];
  const impactEvent: EventSpec[] = [
    { name: 'impact', g: (_t, y) => altitudeOfStateM(model, y), direction: -1, terminal: true },
  ];
  const breaks = steeringBreakpointsS(law);
  const y = Float64Array.from(y0);
  let t = launchTimeS;
  let impactedDuringBoost = false;
  const segments = stageSegments(missile, payloadKg);
  outer: for (const seg of segments) {
    if (seg.ignitionS >= boostEndS) break;
    events.push({ kind: 'ignition', timeS: launchTimeS + seg.ignitionS, stage: seg.index + 1 });
    const burnEndS = Math.min(seg.burnoutS, boostEndS);
    const coastEndS = Math.min(seg.burnoutS + (seg.stage.coastAfterS ?? 0), boostEndS);
    const pieces: Array<[number, number, boolean]> = [];
    const cuts = [
      seg.ignitionS,
      ...breaks.filter((b) => b > seg.ignitionS && b < burnEndS),
      burnEndS,
    ];
    for (let i = 0; i + 1 < cuts.length; i++) pieces.push([cuts[i]!, cuts[i + 1]!, true]);
    if (coastEndS > burnEndS && seg.index + 1 < segments.length) {
      pieces.push([burnEndS, coastEndS, false]);
    }
    for (const [a, b, burning] of pieces) {
      if (b - a <= 0) continue;
      const coastMass = segments[seg.index + 1]?.massAtIgnitionKg ?? payloadKg;
      const rhs = makePoweredRhs(model, law, launchTimeS, nx, ny, nz, {
        stage: seg.stage,
        ignitionAfterLaunchS: seg.ignitionS,
        massKg: burning ? seg.massAtIgnitionKg : coastMass,
        burning,
        startAfterLaunchS: a,
      });
      integrate(
        ws,
        rhs,
        launchTimeS + a,
        y,
        launchTimeS + b,
        { rtol: settings.rtol, atol: settings.atol, eventTimeTolS: 1e-9 },
        impactEvent,
        recorder,
      );
      y.set(ws.y.subarray(0, FLIGHT_STATE_SIZE));
      t = ws.tS;
      if (ws.terminalEvent === 0) {
        impactedDuringBoost = true;
        break outer;
      }
      if (!burning) continue;
    }
    const cut = cutoff !== null && seg.burnoutS > boostEndS + 1e-9;
    events.push({ kind: 'burnout', timeS: launchTimeS + burnEndS, stage: seg.index + 1 });
    if (!cut && seg.index + 1 < segments.length && segments[seg.index + 1]!.ignitionS < boostEndS) {
      events.push({ kind: 'staging', timeS: launchTimeS + burnEndS, stage: seg.index + 1 });
    }
  }
  const rel = earthRelative(model, y);
  const burnout: BurnoutState = {
    timeS: t,
    state: Float64Array.from(y),
    altitudeM: altitudeOfStateM(model, y),
    speedMps: rel.speedMps,
    inertialSpeedMps: Math.hypot(y[3]!, y[4]!, y[5]!),
    flightPathRad: rel.flightPathRad,
  };
  const phases: PhaseInterval[] = [{ phase: 'boost', startS: launchTimeS, endS: t }];
  if (impactedDuringBoost) {
    events.push({ kind: 'impact', timeS: t });
    const sub = { latRad: 0, lonRad: 0 };
    const traj =
      recorder === null
        ? null
        : {
            model,
            method: recorder.method,
            startS: launchTimeS,
            endS: t,
            events,
            phases,
            stepCount: recorder.count,
            stepStartS: recorder.starts.slice(0, recorder.count),
            stepLengthS: recorder.lengths.slice(0, recorder.count),
            coefficients: recorder.coefficients.slice(),
          };
    const free: FreeFlightResult = {
      startS: t,
      impactTimeS: t,
      flightTimeS: t - launchTimeS,
      impactLatRad: sub.latRad,
      impactLonRad: sub.lonRad,
      apogeeAltitudeM: 0,
      apogeeTimeS: t,
      impactState: burnout.state,
      trajectory: traj,
      rhsEvaluations: ws.rhsEvaluations,
    };
    return {
      launchTimeS,
      burnout,
      free,
      trajectory: traj,
      steering: law,
      cutoffAfterLaunchS: cutoff,
      impactedDuringBoost,
    };
  }
  const beta = model.drag ? (missile.reentryVehicle?.ballisticCoefficientKgM2 ?? null) : null;
  const free = flyFree(model, y, t, {
    ballisticCoefficientKgM2: beta,
    settings,
    record,
    priorEvents: events,
    priorPhases: phases,
    launchTimeS,
    ...(recorder === null ? {} : { recorder }),
    workspace: ws,
  });
  return {
    launchTimeS,
    burnout,
    free,
    trajectory: free.trajectory,
    steering: law,
    cutoffAfterLaunchS: cutoff,
    impactedDuringBoost,
  };
};
