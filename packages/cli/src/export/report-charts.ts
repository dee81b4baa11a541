/**
 * The report's charts, drawn with Observable Plot on the server side into a linkedom document
 * (`Plot.plot({ document, ... })`) and inlined as SVG markup: altitude against ground range and
 * against time (one line per threat, pale green underlay where a site can engage), and per threat
 * an engagement timeline (sensor visibility, detection and track marks, each site's intercept
 * window, interceptor launch, impact).
 */
import * as Plot from '@observablehq/plot';
import type { RunResult, TrackPoint } from '@openbmd/core';
import { parseHTML } from 'linkedom';
import { escapeHtml } from './html.js';
import { colours, trackSegments } from './scene.js';

/** What the report keeps of a rendered Plot element. */
interface RenderedElement {
  readonly outerHTML: string;
}

/** A linkedom document for Plot to create its elements in. */
export type ChartDocument = ReturnType<typeof parseHTML>['document'];

export const chartDocument = (): ChartDocument =>
  parseHTML('<!doctype html><html><head></head><body></body></html>').document;

const CHART_WIDTH_PX = 900;
/** Points per threat kept for the line charts (the SVG stays small; the CSV has them all). */
const MAX_CHART_POINTS = 400;

/** Every k-th point and the last, at most `max` points. */
export const thinned = <T>(points: readonly T[], max: number): T[] => {
  if (points.length <= max) return [...points];
  const step = Math.ceil(points.length / max);
  const kept = points.filter((_, i) => i % step === 0);
  const last = points[points.length - 1];
  if (last !== undefined && kept[kept.length - 1] !== last) kept.push(last);
  return kept;
};

const figure = (chart: string, element: RenderedElement, caption: string): string =>
  `<figure class="chart" data-chart="${escapeHtml(chart)}">${element.outerHTML}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;

interface LineRow {
  readonly threat: string;
  readonly segment: string;
  readonly timeS: number;
  readonly groundRangeKm: number;
  readonly altitudeKm: number;
}

const threatLabel = (r: RunResult, threatId: string): string =>
  r.baseline.threats.find((t) => t.threatId === threatId)?.name ?? threatId;

const lineRows = (r: RunResult): { all: LineRow[]; engageable: LineRow[] } => {
  const all: LineRow[] = [];
  const engageable: LineRow[] = [];
  const row = (threat: string, segment: string, p: TrackPoint): LineRow => ({
    threat,
    segment,
    timeS: p.timeS,
    groundRangeKm: p.groundRangeKm,
    altitudeKm: p.altitudeKm,
  });
  for (const track of r.tracks) {
    const threat = threatLabel(r, track.threatId);
    for (const p of thinned(track.points, MAX_CHART_POINTS)) all.push(row(threat, threat, p));
    for (const s of trackSegments(track.threatId, track.points)) {
      if (!s.engageable) continue;
      for (const p of thinned(s.points, MAX_CHART_POINTS)) {
        engageable.push(row(threat, `${track.threatId}\u0000${s.index}`, p));
      }
    }
  }
  return { all, engageable };
};

/** Altitude against ground range, and against time: two figures. */
export const trajectoryCharts = (r: RunResult, document: ChartDocument): string => {
  const { all, engageable } = lineRows(r);
  const threats = r.tracks.map((t) => threatLabel(r, t.threatId));
  const chart = (x: 'groundRangeKm' | 'timeS', xLabel: string): RenderedElement =>
    Plot.plot({
      document,
      width: CHART_WIDTH_PX,
      height: 380,
      marginLeft: 56,
      marginRight: 24,
      x: { label: xLabel, grid: true },
      y: { label: 'Altitude (km)', grid: true, zero: true },
      color: { legend: true, domain: threats },
      marks: [
        Plot.line(engageable, {
          x,
          y: 'altitudeKm',
          z: 'segment',
          stroke: colours.engageable,
          strokeOpacity: 0.3,
          strokeWidth: 9,
        }),
        Plot.line(all, { x, y: 'altitudeKm', z: 'threat', stroke: 'threat', strokeWidth: 1.6 }),
        Plot.ruleY([0]),
      ],
    });
  return [
    figure(
      'altitude-range',
      chart('groundRangeKm', 'Ground range from launch (km)'),
      'Altitude against ground range, one line per threat (baseline); pale green underlay where an interceptor site can engage.',
    ),
    figure(
      'altitude-time',
      chart('timeS', 'Time from scenario epoch (s)'),
      'Altitude against time, one line per threat (baseline); pale green underlay where an interceptor site can engage.',
    ),
  ].join('\n');
};

/** Longest row label of a timeline, characters (the tables carry the full names). */
const MAX_ROW_LABEL_CHARS = 48;

const shortened = (label: string): string =>
  label.length <= MAX_ROW_LABEL_CHARS ? label : `${label.slice(0, MAX_ROW_LABEL_CHARS - 1)}\u2026`;

/** A row label, shortened, made unique among `rows` with the id when shortening made it clash. */
const rowLabel = (rows: readonly string[], kind: string, name: string, id: string): string => {
  const label = shortened(`${kind}: ${name}`);
  return rows.includes(label) ? shortened(`${kind}: ${id}`) : label;
};

const BAR_KINDS = [
  'boost',
  'flight after burnout',
  'sensor visibility',
  'intercept window',
] as const;
const BAR_COLOURS = ['#8c564b', '#c7c7c7', '#6baed6', colours.engageable];
const EVENT_KINDS = [
  'first detection',
  'track',
  'fire-control track',
  'interceptor launch (first shot)',
] as const;

interface Bar {
  readonly row: string;
  readonly kind: (typeof BAR_KINDS)[number];
  readonly startS: number;
  readonly endS: number;
}
interface Event {
  readonly row: string;
  readonly event: (typeof EVENT_KINDS)[number];
  readonly timeS: number;
}
interface Note {
  readonly row: string;
  readonly text: string;
}

/** One engagement timeline per threat (baseline). */
export const timelineCharts = (r: RunResult, document: ChartDocument): string => {
  const figures: string[] = [];
  for (const threat of r.baseline.threats) {
    const flightRow = 'threat flight';
    const rows: string[] = [flightRow];
    const bars: Bar[] = [
      { row: flightRow, kind: 'boost', startS: threat.launchTimeS, endS: threat.burnoutTimeS },
      {
        row: flightRow,
        kind: 'flight after burnout',
        startS: threat.burnoutTimeS,
        endS: threat.impactTimeS,
      },
    ];
    const events: Event[] = [];
    const notes: Note[] = [];
    for (const timeline of r.baseline.sensors.filter((s) => s.threatId === threat.threatId)) {
      const name = r.sensors.find((s) => s.id === timeline.sensorId)?.name ?? timeline.sensorId;
      const row = rowLabel(rows, 'sensor', name, timeline.sensorId);
      rows.push(row);
      for (const interval of timeline.intervals) {
        bars.push({ row, kind: 'sensor visibility', startS: interval.startS, endS: interval.endS });
      }
      if (timeline.firstDetectionS !== null) {
        events.push({ row, event: 'first detection', timeS: timeline.firstDetectionS });
      }
      if (timeline.trackS !== null) events.push({ row, event: 'track', timeS: timeline.trackS });
      if (timeline.fireControlS !== null) {
        events.push({ row, event: 'fire-control track', timeS: timeline.fireControlS });
      }
      if (timeline.firstDetectionS === null) {
        notes.push({ row, text: `not detected${timeline.reason ? `: ${timeline.reason}` : ''}` });
      }
    }
    for (const e of r.baseline.engagements.filter((x) => x.threatId === threat.threatId)) {
      const name = r.interceptorSites.find((s) => s.id === e.siteId)?.name ?? e.siteId;
      const row = rowLabel(rows, 'site', name, e.siteId);
      rows.push(row);
      if (e.engageable && e.window !== null) {
        bars.push({
          row,
          kind: 'intercept window',
          startS: e.window.firstInterceptS,
          endS: e.window.lastInterceptS,
        });
        if (e.firstIntercept !== null) {
          events.push({
            row,
            event: 'interceptor launch (first shot)',
            timeS: e.firstIntercept.launchTimeS,
          });
        }
      } else {
        notes.push({ row, text: `not engageable${e.reason ? `: ${e.reason}` : ''}` });
      }
    }
    const spanS = Math.max(1, threat.impactTimeS - threat.launchTimeS);
    const element: RenderedElement = Plot.plot({
      document,
      width: CHART_WIDTH_PX,
      height: 70 + 30 * rows.length,
      // About 6 px per character of the 10 px labels.
      marginLeft: Math.round(Math.max(120, 16 + 6 * Math.max(...rows.map((row) => row.length)))),
      marginRight: 24,
      x: {
        label: 'Time from scenario epoch (s)',
        grid: true,
        domain: [threat.launchTimeS - 0.02 * spanS, threat.impactTimeS + 0.04 * spanS],
      },
      y: { label: null, domain: rows },
      color: { legend: true, domain: [...BAR_KINDS], range: BAR_COLOURS },
      symbol: { legend: true, domain: [...EVENT_KINDS] },
      marks: [
        Plot.barX(bars, {
          y: 'row',
          x1: 'startS',
          x2: 'endS',
          fill: 'kind',
          insetTop: 5,
          insetBottom: 5,
        }),
        Plot.dot(events, {
          y: 'row',
          x: 'timeS',
          symbol: 'event',
          stroke: '#111',
          fill: 'white',
          r: 5,
          strokeWidth: 1.5,
        }),
        Plot.text(notes, {
          y: 'row',
          x: threat.launchTimeS,
          text: 'text',
          textAnchor: 'start',
          dx: 4,
          fill: '#555',
        }),
        Plot.ruleX([threat.impactTimeS], { stroke: colours.notEngageable, strokeWidth: 2 }),
        Plot.text([threat.impactTimeS], {
          x: (t: number) => t,
          frameAnchor: 'top',
          text: () => 'impact',
          textAnchor: 'end',
          dx: -4,
          dy: 4,
          fill: colours.notEngageable,
        }),
      ],
    });
    figures.push(
      figure(
        `timeline-${threat.threatId}`,
        element,
        `Engagement timeline of ${threat.name} (baseline): sensor visibility with detection and track marks, each interceptor site's intercept window with its first interceptor launch, and impact.`,
      ),
    );
  }
  return figures.join('\n');
};
