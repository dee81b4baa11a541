/**
 * `npm run bench -- p1 [--n N] [--threads T] [--csv FILE]`: benchmark P1 exactly as
 * ../shared/bench/propagation.md defines it. Prints one JSON line per thread count (1 and all
 * cores unless --threads is given). The timed part builds the initial states and propagates them;
 * a warm-up over the first 1,000 states runs first (reported as "warmup"); for several threads the
 * worker pool is started and warmed outside the timer. Accuracy is checked against the reference
 * CSV for the same run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import {
  compareP1,
  createP1Outputs,
  createP1Propagator,
  type P1Outputs,
  p1Csv,
  p1Settings,
  parseP1Reference,
} from './p1.js';

const WARMUP = 1000;

interface WorkerReply {
  start: number;
  tofS: Float64Array;
  impactLatDeg: Float64Array;
  impactLonDeg: Float64Array;
  apogeeM: Float64Array;
  rhsEvaluations: number;
}

const runThreads = async (n: number, threads: number, out: P1Outputs): Promise<number> => {
  const url = new URL('./worker.js', import.meta.url);
  const workers = Array.from({ length: threads }, () => new Worker(url));
  const send = (w: Worker, start: number, count: number): Promise<WorkerReply> =>
    new Promise((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
      w.postMessage({ start, count });
    });
  // Start and warm the pool outside the timer.
  await Promise.all(workers.map((w) => send(w, 0, Math.min(WARMUP, n))));
  const chunk = Math.ceil(n / threads);
  const t0 = performance.now();
  const replies = await Promise.all(
    workers.map((w, k) => send(w, k * chunk, Math.max(0, Math.min(chunk, n - k * chunk)))),
  );
  const seconds = (performance.now() - t0) / 1000;
  for (const r of replies) {
    out.tofS.set(r.tofS, r.start);
    out.impactLatDeg.set(r.impactLatDeg, r.start);
    out.impactLonDeg.set(r.impactLonDeg, r.start);
    out.apogeeM.set(r.apogeeM, r.start);
    out.rhsEvaluations += r.rhsEvaluations;
  }
  await Promise.all(workers.map((w) => w.terminate()));
  return seconds;
};

const runSingle = (n: number, out: P1Outputs): number => {
  const propagate = createP1Propagator();
  propagate(0, Math.min(WARMUP, n), createP1Outputs(Math.min(WARMUP, n)));
  const t0 = performance.now();
  propagate(0, n, out);
  return (performance.now() - t0) / 1000;
};

const main = async (): Promise<void> => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      n: { type: 'string', default: '10000' },
      threads: { type: 'string' },
      csv: { type: 'string' },
      reference: { type: 'string' },
    },
  });
  const name = positionals[0] ?? 'p1';
  if (name !== 'p1') {
    process.stderr.write(`unknown benchmark '${name}'; available: p1\n`);
    process.exit(2);
  }
  const n = Number(values.n);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--n must be a positive integer, got '${values.n}'\n`);
    process.exit(2);
  }
  const threadCounts =
    values.threads === undefined
      ? [...new Set([1, availableParallelism()])]
      : [Number(values.threads)];
  if (threadCounts.some((t) => !Number.isInteger(t) || t < 1)) {
    process.stderr.write(`--threads must be a positive integer, got '${values.threads}'\n`);
    process.exit(2);
  }
  const refPath =
    values.reference ?? new URL('../authorities/p1-reference.csv', import.meta.url).pathname;
  const reference = existsSync(refPath) ? parseP1Reference(readFileSync(refPath, 'utf8')) : null;
  for (const threads of threadCounts) {
    const out = createP1Outputs(n);
    const seconds = threads === 1 ? runSingle(n, out) : await runThreads(n, threads, out);
    const checked = reference !== null && reference.length >= n;
    const err = checked ? compareP1(out, reference, n) : null;
    process.stdout.write(
      `${JSON.stringify({
        benchmark: 'P1',
        n,
        threads,
        seconds: Number(seconds.toFixed(4)),
        trajectoriesPerSecond: Math.round(n / seconds),
        maxImpactErrorM: err?.maxImpactErrorM ?? null,
        maxTimeErrorS: err?.maxTimeErrorS ?? null,
        method: p1Settings.method,
        rtol: p1Settings.rtol,
        atol: p1Settings.atol,
        warmup: Math.min(WARMUP, n),
        rhsEvaluationsPerTrajectory: Number((out.rhsEvaluations / n).toFixed(1)),
      })}\n`,
    );
    if (values.csv !== undefined && threads === threadCounts[threadCounts.length - 1]) {
      writeFileSync(values.csv, p1Csv(out, n));
    }
  }
};

await main();
