/**
 * Bounded one-dimensional minimisation for aiming: the least of a function on a coarse grid
 * brackets the minimum (so a function with several dips is not trusted to be unimodal), then
 * Brent's method (golden section with parabolic interpolation; R. P. Brent, Algorithms for
 * Minimization without Derivatives, Prentice-Hall 1973, ch. 5, procedure `localmin`) refines it
 * inside the bracket. Every value is computed once: the grid point at the bracket's middle starts
 * Brent's search.
 */

export interface GridMinimum {
  /** The best point found, and its value. */
  readonly x: number;
  readonly value: number;
  /** Number of evaluations of f (grid and refinement). */
  readonly evaluations: number;
}

const GOLDEN = (3 - Math.sqrt(5)) / 2;

/**
 * Minimises f over [grid[0], grid[n-1]]: f on the grid (ascending, at least 2 points), the
 * bracket [grid[i-1], grid[i+1]] around the least grid value, then Brent's method to an absolute
 * tolerance tolX (at most maxEvaluations refinement steps). f is evaluated in `order` (indices
 * into the grid; default ascending) so a caller can warm-start each evaluation from a neighbour.
 * The answer is the least value seen, which a noisy f cannot make worse than the grid's.
 */
export const gridBrentMinimum = (
  f: (x: number) => number,
  grid: readonly number[],
  tolX: number,
  options: { readonly order?: readonly number[]; readonly maxEvaluations?: number } = {},
): GridMinimum => {
  const n = grid.length;
  if (n < 2) throw new Error('gridBrentMinimum needs at least two grid points');
  let evaluations = 0;
  let bestX = Number.NaN;
  let bestF = Number.POSITIVE_INFINITY;
  const g = (x: number): number => {
    evaluations++;
    const v = f(x);
    const value = Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
    if (value < bestF || Number.isNaN(bestX)) {
      bestF = value;
      bestX = x;
    }
    return value;
  };
  const values = new Array<number>(n).fill(Number.NaN);
  const order = options.order ?? grid.map((_, i) => i);
  for (const i of order) values[i] = g(grid[i]!);
  for (let i = 0; i < n; i++) if (Number.isNaN(values[i]!)) values[i] = g(grid[i]!);
  let iMin = 0;
  for (let i = 1; i < n; i++) if (values[i]! < values[iMin]!) iMin = i;

  let a = grid[Math.max(0, iMin - 1)]!;
  let b = grid[Math.min(n - 1, iMin + 1)]!;
  // Start inside the bracket: the least grid point, or the middle when it is at an end.
  let x: number;
  let fx: number;
  if (iMin > 0 && iMin < n - 1) {
    x = grid[iMin]!;
    fx = values[iMin]!;
  } else {
    x = 0.5 * (a + b);
    fx = g(x);
  }
  let w = x;
  let v = x;
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  const maxEvaluations = options.maxEvaluations ?? 40;
  for (let k = 0; k < maxEvaluations; k++) {
    const xm = 0.5 * (a + b);
    const tol1 = tolX / 2;
    const tol2 = 2 * tol1;
    if (Math.abs(x - xm) <= tol2 - 0.5 * (b - a)) break;
    let golden = true;
    if (Math.abs(e) > tol1) {
      // Parabola through (v, fv), (w, fw), (x, fx).
      const r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      q = Math.abs(q);
      const eOld = e;
      e = d;
      if (Math.abs(p) < Math.abs(0.5 * q * eOld) && p > q * (a - x) && p < q * (b - x)) {
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = xm >= x ? tol1 : -tol1;
        golden = false;
      }
    }
    if (golden) {
      e = x >= xm ? a - x : b - x;
      d = GOLDEN * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d >= 0 ? tol1 : -tol1);
    const fu = g(u);
    if (fu <= fx) {
      if (u >= x) a = x;
      else b = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x: bestX, value: bestF, evaluations };
};
