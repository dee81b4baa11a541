/**
 * Dormand-Prince 5(4) coefficients with Shampine's (1986) fourth-order dense output, as in
 * Hairer, Norsett & Wanner, "Solving Ordinary Differential Equations I" (2nd ed., 1993),
 * table II.5.2 and the code DOPRI5 (contd5). Fifth-order solution, fourth-order error estimate,
 * FSAL: the seventh stage is the first stage of the next step.
 */
export const C2 = 1 / 5;
export const C3 = 3 / 10;
export const C4 = 4 / 5;
export const C5 = 8 / 9;
export const A21 = 1 / 5;
export const A31 = 3 / 40;
export const A32 = 9 / 40;
export const A41 = 44 / 45;
export const A42 = -56 / 15;
export const A43 = 32 / 9;
export const A51 = 19372 / 6561;
export const A52 = -25360 / 2187;
export const A53 = 64448 / 6561;
export const A54 = -212 / 729;
export const A61 = 9017 / 3168;
export const A62 = -355 / 33;
export const A63 = 46732 / 5247;
export const A64 = 49 / 176;
export const A65 = -5103 / 18656;
export const A71 = 35 / 384;
export const A73 = 500 / 1113;
export const A74 = 125 / 192;
export const A75 = -2187 / 6784;
export const A76 = 11 / 84;
/** Error weights: fifth-order minus fourth-order solution. */
export const E1 = 71 / 57600;
export const E3 = -71 / 16695;
export const E4 = 71 / 1920;
export const E5 = -17253 / 339200;
export const E6 = 22 / 525;
export const E7 = -1 / 40;
/** Dense output (Shampine 1986). */
export const D1 = -12715105075 / 11282082432;
export const D3 = 87487479700 / 32700410799;
export const D4 = -10690763975 / 1880347072;
export const D5 = 701980252875 / 199316789632;
export const D6 = -1453857185 / 822651844;
export const D7 = 69997945 / 29380423;
