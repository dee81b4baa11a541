/**
 * Terminal output: aligned tables and numbers at sensible precision. JSON output keeps full
 * precision; every number of a result is checked to be finite before anything is printed.
 */
import { InternalError } from './errors.js';

export type Align = 'left' | 'right';

export interface Column {
  readonly header: string;
  readonly align?: Align;
}

/** Columns padded to their widest cell, two spaces apart; a header and a rule unless omitted. */
export const formatTable = (
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  options: { readonly header?: boolean; readonly indent?: string } = {},
): string => {
  const header = options.header ?? true;
  const indent = options.indent ?? '';
  const widths = columns.map((c, i) =>
    Math.max(header ? c.header.length : 0, ...rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    indent +
    columns
      .map((c, i) => {
        const cell = cells[i] ?? '';
        const w = widths[i] ?? 0;
        return c.align === 'right' ? cell.padStart(w) : cell.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  const out: string[] = [];
  if (header) {
    out.push(line(columns.map((c) => c.header)));
    out.push(indent + widths.map((w) => '-'.repeat(w)).join('  '));
  }
  for (const r of rows) out.push(line(r));
  return `${out.join('\n')}\n`;
};

/** One labelled quantity of a result: label, value, unit. */
export type Quantity = readonly [label: string, value: string, unit: string];

/** A block of labelled quantities under a title, values right-aligned. */
export const formatQuantities = (title: string, quantities: readonly Quantity[]): string =>
  `${title}\n${formatTable(
    [{ header: 'quantity' }, { header: 'value', align: 'right' }, { header: 'unit' }],
    quantities,
    { header: false, indent: '  ' },
  )}`;

/** Fixed decimals ("-0.0" shown as "0.0"). */
export const fixed = (x: number, digits: number): string => {
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
};

/** Six significant digits, trailing zeros dropped (exponent form for tiny or huge numbers). */
export const significant = (x: number, digits = 6): string => String(Number(x.toPrecision(digits)));

/** A duration as m:ss (or h:mm:ss), rounded to the second. */
export const minSec = (seconds: number): string => {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
};

/** "35.2300 N, 53.9200 E" style, for tables. */
export const formatLatLon = (latDeg: number, lonDeg: number, digits = 4): string =>
  `${fixed(Math.abs(latDeg), digits)} ${latDeg < 0 ? 'S' : 'N'}, ${fixed(Math.abs(lonDeg), digits)} ${lonDeg < 0 ? 'W' : 'E'}`;

/**
 * Throws InternalError (exit 70) if any number in a result is NaN or infinite: such a number is
 * a bug, and JSON.stringify would silently print it as null.
 */
export const assertAllFinite = (value: unknown, path = 'result'): void => {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new InternalError(`the result field ${path} is ${value}, not a finite number`);
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      assertAllFinite(v, `${path}[${i}]`);
    });
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertAllFinite(v, `${path}.${k}`);
  }
};

/** The one JSON document a command prints with --json. */
export const formatJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
