import { describe, expect, it } from 'vitest';
import { InternalError, reportError } from '../src/errors.js';
import { assertAllFinite, formatTable, minSec } from '../src/format.js';
import { cliVersion } from '../src/index.js';
import { errorCodeOf, runCli } from './helpers.js';

const fly = [
  'fly',
  '--lat-deg',
  '0',
  '--lon-deg',
  '0',
  '--speed-mps',
  '1000',
  '--flight-path-deg',
  '45',
];

describe('usage errors exit 2 with one line and a code', () => {
  it.each([
    ['an unknown flag', [...fly, '--azimuth-deg', '0', '--bogus']],
    ['a missing required option', fly],
    ['an option without its value', [...fly, '--azimuth-deg']],
    ['an unknown command', ['fyl']],
    ['an excess argument', ['missiles', 'extra']],
    ['no command', []],
  ])('%s', async (_what, args) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(errorCodeOf(r)).toBe('E_INVALID_INPUT');
    expect(r.stderr.match(/openbmd: error:/g)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(r.stdout).toBe('');
  });
});

describe('help and version', () => {
  it('--version prints the package version, exit 0', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(cliVersion());
  });

  it.each(['atmosphere', 'fly', 'aim', 'max-range', 'missiles', 'validate', 'demo'])(
    '%s --help, exit 0',
    async (cmd) => {
      const r = await runCli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: openbmd ${cmd}`);
      expect(r.stdout).toContain('--json');
    },
  );
});

describe('output guards', () => {
  it('a non-finite number in a result is a bug: exit 70', () => {
    expect(() => assertAllFinite({ a: { b: [1, Number.NaN] } })).toThrow(InternalError);
    expect(() => assertAllFinite({ a: null, b: 'x', c: [1, 2] })).not.toThrow();
    let err = '';
    const code = reportError(new InternalError('x'), { write: (s: string) => (err += s) });
    expect(code).toBe(70);
    expect(err).toMatch(/^openbmd: error: .*\[E_INTERNAL\]\n$/);
  });

  it('an unexpected exception is reported in one line, exit 70', () => {
    let err = '';
    const code = reportError(new TypeError('boom'), { write: (s: string) => (err += s) });
    expect(code).toBe(70);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('tables align their columns', () => {
    const t = formatTable(
      [{ header: 'a' }, { header: 'bb', align: 'right' }],
      [
        ['xyz', '1'],
        ['q', '22'],
      ],
    );
    expect(t).toBe('a    bb\n---  --\nxyz   1\nq    22\n');
    expect(minSec(1932.9)).toBe('32:13');
    expect(minSec(3725)).toBe('1:02:05');
  });
});
