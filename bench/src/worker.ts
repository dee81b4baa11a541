/**
 * A P1 worker (piscina task): propagates a chunk of trajectories and moves back one Float64Array:
 * time of flight, impact latitude, impact longitude and apogee (count each), then the number of
 * right-hand-side evaluations.
 */
import { Piscina } from 'piscina';
import { createP1Outputs, createP1Propagator } from './p1.js';

export interface P1Chunk {
  readonly start: number;
  readonly count: number;
}

const propagate = createP1Propagator();

export default function propagateChunk(chunk: P1Chunk): Float64Array {
  const out = createP1Outputs(chunk.count);
  propagate(chunk.start, chunk.count, out);
  const n = chunk.count;
  const packed = new Float64Array(4 * n + 1);
  packed.set(out.tofS, 0);
  packed.set(out.impactLatDeg, n);
  packed.set(out.impactLonDeg, 2 * n);
  packed.set(out.apogeeM, 3 * n);
  packed[4 * n] = out.rhsEvaluations;
  return Piscina.move(packed) as Float64Array;
}
