/**
 * `openbmd catalog list [--kind K]` and `openbmd catalog show ID [--kind K]`: the public catalog
 * (catalog/, docs/catalog.md) of missiles, interceptors, ground radars, space sensors and sites,
 * every entry with its sources. `show` prints the entry's YAML file as written, or with --json the
 * entry as parsed (file units). An unknown id is E_CATALOG_UNKNOWN (E_MISSILE_UNKNOWN for
 * `--kind missile`) with the closest id: exit 2.
 */
import { type CatalogKind, catalogEntries, catalogKinds, resolveCatalogEntry } from '@openbmd/core';
import { type Command, Option } from 'commander';
import { type CommandContext, JSON_DESCRIPTION, JSON_FLAG } from '../context.js';
import { formatTable } from '../format.js';

interface CatalogOptions {
  readonly kind?: CatalogKind;
  readonly json?: true;
}

const kindOption = (what: string): Option =>
  new Option('--kind <kind>', what).choices([...catalogKinds]);

export const defineCatalog = (cmd: Command, ctx: CommandContext): Command => {
  cmd.description(
    'the public catalog of missiles, interceptors, radars, space sensors and sites, with sources',
  );
  cmd
    .command('list')
    .description('list the catalog entries: kind, id, name and number of sources')
    .addOption(kindOption('list only entries of this kind'))
    .option(JSON_FLAG, JSON_DESCRIPTION)
    .action((opts: CatalogOptions) => {
      const entries = catalogEntries(opts.kind);
      const table = formatTable(
        [
          { header: 'kind' },
          { header: 'id' },
          { header: 'name' },
          { header: 'sources', align: 'right' },
        ],
        entries.map((e) => [e.kind, e.id, e.name, String(e.sources.length)]),
      );
      const what = opts.kind === undefined ? 'entries' : `${opts.kind} entries`;
      const text = `Catalog (catalog/, docs/catalog.md): ${entries.length} ${what}; all notional, from public sources\n\n${table}\n\`openbmd catalog show ID\` prints an entry with its sources and notes.\n`;
      const json = {
        entries: entries.map((e) => ({
          kind: e.kind,
          id: e.id,
          name: e.name,
          path: e.path,
          sources: [...e.sources],
          notes: e.notes,
        })),
      };
      ctx.output({ json, text }, opts.json === true);
    });
  cmd
    .command('show')
    .description('print one catalog entry: its YAML file as written, or with --json as parsed')
    .argument('<id>', 'the entry id (see `openbmd catalog list`)')
    .addOption(kindOption('the kind of the entry, when the id names entries of several kinds'))
    .option(JSON_FLAG, JSON_DESCRIPTION)
    .action((id: string, opts: CatalogOptions) => {
      const entry = resolveCatalogEntry(id, opts.kind);
      const json = { kind: entry.kind, id: entry.value.id, path: entry.path, entry: entry.value };
      const text = `# ${entry.path}\n${entry.text.endsWith('\n') ? entry.text : `${entry.text}\n`}`;
      ctx.output({ json, text }, opts.json === true);
    });
  return cmd;
};
