/** `--missile ID|FILE`: a built-in id, or a YAML/JSON missile definition file. */
import {
  errorCodes,
  getCatalogMissile,
  type MissileDefinition,
  parseMissileDefinition,
} from '@openbmd/core';
import { type Io, readInputFile } from './io.js';

const FILE_PATTERN = /\.(ya?ml|json)$/i;

/** True if the argument is to be read as a file rather than looked up as a built-in id. */
export const isMissileFileArgument = (arg: string, io: Io): boolean =>
  FILE_PATTERN.test(arg) || io.isFile(arg);

export const resolveMissile = (arg: string, io: Io, flag = '--missile'): MissileDefinition => {
  if (isMissileFileArgument(arg, io)) {
    const text = readInputFile(io, arg, 'missile file', errorCodes.missileInvalid, flag);
    return parseMissileDefinition(text, arg);
  }
  return getCatalogMissile(arg);
};
