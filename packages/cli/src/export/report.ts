/**
 * report.html: one self-contained HTML file (no script, stylesheet, font or image is fetched;
 * every chart is inline SVG rendered here, on the server side), readable on screen and printable:
 * summary, claims, threats, charts, map, sensor timelines, engagements (baseline, and variants
 * side by side), the assumption ledger, provenance and every source. All text is escaped.
 */
import type { AnalysisResult, ClaimResult, Engagement, RunResult } from '@openbmd/core';
import { escapeHtml, formatNumber, formatQuantity } from './html.js';
import { assessmentSection } from './report-assessment.js';
import { chartDocument, timelineCharts, trajectoryCharts } from './report-charts.js';
import { mapSvg } from './report-map.js';
import { colours } from './scene.js';

const STYLE = `
:root{color-scheme:light}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;background:#fff;max-width:1000px;margin:1.5rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.2rem;margin:1.8rem 0 .4rem;border-bottom:1px solid #ccc}h3{font-size:1rem;margin:1rem 0 .3rem}
.notional{display:inline-block;border:2px solid #b00;color:#b00;font-weight:700;letter-spacing:.08em;padding:.1rem .5rem;margin:.3rem 0}
table{border-collapse:collapse;margin:.4rem 0 1rem;font-size:12px}
th,td{border:1px solid #bbb;padding:2px 6px;text-align:left;vertical-align:top}
th{background:#f2f2f2}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.yes{color:#1a7a1a;font-weight:600}.no{color:#b00;font-weight:600}
figure{margin:1rem 0;break-inside:avoid}figure svg{max-width:100%;height:auto}
figcaption{font-size:12px;color:#444;margin-top:.2rem}
.legend svg{vertical-align:middle;margin:0 .2rem 0 .8rem}
.small{font-size:12px;color:#444}
code{font-size:12px}
ol.sources li{margin:.15rem 0}
@media print{body{max-width:none;margin:0;font-size:11px}h2{break-after:avoid}table,figure{break-inside:avoid}th{background:none}}
`;

const yesNo = (value: boolean, yes = 'yes', no = 'no'): string =>
  value ? `<span class="yes">${yes}</span>` : `<span class="no">${no}</span>`;

/** A cell: text escaped, or numbers right-aligned. */
type Cell = { readonly html: string; readonly num?: boolean };
const text = (s: string): Cell => ({ html: escapeHtml(s) });
const num = (s: string): Cell => ({ html: escapeHtml(s), num: true });
const raw = (html: string): Cell => ({ html });

const table = (headers: readonly string[], rows: readonly (readonly Cell[])[]): string => {
  const head = `<tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((c) => (c.num ? `<td class="num">${c.html}</td>` : `<td>${c.html}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
};

/** "holds if PARAMETER >= VALUE UNIT", or "never" when no value makes the claim hold. */
export const thresholdText = (claim: ClaimResult): string => {
  const t = claim.threshold;
  if (t === null) return 'never';
  return `holds if ${t.parameter} ${t.holdsAbove ? '>=' : '<='} ${formatQuantity(t.value, t.unit)}`;
};

const marginText = (claim: ClaimResult): string =>
  claim.margin === null
    ? '\u2014'
    : `${claim.margin.value >= 0 ? '+' : ''}${formatQuantity(claim.margin.value, claim.margin.unit)}`;

const analyses = (r: RunResult): AnalysisResult[] => [r.baseline, ...r.variants];

const siteName = (r: RunResult, id: string): string =>
  r.interceptorSites.find((s) => s.id === id)?.name ?? id;
const sensorName = (r: RunResult, id: string): string =>
  r.sensors.find((s) => s.id === id)?.name ?? id;
const threatName = (r: RunResult, id: string): string =>
  r.baseline.threats.find((t) => t.threatId === id)?.name ?? id;

const summarySection = (r: RunResult): string => {
  const lines = analyses(r).map((a) => {
    const engageable = a.engagements.filter((e) => e.engageable).length;
    const holding = a.claims.filter((c) => c.holds).length;
    return `<li><b>${escapeHtml(a.name)}</b>: ${engageable} of ${a.engagements.length} site \u00d7 threat pairs engageable${
      a.claims.length > 0 ? `; ${holding} of ${a.claims.length} claims hold` : ''
    }.</li>`;
  });
  return [
    '<section id="summary"><h2>Summary</h2>',
    r.description === null ? '' : `<p>${escapeHtml(r.description)}</p>`,
    `<p>${r.baseline.threats.length} threats, ${r.sensors.length} sensors, ${r.interceptorSites.length} interceptor sites, ${r.variants.length} variants; fidelity <code>${escapeHtml(r.ledger.fidelity)}</code>; times in seconds from the scenario epoch ${escapeHtml(r.provenance.epoch)}.</p>`,
    `<ul>${lines.join('')}</ul>`,
    '</section>',
  ].join('\n');
};

const claimsSection = (r: RunResult): string => {
  const all = analyses(r);
  const ids: string[] = [];
  for (const a of all) for (const c of a.claims) if (!ids.includes(c.id)) ids.push(c.id);
  if (ids.length === 0)
    return '<section id="claims"><h2>Claims</h2><p>The scenario states no claims.</p></section>';
  const textOf = (id: string): string =>
    all.flatMap((a) => a.claims).find((c) => c.id === id)?.text ?? id;
  const cell = (a: AnalysisResult, id: string): Cell => {
    const c = a.claims.find((x) => x.id === id);
    if (c === undefined) return text('\u2014');
    return raw(
      `${yesNo(c.holds, 'holds', 'does not hold')}<br><span class="small">margin ${escapeHtml(marginText(c))}<br>${escapeHtml(thresholdText(c))}</span>`,
    );
  };
  const matrix = table(
    ['claim', ...all.map((a) => a.name)],
    ids.map((id) => [
      raw(`<b>${escapeHtml(id)}</b><br>${escapeHtml(textOf(id))}`),
      ...all.map((a) => cell(a, id)),
    ]),
  );
  const detail = table(
    ['claim', 'text', 'holds', 'margin', 'threshold'],
    r.baseline.claims.map((c) => [
      text(c.id),
      text(c.text),
      raw(yesNo(c.holds)),
      num(marginText(c)),
      text(thresholdText(c)),
    ]),
  );
  return [
    '<section id="claims"><h2>Claims</h2>',
    '<p class="small">Each claim is a yes/no statement about a site and a threat. Margin: how far the scenario is from the threshold (positive on the side where the claim holds). Threshold: the value of the deciding parameter at which the answer flips.</p>',
    '<h3>One column per analysis</h3>',
    matrix,
    '<h3>Baseline</h3>',
    detail,
    '</section>',
  ].join('\n');
};

const threatsSection = (r: RunResult): string =>
  [
    '<section id="threats"><h2>Threats (baseline)</h2>',
    table(
      [
        'threat',
        'name',
        'missile',
        'from \u2192 to',
        'trajectory',
        'RVs',
        'RCS m\u00b2',
        'launch s',
        'burnout s',
        'impact s',
        'apogee km',
        'range km',
        'impact lat, lon',
        'miss m',
      ],
      r.baseline.threats.map((t) => [
        text(t.threatId),
        text(t.name),
        text(`${t.missileName} (${t.missileId})`),
        text(`${t.fromSiteId ?? '\u2014'} \u2192 ${t.toSiteId ?? '\u2014'}`),
        text(t.trajectoryType),
        num(String(t.rvCount)),
        num(String(t.rcsM2)),
        num(formatNumber(t.launchTimeS, 1)),
        num(formatNumber(t.burnoutTimeS, 1)),
        num(formatNumber(t.impactTimeS, 1)),
        num(formatNumber(t.apogeeKm, 0)),
        num(formatNumber(t.groundRangeKm, 0)),
        num(`${formatNumber(t.impactLatDeg, 3)}, ${formatNumber(t.impactLonDeg, 3)}`),
        num(formatNumber(t.missDistanceM, 1)),
      ]),
    ),
    '</section>',
  ].join('\n');

const sensorsSection = (r: RunResult): string =>
  [
    '<section id="sensors"><h2>Sensor timelines (baseline)</h2>',
    table(
      ['sensor', 'type', 'fire control', 'position lat, lon'],
      r.sensors.map((s) => [
        text(`${s.name} (${s.id})`),
        text(s.type),
        raw(yesNo(s.fireControl)),
        num(
          s.latDeg === null || s.lonDeg === null
            ? '\u2014'
            : `${formatNumber(s.latDeg, 3)}, ${formatNumber(s.lonDeg, 3)}`,
        ),
      ]),
    ),
    table(
      [
        'sensor',
        'threat',
        'visibility intervals s',
        'first detection s',
        'track s',
        'fire-control track s',
        'reason',
      ],
      r.baseline.sensors.map((s) => [
        text(sensorName(r, s.sensorId)),
        text(threatName(r, s.threatId)),
        num(
          s.intervals.length === 0
            ? '\u2014'
            : s.intervals
                .map((i) => `${formatNumber(i.startS, 1)}\u2013${formatNumber(i.endS, 1)}`)
                .join(', '),
        ),
        num(formatNumber(s.firstDetectionS, 1)),
        num(formatNumber(s.trackS, 1)),
        num(formatNumber(s.fireControlS, 1)),
        text(s.reason ?? '\u2014'),
      ]),
    ),
    '</section>',
  ].join('\n');

const interceptText = (e: Engagement, which: 'firstIntercept' | 'lastIntercept'): string => {
  const p = e[which];
  if (p === null) return '\u2014';
  return `${formatNumber(p.timeS, 1)} s, ${formatNumber(p.altitudeKm, 0)} km, ${p.geometry}, ${formatNumber(p.closingSpeedMps, 0)} m/s; launch ${formatNumber(p.launchTimeS, 1)} s`;
};

const engagementsSection = (r: RunResult): string => {
  const all = analyses(r);
  const baseline = table(
    [
      'site',
      'threat',
      'engageable',
      'reason',
      'window s',
      'first intercept',
      'last intercept',
      'shots',
      'min burnout speed km/s',
      'max commit delay s',
    ],
    r.baseline.engagements.map((e) => [
      text(siteName(r, e.siteId)),
      text(threatName(r, e.threatId)),
      raw(yesNo(e.engageable)),
      text(e.reason ?? '\u2014'),
      num(
        e.window === null
          ? '\u2014'
          : `${formatNumber(e.window.firstInterceptS, 1)}\u2013${formatNumber(e.window.lastInterceptS, 1)}`,
      ),
      text(interceptText(e, 'firstIntercept')),
      text(interceptText(e, 'lastIntercept')),
      num(String(e.shotOpportunities)),
      num(e.minBurnoutSpeedMps === null ? '\u2014' : formatNumber(e.minBurnoutSpeedMps / 1000, 2)),
      num(formatNumber(e.maxCommitDelayS, 1)),
    ]),
  );
  const pairs: Array<{ siteId: string; threatId: string }> = [];
  for (const a of all) {
    for (const e of a.engagements) {
      if (!pairs.some((p) => p.siteId === e.siteId && p.threatId === e.threatId)) {
        pairs.push({ siteId: e.siteId, threatId: e.threatId });
      }
    }
  }
  const sideBySide = table(
    ['site', 'threat', ...all.map((a) => a.name)],
    pairs.map((p) => [
      text(siteName(r, p.siteId)),
      text(threatName(r, p.threatId)),
      ...all.map((a): Cell => {
        const e = a.engagements.find((x) => x.siteId === p.siteId && x.threatId === p.threatId);
        if (e === undefined) return text('\u2014');
        return raw(
          `${yesNo(e.engageable)}${e.reason ? ` <span class="small">${escapeHtml(e.reason)}</span>` : ''}`,
        );
      }),
    ]),
  );
  const variants =
    r.variants.length === 0
      ? '<p>No variants.</p>'
      : `<ul>${r.variants
          .map(
            (v) =>
              `<li><b>${escapeHtml(v.name)}</b> (<code>${escapeHtml(v.id)}</code>)${v.description ? `: ${escapeHtml(v.description)}` : ''}${
                v.changes.length > 0
                  ? `<br><span class="small">changes: ${v.changes
                      .map(
                        (c) =>
                          `<code>${escapeHtml(c.path)}</code> = ${escapeHtml(JSON.stringify(c.value) ?? 'null')}`,
                      )
                      .join('; ')}</span>`
                  : ''
              }</li>`,
          )
          .join('')}</ul>`;
  return [
    '<section id="engagements"><h2>Engagements</h2>',
    '<h3>Baseline</h3>',
    baseline,
    '<h3>Engageable, per analysis</h3>',
    sideBySide,
    '<h3>Variants</h3>',
    variants,
    '</section>',
  ].join('\n');
};

const swatch = (hex: string, kind: 'line' | 'dot' | 'area' | 'cross'): string => {
  const shape =
    kind === 'line'
      ? `<line x1="1" y1="7" x2="21" y2="7" stroke="${hex}" stroke-width="3"/>`
      : kind === 'dot'
        ? `<circle cx="11" cy="7" r="4" fill="${hex}"/>`
        : kind === 'area'
          ? `<rect x="2" y="2" width="18" height="10" fill="${hex}" fill-opacity="0.2" stroke="${hex}"/>`
          : `<path d="M7,3l8,8m0,-8l-8,8" stroke="${hex}" stroke-width="2.5"/>`;
  return `<svg width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">${shape}</svg>`;
};

const mapSection = (r: RunResult): string =>
  [
    '<section id="map"><h2>Map</h2>',
    `<figure class="chart">${mapSvg(r)}<figcaption class="legend">`,
    `${swatch(colours.notEngageable, 'line')}track, no site can engage`,
    `${swatch(colours.engageable, 'line')}track, engageable (baseline)`,
    `${swatch(colours.interceptorSite, 'dot')}interceptor site`,
    `${swatch(colours.site, 'dot')}other site`,
    `${swatch(colours.coverage, 'area')}radar detection footprint (smallest threat RCS, 300 km altitude)`,
    `${swatch(colours.intercept, 'cross')}first/last intercept point.`,
    ' Natural Earth projection; borders from Natural Earth 1:110m (world-atlas).',
    '</figcaption></figure>',
    '</section>',
  ].join('\n');

/** Every source cited, deduplicated, in first-seen order. */
export const allSources = (r: RunResult): string[] => [
  ...new Set([...r.sources, ...r.ledger.parameters.flatMap((p) => p.sources)]),
];

const sourceText = (s: string): string => `<span class="source-text">${escapeHtml(s)}</span>`;

const ledgerSection = (r: RunResult): string => {
  const l = r.ledger;
  return [
    '<section id="ledger"><h2>Assumption ledger</h2>',
    `<p>Fidelity <code>${escapeHtml(l.fidelity)}</code>. Integrator: ${escapeHtml(l.integrator.method)}, relative tolerance ${escapeHtml(String(l.integrator.relativeTolerance))}, absolute tolerance ${escapeHtml(String(l.integrator.absoluteTolerance))} (m on positions, m/s on velocities).</p>`,
    l.integrator.notes.length === 0
      ? ''
      : `<ul>${l.integrator.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`,
    '<h3>Models</h3>',
    table(
      ['model', 'assumption'],
      Object.entries(l.models).map(([k, v]) => [text(k), text(String(v))]),
    ),
    '<h3>Delays</h3>',
    l.delays.length === 0
      ? '<p>None.</p>'
      : table(
          ['parameter', 'delay s'],
          l.delays.map((d) => [
            raw(`<code>${escapeHtml(d.path)}</code>`),
            num(formatNumber(d.valueS, 1)),
          ]),
        ),
    '<h3>Parameters</h3>',
    table(
      ['parameter', 'value', 'sources', 'notes'],
      l.parameters.map((p) => [
        raw(`<code>${escapeHtml(p.path)}</code>`),
        text(p.value),
        raw(p.sources.map(sourceText).join('<br>')),
        text(p.notes ?? ''),
      ]),
    ),
    '</section>',
  ].join('\n');
};

const provenanceSection = (r: RunResult): string => {
  const p = r.provenance;
  return [
    '<section id="provenance"><h2>Provenance</h2>',
    table(
      ['item', 'value'],
      [
        [text('OpenBMD version'), text(p.openbmdVersion)],
        [text('scenario'), text(p.scenarioName)],
        [text('scenario file'), text(p.scenarioFile)],
        [text('scenario SHA-256'), raw(`<code>${escapeHtml(p.scenarioSha256)}</code>`)],
        [
          text('scenario format'),
          text(`written ${p.scenarioFormat.written}, read as ${p.scenarioFormat.current}`),
        ],
        [text('epoch (UTC)'), text(p.epoch)],
        [text('fidelity'), text(r.ledger.fidelity)],
        [text('result format'), text(String(r.resultFormat))],
      ],
    ),
    '</section>',
  ].join('\n');
};

const sourcesSection = (r: RunResult): string =>
  [
    '<section id="sources"><h2>Sources</h2>',
    `<ol class="sources">${allSources(r)
      .map((s) => `<li>${sourceText(s)}</li>`)
      .join('\n')}</ol>`,
    '</section>',
  ].join('\n');

export const reportHtml = (r: RunResult): string => {
  const document = chartDocument();
  const title = `OpenBMD: ${r.provenance.scenarioName}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="OpenBMD ${escapeHtml(r.provenance.openbmdVersion)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    '<div class="notional">NOTIONAL</div>',
    '<p class="small">Every parameter is a cited public estimate, labelled notional: this is an analysis of the public arms-control literature, not of any real system\u2019s performance.</p>',
    '</header>',
    summarySection(r),
    claimsSection(r),
    threatsSection(r),
    '<section id="trajectories"><h2>Trajectories</h2>',
    trajectoryCharts(r, document),
    '</section>',
    mapSection(r),
    sensorsSection(r),
    '<section id="timelines"><h2>Engagement timelines</h2>',
    timelineCharts(r, document),
    '</section>',
    engagementsSection(r),
    assessmentSection(r, document),
    ledgerSection(r),
    provenanceSection(r),
    sourcesSection(r),
    '</body>',
    '</html>',
    '',
  ].join('\n');
};
