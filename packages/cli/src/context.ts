/** What every command gets: the I/O edges, and a way to hand back its result for printing. */
import {
  customEarthModel,
  EARTH_ROTATION_RADPS,
  type EarthModel,
  earthPreset,
  fidelityPresetNames,
  ROUND_EARTH_RADIUS_M,
  WGS84_A_M,
  WGS84_F,
} from '@openbmd/core';
import { type Command, Option } from 'commander';
import type { Io } from './io.js';

export interface CommandResult {
  /** The JSON document (printed with --json; always checked for non-finite numbers). */
  readonly json: object;
  /** The readable table printed without --json. */
  readonly text: string;
  /** Exit code when the command ran (default 0; `validate` returns 1 when a case fails). */
  readonly exitCode?: number;
}

export interface CommandContext {
  readonly io: Io;
  /** Hands the result to the runner, which checks it and prints JSON or the table. */
  output(result: CommandResult, asJson: boolean): void;
}

export const JSON_FLAG = '--json';
export const JSON_DESCRIPTION = 'print one JSON document on stdout instead of a table';

export const DEFAULT_FIDELITY = 'wgs84';

/** `--fidelity NAME`: an Earth-model preset of the core (default wgs84). */
export const fidelityOption = (): Option =>
  new Option(
    '--fidelity <name>',
    'Earth model: round-still (sphere, still, no air), round (rotating sphere), wgs84 (ellipsoid, J2, USSA76 air), p1 (benchmark P1)',
  )
    .choices(fidelityPresetNames)
    .default(DEFAULT_FIDELITY);

/** The Earth-model flags: a preset, and each model on its own on top of it. */
export interface ModelOptions {
  readonly fidelity: string;
  readonly earth?: 'sphere' | 'wgs84';
  readonly rotation?: 'on' | 'off';
  readonly gravity?: 'point-mass' | 'j2';
  readonly atmosphere?: 'none' | 'ussa76' | 'exponential';
  readonly drag?: 'on' | 'off';
}

/**
 * Adds `--fidelity` and the per-model overrides `--earth`, `--rotation`, `--gravity`,
 * `--atmosphere`, `--drag`; a result computed with any override is named 'custom' and lists its
 * models.
 */
export const addModelOptions = (cmd: Command): Command =>
  cmd
    .addOption(fidelityOption())
    .addOption(
      new Option(
        '--earth <shape>',
        'override the Earth shape: sphere (R = 6,371 km) or wgs84 (ellipsoid)',
      ).choices(['sphere', 'wgs84']),
    )
    .addOption(
      new Option('--rotation <on|off>', 'override the Earth rotation (7.292115e-5 rad/s)').choices([
        'on',
        'off',
      ]),
    )
    .addOption(
      new Option('--gravity <model>', 'override gravity: point-mass or j2').choices([
        'point-mass',
        'j2',
      ]),
    )
    .addOption(
      new Option(
        '--atmosphere <model>',
        'override the atmosphere: none, ussa76 or exponential (1.225 kg/m^3, H 7,200 m)',
      ).choices(['none', 'ussa76', 'exponential']),
    )
    .addOption(
      new Option(
        '--drag <on|off>',
        "override drag (default: on when --atmosphere names one, else the preset's)",
      ).choices(['on', 'off']),
    );

/** The Earth model the flags ask for: the preset, with each override applied. */
export const resolveModel = (opts: ModelOptions): EarthModel => {
  const preset = earthPreset(opts.fidelity);
  const changes: { -readonly [K in keyof EarthModel]?: EarthModel[K] } = {};
  if (opts.earth === 'sphere') {
    changes.shape = 'sphere';
    changes.flattening = 0;
    if (preset.shape !== 'sphere') changes.radiusM = ROUND_EARTH_RADIUS_M;
  } else if (opts.earth === 'wgs84') {
    changes.shape = 'wgs84';
    changes.radiusM = WGS84_A_M;
    changes.flattening = WGS84_F;
  }
  if (opts.rotation !== undefined)
    changes.rotationRadps = opts.rotation === 'on' ? EARTH_ROTATION_RADPS : 0;
  if (opts.gravity !== undefined) changes.gravity = opts.gravity;
  if (opts.atmosphere !== undefined) changes.atmosphere = opts.atmosphere;
  if (opts.drag !== undefined) changes.drag = opts.drag === 'on';
  else if (opts.atmosphere !== undefined) changes.drag = opts.atmosphere !== 'none';
  return Object.keys(changes).length === 0 ? preset : customEarthModel(preset, changes);
};

/** `--payload-kg P`: payload mass in place of the missile's own. */
export const payloadOption = (): Option =>
  new Option('--payload-kg <kg>', "payload mass, kg (default: the missile's own)");

/** `--missile ID|FILE` (required). */
export const missileOption = (): Option =>
  new Option(
    '--missile <id|file>',
    'built-in missile id (see `openbmd missiles`) or a missile definition file (.yaml, .yml, .json)',
  ).makeOptionMandatory();
