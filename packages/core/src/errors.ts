/**
 * The catalogue of OpenBMD errors. Every error the core throws has a code from this list; tests
 * assert codes, never wording. The CLI maps every code to exit status 2 (bad input or an
 * impossible request) and the server to a 4xx reply; anything else is a bug.
 */

export const errorCodes = {
  /** A number outside the range the model accepts (latitude 95, altitude 2,000 km, speed < 0). */
  outOfRange: 'E_OUT_OF_RANGE',
  /** A value that is not a finite number, or is malformed. */
  invalidInput: 'E_INVALID_INPUT',
  /** Two settings that cannot be combined (a ballistic coefficient on an airless Earth). */
  modelConflict: 'E_MODEL_CONFLICT',
  /** A missile definition file that does not parse or does not validate. */
  missileInvalid: 'E_MISSILE_INVALID',
  /** A scenario file that does not parse, validate or resolve (every problem listed at once). */
  scenarioInvalid: 'E_SCENARIO_INVALID',
  /** A missile id that is not built in. */
  missileUnknown: 'E_MISSILE_UNKNOWN',
  /** An id that names no entry of the catalog (interceptor, radar, space sensor or site). */
  catalogUnknown: 'E_CATALOG_UNKNOWN',
  /** A catalog file that does not parse or validate (every problem listed with its file). */
  catalogInvalid: 'E_CATALOG_INVALID',
  /** The target lies beyond the missile's reach (or the requested apogee/flight time cannot be flown). */
  outOfReach: 'E_OUT_OF_REACH',
  /** An aiming or search problem that did not converge. */
  noConvergence: 'E_NO_CONVERGENCE',
  /** The flight never reaches the ground (orbit or escape) within the time limit. */
  noImpact: 'E_NO_IMPACT',
  /** The integrator could not keep its error within tolerance (step size underflow or step limit). */
  integrationFailed: 'E_INTEGRATION_FAILED',
} as const;

export type ErrorCode = (typeof errorCodes)[keyof typeof errorCodes];

/** A typed error of the core: a code from the catalogue, a plain message, and where it happened. */
export class OpenBmdError extends Error {
  readonly code: ErrorCode;
  /** Where the problem is: a flag, a file path with a field path, or a model name. */
  readonly path: string | undefined;

  constructor(code: ErrorCode, message: string, path?: string) {
    super(path === undefined ? message : `${path}: ${message}`);
    this.name = 'OpenBmdError';
    this.code = code;
    this.path = path;
  }
}

export const isOpenBmdError = (e: unknown): e is OpenBmdError => e instanceof OpenBmdError;

/** Throws E_INVALID_INPUT unless x is a finite number; returns x. */
export const requireFinite = (x: number, path: string): number => {
  if (!Number.isFinite(x)) {
    throw new OpenBmdError(errorCodes.invalidInput, `expected a finite number, got ${x}`, path);
  }
  return x;
};

/** Throws E_OUT_OF_RANGE unless lo <= x <= hi (and finite); returns x. */
export const requireInRange = (
  x: number,
  lo: number,
  hi: number,
  unit: string,
  path: string,
): number => {
  requireFinite(x, path);
  if (x < lo || x > hi) {
    throw new OpenBmdError(
      errorCodes.outOfRange,
      `${x} ${unit} is outside the allowed range ${lo} to ${hi} ${unit}`,
      path,
    );
  }
  return x;
};
