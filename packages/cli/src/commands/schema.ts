/**
 * `openbmd schema`: the JSON Schema (draft 2020-12) of scenario files, for editors'
 * autocompletion: `openbmd schema > scenario.schema.json`. Always JSON; `--json` is accepted.
 */
import { scenarioJsonSchema } from '@openbmd/core';
import type { Command } from 'commander';
import { type CommandContext, JSON_DESCRIPTION, JSON_FLAG } from '../context.js';

interface SchemaOptions {
  readonly json?: true;
}

export const defineSchema = (cmd: Command, ctx: CommandContext): Command =>
  cmd
    .description(
      'print the JSON Schema of scenario files (for editors: openbmd schema > scenario.schema.json)',
    )
    .option(JSON_FLAG, JSON_DESCRIPTION)
    .action((_opts: SchemaOptions) => {
      const schema = scenarioJsonSchema();
      ctx.output({ json: schema, text: `${JSON.stringify(schema, null, 2)}\n` }, true);
    });
