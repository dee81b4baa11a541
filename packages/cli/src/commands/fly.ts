/** `openbmd fly ...`: free flight from a state given in the Earth's surface frame to impact. */
import { describeEarthModel, flyFree, surfaceRelativeState, wrapLonDeg } from '@openbmd/core';
import type { Command } from 'commander';
import {
  addModelOptions,
  type CommandContext,
  JSON_DESCRIPTION,
  JSON_FLAG,
  type ModelOptions,
  resolveModel,
} from '../context.js';
import { groundRangeM, toDeg, toRad } from '../figures.js';
import { fixed, formatQuantities, minSec } from '../format.js';
import { parseInRange, parseLatDeg, parseLonDeg, parsePositive } from '../parse.js';

interface FlyOptions extends ModelOptions {
  readonly latDeg: string;
  readonly lonDeg: string;
  readonly altitudeKm: string;
  readonly speedMps: string;
  readonly flightPathDeg: string;
  readonly azimuthDeg: string;
  readonly ballisticCoefficientKgm2?: string;
  readonly json?: true;
}

export const defineFly = (cmd: Command, ctx: CommandContext): Command =>
  addModelOptions(cmd)
    .description(
      'fly an unpowered object from a position and Earth-relative velocity to impact (drag only with a ballistic coefficient)',
    )
    .requiredOption('--lat-deg <deg>', 'start latitude, deg north (-90 to 90; geodetic on wgs84)')
    .requiredOption('--lon-deg <deg>', 'start longitude, deg east (-180 to 180)')
    .option(
      '--altitude-km <km>',
      'start altitude above the sphere or ellipsoid, km (0 to 40000)',
      '0',
    )
    .requiredOption('--speed-mps <mps>', 'speed relative to the turning Earth, m/s (0 to 20000)')
    .requiredOption(
      '--flight-path-deg <deg>',
      'flight-path angle above the local horizontal, deg (-90 to 90)',
    )
    .requiredOption('--azimuth-deg <deg>', 'heading, deg clockwise from north (-360 to 360)')
    .option(
      '--ballistic-coefficient-kgm2 <kgm2>',
      'ballistic coefficient m/(Cd A), kg/m^2 (> 0); drag only when given, and only with air (wgs84, p1)',
    )
    .option(JSON_FLAG, JSON_DESCRIPTION)
    .action((opts: FlyOptions) => {
      const latDeg = parseLatDeg(opts.latDeg, '--lat-deg');
      const lonDeg = parseLonDeg(opts.lonDeg, '--lon-deg');
      const altitudeKm = parseInRange(opts.altitudeKm, 0, 40_000, 'km', '--altitude-km');
      const speedMps = parseInRange(opts.speedMps, 0, 20_000, 'm/s', '--speed-mps');
      const flightPathDeg = parseInRange(opts.flightPathDeg, -90, 90, 'deg', '--flight-path-deg');
      const azimuthDeg = parseInRange(opts.azimuthDeg, -360, 360, 'deg', '--azimuth-deg');
      const beta =
        opts.ballisticCoefficientKgm2 === undefined
          ? null
          : parsePositive(
              opts.ballisticCoefficientKgm2,
              1e6,
              'kg/m^2',
              '--ballistic-coefficient-kgm2',
            );
      const model = resolveModel(opts);
      const latRad = toRad(latDeg);
      const lonRad = toRad(lonDeg);
      const y0 = surfaceRelativeState(
        model,
        latRad,
        lonRad,
        altitudeKm * 1000,
        speedMps,
        toRad(flightPathDeg),
        toRad(azimuthDeg),
        0,
        new Float64Array(6),
      );
      const r = flyFree(model, y0, 0, { ballisticCoefficientKgM2: beta, record: false });
      const impact = { latDeg: toDeg(r.impactLatRad), lonDeg: wrapLonDeg(toDeg(r.impactLonRad)) };
      const rangeKm = groundRangeM(model, latRad, lonRad, r.impactLatRad, r.impactLonRad) / 1000;
      const json = {
        fidelity: model.name,
        flightTimeS: r.flightTimeS,
        groundRangeKm: rangeKm,
        apogeeKm: r.apogeeAltitudeM / 1000,
        impact,
        ballisticCoefficientKgM2: beta,
        models: describeEarthModel(model),
      };
      const text = formatQuantities(`free flight to impact (fidelity ${model.name})`, [
        ['flight time', fixed(r.flightTimeS, 1), `s (${minSec(r.flightTimeS)})`],
        ['ground range', fixed(rangeKm, 1), 'km'],
        ['apogee', fixed(r.apogeeAltitudeM / 1000, 1), 'km'],
        ['impact latitude', fixed(impact.latDeg, 4), 'deg N'],
        ['impact longitude', fixed(impact.lonDeg, 4), 'deg E'],
        ['drag', beta === null ? 'none' : fixed(beta, 0), beta === null ? '' : 'kg/m^2'],
      ]);
      ctx.output({ json, text }, opts.json === true);
    });
