/**
 * `openbmd engage SCENARIO`: reads a scenario file, flies its threats, runs its sensors against
 * them, and finds where each interceptor site can engage each threat (with the sensitivities:
 * the minimum burnout speed and the maximum commit delay). A progress bar runs on stderr.
 *
 * A scenario that does not parse or validate is bad input (exit 2): the error line is followed by
 * one `file:line:col path: problem` line per problem.
 */
import {
  type Engagement,
  type EngageResult,
  engageScenario,
  errorCodes,
  type InterceptPoint,
  parseScenario,
  resolveScenario,
} from '@openbmd/core';
import type { Command } from 'commander';
import { type CommandContext, JSON_DESCRIPTION, JSON_FLAG } from '../context.js';
import { fixed, formatTable } from '../format.js';
import { readInputFile } from '../io.js';
import { progressBar } from '../progress.js';

interface EngageOptions {
  readonly json?: true;
}

/** An intercept point as the JSON document gives it (public interface: keep the names). */
const interceptJson = (p: InterceptPoint | null) =>
  p === null
    ? null
    : {
        timeS: p.timeS,
        latDeg: p.latDeg,
        lonDeg: p.lonDeg,
        altitudeKm: p.altitudeKm,
        launchTimeS: p.launchTimeS,
        closingSpeedMps: p.closingSpeedMps,
        geometry: p.geometry,
      };

/** One engagement as the JSON document gives it (public interface: keep the names). */
const engagementJson = (e: Engagement) => ({
  siteId: e.siteId,
  threatId: e.threatId,
  engageable: e.engageable,
  reason: e.reason,
  window:
    e.window === null
      ? null
      : { firstInterceptS: e.window.firstInterceptS, lastInterceptS: e.window.lastInterceptS },
  firstIntercept: interceptJson(e.firstIntercept),
  lastIntercept: interceptJson(e.lastIntercept),
  shotOpportunities: e.shotOpportunities,
  minBurnoutSpeedMps: e.minBurnoutSpeedMps,
  maxCommitDelayS: e.maxCommitDelayS,
});

/** The JSON document of `openbmd engage --json`. */
export const engageJson = (scenarioName: string, r: EngageResult) => ({
  scenario: scenarioName,
  fidelity: r.fidelity,
  models: r.models,
  threats: r.threats.map((t) => ({
    threatId: t.threatId,
    missileId: t.missileId,
    launchTimeS: t.launchTimeS,
    impactTimeS: t.impactTimeS,
    apogeeKm: t.apogeeKm,
    groundRangeKm: t.groundRangeKm,
    burnoutTimeS: t.burnoutTimeS,
  })),
  sensors: r.sensors.map((s) => ({
    sensorId: s.sensorId,
    threatId: s.threatId,
    firstDetectionS: s.firstDetectionS,
    trackS: s.trackS,
    fireControlS: s.fireControlS,
    reason: s.reason,
  })),
  engagements: r.engagements.map(engagementJson),
  claims: r.claims.map((c) => ({
    id: c.id,
    text: c.text,
    holds: c.holds,
    margin: c.margin,
    threshold: c.threshold,
  })),
  flyoutErrors: r.flyoutErrors.map((f) => ({
    siteId: f.siteId,
    maxTimeErrorS: f.maxTimeErrorS,
    rmsTimeErrorS: f.rmsTimeErrorS,
  })),
});

/** A number at fixed decimals, or '-' for null. */
const orDash = (x: number | null | undefined, digits: number): string =>
  x === null || x === undefined ? '-' : fixed(x, digits);

/** "first/last" of a quantity of the two intercept points, '-' when there are none. */
const pair = (e: Engagement, f: (p: InterceptPoint) => string): string =>
  e.firstIntercept === null || e.lastIntercept === null
    ? '-'
    : `${f(e.firstIntercept)}/${f(e.lastIntercept)}`;

/** What the readable summary shows: an engage result, or one analysis of a run. */
export type EngageSummary = Pick<
  EngageResult,
  'fidelity' | 'threats' | 'sensors' | 'engagements' | 'claims' | 'flyoutErrors'
>;

/** The readable summary: threats, sensors x threats, sites x threats. */
export const engageText = (scenarioName: string, source: string, r: EngageSummary): string => {
  const title = `Scenario ${scenarioName} (${source}), fidelity ${r.fidelity}; times in s from the scenario epoch\n`;
  const threats = formatTable(
    [
      { header: 'threat' },
      { header: 'missile' },
      { header: 'launch s', align: 'right' },
      { header: 'burnout s', align: 'right' },
      { header: 'impact s', align: 'right' },
      { header: 'apogee km', align: 'right' },
      { header: 'range km', align: 'right' },
    ],
    r.threats.map((t) => [
      t.threatId,
      t.missileId,
      fixed(t.launchTimeS, 0),
      fixed(t.burnoutTimeS, 1),
      fixed(t.impactTimeS, 1),
      fixed(t.apogeeKm, 0),
      fixed(t.groundRangeKm, 0),
    ]),
  );
  const sensors = formatTable(
    [
      { header: 'sensor' },
      { header: 'threat' },
      { header: 'detect s', align: 'right' },
      { header: 'track s', align: 'right' },
      { header: 'fire-control s', align: 'right' },
      { header: 'reason' },
    ],
    r.sensors.map((s) => [
      s.sensorId,
      s.threatId,
      orDash(s.firstDetectionS, 1),
      orDash(s.trackS, 1),
      orDash(s.fireControlS, 1),
      s.reason ?? '-',
    ]),
  );
  const engagements = formatTable(
    [
      { header: 'site' },
      { header: 'threat' },
      { header: 'engage' },
      { header: 'reason' },
      { header: 'window s', align: 'right' },
      { header: 'alt km', align: 'right' },
      { header: 'geometry' },
      { header: 'closing m/s', align: 'right' },
      { header: 'launch s', align: 'right' },
      { header: 'shots', align: 'right' },
      { header: 'min burnout m/s', align: 'right' },
      { header: 'max commit delay s', align: 'right' },
    ],
    r.engagements.map((e) => [
      e.siteId,
      e.threatId,
      e.engageable ? 'yes' : 'no',
      e.reason ?? '-',
      e.window === null
        ? '-'
        : `${fixed(e.window.firstInterceptS, 1)}-${fixed(e.window.lastInterceptS, 1)}`,
      pair(e, (p) => fixed(p.altitudeKm, 0)),
      pair(e, (p) => p.geometry),
      pair(e, (p) => fixed(p.closingSpeedMps, 0)),
      pair(e, (p) => fixed(p.launchTimeS, 1)),
      String(e.shotOpportunities),
      orDash(e.minBurnoutSpeedMps, 0),
      orDash(e.maxCommitDelayS, 1),
    ]),
  );
  const flyout =
    r.flyoutErrors.length === 0
      ? ''
      : `\nFlyout-fan interpolation error (time to a point, s): ${r.flyoutErrors
          .map(
            (f) =>
              `${f.siteId} max ${orDash(f.maxTimeErrorS, 2)}, rms ${orDash(f.rmsTimeErrorS, 2)}`,
          )
          .join('; ')}\n`;
  const claims =
    r.claims.length === 0
      ? ''
      : `\nClaims\n${formatTable(
          [
            { header: 'claim' },
            { header: 'holds' },
            { header: 'margin', align: 'right' },
            { header: 'flips at' },
          ],
          r.claims.map((c) => [
            c.id,
            c.holds ? 'yes' : 'no',
            c.margin === null
              ? '-'
              : `${fixed(c.margin.value, c.margin.unit === 's' ? 1 : 2)} ${c.margin.unit}`,
            c.threshold === null
              ? 'never (no value of the parameter makes it hold)'
              : `${c.threshold.parameter} ${c.threshold.holdsAbove ? '>=' : '<='} ${fixed(c.threshold.value, c.threshold.unit === 's' ? 1 : 2)} ${c.threshold.unit}`,
          ]),
        )}`;
  return [
    title,
    'Threats\n',
    threats,
    '\nSensors (first detection, track, fire-control track)\n',
    sensors,
    '\nEngagements (window: first-last intercept time; pairs: first/last intercept)\n',
    engagements,
    claims,
    flyout,
  ].join('');
};

export const defineEngage = (cmd: Command, ctx: CommandContext): Command =>
  cmd
    .description(
      'run a scenario file: fly its threats, run its sensors, and find where each interceptor site can engage each threat',
    )
    .argument('<scenario>', 'scenario file, YAML or JSON (see docs/scenario.md)')
    .option(JSON_FLAG, JSON_DESCRIPTION)
    .action((file: string, opts: EngageOptions) => {
      const doc = parseScenario(
        readInputFile(ctx.io, file, 'scenario file', errorCodes.scenarioInvalid, file),
        file,
      );
      const scenario = resolveScenario(doc, file);
      const progress = progressBar(ctx.io, 'engage');
      let result: EngageResult;
      try {
        result = engageScenario(scenario, { sensitivity: true, onProgress: progress.update });
      } finally {
        progress.stop();
      }
      ctx.output(
        { json: engageJson(doc.name, result), text: engageText(doc.name, file, result) },
        opts.json === true,
      );
    });
