/** A P1 worker thread: propagates the chunks it is sent and returns the outputs. */
import { parentPort } from 'node:worker_threads';
import { createP1Outputs, createP1Propagator } from './p1.js';

interface Chunk {
  readonly start: number;
  readonly count: number;
}

const propagate = createP1Propagator();
const port = parentPort;
if (port === null) throw new Error('worker.ts must run in a worker thread');
port.on('message', (chunk: Chunk) => {
  const out = createP1Outputs(chunk.count);
  propagate(chunk.start, chunk.count, out);
  port.postMessage(
    {
      start: chunk.start,
      tofS: out.tofS,
      impactLatDeg: out.impactLatDeg,
      impactLonDeg: out.impactLonDeg,
      apogeeM: out.apogeeM,
      rhsEvaluations: out.rhsEvaluations,
    },
    [out.tofS, out.impactLatDeg, out.impactLonDeg, out.apogeeM].map((a) => a.buffer as ArrayBuffer),
  );
});
