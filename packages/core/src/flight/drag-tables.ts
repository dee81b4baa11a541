/**
 * Drag tables of Forden's GUI_Missile_Flyout (G. Forden, Science & Global Security 15, 2007) that
 * the code itself needs. The catalog's missile files (catalog/missiles/) carry their own tables
 * inline, in the missile format; this one is also the drag of the parametric interceptor template
 * (engage/interceptor.ts), and a test holds the catalog's Minuteman III tables equal to it.
 */

/**
 * Drag coefficient of a large solid missile (Minuteman/Trident class) against Mach number, as
 * tabulated in Forden's GUI_Missile_Flyout (Science & Global Security 15, 2007).
 */
export const LARGE_SOLID_DRAG_TABLE: ReadonlyArray<readonly [number, number]> = Object.freeze(
  (
    [
      [0, 0.1007],
      [0.5, 0.1099],
      [0.7, 0.1286],
      [0.8, 0.1486],
      [0.9, 0.1825],
      [1.0, 0.2402],
      [1.05, 0.2814],
      [1.1, 0.3229],
      [1.15, 0.3535],
      [1.2, 0.3618],
      [1.4, 0.3358],
      [1.6, 0.3117],
      [1.8, 0.2891],
      [2.0, 0.2682],
      [2.5, 0.2226],
      [3.0, 0.1859],
      [3.5, 0.1571],
      [4.0, 0.1354],
      [4.5, 0.1198],
      [5.5, 0.1035],
      [6.0, 0.101],
    ] as const
  ).map((row) => Object.freeze([row[0], row[1]] as const)),
);
