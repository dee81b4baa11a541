/** The per-model flags: each model configured on its own on top of a --fidelity preset. */
import { describe, expect, it } from 'vitest';
import { errorCodeOf, jsonOf, runCli } from './helpers.js';

const fly = ['fly', '--lat-deg', '20', '--lon-deg', '10', '--speed-mps', '5000'];
const flyArgs = [...fly, '--flight-path-deg', '30', '--azimuth-deg', '80', '--json'];

describe('model overrides', () => {
  it('round-still with --rotation on is the round preset, named custom with its models listed', async () => {
    const custom = jsonOf(
      await runCli([...flyArgs, '--fidelity', 'round-still', '--rotation', 'on']),
    );
    const round = jsonOf(await runCli([...flyArgs, '--fidelity', 'round']));
    expect(custom['fidelity']).toBe('custom');
    expect(custom['models']).toMatchObject({ fidelity: 'custom', rotationRadps: 7.292115e-5 });
    expect(custom['flightTimeS']).toBe(round['flightTimeS']);
    expect(custom['impact']).toEqual(round['impact']);
  });

  it('--rotation off changes the impact point of the wgs84 preset', async () => {
    const still = jsonOf(await runCli([...flyArgs, '--rotation', 'off']));
    const turning = jsonOf(await runCli(flyArgs));
    expect(still['models']).toMatchObject({ rotationRadps: 0, earth: 'WGS84 ellipsoid' });
    expect(still['impact']).not.toEqual(turning['impact']);
  });

  it('--earth sphere with J2 gravity and --atmosphere exponential is accepted', async () => {
    const r = await runCli([
      ...flyArgs,
      '--earth',
      'sphere',
      '--atmosphere',
      'exponential',
      '--ballistic-coefficient-kgm2',
      '3000',
    ]);
    expect(r.code).toBe(0);
    expect(jsonOf(r)['models']).toMatchObject({ earth: 'sphere of radius 6371000 m', drag: true });
  });

  it('drag with no atmosphere, or a ballistic coefficient with drag off: exit 2, E_MODEL_CONFLICT', async () => {
    const a = await runCli([...flyArgs, '--atmosphere', 'none', '--drag', 'on']);
    expect(a.code).toBe(2);
    expect(errorCodeOf(a)).toBe('E_MODEL_CONFLICT');
    const b = await runCli([...flyArgs, '--drag', 'off', '--ballistic-coefficient-kgm2', '3000']);
    expect(b.code).toBe(2);
    expect(errorCodeOf(b)).toBe('E_MODEL_CONFLICT');
  });

  it('an unknown model name is a usage error: exit 2', async () => {
    const r = await runCli([...flyArgs, '--gravity', 'egm2008']);
    expect(r.code).toBe(2);
  });
});
