/** The progress bar of long commands, on stderr (stdout stays clean for --json). */
import { SingleBar } from 'cli-progress';
import type { Io } from './io.js';

export interface Progress {
  /** Reports `done` of `total` steps, the current one named by `label`. */
  readonly update: (done: number, total: number, label: string) => void;
  /** Removes the bar (call in `finally`). */
  readonly stop: () => void;
}

/** A bar named `name` on stderr, or nothing when the I/O has progress off (tests). */
export const progressBar = (io: Io, name: string): Progress => {
  if (!io.progress) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar({
    stream: io.stderr as NodeJS.WritableStream,
    noTTYOutput: true,
    format: `${name} [{bar}] {value}/{total} {label}`,
    clearOnComplete: true,
  });
  let started = false;
  return {
    update: (done, total, label) => {
      if (started) {
        bar.update(done, { label });
      } else {
        bar.start(total, done, { label });
        started = true;
      }
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
};
