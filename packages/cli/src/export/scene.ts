/**
 * What every map-like output (GeoJSON, CZML, KML, the report's map) draws from a run result:
 * each threat's track cut into segments of constant engageability, the antimeridian split of
 * longitude/latitude lines, the colours, and the intercept points of the baseline.
 */
import type { InterceptPoint, RunResult, TrackPoint } from '@openbmd/core';

/** Colours of the outputs (Tableau 10): red where no site can engage, green where one can. */
export const colours = {
  notEngageable: '#d62728',
  engageable: '#2ca02c',
  site: '#1f77b4',
  interceptorSite: '#9467bd',
  coverage: '#ff7f0e',
  intercept: '#17becf',
} as const;

export type ColourName = keyof typeof colours;

/** A hex colour `#rrggbb` as [r, g, b], 0-255. */
export const hexToRgb = (hex: string): [number, number, number] => {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (m === null) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [
    Number.parseInt(m[1] ?? '0', 16),
    Number.parseInt(m[2] ?? '0', 16),
    Number.parseInt(m[3] ?? '0', 16),
  ];
};

/** A run of consecutive track points over which the set of engaging sites does not change. */
export interface TrackSegment {
  readonly threatId: string;
  /** 0, 1, 2... along the track. */
  readonly index: number;
  readonly engageable: boolean;
  /** The sites that can engage over this segment (sorted). */
  readonly engageableBy: readonly string[];
  readonly startS: number;
  readonly endS: number;
  /**
   * The points of the segment. Consecutive segments share a boundary point, so that the drawn
   * line has no gap; the piece between the last point with one set of sites and the first with
   * the next belongs to the segment with fewer sites (a track is never drawn engageable beyond
   * its last engageable sample).
   */
  readonly points: readonly TrackPoint[];
}

const siteKey = (point: TrackPoint): string => [...point.engageableBy].sort().join('\u0000');

/**
 * Cuts a track into segments where the set of sites that can engage it changes. A track of
 * fewer than two points gives no segment (nothing to draw as a line).
 */
export const trackSegments = (threatId: string, points: readonly TrackPoint[]): TrackSegment[] => {
  const segments: TrackSegment[] = [];
  if (points.length < 2) return segments;
  let start = 0;
  let runSites: readonly string[] = points[0]?.engageableBy ?? [];
  const close = (endInclusive: number): void => {
    const slice = points.slice(start, endInclusive + 1);
    const first = slice[0];
    const last = slice[slice.length - 1];
    if (first === undefined || last === undefined || slice.length < 2) return;
    const engageableBy = [...runSites].sort();
    segments.push({
      threatId,
      index: segments.length,
      engageable: engageableBy.length > 0,
      engageableBy,
      startS: first.timeS,
      endS: last.timeS,
      points: slice,
    });
  };
  for (let i = 1; i < points.length; i++) {
    const previous = points[i - 1];
    const current = points[i];
    if (previous === undefined || current === undefined) continue;
    if (siteKey(previous) === siteKey(current)) continue;
    // The connecting piece goes to the side with fewer sites.
    const boundary = current.engageableBy.length > previous.engageableBy.length ? i : i - 1;
    close(boundary);
    start = boundary;
    runSites = current.engageableBy;
  }
  close(points.length - 1);
  return segments;
};

/** Every track of the result, segmented. */
export const allTrackSegments = (r: RunResult): TrackSegment[] =>
  r.tracks.flatMap((t) => trackSegments(t.threatId, t.points));

/** A position [lon, lat] or [lon, lat, height], degrees (and metres). */
export type LonLatPosition = readonly number[];

/**
 * Splits a line of [lon, lat(, h)] positions where it crosses the antimeridian (a step of more
 * than 180 degrees of longitude), inserting the crossing point, interpolated linearly in the
 * unwrapped longitude, at +180 on one side and -180 on the other (RFC 7946 section 3.1.9).
 */
export const splitAtAntimeridian = (positions: readonly LonLatPosition[]): number[][][] => {
  const parts: number[][][] = [];
  let part: number[][] = [];
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i];
    if (p === undefined) continue;
    const q = positions[i - 1];
    if (q !== undefined) {
      const lon0 = q[0] ?? 0;
      const lon1 = p[0] ?? 0;
      const dLon = lon1 - lon0;
      if (Math.abs(dLon) > 180) {
        // Eastward across +180 when the raw step is negative (e.g. 179 -> -179).
        const edge0 = dLon < 0 ? 180 : -180;
        const lon1Unwrapped = dLon < 0 ? lon1 + 360 : lon1 - 360;
        const f = lon1Unwrapped === lon0 ? 0 : (edge0 - lon0) / (lon1Unwrapped - lon0);
        const crossing = q.map((v, k) => (k === 0 ? 0 : v + f * ((p[k] ?? v) - v)));
        part.push([edge0, ...crossing.slice(1)]);
        parts.push(part);
        part = [[-edge0, ...crossing.slice(1)]];
      }
    }
    part.push([...p]);
  }
  if (part.length > 0) parts.push(part);
  return parts.filter((line) => line.length >= 2);
};

/** The intercept points of the baseline's engageable engagements (first and last). */
export interface InterceptMark {
  readonly siteId: string;
  readonly threatId: string;
  readonly which: 'first' | 'last';
  readonly point: InterceptPoint;
}

export const interceptMarks = (r: RunResult): InterceptMark[] =>
  r.baseline.engagements.flatMap((e) => {
    if (!e.engageable) return [];
    const marks: InterceptMark[] = [];
    if (e.firstIntercept !== null) {
      marks.push({
        siteId: e.siteId,
        threatId: e.threatId,
        which: 'first',
        point: e.firstIntercept,
      });
    }
    if (e.lastIntercept !== null) {
      marks.push({ siteId: e.siteId, threatId: e.threatId, which: 'last', point: e.lastIntercept });
    }
    return marks;
  });

/** Rounds to a number of decimals (and turns -0 into 0). */
export const roundTo = (value: number, decimals: number): number => {
  const f = 10 ** decimals;
  const v = Math.round(value * f) / f;
  return v === 0 ? 0 : v;
};

/** A one-paragraph provenance line for outputs that carry free text (KML, CZML). */
export const provenanceText = (r: RunResult): string => {
  const p = r.provenance;
  return [
    `NOTIONAL: every parameter is a cited public estimate.`,
    `Scenario ${p.scenarioName} (${p.scenarioFile}, SHA-256 ${p.scenarioSha256},`,
    `format ${p.scenarioFormat.written} read as ${p.scenarioFormat.current}),`,
    `epoch ${p.epoch}, fidelity ${r.ledger.fidelity}, computed by OpenBMD ${p.openbmdVersion}.`,
  ].join(' ');
};

/**
 * The whole assumption ledger as plain lines (for the outputs that carry text, not JSON: the CSV's
 * comment header, the KML and CZML descriptions): provenance, models, integrator, delays, every
 * parameter with its sources and notes, and every source.
 */
export const ledgerLines = (r: RunResult): string[] => {
  const l = r.ledger;
  return [
    provenanceText(r),
    `Models: ${Object.entries(l.models)
      .map(([k, v]) => `${k} ${String(v)}`)
      .join('; ')}.`,
    `Integrator: ${l.integrator.method}, relative tolerance ${l.integrator.relativeTolerance}, absolute tolerance ${l.integrator.absoluteTolerance} (m, m/s).`,
    ...l.integrator.notes.map((n) => `Numerics: ${n}`),
    `Delays: ${l.delays.map((d) => `${d.path} ${d.valueS} s`).join('; ')}.`,
    ...l.parameters.map(
      (p) =>
        `Parameter ${p.path}: ${p.value}.${p.notes === null ? '' : ` Notes: ${p.notes}`}${p.sources.length === 0 ? '' : ` Sources: ${p.sources.join(' | ')}`}`,
    ),
    ...r.sources.map((s, i) => `Source [${i + 1}]: ${s}`),
  ].map((line) => line.replace(/\s+/g, ' ').trim());
};

/** Time `timeS` seconds after an ISO 8601 epoch, as ISO 8601 UTC. */
export const isoAfterEpoch = (epoch: string, timeS: number): string => {
  const t0Ms = Date.parse(epoch);
  if (!Number.isFinite(t0Ms)) throw new Error(`not an ISO 8601 epoch: ${epoch}`);
  return new Date(t0Ms + Math.round(timeS * 1000)).toISOString();
};
