/**
 * scene.czml: every packet passes our zod schema (czml-schema.ts), the document packet comes
 * first with the clock from the scenario epoch, position samples are [t, lon, lat, h] with
 * increasing times, colours are RGBA bytes, and the path colour follows engageability in time.
 */
import { describe, expect, it } from 'vitest';
import { sceneCzml } from '../../src/export/czml.js';
import { czmlDocumentSchema, czmlPacketSchema } from '../../src/export/czml-schema.js';
import { fixtureRunResult } from './fixture.js';

/** Every value under a key named `key`, anywhere in a JSON tree. */
const valuesOf = (tree: unknown, key: string): unknown[] => {
  const found: unknown[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === key) found.push(v);
        walk(v);
      }
    }
  };
  walk(tree);
  return found;
};

describe('scene.czml', () => {
  const r = fixtureRunResult();
  const packets = sceneCzml(r);
  const json: unknown = JSON.parse(JSON.stringify(packets));

  it('passes the schema, packet by packet and as a document', () => {
    expect(Array.isArray(json)).toBe(true);
    for (const packet of json as unknown[]) {
      const result = czmlPacketSchema.safeParse(packet);
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    }
    expect(czmlDocumentSchema.safeParse(json).success).toBe(true);
    const ids = packets.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('starts with the document packet and its clock from the scenario epoch', () => {
    const first = packets[0];
    expect(first?.id).toBe('document');
    if (first === undefined || !('clock' in first)) throw new Error('no document packet');
    expect(first.version).toBe('1.0');
    expect(first.clock.currentTime).toBe('2008-06-01T12:00:00.000Z');
    expect(first.clock.interval).toBe('2008-06-01T12:00:00.000Z/2008-06-01T12:27:10.000Z');
    expect(first.clock.multiplier).toBeGreaterThan(0);
    expect(packets.slice(1).some((p) => p.id === 'document')).toBe(false);
  });

  it('has, per threat, [t, lon, lat, h] samples in increasing time, one per track point', () => {
    for (const track of r.tracks) {
      const packet = packets.find((p) => p.id === `threat-${track.threatId}`);
      if (packet === undefined || !('path' in packet))
        throw new Error(`no packet for ${track.threatId}`);
      const samples = packet.position.cartographicDegrees;
      expect(samples.length % 4).toBe(0);
      expect(samples.length / 4).toBe(track.points.length);
      for (let i = 4; i < samples.length; i += 4) {
        expect(samples[i]).toBeGreaterThan(samples[i - 4] ?? Number.POSITIVE_INFINITY);
      }
      const p = track.points[5];
      expect(samples[20]).toBeCloseTo(p?.timeS ?? Number.NaN, 3);
      expect(samples[21]).toBeCloseTo(p?.lonDeg ?? Number.NaN, 5);
      expect(samples[22]).toBeCloseTo(p?.latDeg ?? Number.NaN, 5);
      expect(samples[23]).toBeCloseTo((p?.altitudeKm ?? Number.NaN) * 1000, 0);
      expect(packet.position.epoch).toBe('2008-06-01T12:00:00.000Z');
    }
  });

  it('writes every colour as four bytes', () => {
    const colours = valuesOf(json, 'rgba');
    expect(colours.length).toBeGreaterThan(20);
    for (const c of colours) {
      expect(Array.isArray(c)).toBe(true);
      expect(c).toHaveLength(4);
      for (const v of c as unknown[]) {
        expect(Number.isInteger(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(255);
      }
    }
  });

  it('colours the path green while a site can engage and red otherwise, and the segments the same', () => {
    const packet = packets.find((p) => p.id === 'threat-semnan-london');
    if (packet === undefined || !('path' in packet)) throw new Error('no packet');
    const colour = packet.path.material.solidColor.color;
    if (!Array.isArray(colour)) throw new Error('expected interval colours');
    expect(colour.map((c) => c.rgba)).toEqual([
      [214, 39, 40, 255],
      [44, 160, 44, 255],
      [214, 39, 40, 255],
    ]);
    expect(colour[1]?.interval).toBe('2008-06-01T12:10:40.000Z/2008-06-01T12:16:00.000Z');
    const segments = packets.filter(
      (p) => 'polyline' in p && p.id.startsWith('track-semnan-london-'),
    );
    expect(segments).toHaveLength(3);
    const engageable = segments.map((p) => ('polyline' in p ? p.properties.engageable : null));
    expect(engageable).toEqual([false, true, false]);
  });

  it('has the sites, the radar coverage on the ground and the intercept points', () => {
    expect(packets.filter((p) => p.id.startsWith('site-'))).toHaveLength(r.sites.length);
    const coverage = packets.find((p) => p.id === 'coverage-brdy');
    if (coverage === undefined || !('polygon' in coverage)) throw new Error('no coverage');
    const positions = coverage.polygon.positions.cartographicDegrees;
    expect(positions.length % 3).toBe(0);
    expect(positions.filter((_, i) => i % 3 === 2).every((h) => h === 0)).toBe(true);
    expect(packets.filter((p) => p.id.startsWith('intercept-'))).toHaveLength(4);
  });

  it('rejects what it does not emit', () => {
    expect(czmlPacketSchema.safeParse({ id: 'document', version: '1.0' }).success).toBe(false);
    const threat: unknown = Array.isArray(json) ? json[1] : undefined;
    const bad = JSON.parse(JSON.stringify(threat)) as {
      position: { cartographicDegrees: number[] };
    };
    bad.position.cartographicDegrees.push(1);
    expect(czmlPacketSchema.safeParse(bad).success).toBe(false);
  });
});
