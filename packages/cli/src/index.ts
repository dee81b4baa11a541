/** @openbmd/cli: the `openbmd` command, runnable in-process with `run(args, io)`. */
export type { CommandResult } from './context.js';
export { exitCodes } from './errors.js';
export type { Io, OutputStream } from './io.js';
export { run } from './program.js';
export { cliVersion } from './version.js';
