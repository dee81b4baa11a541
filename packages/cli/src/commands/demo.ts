/**
 * `openbmd demo`: aims and flies the flagship threats (minimum energy, wgs84) and prints their key
 * figures, with a progress bar on stderr. Stands in for the scenario runner until it exists.
 *
 * A threat the core cannot fly (a target out of the missile's reach, say) does not hide the others:
 * its row shows the error code, its JSON entry an `error`, stderr one error line, and the exit
 * code is 2.
 */
import {
  aimMissile,
  builtinMissiles,
  describeEarthModel,
  earthPreset,
  errorCodes,
  isOpenBmdError,
  type MissileDefinition,
  OpenBmdError,
} from '@openbmd/core';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { type CommandContext, JSON_DESCRIPTION, JSON_FLAG } from '../context.js';
import { exitCodes, writeError } from '../errors.js';
import { type FlightFigures, flightFigures, toRad } from '../figures.js';
import { fixed, formatTable, minSec } from '../format.js';

export interface Place {
  readonly name: string;
  readonly latDeg: number;
  readonly lonDeg: number;
}

export interface FlagshipThreat {
  readonly id: string;
  /** Built-in ids to try first, in order, then any built-in that `matches`. */
  readonly missileIds: readonly string[];
  readonly matches: (m: MissileDefinition) => boolean;
  readonly from: Place;
  readonly to: Place;
}

const WASHINGTON: Place = { name: 'Washington', latDeg: 38.9, lonDeg: -77.04 };

const words = (m: MissileDefinition): string => `${m.id} ${m.name} ${m.notes ?? ''}`;

/** The flagship threats of the project's issue: launch sites and targets in degrees. */
export const flagshipThreats: readonly FlagshipThreat[] = [
  {
    id: 'semnan-washington',
    missileIds: ['iran-icbm-notional'],
    matches: (m) => m.class === 'icbm' && /iran/i.test(words(m)),
    from: { name: 'Semnan', latDeg: 35.23, lonDeg: 53.92 },
    to: WASHINGTON,
  },
  {
    id: 'kozelsk-washington',
    missileIds: ['ss-19'],
    matches: (m) => m.class === 'icbm' && /ss-19|ur-100n/i.test(words(m)),
    from: { name: 'Kozelsk', latDeg: 54.03, lonDeg: 35.77 },
    to: WASHINGTON,
  },
];

export const DEMO_FIDELITY = 'wgs84';

/** The built-in missile a threat flies, or E_MISSILE_UNKNOWN. */
export const threatMissile = (
  threat: FlagshipThreat,
  builtins: readonly MissileDefinition[] = builtinMissiles,
): MissileDefinition => {
  for (const id of threat.missileIds) {
    const m = builtins.find((b) => b.id === id);
    if (m !== undefined) return m;
  }
  const m = builtins.find(threat.matches);
  if (m === undefined) {
    throw new OpenBmdError(
      errorCodes.missileUnknown,
      `no built-in missile for the flagship threat ${threat.id} (tried ids ${threat.missileIds.join(', ')})`,
      'demo',
    );
  }
  return m;
};

interface DemoOptions {
  readonly json?: true;
}

type ThreatFigures = Omit<FlightFigures, 'impact' | 'burnoutFlightPathDeg'> & {
  readonly missDistanceM: number;
};

interface ThreatRow {
  readonly id: string;
  readonly missile: string;
  readonly from: Place;
  readonly to: Place;
  readonly figures: ThreatFigures | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

export const defineDemo = (cmd: Command, ctx: CommandContext): Command =>
  cmd
    .description(
      'aim and fly the flagship threats (Semnan and Kozelsk to Washington; minimum energy, wgs84) and print their key figures',
    )
    .option(JSON_FLAG, JSON_DESCRIPTION)
    .action((opts: DemoOptions) => {
      const model = earthPreset(DEMO_FIDELITY);
      const jobs = flagshipThreats.map((t) => ({ threat: t, missile: threatMissile(t) }));
      const bar = ctx.io.progress
        ? new SingleBar({
            stream: ctx.io.stderr as NodeJS.WritableStream,
            noTTYOutput: true,
            format: 'demo [{bar}] {value}/{total} {threat}',
            // Non-TTY: no blank line after the last one; TTY: the bar goes when done.
            clearOnComplete: true,
          })
        : null;
      const label = (i: number): string => {
        const job = jobs[i];
        return job === undefined ? 'done' : `${job.threat.id} (${job.missile.id})`;
      };
      bar?.start(jobs.length, 0, { threat: label(0) });
      const rows: ThreatRow[] = [];
      try {
        for (const [i, { threat, missile }] of jobs.entries()) {
          if (i > 0) {
            bar?.update(i, { threat: label(i) });
            bar?.render();
          }
          const base = { id: threat.id, missile: missile.id, from: threat.from, to: threat.to };
          const fromLatRad = toRad(threat.from.latDeg);
          const fromLonRad = toRad(threat.from.lonDeg);
          try {
            const r = aimMissile(model, {
              missile,
              fromLatRad,
              fromLonRad,
              toLatRad: toRad(threat.to.latDeg),
              toLonRad: toRad(threat.to.lonDeg),
              shape: { kind: 'minimum-energy' },
            });
            const {
              impact: _i,
              burnoutFlightPathDeg: _b,
              ...f
            } = flightFigures(model, r.flight, fromLatRad, fromLonRad);
            rows.push({ ...base, figures: { ...f, missDistanceM: r.missDistanceM }, error: null });
          } catch (e) {
            if (!isOpenBmdError(e)) throw e;
            rows.push({ ...base, figures: null, error: { code: e.code, message: e.message } });
          }
        }
        bar?.update(jobs.length, { threat: label(jobs.length) });
      } finally {
        bar?.stop();
      }
      const failed = rows.filter((r) => r.error !== null);
      for (const r of failed) {
        if (r.error !== null)
          writeError(ctx.io.stderr, `${r.id}: ${r.error.message}`, r.error.code);
      }
      const threats = rows.map((r) => ({
        id: r.id,
        missile: r.missile,
        from: { ...r.from },
        to: { ...r.to },
        ...(r.figures ?? {}),
        ...(r.error === null ? {} : { error: r.error }),
      }));
      const cell = (r: ThreatRow, f: (x: ThreatFigures) => string): string =>
        r.figures === null ? '-' : f(r.figures);
      const table = formatTable(
        [
          { header: 'threat' },
          { header: 'missile' },
          { header: 'from' },
          { header: 'to' },
          { header: 'range km', align: 'right' },
          { header: 'flight m:s', align: 'right' },
          { header: 'apogee km', align: 'right' },
          { header: 'burnout s', align: 'right' },
          { header: 'burnout m/s', align: 'right' },
          { header: 'burnout km', align: 'right' },
          { header: 'miss m', align: 'right' },
        ],
        rows.map((r) => [
          r.id,
          r.missile,
          r.from.name,
          r.to.name,
          cell(r, (f) => fixed(f.groundRangeKm, 0)),
          cell(r, (f) => minSec(f.flightTimeS)),
          cell(r, (f) => fixed(f.apogeeKm, 0)),
          cell(r, (f) => fixed(f.burnoutTimeS, 1)),
          cell(r, (f) => fixed(f.burnoutSpeedMps, 0)),
          cell(r, (f) => fixed(f.burnoutAltitudeKm, 1)),
          r.figures === null ? (r.error?.code ?? '-') : fixed(r.figures.missDistanceM, 1),
        ]),
      );
      const title = `Flagship threats, minimum-energy trajectories, fidelity ${model.name}\n`;
      ctx.output(
        {
          json: { fidelity: model.name, threats, models: describeEarthModel(model) },
          text: `${title}${table}`,
          exitCode: failed.length > 0 ? exitCodes.badInput : exitCodes.ok,
        },
        opts.json === true,
      );
    });
