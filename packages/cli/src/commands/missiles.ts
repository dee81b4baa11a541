/** `openbmd missiles`: the built-in missile catalogue. */
import { catalogMissiles } from '@openbmd/core';
import type { Command } from 'commander';
import { type CommandContext, JSON_DESCRIPTION, JSON_FLAG } from '../context.js';
import { formatTable } from '../format.js';

interface MissilesOptions {
  readonly json?: true;
}

export const defineMissiles = (cmd: Command, ctx: CommandContext): Command =>
  cmd
    .description('list the built-in missiles (use their ids with --missile)')
    .option(JSON_FLAG, JSON_DESCRIPTION)
    .action((opts: MissilesOptions) => {
      const missiles = catalogMissiles().map((m) => ({
        id: m.id,
        name: m.name,
        class: m.class,
        propellant: m.propellant,
        notional: m.notional === true,
        sources: [...m.sources],
      }));
      const table = formatTable(
        [
          { header: 'id' },
          { header: 'name' },
          { header: 'class' },
          { header: 'propellant' },
          { header: 'notional' },
          { header: 'sources', align: 'right' },
        ],
        missiles.map((m) => [
          m.id,
          m.name,
          m.class.toUpperCase(),
          m.propellant,
          m.notional ? 'yes' : 'no',
          String(m.sources.length),
        ]),
      );
      const sources = missiles
        .map((m) => `${m.id}\n${m.sources.map((s, i) => `  [${i + 1}] ${s}`).join('\n')}\n`)
        .join('');
      const text = `${table}\nSources\n\n${sources}`;
      ctx.output({ json: { missiles }, text }, opts.json === true);
    });
