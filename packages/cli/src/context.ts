/** What every command gets: the I/O edges, and a way to hand back its result for printing. */
import { fidelityPresetNames } from '@openbmd/core';
import { Option } from 'commander';
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

/** `--payload-kg P`: payload mass in place of the missile's own. */
export const payloadOption = (): Option =>
  new Option('--payload-kg <kg>', "payload mass, kg (default: the missile's own)");

/** `--missile ID|FILE` (required). */
export const missileOption = (): Option =>
  new Option(
    '--missile <id|file>',
    'built-in missile id (see `openbmd missiles`) or a missile definition file (.yaml, .yml, .json)',
  ).makeOptionMandatory();
