/** A worker thread of the "engage" benchmark: flies grid threats, then runs engagements on request. */
import { parentPort } from 'node:worker_threads';
import type { Trajectory } from '@openbmd/core';
import {
  type EngageWorkload,
  flyGridThreat,
  type GridPoint,
  loadFlagship,
  prepareEngageWorkload,
  runEngagements,
} from './engage.js';

type Message =
  | { readonly cmd: 'fly'; readonly points: readonly GridPoint[] }
  | { readonly cmd: 'load'; readonly trajectories: readonly Trajectory[] }
  | { readonly cmd: 'run' };

const port = parentPort;
if (port === null) throw new Error('engage-worker.ts must run in a worker thread');
let workload: EngageWorkload | null = null;
let mine: readonly Trajectory[] = [];
port.on('message', (m: Message) => {
  if (m.cmd === 'fly') {
    const scenario = loadFlagship();
    port.postMessage(m.points.map((p) => flyGridThreat(scenario, p)));
  } else if (m.cmd === 'load') {
    workload ??= prepareEngageWorkload();
    mine = m.trajectories;
    // Warm up on this thread's own threats (outside the timer).
    runEngagements(workload, mine.slice(0, 50));
    port.postMessage('ready');
  } else {
    port.postMessage(runEngagements(workload!, mine));
  }
});
