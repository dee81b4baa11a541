/**
 * `openbmd run SCENARIO [--json] [--out DIR]`: runs a scenario file end to end (its baseline and
 * its variants), prints a summary (threats, sensor timelines, engagements, claims, the variants
 * side by side) or, with --json, the result document, and writes the outputs to
 * `out/<scenario file name without extension>/` (docs/outputs.md): result.json, report.html,
 * trajectories.csv, scene.czml, map.geojson and scene.kml. A progress bar runs on stderr.
 *
 * A scenario that does not parse or validate is bad input (exit 2), with one
 * `file:line:col path: problem` line per problem. A file in an older format version is upgraded
 * on reading (scenario/migrate.ts); the summary says so.
 */
import { createHash } from 'node:crypto';
import { basename, extname, join } from 'node:path';
import {
  type AnalysisResult,
  errorCodes,
  type RunResult,
  readScenario,
  runScenario,
  SCENARIO_FORMAT_VERSION,
} from '@openbmd/core';
import type { Command } from 'commander';
import { assessmentText } from '../assessment-text.js';
import { type CommandContext, JSON_FLAG } from '../context.js';
import { inputError } from '../errors.js';
import { renderRunOutputs } from '../export/index.js';
import { fixed, formatTable } from '../format.js';
import { readInputFile } from '../io.js';
import { progressBar } from '../progress.js';
import { cliVersion } from '../version.js';
import { engageText } from './engage.js';

export interface RunOptions {
  readonly json?: true;
  readonly out?: string;
}

/** The default output folder of a scenario file: out/<file name without extension>. */
export const defaultOutDir = (file: string): string => join('out', basename(file, extname(file)));

const yesNo = (x: boolean): string => (x ? 'yes' : 'no');

/** The variants side by side: engageability per site x threat, and the claims. */
const variantsText = (r: RunResult): string => {
  if (r.variants.length === 0) return '';
  const analyses: AnalysisResult[] = [r.baseline, ...r.variants];
  const columns = [
    { header: 'site' },
    { header: 'threat' },
    ...analyses.map((a) => ({ header: a.id })),
  ];
  const engagements = formatTable(
    columns,
    r.baseline.engagements.map((e) => [
      e.siteId,
      e.threatId,
      ...analyses.map((a) => {
        const x = a.engagements.find((y) => y.siteId === e.siteId && y.threatId === e.threatId);
        return x === undefined ? '-' : yesNo(x.engageable);
      }),
    ]),
  );
  const claims =
    r.baseline.claims.length === 0
      ? ''
      : `\nClaims by analysis (holds; margin)\n${formatTable(
          [{ header: 'claim' }, ...analyses.map((a) => ({ header: a.id }))],
          r.baseline.claims.map((c) => [
            c.id,
            ...analyses.map((a) => {
              const x = a.claims.find((y) => y.id === c.id);
              if (x === undefined) return '-';
              const margin =
                x.margin === null
                  ? 'never'
                  : `${x.margin.value >= 0 ? '+' : ''}${fixed(x.margin.value, x.margin.unit === 's' ? 1 : 2)} ${x.margin.unit}`;
              return `${yesNo(x.holds)}; ${margin}`;
            }),
          ]),
        )}`;
  const changes = analyses
    .slice(1)
    .map(
      (a) =>
        `  ${a.id}: ${a.name}${a.changes.map((c) => `\n    ${c.path} = ${JSON.stringify(c.value)}`).join('')}`,
    )
    .join('\n');
  return `\nVariants\n${changes}\n\nEngageable by analysis\n${engagements}${claims}`;
};

/** The terminal summary of a run. */
export const runText = (r: RunResult, written: readonly string[], migrated: string): string =>
  [
    `OpenBMD ${r.provenance.openbmdVersion}: NOTIONAL analysis from public figures\n`,
    migrated,
    engageText(r.provenance.scenarioName, r.provenance.scenarioFile, {
      ...r.baseline,
      fidelity: r.ledger.fidelity,
      threats: [...r.baseline.threats],
      sensors: [...r.baseline.sensors],
      engagements: [...r.baseline.engagements],
      claims: [...r.baseline.claims],
      flyoutErrors: [...r.baseline.flyoutErrors],
    }),
    variantsText(r),
    assessmentText(r),
    written.length === 0 ? '' : `\nWrote ${written.join(', ')}\n`,
  ].join('');

/** A scenario file run: the result, and how the file was read. */
export interface ScenarioRun {
  readonly result: RunResult;
  readonly fromVersion: number;
  readonly migrationChanges: readonly string[];
}

/** Reads and runs a scenario file (baseline and variants), with a progress bar on stderr. */
export const computeScenarioRun = (ctx: CommandContext, file: string): ScenarioRun => {
  const text = readInputFile(ctx.io, file, 'scenario file', errorCodes.scenarioInvalid, file);
  const { document, fromVersion, migrationChanges } = readScenario(text, file);
  const progress = progressBar(ctx.io, 'run');
  try {
    const result = runScenario(
      {
        document,
        source: file,
        openbmdVersion: cliVersion(),
        scenarioSha256: createHash('sha256').update(text, 'utf8').digest('hex'),
        writtenFormat: fromVersion,
        currentFormat: SCENARIO_FORMAT_VERSION,
      },
      { onProgress: progress.update },
    );
    return { result, fromVersion, migrationChanges };
  } finally {
    progress.stop();
  }
};

/** What the summary says about a file upgraded from an older format ('' for a current one). */
export const migrationText = (run: ScenarioRun): string =>
  run.migrationChanges.length === 0
    ? ''
    : `Read as scenario format ${SCENARIO_FORMAT_VERSION} (written in format ${run.fromVersion}): ${run.migrationChanges.join('; ')}\n`;

/** Runs a scenario file: the summary or the result document, and the outputs written. */
export const runScenarioFile = (ctx: CommandContext, file: string, opts: RunOptions): void => {
  const run = computeScenarioRun(ctx, file);
  const { result } = run;
  const outDir = opts.out ?? defaultOutDir(file);
  const written: string[] = [];
  for (const output of renderRunOutputs(result)) {
    const path = join(outDir, output.fileName);
    try {
      ctx.io.writeTextFile(path, output.content);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw inputError(`cannot write the output '${path}': ${reason}`, '--out');
    }
    written.push(path);
  }
  ctx.output(
    { json: result, text: runText(result, written, migrationText(run)) },
    opts.json === true,
  );
};

export const defineRun = (cmd: Command, ctx: CommandContext): Command =>
  cmd
    .description(
      'run a scenario file end to end (baseline and variants) and write its report and exports',
    )
    .argument('<scenario>', 'scenario file, YAML or JSON (see docs/scenario.md)')
    .option(JSON_FLAG, 'print the result document (result.json) on stdout instead of the summary')
    .option('--out <dir>', 'output folder (default: out/<scenario file name without extension>)')
    .action((file: string, opts: RunOptions) => runScenarioFile(ctx, file, opts));
