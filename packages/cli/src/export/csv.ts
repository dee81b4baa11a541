/**
 * trajectories.csv: one row per track point of every threat (baseline), RFC 4180 records (CRLF
 * line ends, fields quoted when they hold a comma, a quote or a line break) after a block of
 * comment lines, each starting with `# `, that carries the provenance and the whole assumption
 * ledger (read it with pandas `comment='#'`, R `comment.char = '#'`, or skip the lines that start
 * with '#').
 */
import type { RunResult } from '@openbmd/core';
import { ledgerLines } from './scene.js';

/** The columns, in order, with the decimals each number is written with. */
export const trajectoryCsvColumns = [
  'threatId',
  'timeS',
  'latDeg',
  'lonDeg',
  'altitudeKm',
  'groundRangeKm',
  'speedMps',
  'phase',
  'engageableBy',
] as const;

/** Decimals: time to 0.1 s, latitude/longitude to 1e-5 deg (about 1 m), altitude to 1 m. */
export const trajectoryCsvDecimals = {
  timeS: 1,
  latDeg: 5,
  lonDeg: 5,
  altitudeKm: 3,
  groundRangeKm: 3,
  speedMps: 1,
} as const;

/** One field, quoted when RFC 4180 requires it. */
export const csvField = (value: string): string =>
  /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

const fixed = (value: number, decimals: number): string => {
  const s = value.toFixed(decimals);
  // No "-0.000": a value that rounds to zero is written as zero.
  return Number(s) === 0 ? (0).toFixed(decimals) : s;
};

export const trajectoriesCsv = (r: RunResult): string => {
  const d = trajectoryCsvDecimals;
  const lines = [...ledgerLines(r).map((line) => `# ${line}`), trajectoryCsvColumns.join(',')];
  for (const track of r.tracks) {
    for (const p of track.points) {
      lines.push(
        [
          csvField(track.threatId),
          fixed(p.timeS, d.timeS),
          fixed(p.latDeg, d.latDeg),
          fixed(p.lonDeg, d.lonDeg),
          fixed(p.altitudeKm, d.altitudeKm),
          fixed(p.groundRangeKm, d.groundRangeKm),
          fixed(p.speedMps, d.speedMps),
          csvField(p.phase),
          csvField(p.engageableBy.join(';')),
        ].join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
};
