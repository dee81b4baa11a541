/**
 * trajectories.csv: parsed back with an RFC 4180 reader, one row per track point, the header,
 * and every number equal to the result's within the decimals it is written with.
 */
import { describe, expect, it } from 'vitest';
import { csvField, trajectoriesCsv, trajectoryCsvColumns } from '../../src/export/csv.js';
import { readCsv, splitCsvComments } from './csv-reader.js';
import { fixtureRunResult } from './fixture.js';

describe('trajectories.csv', () => {
  it('opens with comment lines that carry the provenance and the whole ledger', () => {
    const r = fixtureRunResult();
    const { comments } = splitCsvComments(trajectoriesCsv(r));
    const all = comments.join('\n');
    expect(comments[0]).toMatch(/^NOTIONAL/);
    expect(all).toContain(r.provenance.scenarioSha256);
    expect(all).toContain(`Integrator: ${r.ledger.integrator.method}`);
    for (const d of r.ledger.delays) expect(all).toContain(d.path);
    for (const p of r.ledger.parameters) expect(all).toContain(`Parameter ${p.path}:`);
    for (const s of r.sources) expect(all).toContain(s.replace(/\s+/g, ' ').trim());
    for (const c of comments) expect(c).not.toMatch(/[\r\n]/);
  });

  const r = fixtureRunResult();
  const records = readCsv(trajectoriesCsv(r));

  it('has the header and one row of nine fields per track point', () => {
    expect(records[0]).toEqual([
      'threatId',
      'timeS',
      'latDeg',
      'lonDeg',
      'altitudeKm',
      'groundRangeKm',
      'speedMps',
      'phase',
      'engageableBy',
    ]);
    expect(records[0]).toEqual([...trajectoryCsvColumns]);
    const points = r.tracks.reduce((n, t) => n + t.points.length, 0);
    expect(points).toBeGreaterThan(300);
    expect(records.length - 1).toBe(points);
    for (const row of records) expect(row).toHaveLength(9);
  });

  it('gives back every number within its stated decimals, and the phase and sites', () => {
    const rows = records.slice(1);
    let k = 0;
    for (const track of r.tracks) {
      for (const p of track.points) {
        const row = rows[k++];
        if (row === undefined) throw new Error('missing row');
        const [threatId, timeS, latDeg, lonDeg, altitudeKm, groundRangeKm, speedMps, phase, sites] =
          row;
        expect(threatId).toBe(track.threatId);
        expect(Math.abs(Number(timeS) - p.timeS)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.abs(Number(latDeg) - p.latDeg)).toBeLessThanOrEqual(0.5e-5 + 1e-12);
        expect(Math.abs(Number(lonDeg) - p.lonDeg)).toBeLessThanOrEqual(0.5e-5 + 1e-12);
        expect(Math.abs(Number(altitudeKm) - p.altitudeKm)).toBeLessThanOrEqual(0.5e-3 + 1e-12);
        expect(Math.abs(Number(groundRangeKm) - p.groundRangeKm)).toBeLessThanOrEqual(
          0.5e-3 + 1e-12,
        );
        expect(Math.abs(Number(speedMps) - p.speedMps)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(phase).toBe(p.phase);
        expect(sites === '' ? [] : sites?.split(';')).toEqual(p.engageableBy);
        expect(latDeg).toMatch(/^-?\d+\.\d{5}$/);
        expect(timeS).toMatch(/^-?\d+\.\d$/);
        expect(altitudeKm).toMatch(/^-?\d+\.\d{3}$/);
      }
    }
    // The antimeridian-crossing threat has longitudes on both sides.
    const pacific = rows
      .filter((row) => row[0] === 'kamchatka-anchorage')
      .map((row) => Number(row[3]));
    expect(Math.max(...pacific)).toBeGreaterThan(170);
    expect(Math.min(...pacific)).toBeLessThan(-150);
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const base = fixtureRunResult();
    const track = base.tracks[0];
    if (track === undefined) throw new Error('no track');
    const odd = {
      ...base,
      tracks: [
        {
          threatId: 'odd,"id"',
          points: track.points.slice(0, 2).map((p) => ({ ...p, engageableBy: ['a,b', 'c'] })),
        },
      ],
    };
    const back = readCsv(trajectoriesCsv(odd));
    expect(back[1]?.[0]).toBe('odd,"id"');
    expect(back[1]?.[8]).toBe('a,b;c');
  });
});
