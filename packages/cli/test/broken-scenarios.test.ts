/**
 * The corpus of broken scenarios (test/corpus/broken/): each one gives exit code 2, one error
 * line with its code, the expected problems with file, line, column and path (the file's
 * `# expect:` lines, or `<file>.expect` for JSON), no stack trace, and no outputs.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const dir = new URL('./corpus/broken/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => !f.endsWith('.expect'));
const out = mkdtempSync(join(tmpdir(), 'openbmd-broken-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const expectations = (file: string): string[] => {
  const sidecar = join(dir, `${file}.expect`);
  if (existsSync(sidecar))
    return readFileSync(sidecar, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
  return readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('# expect: '))
    .map((l) => l.slice('# expect: '.length));
};

describe('openbmd run: a corpus of broken scenarios', () => {
  it('has a dozen cases or more, each with expectations', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const f of files) expect(expectations(f).length, f).toBeGreaterThan(0);
  });

  it.each(files)('%s: exit 2, the expected problems, no stack trace, no outputs', async (file) => {
    const target = join(out, file);
    const r = await runCli(['run', join(dir, file), '--out', target]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^openbmd: error: .* \[E_[A-Z_]+\]$/m);
    for (const line of expectations(file)) {
      expect(r.stderr.replaceAll(dir, ''), line).toContain(line);
    }
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toMatch(/NaN|undefined/);
    expect(existsSync(target)).toBe(false);
  });
});
