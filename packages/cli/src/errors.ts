/**
 * Exit codes and the one-line error report. Core errors (OpenBmdError, a code from the core's
 * catalogue) and commander's usage errors are bad input: exit 2. Anything else is a bug: exit 70.
 */
import { errorCodes, isOpenBmdError, OpenBmdError } from '@openbmd/core';
import type { OutputStream } from './io.js';

export const exitCodes = {
  ok: 0,
  /** `openbmd validate`: at least one validation case failed. */
  validationFailed: 1,
  /** Bad input or an impossible request (every core error code, every usage error). */
  badInput: 2,
  /** A bug: an unexpected exception or a non-finite number in a result (EX_SOFTWARE). */
  internal: 70,
} as const;

/** Code of the CLI's own bug reports (not in the core's catalogue: it is never the user's fault). */
export const INTERNAL_ERROR_CODE = 'E_INTERNAL';

/** A bug found by the CLI itself (a NaN about to be printed, a core function missing). */
export class InternalError extends Error {
  readonly code: string;
  constructor(message: string, code: string = INTERNAL_ERROR_CODE) {
    super(message);
    this.name = 'InternalError';
    this.code = code;
  }
}

/** An input error with the flag it concerns, as the core would throw it. */
export const inputError = (message: string, flag: string): OpenBmdError =>
  new OpenBmdError(errorCodes.invalidInput, message, flag);

/**
 * Writes `openbmd: error: <message> [CODE]` to stderr and returns the exit code. The message is
 * one line; a missile file with several problems adds one indented line per problem after it.
 */
export const reportError = (e: unknown, stderr: OutputStream): number => {
  if (isOpenBmdError(e)) {
    writeError(stderr, withFlagName(e), e.code);
    return exitCodes.badInput;
  }
  if (e instanceof InternalError) {
    writeError(stderr, `${e.message} (this is a bug in OpenBMD; please report it)`, e.code);
    return exitCodes.internal;
  }
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  writeError(
    stderr,
    `unexpected ${message} (this is a bug in OpenBMD; please report it)`,
    INTERNAL_ERROR_CODE,
  );
  return exitCodes.internal;
};

/** Core error paths that correspond to a flag of the command, named as the user typed them. */
const flagOfCorePath: Readonly<Record<string, string>> = {
  to: '--to',
  apogee: '--apogee-km',
  flightTime: '--flight-time-s',
  missDistanceM: '--miss-distance-m',
  ballisticCoefficientKgM2: '--ballistic-coefficient-kgm2',
  fidelity: '--fidelity',
};

/** The error's message with the core's path replaced by the flag it came from, where there is one. */
const withFlagName = (e: OpenBmdError): string => {
  const flag = e.path === undefined ? undefined : flagOfCorePath[e.path];
  if (flag === undefined || !e.message.startsWith(`${e.path}: `)) return e.message;
  return `${flag}: ${e.message.slice(e.path!.length + 2)}`;
};

export const writeError = (stderr: OutputStream, message: string, code: string): void => {
  const [first = '', ...rest] = message.trim().split('\n');
  const tail = rest.length === 0 ? '' : `\n${rest.join('\n')}`;
  stderr.write(`openbmd: error: ${first} [${code}]${tail}\n`);
};
