/**
 * The built-in missiles: the missiles of the public catalog (catalog/missiles/, docs/catalog.md),
 * every one notional, each with its sources and notes saying what is estimated (est) or derived
 * (calc). This module keeps the names the rest of OpenBMD uses; the data lives in the catalog
 * files, validated by the missile format's schema when the catalog is parsed.
 *
 * Documented, with a table of key numbers, in docs/catalog.md and docs/missiles.md.
 */

import { catalogIds, getCatalogMissile } from '../catalog/catalog.js';
import type { MissileDefinition } from './missile.js';

export { LARGE_SOLID_DRAG_TABLE } from './drag-tables.js';

/** The built-in missiles (the catalog's), frozen, in the catalog's order (by id). */
export const builtinMissiles: ReadonlyArray<MissileDefinition> = Object.freeze(
  catalogIds('missile').map((id) => getCatalogMissile(id)),
);

/** The built-in missile with this id (case-insensitive), or undefined. */
export const findBuiltinMissile = (id: string): MissileDefinition | undefined => {
  const key = id.trim().toLowerCase();
  return builtinMissiles.find((m) => m.id === key);
};

/**
 * The built-in missile with this id. Throws OpenBmdError(E_MISSILE_UNKNOWN) naming the closest id
 * (edit distance) and listing all of them.
 */
export const getBuiltinMissile = (id: string): MissileDefinition => getCatalogMissile(id);
