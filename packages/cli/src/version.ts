/** The version of @openbmd/cli (from its package.json, one level above src/ and dist/). */
import { readFileSync } from 'node:fs';

export const cliVersion = (): string => {
  const pkg: unknown = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  );
  const v = (pkg as { version?: unknown }).version;
  return typeof v === 'string' ? v : 'unknown';
};
