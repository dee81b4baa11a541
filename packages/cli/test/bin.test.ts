/** The built executable, in a real process: exit codes, one JSON document, no stack traces. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

const openbmd = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(() => {
  if (!existsSync(bin)) {
    execFileSync('npx', ['tsc', '-b', 'packages/core', 'packages/cli'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
}, 120_000);

describe('node packages/cli/dist/bin.js', () => {
  it('--version', () => {
    const r = openbmd('--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('atmosphere --json prints one JSON document', () => {
    const r = openbmd('atmosphere', '--altitude-km', '0', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ altitudeM: 0, temperatureK: 288.15 });
  });

  it('fly with a ballistic coefficient on a round Earth: exit 2, one line, no stack', () => {
    const r = openbmd(
      'fly',
      '--lat-deg',
      '0',
      '--lon-deg',
      '0',
      '--speed-mps',
      '3000',
      '--flight-path-deg',
      '45',
      '--azimuth-deg',
      '90',
      '--fidelity',
      'round',
      '--ballistic-coefficient-kgm2',
      '5000',
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^openbmd: error: .*\[E_MODEL_CONFLICT\]\n$/);
  });

  it('an unknown flag: exit 2', () => {
    const r = openbmd('atmosphere', '--altitude-km', '0', '--nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^openbmd: error: .*\[E_INVALID_INPUT\]\n$/);
  });

  it('latitude 95: exit 2 naming --lat-deg', () => {
    const r = openbmd(
      'fly',
      '--lat-deg',
      '95',
      '--lon-deg',
      '0',
      '--speed-mps',
      '3000',
      '--flight-path-deg',
      '45',
      '--azimuth-deg',
      '90',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lat-deg');
    expect(r.stderr).toContain('[E_OUT_OF_RANGE]');
  });
});

describe('npx openbmd (the bin that npm install links)', () => {
  it('node_modules/.bin/openbmd runs the built command', () => {
    const link = fileURLToPath(new URL('../../../node_modules/.bin/openbmd', import.meta.url));
    expect(existsSync(link)).toBe(true);
    const r = spawnSync(link, ['--version'], { encoding: 'utf8', cwd: root });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
