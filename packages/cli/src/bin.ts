#!/usr/bin/env node
/** The `openbmd` executable: runs the command on the process's arguments and streams. */
import { run } from './index.js';

process.exitCode = await run(process.argv.slice(2));
