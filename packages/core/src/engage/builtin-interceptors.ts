/**
 * The built-in interceptors: the interceptors of the public catalog (catalog/interceptors/,
 * docs/catalog.md), notional, each with its sources. All are in the parametric form (a burnout
 * speed and a burn time; docs/models/interceptors.md), because the burnout speed is the number the
 * public debate disputes; the stage model is the generic template scaled to it on the default
 * ('wgs84') model when this module loads.
 */

import { catalogIds, getCatalogInterceptor } from '../catalog/catalog.js';
import { errorCodes, OpenBmdError } from '../errors.js';
import { closestName } from '../scenario/yaml-problems.js';
import type { InterceptorDefinition } from './types.js';

/** The built-in interceptors (the catalog's), built (scaled to their burnout speeds) at load. */
export const builtinInterceptors: ReadonlyArray<InterceptorDefinition> = Object.freeze(
  catalogIds('interceptor').map((id) => getCatalogInterceptor(id)),
);

/** The built-in interceptor with this id (case-insensitive), or undefined. */
export const findBuiltinInterceptor = (id: string): InterceptorDefinition | undefined => {
  const key = id.trim().toLowerCase();
  return builtinInterceptors.find((d) => d.id === key);
};

/**
 * The built-in interceptor with this id. Throws OpenBmdError(E_INVALID_INPUT) naming the closest
 * id (edit distance) and listing all of them.
 */
export const getBuiltinInterceptor = (id: string): InterceptorDefinition => {
  const found = findBuiltinInterceptor(id);
  if (found !== undefined) return found;
  const ids = builtinInterceptors.map((d) => d.id);
  const hint = closestName(id.trim(), ids);
  throw new OpenBmdError(
    errorCodes.invalidInput,
    `no built-in interceptor '${id}'${hint === undefined ? '' : `; did you mean '${hint}'?`} Built-in interceptors: ${ids.join(', ')}.`,
    'interceptor',
  );
};
