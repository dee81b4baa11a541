/**
 * The report's defence-effectiveness section (docs/models.md): per analysis and interceptor site,
 * the warheads it can engage (tied to the engagement analysis), the closed form and the Monte
 * Carlo with its 95 % interval, the interceptors needed for the required P(no leakers), and two
 * charts: P(no leakers) against interceptors per warhead and against attack size; then the
 * strategic balance, force by force.
 */
import * as Plot from '@observablehq/plot';
import type { CurvePoint, Estimate, RunResult, SiteAssessment } from '@openbmd/core';
import { escapeHtml } from './html.js';
import type { ChartDocument } from './report-charts.js';

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
const est = (e: Estimate, f: (x: number) => string): string =>
  `${f(e.value)} [${f(e.ci95[0])}, ${f(e.ci95[1])}]`;
const n1 = (x: number): string => x.toFixed(1);
const n2 = (x: number): string => x.toFixed(2);

const cell = (s: string, num = false): string =>
  num ? `<td class="num">${escapeHtml(s)}</td>` : `<td>${escapeHtml(s)}</td>`;

const analysisName = (r: RunResult, id: string): string =>
  id === 'baseline' ? 'baseline' : (r.variants.find((v) => v.id === id)?.name ?? id);

const siteLabel = (r: RunResult, id: string): string =>
  r.interceptorSites.find((s) => s.id === id)?.name ?? id;

/** Why no barrage reaches the required P(no leakers), in words. */
const neededText = (r: RunResult, s: SiteAssessment): string => {
  const a = r.assessment!;
  if (s.interceptorsNeeded !== null) {
    const n = s.interceptorsNeeded;
    return `${n.shotsPerObject} per engaged object: ${n.expectedInterceptors.toFixed(1)} expected, ${n.interceptorsToCoverAll} to cover every object (P(no leakers) ${pct(n.pNoLeakers)})`;
  }
  const w = s.attack.warheadsEngageable;
  const cap = a.policy.commonModeTrack ? a.policy.pTrack : a.policy.pTrack ** w;
  return `none: tracking caps P(no leakers) at ${pct(cap)} for ${w} warhead${w === 1 ? '' : 's'}, below ${pct(a.policy.requiredPNoLeakers)}`;
};

const siteRows = (r: RunResult): string =>
  r
    .assessment!.sites.map((s) => {
      const cells = [
        cell(analysisName(r, s.analysisId)),
        cell(siteLabel(r, s.siteId)),
        cell(String(s.attack.warheadsEngageable), true),
        cell(String(s.attack.warheadsNotEngageable), true),
        cell(String(s.inventory), true),
      ];
      if (s.analytic === null || s.monteCarlo === null) {
        return `<tr>${cells.join('')}<td colspan="5">no warhead it can engage</td></tr>`;
      }
      const closed = s.analytic.inventoryCovers
        ? pct(s.analytic.pNoLeakers)
        : `${pct(s.analytic.pNoLeakers)} (unlimited; see Monte Carlo)`;
      return `<tr>${[
        ...cells,
        cell(closed, true),
        cell(est(s.monteCarlo.pNoLeakers, pct), true),
        cell(est(s.monteCarlo.expectedLeakers, n2), true),
        cell(est(s.monteCarlo.expectedInterceptorsUsed, n1), true),
        cell(neededText(r, s)),
      ].join('')}</tr>`;
    })
    .join('\n');

interface ChartRow {
  readonly series: string;
  readonly x: number;
  readonly y: number;
  readonly lo: number;
  readonly hi: number;
}

const rowsOf = (r: RunResult, pick: (s: SiteAssessment) => readonly CurvePoint[]): ChartRow[] =>
  r.assessment!.sites.flatMap((s) =>
    pick(s).map((p) => ({
      series: `${siteLabel(r, s.siteId)}: ${analysisName(r, s.analysisId)}`,
      x: p.x,
      y: p.pNoLeakers,
      lo: p.ci95?.[0] ?? p.pNoLeakers,
      hi: p.ci95?.[1] ?? p.pNoLeakers,
    })),
  );

const chart = (
  document: ChartDocument,
  name: string,
  rows: readonly ChartRow[],
  xLabel: string,
  caption: string,
): string => {
  const svg = Plot.plot({
    document,
    width: 900,
    height: 340,
    marginLeft: 56,
    x: { label: xLabel, grid: true },
    y: { label: 'P(no leakers)', domain: [0, 1], grid: true, tickFormat: '.0%' },
    color: { legend: true },
    marks: [
      Plot.ruleY([0]),
      Plot.ruleX(rows, { x: 'x', y1: 'lo', y2: 'hi', stroke: 'series', strokeOpacity: 0.5 }),
      Plot.line(rows, { x: 'x', y: 'y', stroke: 'series', strokeWidth: 1.8 }),
      Plot.dot(rows, { x: 'x', y: 'y', fill: 'series', r: 2.5 }),
    ],
  });
  return `<figure class="chart" data-chart="${escapeHtml(name)}">${svg.outerHTML}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
};

const forcesTable = (r: RunResult): string => {
  const forces = r.assessment!.forces;
  if (forces.length === 0) return '';
  const rows = forces.flatMap((f) =>
    f.sites.map((s) => {
      const stopped = (e: Estimate | null) => (e === null ? '0' : est(e, n1));
      const limits = s.atLimits
        .map(
          (l) =>
            `${l.name}: ${l.warheads} warheads, ${l.warheadsEngageable} engageable, ${stopped(l.expectedStopped)} stopped`,
        )
        .join('; ');
      return `<tr>${[
        cell(f.name),
        cell(analysisName(r, f.analysisId)),
        cell(siteLabel(r, s.siteId)),
        cell(String(f.totalWarheads), true),
        cell(String(s.warheadsEngageable), true),
        cell(stopped(s.expectedStopped), true),
        cell(limits === '' ? '-' : limits),
      ].join('')}</tr>`;
    }),
  );
  return [
    '<h3>Strategic balance</h3>',
    '<p class="small">Each deployment is flown like one of the scenario\u2019s threats: a site can engage its warheads only where the engagement analysis says it can engage that threat. Expected warheads stopped use the site\u2019s inventory (Monte Carlo, 95 % interval). At an arms-control limit the force is scaled to the limit, deployment by deployment.</p>',
    '<table><tr><th>force</th><th>analysis</th><th>site</th><th>warheads</th><th>engageable</th><th>expected stopped</th><th>at arms-control limits</th></tr>',
    ...rows,
    '</table>',
  ].join('\n');
};

/** The section, or '' when the scenario has no assessment. */
export const assessmentSection = (r: RunResult, document: ChartDocument): string => {
  const a = r.assessment;
  if (a === null) return '';
  const p = a.policy;
  const doctrine =
    p.doctrine.kind === 'barrage'
      ? `barrage of ${p.doctrine.shots}`
      : `shoot-look-shoot, ${p.doctrine.firstShots} then ${p.doctrine.secondShots}, kill assessment right with probability ${p.doctrine.pLook}`;
  return [
    '<section id="assessment"><h2>Defence effectiveness</h2>',
    `<p>Single-shot kill probability ${p.sspk}, reliability ${p.reliability}, tracking probability ${p.pTrack}${p.commonModeTrack ? ' (common mode: one draw for the whole attack)' : ' (per warhead)'}; ${escapeHtml(doctrine)}; ${p.decoysPerWarhead} decoys per warhead, discriminated with probability ${p.pDiscriminate}; Monte Carlo ${p.monteCarlo.trials} trials, seed ${p.monteCarlo.seed}. Required P(no leakers): ${pct(p.requiredPNoLeakers)}. Model and sources: docs/models.md.</p>`,
    '<p class="small">A site\u2019s attack is the warheads of the threats it can engage (threats \u00d7 reentry vehicles), in order of its first intercept, each with the shot opportunities the engagement analysis found; the others leak by geometry and are counted apart. The closed form assumes unlimited interceptors; where the site\u2019s inventory cannot cover every engaged object, the Monte Carlo (which spends the inventory in arrival order) is the answer.</p>',
    '<table><tr><th>analysis</th><th>site</th><th>warheads it can engage</th><th>cannot</th><th>inventory</th><th>P(no leakers), closed form</th><th>P(no leakers), Monte Carlo</th><th>expected leakers</th><th>interceptors used</th><th>interceptors needed</th></tr>',
    siteRows(r),
    '</table>',
    chart(
      document,
      'effectiveness-shots',
      rowsOf(r, (s) => s.byInterceptorsPerWarhead),
      'Interceptors per engaged object (barrage)',
      'P(no leakers) against interceptors fired at each engaged object, unlimited inventory, per site and analysis.',
    ),
    chart(
      document,
      'effectiveness-attack-size',
      rowsOf(r, (s) => s.byAttackSize),
      'Warheads in the attack',
      'P(no leakers) against the number of warheads, with the site\u2019s inventory and doctrine; bars: 95 % interval where the point is a Monte Carlo estimate (the inventory runs out).',
    ),
    forcesTable(r),
    '</section>',
  ].join('\n');
};
