/** `openbmd atmosphere --altitude-km H`: the US Standard Atmosphere 1976 at one altitude. */
import { ussa76 } from '@openbmd/core';
import type { Command } from 'commander';
import { type CommandContext, JSON_DESCRIPTION, JSON_FLAG } from '../context.js';
import { formatQuantities, significant } from '../format.js';
import { parseInRange } from '../parse.js';

export const ATMOSPHERE_MODEL = 'US Standard Atmosphere 1976';

interface AtmosphereOptions {
  readonly altitudeKm: string;
  readonly json?: true;
}

export const defineAtmosphere = (cmd: Command, ctx: CommandContext): Command =>
  cmd
    .description(`${ATMOSPHERE_MODEL} at one geometric altitude`)
    .requiredOption(
      '--altitude-km <km>',
      'geometric altitude above mean sea level, km (-5 to 1000)',
    )
    .option(JSON_FLAG, JSON_DESCRIPTION)
    .action((opts: AtmosphereOptions) => {
      const altitudeKm = parseInRange(opts.altitudeKm, -5, 1000, 'km', '--altitude-km');
      const s = ussa76(altitudeKm * 1000);
      const json = {
        altitudeM: s.altitudeM,
        temperatureK: s.temperatureK,
        pressurePa: s.pressurePa,
        densityKgM3: s.densityKgM3,
        speedOfSoundMps: s.speedOfSoundMps,
        model: ATMOSPHERE_MODEL,
      };
      const text = formatQuantities(`${ATMOSPHERE_MODEL} at ${significant(altitudeKm)} km`, [
        ['temperature', significant(s.temperatureK), 'K'],
        ['pressure', significant(s.pressurePa), 'Pa'],
        ['density', significant(s.densityKgM3), 'kg/m^3'],
        [
          'speed of sound',
          s.speedOfSoundMps === null ? 'n/a' : significant(s.speedOfSoundMps),
          s.speedOfSoundMps === null ? '(not defined above 86 km)' : 'm/s',
        ],
      ]);
      ctx.output({ json, text }, opts.json === true);
    });
