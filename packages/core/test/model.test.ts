/** Earth-model presets and custom combinations. */
import { describe, expect, it } from 'vitest';
import {
  customEarthModel,
  describeEarthModel,
  earthPreset,
  earthPresets,
  fidelityPresetNames,
} from '../src/earth/model.js';

describe('presets', () => {
  it('round presets: sphere of 6,371,000 m, GM 3.986004418e14, no air; round-still still, round turning', () => {
    for (const name of ['round-still', 'round'] as const) {
      const m = earthPresets[name];
      expect(m).toMatchObject({ shape: 'sphere', radiusM: 6_371_000, gmM3S2: 3.986004418e14 });
      expect(m).toMatchObject({ gravity: 'point-mass', atmosphere: 'none', drag: false });
    }
    expect(earthPresets['round-still'].rotationRadps).toBe(0);
    expect(earthPresets.round.rotationRadps).toBe(7.292115e-5);
  });

  it('wgs84: ellipsoid, J2 (EGM96), USSA76 with drag; p1: sphere of radius a, exponential air', () => {
    expect(earthPresets.wgs84).toMatchObject({ shape: 'wgs84', radiusM: 6_378_137, gravity: 'j2' });
    expect(earthPresets.wgs84).toMatchObject({
      j2: 1.08262668e-3,
      atmosphere: 'ussa76',
      drag: true,
    });
    expect(earthPresets.p1).toMatchObject({
      shape: 'sphere',
      radiusM: 6_378_137,
      atmosphere: 'exponential',
    });
    expect(fidelityPresetNames).toEqual(['round-still', 'round', 'wgs84', 'p1']);
  });

  it('an unknown preset is E_INVALID_INPUT naming the choices', () => {
    expect(() => earthPreset('flat')).toThrow(expect.objectContaining({ code: 'E_INVALID_INPUT' }));
  });
});

describe('customEarthModel', () => {
  it('names a changed model custom, an unchanged one by its preset', () => {
    expect(customEarthModel(earthPresets.wgs84, { rotationRadps: 0 }).name).toBe('custom');
    expect(customEarthModel(earthPresets.wgs84, { gravity: 'j2' }).name).toBe('wgs84');
  });

  it('refuses drag without air, a flattened sphere and a non-positive radius', () => {
    expect(() => customEarthModel(earthPresets.round, { drag: true })).toThrow(
      expect.objectContaining({ code: 'E_MODEL_CONFLICT' }),
    );
    expect(() => customEarthModel(earthPresets.round, { flattening: 0.003 })).toThrow(
      expect.objectContaining({ code: 'E_MODEL_CONFLICT' }),
    );
    expect(() => customEarthModel(earthPresets.round, { radiusM: 0 })).toThrow(
      expect.objectContaining({ code: 'E_OUT_OF_RANGE' }),
    );
  });

  it('the assumption ledger lists every model', () => {
    expect(describeEarthModel(earthPresets.wgs84)).toEqual({
      fidelity: 'wgs84',
      earth: 'WGS84 ellipsoid',
      rotationRadps: 7.292115e-5,
      gravity: 'point mass + J2 (0.00108262668)',
      gmM3S2: 3.986004418e14,
      atmosphere: 'US Standard Atmosphere 1976',
      drag: true,
    });
  });
});
