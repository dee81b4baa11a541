/** Runs `openbmd` in-process with captured stdout and stderr. */
import { run } from '../src/index.js';
import type { Io } from '../src/io.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const runCli = async (args: readonly string[], io: Partial<Io> = {}): Promise<CliRun> => {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    progress: false,
    ...io,
  });
  return { code, stdout, stderr };
};

/** The one JSON document of a --json run (throws if stdout is anything else). */
export const jsonOf = (r: CliRun): Record<string, unknown> =>
  JSON.parse(r.stdout) as Record<string, unknown>;

/** The error code in the `openbmd: error: ... [E_CODE]` line. */
export const errorCodeOf = (r: CliRun): string | undefined =>
  /^openbmd: error: .*\[(E_[A-Z_]+)\]$/m.exec(r.stderr)?.[1];

/** Every number in a JSON value, with its path. */
export const numbersIn = (v: unknown, path = ''): [string, number][] => {
  if (typeof v === 'number') return [[path, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => numbersIn(x, `${path}[${i}]`));
  if (v !== null && typeof v === 'object') {
    return Object.entries(v).flatMap(([k, x]) => numbersIn(x, `${path}.${k}`));
  }
  return [];
};
