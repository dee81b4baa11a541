/**
 * Small, dependable numerical searches used by aiming: bracketed root finding (Illinois regula
 * falsi, Dowell & Jarratt 1971, with a bisection guard), golden-section maximisation (Kiefer
 * 1953) and Nelder-Mead simplex maximisation (Nelder & Mead 1965, standard coefficients).
 */

/**
 * A root of f in [a, b] where f(a) and f(b) differ in sign; stops when the bracket is narrower
 * than tolX or |f| <= tolF. Returns the root estimate, or null if [a, b] does not bracket one.
 */
export const findRoot = (
  f: (x: number) => number,
  a: number,
  b: number,
  tolX: number,
  tolF = 0,
  maxIterations = 100,
  fa0?: number,
  fb0?: number,
): number | null => {
  let fa = fa0 ?? f(a);
  let fb = fb0 ?? f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (fa > 0 === fb > 0) return null;
  let side = 0;
  for (let i = 0; i < maxIterations; i++) {
    let m = (a * fb - b * fa) / (fb - fa);
    // Guard: fall back to bisection if the secant step is outside or too close to the ends.
    const w = b - a;
    if (!(m > a + 0.01 * w && m < b - 0.01 * w)) m = 0.5 * (a + b);
    const fm = f(m);
    if (Math.abs(fm) <= tolF) return m;
    if (fm > 0 === fb > 0) {
      b = m;
      fb = fm;
      if (side === -1) fa *= 0.5;
      side = -1;
    } else {
      a = m;
      fa = fm;
      if (side === 1) fb *= 0.5;
      side = 1;
    }
    if (Math.abs(b - a) <= tolX) return Math.abs(fa) < Math.abs(fb) ? a : b;
  }
  return Math.abs(fa) < Math.abs(fb) ? a : b;
};

/** The maximiser of a unimodal f on [a, b] by golden-section search, to tolX. */
export const goldenMaximum = (
  f: (x: number) => number,
  a: number,
  b: number,
  tolX: number,
): { x: number; value: number } => {
  const r = (Math.sqrt(5) - 1) / 2;
  let c = b - r * (b - a);
  let d = a + r * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (Math.abs(b - a) > tolX) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - r * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + r * (b - a);
      fd = f(d);
    }
  }
  return fc >= fd ? { x: c, value: fc } : { x: d, value: fd };
};

/**
 * Maximises f over R^n by the Nelder-Mead simplex from x0 with initial steps `step`; stops after
 * maxEvaluations or when the simplex's values agree to tolF and its size is below tolX.
 */
export const nelderMeadMaximum = (
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  step: readonly number[],
  options: { maxEvaluations: number; tolF: number; tolX: number },
): { x: number[]; value: number; evaluations: number } => {
  const n = x0.length;
  let evaluations = 0;
  const g = (x: readonly number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? -v : Number.POSITIVE_INFINITY; // minimise -f
  };
  const pts: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] = p[i]! + step[i]!;
    pts.push(p);
  }
  let vals = pts.map(g);
  while (evaluations < options.maxEvaluations) {
    const order = vals.map((_, i) => i).sort((i, j) => vals[i]! - vals[j]!);
    const sorted = order.map((i) => pts[i]!);
    vals = order.map((i) => vals[i]!);
    pts.splice(0, pts.length, ...sorted);
    const best = vals[0]!;
    const worst = vals[n]!;
    let size = 0;
    for (let i = 1; i <= n; i++) {
      for (let k = 0; k < n; k++) size = Math.max(size, Math.abs(pts[i]![k]! - pts[0]![k]!));
    }
    if (Math.abs(worst - best) <= options.tolF && size <= options.tolX) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) centroid[k]! += pts[i]![k]! / n;
    const along = (t: number) => centroid.map((c, k) => c + t * (pts[n]![k]! - c));
    const xr = along(-1);
    const fr = g(xr);
    if (fr < vals[0]!) {
      const xe = along(-2);
      const fe = g(xe);
      if (fe < fr) {
        pts[n] = xe;
        vals[n] = fe;
      } else {
        pts[n] = xr;
        vals[n] = fr;
      }
    } else if (fr < vals[n - 1]!) {
      pts[n] = xr;
      vals[n] = fr;
    } else {
      const outside = fr < vals[n]!;
      const xc = along(outside ? -0.5 : 0.5);
      const fc = g(xc);
      if (fc < (outside ? fr : vals[n]!)) {
        pts[n] = xc;
        vals[n] = fc;
      } else {
        for (let i = 1; i <= n; i++) {
          pts[i] = pts[i]!.map((v, k) => pts[0]![k]! + 0.5 * (v - pts[0]![k]!));
          vals[i] = g(pts[i]!);
        }
      }
    }
  }
  let bi = 0;
  for (let i = 1; i <= n; i++) if (vals[i]! < vals[bi]!) bi = i;
  return { x: pts[bi]!, value: -vals[bi]!, evaluations };
};
