/**
 * Problems in YAML (or JSON) input files, with their line and column: the shared part of the
 * missile-definition and scenario parsers. A file is parsed with a line counter; a problem found
 * at a field path (['threats', 2, 'missile']) is mapped back to the node's position, or for a
 * missing field to the deepest parent that exists. Pure: no I/O.
 */
import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node as YamlNode,
} from 'yaml';

/** One problem found in an input file. Line and column are 1-based, when known. */
export interface FileProblem {
  readonly path: string;
  readonly message: string;
  readonly line?: number;
  readonly col?: number;
}

/** A parsed YAML document with its line counter, its plain value, and its syntax problems. */
export interface ParsedYaml {
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  /** The document as plain data; undefined if it could not be converted (alias bomb). */
  readonly value: unknown;
  /** Syntax problems, with positions. */
  readonly problems: FileProblem[];
}

/** Parses YAML or JSON text, collecting syntax problems with their positions (never throws). */
export const parseYamlWithPositions = (text: string): ParsedYaml => {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  const problems: FileProblem[] = [];
  for (const err of doc.errors) {
    const pos = err.linePos?.[0];
    const message = `YAML syntax: ${firstLine(err.message)}`;
    problems.push(
      pos === undefined
        ? { path: '', message }
        : { path: '', message, line: pos.line, col: pos.col },
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    problems.push({ path: '', message: `YAML: ${e instanceof Error ? e.message : String(e)}` });
  }
  return { doc, lineCounter, value, problems };
};

/** A problem at a field path, placed at its line and column in the document. */
export const problemAt = (
  parsed: Pick<ParsedYaml, 'doc' | 'lineCounter'>,
  segments: readonly PropertyKey[],
  message: string,
  atKey = false,
): FileProblem => {
  const path = formatPath(segments);
  const offset = locate(parsed.doc, segments, atKey);
  const pos = offset === undefined ? undefined : parsed.lineCounter.linePos(offset);
  return pos === undefined ? { path, message } : { path, message, line: pos.line, col: pos.col };
};

/** Sorts problems into file order (those without a position last). */
export const sortProblems = (problems: FileProblem[]): FileProblem[] =>
  problems.sort(
    (a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.col ?? 0) - (b.col ?? 0),
  );

/** `  file:line:col path: message`, one line per problem. */
export const formatProblemLines = (fileName: string, problems: readonly FileProblem[]): string[] =>
  problems.map((p) => {
    const where = p.line === undefined ? fileName : `${fileName}:${p.line}:${p.col ?? 1}`;
    return `  ${where}${p.path === '' ? '' : ` ${p.path}`}: ${p.message}`;
  });

/** `stages[0].burnTimeS` from ['stages', 0, 'burnTimeS']. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let s = '';
  for (const seg of segments) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else s += s === '' ? String(seg) : `.${String(seg)}`;
  }
  return s;
}

/**
 * The source offset for a path: the node at the path, or for a path that does not exist (a
 * missing field) the deepest parent that does. With atKey, the key of the last segment.
 */
export function locate(
  doc: Document,
  segments: readonly PropertyKey[],
  atKey: boolean,
): number | undefined {
  let node: unknown = doc.contents;
  let best = rangeStart(node);
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const last = i === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
      if (pair === undefined) break;
      const keyStart = rangeStart(pair.key);
      if (last && atKey && keyStart !== undefined) return keyStart;
      node = pair.value;
      // An empty value (`burnTimeS:`) has no text of its own: point at its key.
      const valueRange = isScalar(node) ? node.range : undefined;
      const empty =
        valueRange !== undefined && valueRange !== null && valueRange[0] === valueRange[1];
      best = (empty ? undefined : rangeStart(node)) ?? keyStart ?? best;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      if (node === undefined) break;
      best = rangeStart(node) ?? best;
    } else {
      break;
    }
  }
  return best;
}

const rangeStart = (node: unknown): number | undefined => {
  const range = (node as YamlNode | null | undefined)?.range;
  return range === undefined || range === null ? undefined : range[0];
};

/** The first line of a YAML error message, without its trailing position. */
export const firstLine = (message: string): string =>
  (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');

/** "1 problem", "3 problems", "2 entries". */
export const countWord = (n: number, word: string): string =>
  `${n} ${n === 1 ? word : word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`}`;

/** A value as a message shows it: 'text', 12, a list of 3 entries, a mapping. */
export const describeValue = (x: unknown): string => {
  if (x === null) return 'an empty value';
  if (x === undefined) return 'nothing';
  if (typeof x === 'string') return `'${x.length > 40 ? `${x.slice(0, 37)}...` : x}'`;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  if (Array.isArray(x)) return `a list of ${countWord(x.length, 'entry')}`;
  if (typeof x === 'object') return 'a mapping';
  return typeof x;
};

/** A zod type name in words ('number' -> 'a number'). */
export const expectedWords = (expected: string): string => {
  switch (expected) {
    case 'number':
      return 'a number';
    case 'string':
      return 'text';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'tuple':
      return 'a [mach, cd] pair';
    case 'object':
      return 'a mapping of fields';
    default:
      return `a value of type ${expected}`;
  }
};

/** The unit a field name carries, for messages (" kg", " s", ...), or "" if none. */
export function unitOf(field: string): string {
  const units: ReadonlyArray<readonly [string, string]> = [
    ['DegPerS', 'deg/s'],
    ['KgM2', 'kg/m^2'],
    ['Kgps', 'kg/s'],
    ['Mps', 'm/s'],
    ['M2', 'm^2'],
    ['Kg', 'kg'],
    ['Km', 'km'],
    ['Deg', 'deg'],
    ['S', 's'],
    ['N', 'N'],
    ['M', 'm'],
  ];
  for (const [suffix, unit] of units) {
    if (field.endsWith(suffix) && field.length > suffix.length) return ` ${unit}`;
  }
  return '';
}

/** Levenshtein edit distance (two rows; names here are short). */
export const editDistance = (a: string, b: string): number => {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  return prev[b.length]!;
};

/**
 * The candidate closest to a name by edit distance (case-insensitive), if it is close enough to be
 * a plausible misspelling (at most 2 edits, or a third of the name's length); else undefined.
 */
export const closestName = (name: string, candidates: readonly string[]): string | undefined => {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
};
