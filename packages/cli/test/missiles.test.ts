import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogMissiles } from '@openbmd/core';
import { afterAll, describe, expect, it } from 'vitest';
import { errorCodeOf, jsonOf, runCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'openbmd-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openbmd missiles', () => {
  it('lists every built-in missile with id, name, class, propellant and sources', async () => {
    const r = await runCli(['missiles', '--json']);
    expect(r.code).toBe(0);
    const list = jsonOf(r)['missiles'] as Record<string, unknown>[];
    expect(list.map((m) => m['id'])).toEqual(catalogMissiles().map((m) => m.id));
    for (const m of list) {
      expect(Object.keys(m)).toEqual(
        expect.arrayContaining(['id', 'name', 'class', 'propellant', 'sources']),
      );
      expect((m['sources'] as string[]).length).toBeGreaterThan(0);
    }
  });

  it('prints a table with every id', async () => {
    const r = await runCli(['missiles']);
    expect(r.code).toBe(0);
    for (const m of catalogMissiles()) expect(r.stdout).toContain(m.id);
  });
});

describe('--missile ID|FILE', () => {
  const scud = catalogMissiles().find((m) => m.id === 'scud-b');

  it('reads a JSON missile file and flies it like the built-in', async () => {
    expect(scud).toBeDefined();
    const file = join(dir, 'my-scud.json');
    writeFileSync(file, JSON.stringify(scud));
    const fromFile = jsonOf(await runCli(['max-range', '--missile', file, '--json']));
    const builtin = jsonOf(await runCli(['max-range', '--missile', 'scud-b', '--json']));
    expect(fromFile['missile']).toBe('scud-b');
    expect(fromFile['maxRangeKm']).toBeCloseTo(builtin['maxRangeKm'] as number, 6);
  });

  it('an invalid missile file: E_MISSILE_INVALID, exit 2, problems listed under one error line', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'openbmd-missile: 1\nid: bad\nname: Bad\nburnTime: 3\n');
    const r = await runCli(['max-range', '--missile', file]);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_MISSILE_INVALID');
    expect(r.stderr.match(/openbmd: error:/g)).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it('a missing missile file: E_MISSILE_INVALID, exit 2', async () => {
    const r = await runCli(['max-range', '--missile', join(dir, 'nope.yaml')]);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_MISSILE_INVALID');
  });

  it('an unknown id: E_MISSILE_UNKNOWN, exit 2', async () => {
    const r = await runCli(['max-range', '--missile', 'ss19']);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_MISSILE_UNKNOWN');
  });
});
