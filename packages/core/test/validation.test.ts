/** Every case of `openbmd validate` is a test too (sources are named in the cases). */
import { describe, expect, it } from 'vitest';
import { runValidationCases } from '../src/validation/cases.js';

describe('validation cases', () => {
  const rows = runValidationCases();
  it('has cases for every area the project validates', () => {
    const ids = rows.map((r) => r.id);
    for (const prefix of [
      'kepler-',
      'ussa76-',
      'frames-',
      'conservation',
      'j2-',
      'burnout-speed',
      'icbm-flight-time',
      'minimum-energy-aim',
    ]) {
      expect(ids.some((id) => id.startsWith(prefix))).toBe(true);
    }
  });
  it.each(rows.map((r) => [r.id, r] as const))('%s', (_id, row) => {
    expect(row.source.length).toBeGreaterThan(10);
    expect(row.pass, `${row.case}: expected ${row.expected}, computed ${row.computed}`).toBe(true);
  });
});
