/**
 * `openbmd demo [--json] [--out DIR]`: runs the flagship scenario, scenarios/europe-2008.yaml
 * (the 2008 European site and the claims in dispute, with the speeds each side claimed as
 * variants), exactly as `openbmd run scenarios/europe-2008.yaml` does, writing its outputs to
 * out/europe-2008/. It needs no file argument and no service: the README's main job.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { type CommandContext, JSON_FLAG } from '../context.js';
import { defaultOutDir, type RunOptions, runScenarioFile } from './run.js';

/** The flagship scenario file (from src/commands or dist/commands, four levels below the root). */
export const FLAGSHIP_SCENARIO = fileURLToPath(
  new URL('../../../../scenarios/europe-2008.yaml', import.meta.url),
);

export const defineDemo = (cmd: Command, ctx: CommandContext): Command =>
  cmd
    .description(
      'run the flagship scenario, the 2008 European site (scenarios/europe-2008.yaml), as `openbmd run` does',
    )
    .option(JSON_FLAG, 'print the result document (result.json) on stdout instead of the summary')
    .option('--out <dir>', `output folder (default: ${defaultOutDir(FLAGSHIP_SCENARIO)})`)
    // Named relative to the working folder, as a user would type it (results carry the name).
    .action((opts: RunOptions) =>
      runScenarioFile(ctx, relative(process.cwd(), FLAGSHIP_SCENARIO), opts),
    );
