import { readFileSync } from 'node:fs';
import { catalogEntries, catalogIds, catalogKinds } from '@openbmd/core';
import { describe, expect, it } from 'vitest';
import { errorCodeOf, jsonOf, runCli } from './helpers.js';

const repoFile = (path: string): string =>
  readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('openbmd catalog list', () => {
  it('lists every entry with kind, id, name, path, sources and notes (--json)', async () => {
    const r = await runCli(['catalog', 'list', '--json']);
    expect(r.code).toBe(0);
    const entries = jsonOf(r)['entries'] as Record<string, unknown>[];
    expect(entries.map((e) => `${e['kind']}/${e['id']}`)).toEqual(
      catalogEntries().map((e) => `${e.kind}/${e.id}`),
    );
    for (const e of entries) {
      expect(Object.keys(e)).toEqual(['kind', 'id', 'name', 'path', 'sources', 'notes']);
      expect((e['sources'] as string[]).length).toBeGreaterThan(0);
    }
    for (const kind of catalogKinds) expect(entries.some((e) => e['kind'] === kind)).toBe(true);
  });

  it('prints a table of kind, id, name and number of sources', async () => {
    const r = await runCli(['catalog', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kind\s+id\s+name\s+sources$/m);
    expect(r.stdout).toMatch(/^interceptor\s+sm-3-iia\s+Standard Missile-3 Block IIA.*\s\d+$/m);
    for (const id of catalogIds('site')) expect(r.stdout).toContain(id);
  });

  it('--kind lists one kind', async () => {
    const r = await runCli(['catalog', 'list', '--kind', 'space-sensor', '--json']);
    expect(r.code).toBe(0);
    const entries = jsonOf(r)['entries'] as Record<string, unknown>[];
    expect(entries.map((e) => e['id'])).toEqual(catalogIds('space-sensor'));
  });

  it('an unknown kind is a usage error (exit 2)', async () => {
    const r = await runCli(['catalog', 'list', '--kind', 'laser']);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_INVALID_INPUT');
  });
});

describe('openbmd catalog show', () => {
  it('prints the YAML file as written', async () => {
    const r = await runCli(['catalog', 'show', 'cobra-dane']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `# catalog/radars/cobra-dane.yaml\n${repoFile('catalog/radars/cobra-dane.yaml')}`,
    );
  });

  it('--json gives the entry as parsed, in file units', async () => {
    const r = await runCli(['catalog', 'show', 'thaad', '--json']);
    expect(r.code).toBe(0);
    const j = jsonOf(r);
    expect(j['kind']).toBe('interceptor');
    expect(j['path']).toBe('catalog/interceptors/thaad.yaml');
    const entry = j['entry'] as Record<string, unknown>;
    expect(entry['burnoutSpeedMps']).toBe(2800);
    expect(entry['killVehicle']).toMatchObject({ minAltitudeKm: 40, maxAltitudeKm: 150 });
  });

  it('a missile, a site and a radar standing nowhere (siteId null)', async () => {
    const m = jsonOf(
      await runCli(['catalog', 'show', 'hwasong-15', '--kind', 'missile', '--json']),
    );
    expect((m['entry'] as Record<string, unknown>)['class']).toBe('icbm');
    const s = jsonOf(await runCli(['catalog', 'show', 'Deveselu', '--json']));
    expect((s['entry'] as Record<string, unknown>)['country']).toBe('Romania');
    const x = jsonOf(await runCli(['catalog', 'show', 'sbx', '--json']));
    expect((x['entry'] as Record<string, unknown>)['siteId']).toBeNull();
  });

  it('an unknown id: E_CATALOG_UNKNOWN with the closest id, exit 2, nothing on stdout', async () => {
    const r = await runCli(['catalog', 'show', 'sm3-iia']);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_CATALOG_UNKNOWN');
    expect(r.stderr).toContain("did you mean 'sm-3-iia'?");
    expect(r.stdout).toBe('');
  });

  it('an unknown missile with --kind missile: E_MISSILE_UNKNOWN', async () => {
    const r = await runCli(['catalog', 'show', 'ss18', '--kind', 'missile']);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_MISSILE_UNKNOWN');
    expect(r.stderr).toContain("did you mean 'ss-18'?");
  });

  it('an id of another kind than --kind: E_CATALOG_UNKNOWN', async () => {
    const r = await runCli(['catalog', 'show', 'sbirs', '--kind', 'radar']);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_CATALOG_UNKNOWN');
  });

  it('without an id: a usage error', async () => {
    const r = await runCli(['catalog', 'show']);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_INVALID_INPUT');
  });
});
