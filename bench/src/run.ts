/**
 * `npm run bench -- p1|engage [--n N] [--threads T] [--csv FILE] [--runs R] [--no-c]`. P1 exactly as
 * ../shared/bench/propagation.md defines it. Prints one JSON line per thread count (1 and all
 * cores unless --threads is given). The timed part builds the initial states and propagates them;
 * a warm-up over the first 1,000 states runs first (reported as "warmup"); for several threads the
 * worker pool is started and warmed outside the timer. Accuracy is checked against the reference
 * CSV for the same run. "engage": see engage.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { Trajectory } from '@openbmd/core';
import { Piscina } from 'piscina';
import { ENGAGE_THREATS, engageGrid } from './engage.js';
import {
  compareP1,
  createP1Outputs,
  createP1Propagator,
  type P1Outputs,
  p1Csv,
  p1Settings,
  parseP1Reference,
} from './p1.js';
import type { P1Chunk } from './worker.js';

const WARMUP = 1000;

/**
 * Passes over the first WARMUP states that warm each pool thread before the timer starts (the
 * spec's "worker pool is started and warmed outside the timer"): a fresh worker thread's JIT needs
 * a few before it reaches its steady speed. The single-thread run makes one pass, as the spec allows.
 */
const POOL_WARMUP_PASSES = 3;

const runThreads = async (n: number, threads: number, out: P1Outputs): Promise<number> => {
  const pool = new Piscina<P1Chunk, Float64Array>({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
  });
  try {
    // Start the pool and warm every thread on the first states, outside the timer: wait until
    // every thread is up, so each warm-up task lands on a thread of its own.
    while (pool.idleThreads < threads) await new Promise((r) => setTimeout(r, 5));
    const warm = Math.min(WARMUP, n);
    for (let pass = 0; pass < POOL_WARMUP_PASSES; pass++) {
      await Promise.all(Array.from({ length: threads }, () => pool.run({ start: 0, count: warm })));
    }
    // Four tasks a thread: balanced when one thread runs slower, few enough to cost nothing.
    const chunk = Math.ceil(n / (4 * threads));
    const t0 = performance.now();
    const tasks: Promise<void>[] = [];
    for (let start = 0; start < n; start += chunk) {
      const count = Math.min(chunk, n - start);
      tasks.push(
        pool.run({ start, count }).then((packed) => {
          out.tofS.set(packed.subarray(0, count), start);
          out.impactLatDeg.set(packed.subarray(count, 2 * count), start);
          out.impactLonDeg.set(packed.subarray(2 * count, 3 * count), start);
          out.apogeeM.set(packed.subarray(3 * count, 4 * count), start);
          out.rhsEvaluations += packed[4 * count]!;
        }),
      );
    }
    await Promise.all(tasks);
    const seconds = (performance.now() - t0) / 1000;
    return seconds;
  } finally {
    await pool.destroy();
  }
};

const runSingle = (n: number, out: P1Outputs): number => {
  const propagate = createP1Propagator();
  const warm = Math.min(WARMUP, n);
  propagate(0, warm, createP1Outputs(warm));
  const t0 = performance.now();
  propagate(0, n, out);
  return (performance.now() - t0) / 1000;
};

interface RunResult {
  readonly seconds: number;
  readonly out: P1Outputs;
}

/** One timed run in this process (the parent starts a fresh process for each run). */
const runOnce = async (n: number, threads: number): Promise<RunResult> => {
  const out = createP1Outputs(n);
  const seconds = threads === 1 ? runSingle(n, out) : await runThreads(n, threads, out);
  return { seconds, out };
};

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : 0.5 * (s[m - 1]! + s[m]!);
};

const here = fileURLToPath(import.meta.url);

/** Runs this script with --one-run in a fresh Node process; returns its JSON line. */
const runInFreshProcess = (n: number, threads: number, csv: string | undefined) => {
  const args = [here, 'p1', '--one-run', '--n', String(n), '--threads', String(threads)];
  if (csv !== undefined) args.push('--csv', csv);
  const text = execFileSync(process.execPath, args, { encoding: 'utf8' });
  return JSON.parse(text.trim()) as {
    seconds: number;
    maxImpactErrorM: number | null;
    maxTimeErrorS: number | null;
    rhsEvaluationsPerTrajectory: number;
  };
};

/**
 * The C yardstick (bench/c/p1.c, the same scheme; never a dependency of the product): built here
 * with the machine's gcc at -O3 -march=native when its source is newer than the binary. Returns
 * null when there is no gcc.
 */
const buildC = (): string | null => {
  const dir = fileURLToPath(new URL('../c/', import.meta.url));
  const src = `${dir}p1.c`;
  const bin = `${dir}p1`;
  if (existsSync(bin) && statSync(bin).mtimeMs >= statSync(src).mtimeMs) return bin;
  try {
    execFileSync('gcc', ['-O3', '-march=native', '-o', bin, src, '-lm', '-lpthread'], {
      stdio: 'pipe',
    });
    return bin;
  } catch {
    process.stderr.write('gcc not available: the C yardstick is skipped\n');
    return null;
  }
};

const runC = (bin: string, n: number, threads: number, csv: string | undefined) => {
  const args = [String(n), String(p1Settings.rtol), String(p1Settings.atol), String(threads)];
  if (csv !== undefined) args.push(csv);
  return JSON.parse(execFileSync(bin, args, { encoding: 'utf8' }).trim()) as {
    seconds: number;
    rhsEvaluationsPerTrajectory: number;
  };
};

/** Runs one request on a worker and resolves with its reply. */
const ask = <T>(w: Worker, message: unknown): Promise<T> =>
  new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
    w.postMessage(message);
  });

/**
 * Benchmark "engage": prints one JSON line per thread count. The threats are flown first (on all
 * cores, outside the timer): grid points whose target is out of their missile's reach are skipped
 * until ENGAGE_THREATS threats are ready.
 */
const runEngageBenchmark = async (threadCounts: readonly number[], runs: number): Promise<void> => {
  const cores = availableParallelism();
  const url = new URL('./engage-worker.js', import.meta.url);
  const flyers = Array.from({ length: cores }, () => new Worker(url));
  const ready: Trajectory[] = [];
  let offset = 0;
  try {
    while (ready.length < ENGAGE_THREATS) {
      const batch = engageGrid(offset + 200).slice(offset);
      offset += batch.length;
      const per = Math.ceil(batch.length / cores);
      const results = await Promise.all(
        flyers.map((w, k) =>
          ask<(Trajectory | null)[]>(w, {
            cmd: 'fly',
            points: batch.slice(k * per, (k + 1) * per),
          }),
        ),
      );
      for (const t of results.flat())
        if (t !== null && ready.length < ENGAGE_THREATS) ready.push(t);
      if (offset > 20 * ENGAGE_THREATS) throw new Error('too few grid points can reach Washington');
    }
  } finally {
    await Promise.all(flyers.map((w) => w.terminate()));
  }
  for (const threads of threadCounts) {
    const workers = Array.from({ length: threads }, () => new Worker(url));
    try {
      const per = Math.ceil(ready.length / threads);
      await Promise.all(
        workers.map((w, k) =>
          ask(w, { cmd: 'load', trajectories: ready.slice(k * per, (k + 1) * per) }),
        ),
      );
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        const t0 = performance.now();
        await Promise.all(workers.map((w) => ask<number>(w, { cmd: 'run' })));
        times.push((performance.now() - t0) / 1000);
      }
      const seconds = median(times);
      process.stdout.write(
        `${JSON.stringify({
          benchmark: 'engage',
          threats: ready.length,
          threads,
          seconds: Number(seconds.toFixed(4)),
          engagementsPerSecond: Math.round(ready.length / seconds),
          runs,
        })}\n`,
      );
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }
};

const main = async (): Promise<void> => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      n: { type: 'string', default: '10000' },
      threads: { type: 'string' },
      csv: { type: 'string' },
      reference: { type: 'string' },
      runs: { type: 'string' },
      'no-c': { type: 'boolean', default: false },
      'one-run': { type: 'boolean', default: false },
    },
  });
  const name = positionals[0] ?? 'p1';
  if (name !== 'p1' && name !== 'engage') {
    process.stderr.write(`unknown benchmark '${name}'; available: p1, engage\n`);
    process.exit(2);
  }
  const n = Number(values.n);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--n must be a positive integer, got '${values.n}'\n`);
    process.exit(2);
  }
  // P1: median of 5 fresh-process runs (issue 3); engage: median of 3 in-process runs.
  const runs = Number(values.runs ?? (name === 'engage' ? 3 : 5));
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write(`--runs must be a positive integer, got '${values.runs}'\n`);
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
  if (name === 'engage') {
    await runEngageBenchmark(threadCounts, runs);
    return;
  }
  const refPath =
    values.reference ?? new URL('../authorities/p1-reference.csv', import.meta.url).pathname;
  const reference = existsSync(refPath) ? parseP1Reference(readFileSync(refPath, 'utf8')) : null;
  const accuracyOf = (out: P1Outputs) =>
    reference !== null && reference.length >= n ? compareP1(out, reference, n) : null;

  if (values['one-run']) {
    const threads = threadCounts[0]!;
    const { seconds, out } = await runOnce(n, threads);
    const err = accuracyOf(out);
    if (values.csv !== undefined) writeFileSync(values.csv, p1Csv(out, n));
    process.stdout.write(
      `${JSON.stringify({ seconds, maxImpactErrorM: err?.maxImpactErrorM ?? null, maxTimeErrorS: err?.maxTimeErrorS ?? null, rhsEvaluationsPerTrajectory: out.rhsEvaluations / n })}\n`,
    );
    return;
  }

  const cBin = values['no-c'] ? null : buildC();
  const tmp = mkdtempSync(join(tmpdir(), 'openbmd-p1-'));
  try {
    for (const threads of threadCounts) {
      // Each run in a fresh process: start-up, warm-up and JIT state are the same for every run.
      const csvLast =
        values.csv !== undefined && threads === threadCounts.at(-1) ? values.csv : undefined;
      const results = Array.from({ length: runs }, (_, r) =>
        runInFreshProcess(n, threads, r === 0 ? csvLast : undefined),
      );
      const seconds = median(results.map((x) => x.seconds));
      // Accuracy: the same build and settings as the timed runs (every run computes the same numbers).
      const acc = results[0]!;
      let c: { seconds: number; trajectoriesPerSecond: number } | null = null;
      if (cBin !== null) {
        const cRuns = Array.from({ length: runs }, () => runC(cBin, n, threads, undefined));
        const cSeconds = median(cRuns.map((x) => x.seconds));
        const cCsv = join(tmp, `c-${threads}.csv`);
        runC(cBin, n, threads, cCsv);
        const cOut = parseP1Reference(readFileSync(cCsv, 'utf8'));
        const cOutputs = createP1Outputs(n);
        cOut.forEach((row, i) => {
          cOutputs.tofS[i] = row.tofS;
          cOutputs.impactLatDeg[i] = row.latDeg;
          cOutputs.impactLonDeg[i] = row.lonDeg;
          cOutputs.apogeeM[i] = row.apogeeM;
        });
        const cErr = accuracyOf(cOutputs);
        process.stdout.write(
          `${JSON.stringify({
            benchmark: 'P1',
            implementation: 'c (yardstick: bench/c/p1.c, gcc -O3 -march=native)',
            n,
            threads,
            seconds: Number(cSeconds.toFixed(4)),
            trajectoriesPerSecond: Math.round(n / cSeconds),
            maxImpactErrorM: cErr?.maxImpactErrorM ?? null,
            maxTimeErrorS: cErr?.maxTimeErrorS ?? null,
            method: 'dopri5',
            rtol: p1Settings.rtol,
            atol: p1Settings.atol,
            warmup: Math.min(WARMUP, n),
            runs,
            rhsEvaluationsPerTrajectory: Number(cRuns[0]!.rhsEvaluationsPerTrajectory.toFixed(1)),
          })}\n`,
        );
        c = { seconds: cSeconds, trajectoriesPerSecond: n / cSeconds };
      }
      process.stdout.write(
        `${JSON.stringify({
          benchmark: 'P1',
          implementation: 'typescript',
          n,
          threads,
          seconds: Number(seconds.toFixed(4)),
          trajectoriesPerSecond: Math.round(n / seconds),
          maxImpactErrorM: acc.maxImpactErrorM,
          maxTimeErrorS: acc.maxTimeErrorS,
          method: p1Settings.method,
          rtol: p1Settings.rtol,
          atol: p1Settings.atol,
          warmup: Math.min(WARMUP, n),
          warmupPasses: threads === 1 ? 1 : POOL_WARMUP_PASSES,
          runs,
          rhsEvaluationsPerTrajectory: Number(acc.rhsEvaluationsPerTrajectory.toFixed(1)),
          ratioToC: c === null ? null : Number((c.seconds / seconds).toFixed(3)),
        })}\n`,
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
};

await main();
