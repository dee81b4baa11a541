/** `openbmd validate`: the validation cases against their published sources; exit 1 on a failure. */
import { runValidationCases } from '@openbmd/core';
import type { Command } from 'commander';
import { type CommandContext, JSON_DESCRIPTION, JSON_FLAG } from '../context.js';
import { exitCodes } from '../errors.js';
import { formatTable } from '../format.js';

interface ValidateOptions {
  readonly json?: true;
}

export const defineValidate = (cmd: Command, ctx: CommandContext): Command =>
  cmd
    .description(
      'run the validation cases (published reference results) and print how each compares; exit 1 if any fails',
    )
    .option(JSON_FLAG, JSON_DESCRIPTION)
    .action((opts: ValidateOptions) => {
      const cases = runValidationCases().map((r) => ({ ...r }));
      const passed = cases.filter((r) => r.pass).length;
      const failed = cases.length - passed;
      const table = formatTable(
        [
          { header: 'case' },
          { header: 'source' },
          { header: 'expected', align: 'right' },
          { header: 'computed', align: 'right' },
          { header: 'tolerance', align: 'right' },
          { header: 'pass' },
        ],
        cases.map((r) => [
          r.case,
          r.source,
          r.expected,
          r.computed,
          r.tolerance,
          r.pass ? 'yes' : 'NO',
        ]),
      );
      const text = `${table}\n${passed} passed, ${failed} failed\n`;
      ctx.output(
        {
          json: { cases, passed, failed },
          text,
          exitCode: failed > 0 ? exitCodes.validationFailed : 0,
        },
        opts.json === true,
      );
    });
