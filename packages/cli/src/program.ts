/**
 * The `openbmd` program: commander wiring, and `run`, which turns every outcome into output and an
 * exit code. Commander's own errors (unknown option, missing option) are usage errors: exit 2.
 */
import { Command, CommanderError } from 'commander';
import { defineAim } from './commands/aim.js';
import { defineAssess } from './commands/assess.js';
import { defineAtmosphere } from './commands/atmosphere.js';
import { defineCatalog } from './commands/catalog.js';
import { defineDemo } from './commands/demo.js';
import { defineEngage } from './commands/engage.js';
import { defineFly } from './commands/fly.js';
import { defineMaxRange } from './commands/max-range.js';
import { defineMissiles } from './commands/missiles.js';
import { defineRun } from './commands/run.js';
import { defineSchema } from './commands/schema.js';
import { defineValidate } from './commands/validate.js';
import type { CommandContext, CommandResult } from './context.js';
import { exitCodes, reportError, writeError } from './errors.js';
import { assertAllFinite, formatJson } from './format.js';
import { type Io, nodeIo } from './io.js';
import { cliVersion } from './version.js';

/** Usage errors are reported with the core's input code. */
const USAGE_ERROR_CODE = 'E_INVALID_INPUT';

const buildProgram = (ctx: CommandContext): Command => {
  const program = new Command('openbmd')
    .description(
      'OpenBMD: an open, physics-based simulator for analysing ballistic missile defence',
    )
    .version(cliVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print help')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
      // Errors are written by run(), one line with a code.
      outputError: () => {},
    })
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
  defineAtmosphere(program.command('atmosphere'), ctx);
  defineFly(program.command('fly'), ctx);
  defineAim(program.command('aim'), ctx);
  defineMaxRange(program.command('max-range'), ctx);
  defineMissiles(program.command('missiles'), ctx);
  defineCatalog(program.command('catalog'), ctx);
  defineSchema(program.command('schema'), ctx);
  defineValidate(program.command('validate'), ctx);
  defineDemo(program.command('demo'), ctx);
  defineEngage(program.command('engage'), ctx);
  defineRun(program.command('run'), ctx);
  defineAssess(program.command('assess'), ctx);
  return program;
};

/**
 * Runs `openbmd` with the user's arguments (process.argv without node and the script) and returns
 * the exit code: 0 done, 1 a validation case failed, 2 bad input or an impossible request, 70 a bug.
 * Output goes to io (default: the process's streams and file system).
 */
export const run = async (args: readonly string[], io: Partial<Io> = {}): Promise<number> => {
  const fullIo: Io = { ...nodeIo, ...io };
  let outcome: { result: CommandResult; asJson: boolean } | undefined;
  const ctx: CommandContext = {
    io: fullIo,
    output: (result, asJson) => {
      outcome = { result, asJson };
    },
  };
  try {
    const program = buildProgram(ctx);
    if (args.length === 0) {
      fullIo.stderr.write(program.helpInformation());
      writeError(fullIo.stderr, 'no command given; see the list above', USAGE_ERROR_CODE);
      return exitCodes.badInput;
    }
    await program.parseAsync([...args], { from: 'user' });
    if (outcome === undefined) return exitCodes.ok;
    const { result, asJson } = outcome;
    assertAllFinite(result.json);
    fullIo.stdout.write(asJson ? formatJson(result.json) : result.text);
    return result.exitCode ?? exitCodes.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return exitCodes.ok; // --help, --version
      if (e.code !== 'commander.help') {
        const message = e.message.replace(/^error:\s*/, '').replace(/\s*\n\s*/g, ' ');
        writeError(fullIo.stderr, message, USAGE_ERROR_CODE);
      }
      return exitCodes.badInput;
    }
    return reportError(e, fullIo.stderr);
  }
};
