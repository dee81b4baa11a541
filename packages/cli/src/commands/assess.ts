/**
 * `openbmd assess`: defence effectiveness. Without a scenario it is the quick calculator:
 * `--sspk S --shots N --warheads W [...]` gives the closed form (or, with --monte-carlo, the seeded
 * Monte Carlo with 95 % intervals) of P(no leakers), expected leakers, the kill probability per
 * warhead and the interceptors used (docs/models.md, docs/cli.md). `openbmd assess SCENARIO` is not
 * available yet.
 *
 * The quick calculator's pieces are exported (parseQuickAssess, quickAssess, assessText) so the
 * scenario form can reuse them.
 */
import {
  ASSESS_LIMITS,
  assessAnalytic,
  assessMonteCarlo,
  type DefencePolicy,
  type Doctrine,
  type Estimate,
  errorCodes,
  interceptorsNeeded,
  MAX_SEED,
  MAX_TRIALS,
  OpenBmdError,
  requireInteger,
  requireProbability,
  uniformAttack,
} from '@openbmd/core';
import { type Command, Option } from 'commander';
import { assessmentText } from '../assessment-text.js';
import { type CommandContext, JSON_DESCRIPTION, JSON_FLAG } from '../context.js';
import { inputError } from '../errors.js';
import { formatTable, significant } from '../format.js';
import { parseNumber } from '../parse.js';
import { computeScenarioRun, migrationText } from './run.js';

/** The flags as commander hands them over (strings, as typed). */
export interface AssessOptions {
  readonly sspk?: string;
  readonly shots?: string;
  readonly warheads?: string;
  readonly reliability: string;
  readonly pTrack: string;
  readonly commonModeTrack?: true;
  readonly doctrine: 'barrage' | 'shoot-look-shoot';
  readonly secondShots?: string;
  readonly pLook?: string;
  readonly decoys: string;
  readonly pDiscriminate: string;
  readonly inventory?: string;
  readonly shotOpportunities?: string;
  readonly monteCarlo?: true;
  readonly seed: string;
  readonly trials: string;
  readonly ciWidth?: string;
  readonly requiredPNoLeakers?: string;
  readonly json?: true;
}

/** What the quick calculator computes: a policy against identical warheads. */
export interface QuickAssessInput {
  readonly policy: DefencePolicy;
  readonly warheads: number;
  /** Shot opportunities of every warhead. */
  readonly shotOpportunities: number;
  /** null: the closed form only. */
  readonly monteCarlo: {
    readonly seed: number;
    readonly trials: number;
    readonly ciWidth?: number;
  } | null;
  /** null: do not search for the interceptors needed. */
  readonly requiredPNoLeakers: number | null;
}

export const DEFAULT_SEED = '1';
export const DEFAULT_TRIALS = '100000';

const parseProbability = (text: string, flag: string): number =>
  requireProbability(parseNumber(text, flag), flag);

const parseInteger = (text: string, lo: number, hi: number, flag: string): number =>
  requireInteger(parseNumber(text, flag), lo, hi, flag);

/** The doctrine's default shot opportunities: as many as it uses (1 barrage, 2 shoot-look-shoot). */
const defaultOpportunities = (d: Doctrine): number => (d.kind === 'barrage' ? 1 : 2);

/**
 * Reads and checks the quick calculator's flags. `given(name)` tells whether the user typed an
 * option (commander's value source), so options that need another one are rejected, not ignored.
 */
export const parseQuickAssess = (
  opts: AssessOptions,
  given: (option: keyof AssessOptions) => boolean,
): QuickAssessInput => {
  for (const [key, flag] of [
    ['sspk', '--sspk'],
    ['shots', '--shots'],
    ['warheads', '--warheads'],
  ] as const) {
    if (opts[key] === undefined) {
      throw inputError(
        'required option not given (the quick calculator needs --sspk, --shots and --warheads)',
        flag,
      );
    }
  }
  const sspk = parseProbability(opts.sspk!, '--sspk');
  const shots = parseInteger(opts.shots!, 1, ASSESS_LIMITS.maxShotsPerSalvo, '--shots');
  const warheads = parseInteger(opts.warheads!, 1, ASSESS_LIMITS.maxWarheads, '--warheads');
  const reliability = parseProbability(opts.reliability, '--reliability');
  const pTrack = parseProbability(opts.pTrack, '--p-track');

  let doctrine: Doctrine;
  if (opts.doctrine === 'shoot-look-shoot') {
    if (opts.secondShots === undefined) {
      throw inputError('required with --doctrine shoot-look-shoot', '--second-shots');
    }
    if (opts.pLook === undefined) {
      throw inputError('required with --doctrine shoot-look-shoot', '--p-look');
    }
    doctrine = {
      kind: 'shoot-look-shoot',
      firstShots: shots,
      secondShots: parseInteger(
        opts.secondShots,
        1,
        ASSESS_LIMITS.maxShotsPerSalvo,
        '--second-shots',
      ),
      pLook: parseProbability(opts.pLook, '--p-look'),
    };
  } else {
    for (const [key, flag] of [
      ['secondShots', '--second-shots'],
      ['pLook', '--p-look'],
    ] as const) {
      if (opts[key] !== undefined) {
        throw inputError('only with --doctrine shoot-look-shoot', flag);
      }
    }
    doctrine = { kind: 'barrage', shots };
  }

  const decoysPerWarhead = parseInteger(
    opts.decoys,
    0,
    ASSESS_LIMITS.maxDecoysPerWarhead,
    '--decoys',
  );
  const pDiscriminate = parseProbability(opts.pDiscriminate, '--p-discriminate');
  const inventory =
    opts.inventory === undefined
      ? null
      : parseInteger(opts.inventory, 0, ASSESS_LIMITS.maxInventory, '--inventory');
  const shotOpportunities =
    opts.shotOpportunities === undefined
      ? defaultOpportunities(doctrine)
      : parseInteger(
          opts.shotOpportunities,
          0,
          ASSESS_LIMITS.maxShotOpportunities,
          '--shot-opportunities',
        );

  let monteCarlo: QuickAssessInput['monteCarlo'] = null;
  if (opts.monteCarlo === true) {
    const seed = parseInteger(opts.seed, 0, MAX_SEED, '--seed');
    const trials = parseInteger(opts.trials, 1, MAX_TRIALS, '--trials');
    if (opts.ciWidth === undefined) {
      monteCarlo = { seed, trials };
    } else {
      const ciWidth = parseNumber(opts.ciWidth, '--ci-width');
      if (!(ciWidth > 0 && ciWidth <= 1)) {
        throw new OpenBmdError(
          errorCodes.outOfRange,
          `must be greater than 0 and at most 1, got ${ciWidth}`,
          '--ci-width',
        );
      }
      monteCarlo = { seed, trials, ciWidth };
    }
  } else {
    for (const [key, flag] of [
      ['seed', '--seed'],
      ['trials', '--trials'],
      ['ciWidth', '--ci-width'],
    ] as const) {
      if (given(key)) throw inputError('only with --monte-carlo', flag);
    }
  }

  const requiredPNoLeakers =
    opts.requiredPNoLeakers === undefined
      ? null
      : parseProbability(opts.requiredPNoLeakers, '--required-p-no-leakers');

  return {
    policy: {
      sspk,
      reliability,
      pTrack,
      commonModeTrack: opts.commonModeTrack === true,
      doctrine,
      decoysPerWarhead,
      pDiscriminate,
      inventory,
    },
    warheads,
    shotOpportunities,
    monteCarlo,
    requiredPNoLeakers,
  };
};

const estimateJson = (e: Estimate) => ({ value: e.value, ci95: [e.ci95[0], e.ci95[1]] });

/**
 * The JSON document of `openbmd assess --json` (public interface: keep the names). The four
 * headline fields are numbers (closed form), or {value, ci95} with --monte-carlo.
 */
export const quickAssess = (input: QuickAssessInput) => {
  const attack = uniformAttack(input.warheads, input.shotOpportunities);
  const analytic = assessAnalytic(input.policy, attack);
  const common = {
    leakerDistribution: [...analytic.leakerDistribution],
    inventoryCovers: analytic.inventoryCovers,
    interceptorsToCoverAll: analytic.interceptorsToCoverAll,
    note: analytic.note,
    ...(input.requiredPNoLeakers === null
      ? {}
      : {
          interceptorsNeeded: neededJson(input.policy, attack, input.requiredPNoLeakers),
        }),
    policy: policyJson(input.policy),
    attack: { warheads: input.warheads, shotOpportunities: input.shotOpportunities },
  };
  if (input.monteCarlo === null) {
    return {
      method: 'analytic' as const,
      pKillPerWarhead: analytic.pKillPerWarhead,
      pNoLeakers: analytic.pNoLeakers,
      expectedLeakers: analytic.expectedLeakers,
      expectedInterceptorsUsed: analytic.expectedInterceptorsUsed,
      ...common,
    };
  }
  const mc = assessMonteCarlo(input.policy, attack, input.monteCarlo);
  return {
    method: 'monte-carlo' as const,
    pKillPerWarhead: estimateJson(mc.pKillPerWarhead),
    pNoLeakers: estimateJson(mc.pNoLeakers),
    expectedLeakers: estimateJson(mc.expectedLeakers),
    expectedInterceptorsUsed: estimateJson(mc.expectedInterceptorsUsed),
    trials: mc.trials,
    seed: mc.seed,
    stoppedBy: mc.stoppedBy,
    ...common,
    leakerDistribution: [...mc.leakerDistribution],
    analytic: {
      pKillPerWarhead: analytic.pKillPerWarhead,
      pNoLeakers: analytic.pNoLeakers,
      expectedLeakers: analytic.expectedLeakers,
      expectedInterceptorsUsed: analytic.expectedInterceptorsUsed,
      leakerDistribution: [...analytic.leakerDistribution],
    },
  };
};

export type QuickAssessJson = ReturnType<typeof quickAssess>;

const neededJson = (
  policy: DefencePolicy,
  attack: ReturnType<typeof uniformAttack>,
  required: number,
) => {
  const r = interceptorsNeeded(policy, attack, required);
  return r === null
    ? null
    : {
        requiredPNoLeakers: required,
        shotsPerObject: r.shotsPerObject,
        expectedInterceptors: r.expectedInterceptors,
        interceptorsToCoverAll: r.interceptorsToCoverAll,
        pNoLeakers: r.pNoLeakers,
      };
};

const policyJson = (p: DefencePolicy) => ({
  sspk: p.sspk,
  reliability: p.reliability,
  pTrack: p.pTrack,
  commonModeTrack: p.commonModeTrack,
  doctrine: { ...p.doctrine },
  decoysPerWarhead: p.decoysPerWarhead,
  pDiscriminate: p.pDiscriminate,
  inventory: p.inventory,
});

const describeDoctrine = (d: Doctrine): string =>
  d.kind === 'barrage'
    ? `barrage of ${d.shots}`
    : `shoot-look-shoot ${d.firstShots} + ${d.secondShots}, kill assessment right with ${significant(d.pLook)}`;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Leaker rows: every k for small attacks, else those with P(k) >= 1e-4. */
const leakerRows = (dist: readonly number[], analytic: readonly number[] | null): string[][] => {
  const all = dist.length <= 21;
  const rows: string[][] = [];
  dist.forEach((p, k) => {
    const a = analytic?.[k];
    if (all || p >= 1e-4 || (a !== undefined && a >= 1e-4)) {
      rows.push(
        a === undefined
          ? [String(k), significant(p, 4)]
          : [String(k), significant(p, 4), significant(a, 4)],
      );
    }
  });
  return rows;
};

const interval = (e: { readonly ci95: readonly number[] }): string =>
  `[${significant(e.ci95[0] ?? Number.NaN, 4)}, ${significant(e.ci95[1] ?? Number.NaN, 4)}]`;

/** The readable table of `openbmd assess` (without --json). */
export const assessText = (j: QuickAssessJson): string => {
  const p = j.policy;
  const inputs = [
    `${plural(j.attack.warheads, 'warhead')}, ${plural(j.attack.shotOpportunities, 'shot opportunity', 'shot opportunities')} each; ${describeDoctrine(p.doctrine as Doctrine)}`,
    `sspk ${significant(p.sspk)}, reliability ${significant(p.reliability)}, P(track) ${significant(p.pTrack)} (${p.commonModeTrack ? 'common-mode' : 'independent per warhead'})`,
    `${plural(p.decoysPerWarhead, 'decoy')} per warhead, P(discriminate) ${significant(p.pDiscriminate)}; inventory ${p.inventory === null ? 'unlimited' : p.inventory}`,
  ];
  const out: string[] = [];
  if (j.method === 'analytic') {
    out.push('Defence effectiveness, closed form (docs/models.md)');
    out.push(...inputs.map((l) => `  ${l}`), '');
    out.push(
      formatTable(
        [{ header: 'quantity' }, { header: 'value', align: 'right' }],
        [
          ['P(no leakers)', significant(j.pNoLeakers)],
          ['expected leakers', significant(j.expectedLeakers)],
          ['kill probability per warhead', significant(j.pKillPerWarhead)],
          ['expected interceptors used', significant(j.expectedInterceptorsUsed)],
          ['interceptors to cover every engaged object', String(j.interceptorsToCoverAll)],
        ],
        { indent: '  ' },
      ),
    );
    out.push(
      formatTable(
        [
          { header: 'leakers', align: 'right' },
          { header: 'probability', align: 'right' },
        ],
        leakerRows(j.leakerDistribution, null),
        { indent: '  ' },
      ),
    );
  } else {
    out.push(
      `Defence effectiveness, Monte Carlo: ${j.trials} trials, seed ${j.seed}, stopped by ${j.stoppedBy === 'ci-width' ? 'the interval width' : 'the number of trials'} (docs/models.md)`,
    );
    out.push(...inputs.map((l) => `  ${l}`), '');
    const row = (label: string, e: { value: number; ci95: number[] }, closed: number): string[] => [
      label,
      significant(e.value),
      interval(e),
      significant(closed),
    ];
    out.push(
      formatTable(
        [
          { header: 'quantity' },
          { header: 'value', align: 'right' },
          { header: '95 % interval' },
          { header: 'closed form', align: 'right' },
        ],
        [
          row('P(no leakers)', j.pNoLeakers, j.analytic.pNoLeakers),
          row('expected leakers', j.expectedLeakers, j.analytic.expectedLeakers),
          row('kill probability per warhead', j.pKillPerWarhead, j.analytic.pKillPerWarhead),
          row(
            'expected interceptors used',
            j.expectedInterceptorsUsed,
            j.analytic.expectedInterceptorsUsed,
          ),
        ],
        { indent: '  ' },
      ),
    );
    out.push(
      formatTable(
        [
          { header: 'leakers', align: 'right' },
          { header: 'fraction of trials', align: 'right' },
          { header: 'closed form', align: 'right' },
        ],
        leakerRows(j.leakerDistribution, j.analytic.leakerDistribution),
        { indent: '  ' },
      ),
    );
  }
  if (j.leakerDistribution.length > 21) out.push('  (leaker counts below 0.01 % not shown)\n');
  if (j.note !== null) out.push(`Note: ${j.note}.\n`);
  if ('interceptorsNeeded' in j) {
    const n = j.interceptorsNeeded;
    out.push(
      n === null
        ? 'Interceptors needed: no barrage of up to 100 shots per object reaches the required P(no leakers).\n'
        : `Interceptors needed for P(no leakers) >= ${significant(n.requiredPNoLeakers)}: a barrage of ${n.shotsPerObject} per engaged object (P(no leakers) ${significant(n.pNoLeakers)}), ${significant(n.expectedInterceptors)} interceptors expected, ${n.interceptorsToCoverAll} to cover every engaged object.\n`,
    );
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}`;
};

export const defineAssess = (cmd: Command, ctx: CommandContext): Command =>
  cmd
    .description(
      'defence effectiveness: P(no leakers), expected leakers and interceptors used (quick calculator; closed form or Monte Carlo)',
    )
    .argument(
      '[scenario]',
      'a scenario file with an `assessment` block: runs it and assesses every site (without one: the quick calculator flags)',
    )
    .option('--sspk <s>', 'single-shot kill probability of a working interceptor (0 to 1)')
    .option(
      '--shots <n>',
      'interceptors per engaged object (the first salvo with shoot-look-shoot)',
    )
    .option('--warheads <w>', `warheads in the attack (1 to ${ASSESS_LIMITS.maxWarheads})`)
    .option('--reliability <r>', 'probability that an interceptor works (0 to 1)', '1')
    .option('--p-track <p>', 'probability that a warhead is tracked (0 to 1)', '1')
    .option('--common-mode-track', 'one tracking draw for the whole attack, not one per warhead')
    .addOption(
      new Option('--doctrine <name>', 'firing doctrine')
        .choices(['barrage', 'shoot-look-shoot'])
        .default('barrage'),
    )
    .option('--second-shots <n>', 'shoot-look-shoot: interceptors of the second salvo')
    .option('--p-look <l>', 'shoot-look-shoot: probability the kill assessment is right (0 to 1)')
    .option('--decoys <d>', 'decoys per warhead', '0')
    .option(
      '--p-discriminate <q>',
      'probability a decoy is recognised (else it draws a warhead’s shots)',
      '1',
    )
    .option('--inventory <i>', 'interceptors for the whole attack (default: unlimited)')
    .option(
      '--shot-opportunities <k>',
      'shot opportunities per warhead (default: 1 barrage, 2 shoot-look-shoot)',
    )
    .option(
      '--monte-carlo',
      'run the seeded Monte Carlo (95 % intervals) instead of the closed form',
    )
    .option('--seed <k>', `Monte Carlo seed (0 to ${MAX_SEED})`, DEFAULT_SEED)
    .option('--trials <t>', 'Monte Carlo trials (the maximum with --ci-width)', DEFAULT_TRIALS)
    .option(
      '--ci-width <x>',
      'stop once the 95 % interval on P(no leakers) is narrower than this (absolute)',
    )
    .option(
      '--required-p-no-leakers <p>',
      'also find the barrage per engaged object that reaches this P(no leakers)',
    )
    .option(JSON_FLAG, JSON_DESCRIPTION)
    .action((scenario: string | undefined, opts: AssessOptions, command: Command) => {
      if (scenario !== undefined) {
        const given = command.options
          .map((o) => o.attributeName())
          .filter((name) => name !== 'json' && command.getOptionValueSource(name) === 'cli');
        if (given.length > 0) {
          throw inputError(
            `with a scenario file the assessment comes from its \`assessment\` block; the quick-calculator flags (${given.map((g) => `--${g.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ')}) go without one`,
            'scenario',
          );
        }
        const run = computeScenarioRun(ctx, scenario);
        const r = run.result;
        if (r.assessment === null) {
          throw new OpenBmdError(
            errorCodes.scenarioInvalid,
            `the scenario has no \`assessment\` block: add one (docs/scenario.md) to assess it`,
            scenario,
          );
        }
        ctx.output(
          {
            json: { provenance: r.provenance, ledger: r.ledger, assessment: r.assessment },
            text: `OpenBMD ${r.provenance.openbmdVersion}: NOTIONAL analysis from public figures\n${migrationText(run)}Scenario ${r.provenance.scenarioName} (${r.provenance.scenarioFile}), fidelity ${r.ledger.fidelity}\n${assessmentText(r)}`,
          },
          opts.json === true,
        );
        return;
      }
      const input = parseQuickAssess(
        opts,
        (option) => command.getOptionValueSource(option) === 'cli',
      );
      const json = quickAssess(input);
      ctx.output({ json, text: assessText(json) }, opts.json === true);
    });
