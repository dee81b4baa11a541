/** `openbmd max-range`: the longest range of a missile, over its steering parameters. */
import { describeEarthModel, maxRange } from '@openbmd/core';
import type { Command } from 'commander';
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
import { flightFigures, toRad } from '../figures.js';
import { fixed, formatLatLon, formatQuantities, minSec, significant } from '../format.js';
import { resolveMissile } from '../missile.js';
import { parseInRange, parseLatLon, parsePositive } from '../parse.js';
import { MAX_PAYLOAD_KG } from './aim.js';

interface MaxRangeOptions extends ModelOptions {
  readonly missile: string;
  readonly from: string;
  readonly azimuthDeg: string;
  readonly payloadKg?: string;
  readonly json?: true;
}

export const DEFAULT_FROM = '0,0';
export const DEFAULT_AZIMUTH_DEG = '90';

export const defineMaxRange = (cmd: Command, ctx: CommandContext): Command =>
  addModelOptions(cmd)
    .description(
      "a missile's maximum range from a launch point along a heading, searching its steering parameters",
    )
    .addOption(missileOption())
    .option('--from <lat,lon>', 'launch point, deg north and east', DEFAULT_FROM)
    .option(
      '--azimuth-deg <deg>',
      'launch heading, deg clockwise from north (-360 to 360; 90 = due east)',
      DEFAULT_AZIMUTH_DEG,
    )
    .addOption(payloadOption())
    .option(JSON_FLAG, JSON_DESCRIPTION)
    .action((opts: MaxRangeOptions) => {
      const from = parseLatLon(opts.from, '--from');
      const azimuthDeg = parseInRange(opts.azimuthDeg, -360, 360, 'deg', '--azimuth-deg');
      const payloadKg =
        opts.payloadKg === undefined
          ? undefined
          : parsePositive(opts.payloadKg, MAX_PAYLOAD_KG, 'kg', '--payload-kg');
      const model = resolveModel(opts);
      const missile = resolveMissile(opts.missile, ctx.io);
      const fromLatRad = toRad(from.latDeg);
      const fromLonRad = toRad(from.lonDeg);
      const r = maxRange(model, {
        missile,
        fromLatRad,
        fromLonRad,
        azimuthRad: toRad(azimuthDeg),
        ...(payloadKg === undefined ? {} : { payloadKg }),
      });
      const f = flightFigures(model, r.flight, fromLatRad, fromLonRad);
      const steering = { ...r.steering };
      const json = {
        fidelity: model.name,
        missile: missile.id,
        payloadKg: payloadKg ?? missile.payload.massKg,
        from,
        azimuthDeg,
        maxRangeKm: r.maxRangeM / 1000,
        flightTimeS: f.flightTimeS,
        apogeeKm: f.apogeeKm,
        impact: f.impact,
        burnoutTimeS: f.burnoutTimeS,
        burnoutSpeedMps: f.burnoutSpeedMps,
        burnoutAltitudeKm: f.burnoutAltitudeKm,
        burnoutFlightPathDeg: f.burnoutFlightPathDeg,
        steering,
        models: describeEarthModel(model),
      };
      const steeringRows = Object.entries(steering)
        .filter(([k]) => k !== 'law')
        .map(([k, v]): [string, string, string] => [
          `  ${k}`,
          typeof v === 'number' ? significant(v, 5) : String(v),
          '',
        ]);
      const text = formatQuantities(
        `${missile.name} (${missile.id}), maximum range, fidelity ${model.name}`,
        [
          ['from', formatLatLon(from.latDeg, from.lonDeg), ''],
          ['launch azimuth', fixed(azimuthDeg, 2), 'deg'],
          ['payload', fixed(json.payloadKg, 0), 'kg'],
          ['maximum range', fixed(json.maxRangeKm, 1), 'km'],
          ['flight time', fixed(f.flightTimeS, 1), `s (${minSec(f.flightTimeS)})`],
          ['apogee', fixed(f.apogeeKm, 1), 'km'],
          ['burnout time', fixed(f.burnoutTimeS, 1), 's'],
          ['burnout speed', fixed(f.burnoutSpeedMps, 1), 'm/s'],
          ['burnout altitude', fixed(f.burnoutAltitudeKm, 1), 'km'],
          ['impact', formatLatLon(f.impact.latDeg, f.impact.lonDeg), ''],
          ['steering law', String(steering.law), ''],
          ...steeringRows,
        ],
      );
      ctx.output({ json, text }, opts.json === true);
    });
