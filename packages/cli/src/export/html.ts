/** HTML building blocks of the report: escaping and number formatting. */

/** Escapes text for HTML character data and double- or single-quoted attribute values. */
export const escapeHtml = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** A number with fixed decimals, or an em dash for null; never "-0". */
export const formatNumber = (value: number | null, decimals: number): string => {
  if (value === null || !Number.isFinite(value)) return '\u2014';
  const s = value.toFixed(decimals);
  return Number(s) === 0 ? (0).toFixed(decimals) : s;
};

/** Decimals for a quantity by its unit: km/s to 0.01, s to 0.1, otherwise 3 significant digits. */
export const formatQuantity = (value: number, unit: string): string => {
  if (unit === 'km/s') return `${formatNumber(value, 2)} ${unit}`;
  if (unit === 's') return `${formatNumber(value, 1)} ${unit}`;
  if (unit === 'km' || unit === 'm/s' || unit === 'm') return `${formatNumber(value, 0)} ${unit}`;
  return `${Number(value.toPrecision(3))} ${unit}`;
};
