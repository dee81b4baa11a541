/** `openbmd aim`: aim a missile at a target (minimum energy, or a given apogee or flight time). */
import { aimMissile, describeEarthModel, type TrajectoryShape } from '@openbmd/core';
import { type Command, Option } from 'commander';
import {
  addModelOptions,
  type CommandContext,
  JSON_DESCRIPTION,
  JSON_FLAG,
  type ModelOptions,
  missileOption,
  payloadOption,
  resolveModel,
} from '../context.js';
import { flightFigures, toDeg, toRad } from '../figures.js';
import { fixed, formatLatLon, formatQuantities, minSec } from '../format.js';
import { resolveMissile } from '../missile.js';
import { parseLatLon, parsePositive } from '../parse.js';

interface AimOptions extends ModelOptions {
  readonly missile: string;
  readonly from: string;
  readonly to: string;
  readonly apogeeKm?: string;
  readonly flightTimeS?: string;
  readonly payloadKg?: string;
  readonly missDistanceM: string;
  readonly json?: true;
}

/** The trajectory asked for: the aim shape's kind ('minimum-energy', 'apogee', 'flight-time'). */
export type TrajectoryType = TrajectoryShape['kind'];

export const MAX_PAYLOAD_KG = 1e6;
export const DEFAULT_MISS_DISTANCE_M = '1000';

export const defineAim = (cmd: Command, ctx: CommandContext): Command =>
  addModelOptions(cmd)
    .description(
      'aim a missile from a launch point at a target: minimum-energy by default, or lofted/depressed to a given apogee or flight time',
    )
    .addOption(missileOption())
    .requiredOption('--from <lat,lon>', 'launch point, deg north and east (like 35.23,53.92)')
    .requiredOption('--to <lat,lon>', 'target, deg north and east (like 38.90,-77.04)')
    .addOption(
      new Option('--apogee-km <km>', 'fly the trajectory with this apogee, km (> 0)').conflicts(
        'flightTimeS',
      ),
    )
    .addOption(
      new Option(
        '--flight-time-s <s>',
        'fly the trajectory with this flight time, s (> 0)',
      ).conflicts('apogeeKm'),
    )
    .addOption(payloadOption())
    .option(
      '--miss-distance-m <m>',
      'largest acceptable distance from impact to target, m (> 0)',
      DEFAULT_MISS_DISTANCE_M,
    )
    .option(JSON_FLAG, JSON_DESCRIPTION)
    .action((opts: AimOptions) => {
      const from = parseLatLon(opts.from, '--from');
      const to = parseLatLon(opts.to, '--to');
      const shape: TrajectoryShape =
        opts.apogeeKm !== undefined
          ? {
              kind: 'apogee',
              apogeeM: parsePositive(opts.apogeeKm, 1e5, 'km', '--apogee-km') * 1000,
            }
          : opts.flightTimeS !== undefined
            ? {
                kind: 'flight-time',
                flightTimeS: parsePositive(opts.flightTimeS, 6 * 3600, 's', '--flight-time-s'),
              }
            : { kind: 'minimum-energy' };
      const payloadKg =
        opts.payloadKg === undefined
          ? undefined
          : parsePositive(opts.payloadKg, MAX_PAYLOAD_KG, 'kg', '--payload-kg');
      const missDistanceM = parsePositive(opts.missDistanceM, 1e6, 'm', '--miss-distance-m');
      const model = resolveModel(opts);
      const missile = resolveMissile(opts.missile, ctx.io);
      const fromLatRad = toRad(from.latDeg);
      const fromLonRad = toRad(from.lonDeg);
      const r = aimMissile(model, {
        missile,
        fromLatRad,
        fromLonRad,
        toLatRad: toRad(to.latDeg),
        toLonRad: toRad(to.lonDeg),
        shape,
        missDistanceM,
        ...(payloadKg === undefined ? {} : { payloadKg }),
      });
      const f = flightFigures(model, r.flight, fromLatRad, fromLonRad);
      const trajectoryType: TrajectoryType = shape.kind;
      const json = {
        fidelity: model.name,
        missile: missile.id,
        trajectoryType,
        ...(shape.kind === 'apogee' ? { requestedApogeeKm: shape.apogeeM / 1000 } : {}),
        ...(shape.kind === 'flight-time' ? { requestedFlightTimeS: shape.flightTimeS } : {}),
        payloadKg: payloadKg ?? missile.payload.massKg,
        from,
        to,
        azimuthDeg: toDeg(r.azimuthRad),
        flightTimeS: f.flightTimeS,
        groundRangeKm: f.groundRangeKm,
        apogeeKm: f.apogeeKm,
        impact: f.impact,
        burnoutTimeS: f.burnoutTimeS,
        burnoutSpeedMps: f.burnoutSpeedMps,
        burnoutAltitudeKm: f.burnoutAltitudeKm,
        burnoutFlightPathDeg: f.burnoutFlightPathDeg,
        missDistanceM: r.missDistanceM,
        models: describeEarthModel(model),
      };
      const text = formatQuantities(
        `${missile.name} (${missile.id}), ${trajectoryType}, fidelity ${model.name}`,
        [
          ['from', formatLatLon(from.latDeg, from.lonDeg), ''],
          ['to', formatLatLon(to.latDeg, to.lonDeg), ''],
          ['launch azimuth', fixed(json.azimuthDeg, 2), 'deg'],
          ['payload', fixed(json.payloadKg, 0), 'kg'],
          ['ground range', fixed(f.groundRangeKm, 1), 'km'],
          ['flight time', fixed(f.flightTimeS, 1), `s (${minSec(f.flightTimeS)})`],
          ['apogee', fixed(f.apogeeKm, 1), 'km'],
          ['burnout time', fixed(f.burnoutTimeS, 1), 's'],
          ['burnout speed', fixed(f.burnoutSpeedMps, 1), 'm/s'],
          ['burnout altitude', fixed(f.burnoutAltitudeKm, 1), 'km'],
          ['burnout flight path', fixed(f.burnoutFlightPathDeg, 2), 'deg'],
          ['impact', formatLatLon(f.impact.latDeg, f.impact.lonDeg), ''],
          ['miss distance', fixed(r.missDistanceM, 1), 'm'],
        ],
      );
      ctx.output({ json, text }, opts.json === true);
    });
