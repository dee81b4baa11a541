/** `--missile ID|FILE`: a built-in id, or a YAML/JSON missile definition file. */
import {
  errorCodes,
  getBuiltinMissile,
  type MissileDefinition,
  OpenBmdError,
  parseMissileDefinition,
} from '@openbmd/core';
import type { Io } from './io.js';

const FILE_PATTERN = /\.(ya?ml|json)$/i;

/** True if the argument is to be read as a file rather than looked up as a built-in id. */
export const isMissileFileArgument = (arg: string, io: Io): boolean =>
  FILE_PATTERN.test(arg) || io.isFile(arg);

export const resolveMissile = (arg: string, io: Io, flag = '--missile'): MissileDefinition => {
  if (isMissileFileArgument(arg, io)) {
    let text: string;
    try {
      text = io.readTextFile(arg);
    } catch (e) {
      const reason =
        e !== null && typeof e === 'object' && 'code' in e && e.code === 'ENOENT'
          ? 'no such file'
          : e instanceof Error
            ? e.message
            : String(e);
      throw new OpenBmdError(
        errorCodes.missileInvalid,
        `cannot read the missile file '${arg}': ${reason}`,
        flag,
      );
    }
    return parseMissileDefinition(text, arg);
  }
  return getBuiltinMissile(arg);
};
