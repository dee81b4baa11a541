/**
 * The edges of the command: where it writes and how it reads files. Injected, so that tests run
 * commands in-process and capture their output.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type ErrorCode, OpenBmdError } from '@openbmd/core';

/** The part of a writable stream the CLI uses (process.stdout and process.stderr fit). */
export interface OutputStream {
  write(chunk: string): unknown;
  /** True when a terminal is attached (progress bars redraw in place); else one line per update. */
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface Io {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Reads a UTF-8 text file; throws (like fs) if it cannot. */
  readTextFile(path: string): string;
  /** True if path names an existing regular file. */
  isFile(path: string): boolean;
  /** Writes a UTF-8 text file, creating its folder; throws (like fs) if it cannot. */
  writeTextFile(path: string, text: string): void;
  /** Show progress bars on stderr (default true). */
  readonly progress: boolean;
}

export const nodeIo: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  readTextFile: (path) => readFileSync(path, 'utf8'),
  isFile: (path) => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
  writeTextFile: (path, text) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, 'utf8');
  },
  progress: true,
};

/**
 * Reads an input file (a scenario, a missile definition); an unreadable one is bad input with the
 * given error code: "cannot read the <what> '<file>': <reason>", at `path`.
 */
export const readInputFile = (
  io: Io,
  file: string,
  what: string,
  code: ErrorCode,
  path: string,
): string => {
  try {
    return io.readTextFile(file);
  } catch (e) {
    const reason =
      e !== null && typeof e === 'object' && 'code' in e && e.code === 'ENOENT'
        ? 'no such file'
        : e instanceof Error
          ? e.message
          : String(e);
    throw new OpenBmdError(code, `cannot read the ${what} '${file}': ${reason}`, path);
  }
};
