import { describe, expect, it } from 'vitest';
import { jsonOf, runCli } from './helpers.js';

describe('openbmd schema', () => {
  it('prints the scenario files JSON Schema (draft 2020-12) with the format version and sections', async () => {
    const r = await runCli(['schema']);
    expect(r.code).toBe(0);
    const schema = jsonOf(r);
    expect(String(schema['$schema'])).toContain('2020-12');
    const properties = schema['properties'] as Record<string, unknown>;
    for (const key of ['openbmd', 'name', 'sites', 'sensors', 'interceptorSites', 'threats']) {
      expect(properties).toHaveProperty(key);
    }
    expect(schema['required']).toEqual(expect.arrayContaining(['openbmd', 'name', 'threats']));
  });
});
