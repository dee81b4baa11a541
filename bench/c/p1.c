/*
 * Benchmark P1 (shared/bench/propagation.md) in C: the yardstick for OpenBMD's TypeScript
 * propagator. The same scheme as bench/src/p1.ts: Dormand-Prince 5(4) (Hairer's DOPRI5 step
 * control), Shampine's dense output, the impact (h = 0) and apogee (r . v = 0) located on the dense
 * output by Illinois regula falsi. Never a dependency of the product: built and run by
 * `npm run bench -- p1 --compare-c` with the machine's gcc (-O3 -march=native).
 *
 * Usage: p1 N RTOL ATOL THREADS [CSV]   prints one JSON line on stdout.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define GM 3.986004418e14
#define RE 6378137.0
#define J2 1.08262668e-3
#define OMEGA 7.2921150e-5
#define BETA 5000.0
#define RHO0 1.225
#define HSCALE 7200.0
#define DEG (M_PI / 180.0)

typedef struct {
  double tof, lat, lon, apogee;
  long evals;
} Result;

static inline void rhs(const double *y, double *f) {
  double x = y[0], yy = y[1], z = y[2];
  double r2 = x * x + yy * yy + z * z, r = sqrt(r2);
  double gmr3 = GM / (r2 * r);
  double k = 1.5 * J2 * RE * RE / r2, zz = z * z / r2;
  double hor = gmr3 * (1 + k * (1 - 5 * zz));
  double vx = y[3] + OMEGA * yy, vy = y[4] - OMEGA * x, vz = y[5];
  double rho = RHO0 * exp(-(r - RE) / HSCALE);
  double d = rho * sqrt(vx * vx + vy * vy + vz * vz) / (2 * BETA);
  f[0] = y[3];
  f[1] = y[4];
  f[2] = y[5];
  f[3] = -hor * x - d * vx;
  f[4] = -hor * yy - d * vy;
  f[5] = -gmr3 * z * (1 + k * (3 - 5 * zz)) - d * vz;
}

static inline double g_impact(const double *y) { return sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]) - RE; }
static inline double g_apogee(const double *y) { return y[0] * y[3] + y[1] * y[4] + y[2] * y[5]; }

static const double c2 = 1.0 / 5, c3 = 3.0 / 10, c4 = 4.0 / 5, c5 = 8.0 / 9;
static const double a21 = 1.0 / 5, a31 = 3.0 / 40, a32 = 9.0 / 40, a41 = 44.0 / 45, a42 = -56.0 / 15,
                    a43 = 32.0 / 9, a51 = 19372.0 / 6561, a52 = -25360.0 / 2187, a53 = 64448.0 / 6561,
                    a54 = -212.0 / 729, a61 = 9017.0 / 3168, a62 = -355.0 / 33, a63 = 46732.0 / 5247,
                    a64 = 49.0 / 176, a65 = -5103.0 / 18656, a71 = 35.0 / 384, a73 = 500.0 / 1113,
                    a74 = 125.0 / 192, a75 = -2187.0 / 6784, a76 = 11.0 / 84;
static const double e1 = 71.0 / 57600, e3 = -71.0 / 16695, e4 = 71.0 / 1920, e5 = -17253.0 / 339200,
                    e6 = 22.0 / 525, e7 = -1.0 / 40;
static const double d1 = -12715105075.0 / 11282082432, d3 = 87487479700.0 / 32700410799,
                    d4 = -10690763975.0 / 1880347072, d5 = 701980252875.0 / 199316789632,
                    d6 = -1453857185.0 / 822651844, d7 = 69997945.0 / 29380423;

static inline void dense_eval(const double rc[5][6], double th, double *out) {
  double th1 = 1 - th;
  for (int i = 0; i < 6; i++)
    out[i] = rc[0][i] + th * (rc[1][i] + th1 * (rc[2][i] + th * (rc[3][i] + th1 * rc[4][i])));
}

/* Illinois regula falsi on the dense output for event function g between theta 0 and 1. */
static double locate(const double rc[5][6], double (*g)(const double *), double g0, double g1, double tol) {
  double a = 0, b = 1, ga = g0, gb = g1, y[6];
  int side = 0;
  for (int it = 0; it < 100; it++) {
    double m = (a * gb - b * ga) / (gb - ga);
    if (!(m > a && m < b)) m = 0.5 * (a + b);
    dense_eval(rc, m, y);
    double gm = g(y);
    if (gm == 0) return m;
    if ((gm > 0) == (gb > 0)) {
      b = m; gb = gm; if (side == -1) ga *= 0.5; side = -1;
    } else {
      a = m; ga = gm; if (side == 1) gb *= 0.5; side = 1;
    }
    if (b - a <= tol) break;
  }
  return b;
}

static void initial_state(long i, double *y) {
  double k = (double)(i + 1);
#define FRAC(x) ((x) - floor(x))
  double lat = (-60 + 120 * FRAC(0.6180339887 * k)) * DEG;
  double lon = (-180 + 360 * FRAC(0.7548776662 * k)) * DEG;
  double v = 3000 + 4000 * FRAC(0.3247179572 * k);
  double gam = (20 + 25 * FRAC(0.4142135624 * k)) * DEG;
  double az = (360 * FRAC(0.5698402910 * k)) * DEG;
  double r = RE + 150000.0;
  double cl = cos(lat), sl = sin(lat), co = cos(lon), so = sin(lon);
  double ve = v * cos(gam) * sin(az), vn = v * cos(gam) * cos(az), vu = v * sin(gam);
  y[0] = r * cl * co; y[1] = r * cl * so; y[2] = r * sl;
  y[3] = -so * ve - sl * co * vn + cl * co * vu - OMEGA * y[1];
  y[4] = co * ve - sl * so * vn + cl * so * vu + OMEGA * y[0];
  y[5] = cl * vn + sl * vu;
}

static void propagate(long i, double rtol, double atol, Result *res) {
  double y[6], y1[6], yt[6], k1[6], k2[6], k3[6], k4[6], k5[6], k6[6], k7[6], rc[5][6];
  initial_state(i, y);
  rhs(y, k1);
  long evals = 1;
  double t = 0, h, err, facold = 1e-4;
  int reject = 0;
  /* Hairer's HINIT */
  {
    double d0 = 0, dd1 = 0;
    for (int j = 0; j < 6; j++) {
      double sk = atol + rtol * fabs(y[j]);
      d0 += (y[j] / sk) * (y[j] / sk);
      dd1 += (k1[j] / sk) * (k1[j] / sk);
    }
    d0 = sqrt(d0 / 6); dd1 = sqrt(dd1 / 6);
    h = (d0 < 1e-10 || dd1 < 1e-10) ? 1e-6 : 0.01 * d0 / dd1;
    for (int j = 0; j < 6; j++) yt[j] = y[j] + h * k1[j];
    rhs(yt, k2); evals++;
    double d2 = 0;
    for (int j = 0; j < 6; j++) {
      double sk = atol + rtol * fabs(y[j]);
      d2 += ((k2[j] - k1[j]) / sk) * ((k2[j] - k1[j]) / sk);
    }
    d2 = sqrt(d2 / 6) / h;
    double dm = dd1 > d2 ? dd1 : d2;
    double h1 = dm <= 1e-15 ? fmax(1e-6, h * 1e-3) : pow(0.01 / dm, 0.2);
    h = fmin(100 * h, h1);
  }
  double gi0 = g_impact(y), ga0 = g_apogee(y);
  double apogee = gi0;
  const double expo = 0.2 - 0.04 * 0.75;
  for (;;) {
    for (int j = 0; j < 6; j++) yt[j] = y[j] + h * a21 * k1[j];
    rhs(yt, k2);
    for (int j = 0; j < 6; j++) yt[j] = y[j] + h * (a31 * k1[j] + a32 * k2[j]);
    rhs(yt, k3);
    for (int j = 0; j < 6; j++) yt[j] = y[j] + h * (a41 * k1[j] + a42 * k2[j] + a43 * k3[j]);
    rhs(yt, k4);
    for (int j = 0; j < 6; j++) yt[j] = y[j] + h * (a51 * k1[j] + a52 * k2[j] + a53 * k3[j] + a54 * k4[j]);
    rhs(yt, k5);
    for (int j = 0; j < 6; j++)
      yt[j] = y[j] + h * (a61 * k1[j] + a62 * k2[j] + a63 * k3[j] + a64 * k4[j] + a65 * k5[j]);
    rhs(yt, k6);
    for (int j = 0; j < 6; j++)
      y1[j] = y[j] + h * (a71 * k1[j] + a73 * k3[j] + a74 * k4[j] + a75 * k5[j] + a76 * k6[j]);
    rhs(y1, k7);
    evals += 6;
    err = 0;
    for (int j = 0; j < 6; j++) {
      double sk = atol + rtol * fmax(fabs(y[j]), fabs(y1[j]));
      double e = h * (e1 * k1[j] + e3 * k3[j] + e4 * k4[j] + e5 * k5[j] + e6 * k6[j] + e7 * k7[j]) / sk;
      err += e * e;
    }
    err = sqrt(err / 6);
    double fac11 = pow(err, expo);
    if (err <= 1.0) {
      double fac = fac11 / pow(facold, 0.04);
      fac = fmax(0.1, fmin(5.0, fac / 0.9));
      double hnew = h / fac;
      if (reject) hnew = fmin(hnew, h);
      facold = fmax(err, 1e-4);
      reject = 0;
      double gi1 = g_impact(y1), ga1 = g_apogee(y1);
      int impact = gi0 > 0 && gi1 <= 0, apo = ga0 > 0 && ga1 <= 0;
      if (impact || apo) {
        for (int j = 0; j < 6; j++) {
          double ydiff = y1[j] - y[j], bspl = h * k1[j] - ydiff;
          rc[0][j] = y[j]; rc[1][j] = ydiff; rc[2][j] = bspl; rc[3][j] = ydiff - h * k7[j] - bspl;
          rc[4][j] = h * (d1 * k1[j] + d3 * k3[j] + d4 * k4[j] + d5 * k5[j] + d6 * k6[j] + d7 * k7[j]);
        }
      }
      double ti = 2;
      if (impact) ti = locate(rc, g_impact, gi0, gi1, 1e-7 / h);
      if (apo) {
        double ta = locate(rc, g_apogee, ga0, ga1, 1e-7 / h);
        if (ta <= ti) {
          double ya[6];
          dense_eval(rc, ta, ya);
          double ha = g_impact(ya);
          if (ha > apogee) apogee = ha;
        }
      }
      if (impact) {
        double yi[6];
        dense_eval(rc, ti, yi);
        double tof = t + ti * h;
        res->tof = tof;
        res->lat = atan2(yi[2], sqrt(yi[0] * yi[0] + yi[1] * yi[1])) / DEG;
        double lon = (atan2(yi[1], yi[0]) - OMEGA * tof) / DEG;
        res->lon = fmod(fmod(lon + 180, 360) + 360, 360) - 180;
        res->apogee = apogee;
        res->evals = evals;
        return;
      }
      for (int j = 0; j < 6; j++) { y[j] = y1[j]; k1[j] = k7[j]; }
      gi0 = gi1; ga0 = ga1;
      t += h;
      h = hnew;
    } else {
      h = h / fmin(5.0, fac11 / 0.9);
      reject = 1;
    }
  }
}

typedef struct {
  long start, count;
  double rtol, atol;
  Result *out;
} Chunk;

static void *run_chunk(void *p) {
  Chunk *c = (Chunk *)p;
  for (long i = 0; i < c->count; i++) propagate(c->start + i, c->rtol, c->atol, &c->out[c->start + i]);
  return NULL;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: p1 N RTOL ATOL THREADS [CSV]\n");
    return 2;
  }
  long n = atol(argv[1]);
  double rtol = atof(argv[2]), atol_ = atof(argv[3]);
  int threads = atoi(argv[4]);
  Result *out = calloc(n, sizeof(Result));
  /* Warm-up over the first 1,000 states, as the TypeScript run does. */
  Chunk warm = {0, n < 1000 ? n : 1000, rtol, atol_, out};
  run_chunk(&warm);
  pthread_t tid[64];
  Chunk chunks[64];
  long per = (n + threads - 1) / threads;
  double t0 = now();
  for (int k = 0; k < threads; k++) {
    long s = k * per, cnt = s + per > n ? n - s : per;
    chunks[k] = (Chunk){s, cnt < 0 ? 0 : cnt, rtol, atol_, out};
    pthread_create(&tid[k], NULL, run_chunk, &chunks[k]);
  }
  for (int k = 0; k < threads; k++) pthread_join(tid[k], NULL);
  double sec = now() - t0;
  long evals = 0;
  for (long i = 0; i < n; i++) evals += out[i].evals;
  if (argc > 5) {
    FILE *f = fopen(argv[5], "w");
    fprintf(f, "i,tof_s,impact_lat_deg,impact_lon_deg,apogee_m\n");
    for (long i = 0; i < n; i++) fprintf(f, "%ld,%.17g,%.17g,%.17g,%.17g\n", i, out[i].tof, out[i].lat, out[i].lon, out[i].apogee);
    fclose(f);
  }
  printf("{\"benchmark\":\"P1\",\"implementation\":\"c\",\"n\":%ld,\"threads\":%d,\"seconds\":%.4f,\"trajectoriesPerSecond\":%.0f,\"rtol\":%g,\"atol\":%g,\"rhsEvaluationsPerTrajectory\":%.1f}\n",
         n, threads, sec, n / sec, rtol, atol_, (double)evals / n);
  free(out);
  return 0;
}
