/**
 * report.html without a browser: self-contained (no script, stylesheet, font, image or other
 * resource fetched; the only web addresses are inside cited source text), every chart marked,
 * every text escaped, the claims, ledger, provenance and deduplicated sources present; and
 * renderRunOutputs' files in their order.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderRunOutputs } from '../../src/export/index.js';
import { allSources, reportHtml, thresholdText } from '../../src/export/report.js';
import { fixtureRunResult } from './fixture.js';

const CHARTS = [
  'altitude-range',
  'altitude-time',
  'map',
  'timeline-semnan-london',
  'timeline-kozelsk-washington',
  'timeline-kamchatka-anchorage',
];

describe('report.html', () => {
  const r = fixtureRunResult();
  const html = reportHtml(r);
  const { document } = parseHTML(html);

  it('fetches nothing: no script, link, image, font, frame or url()', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed|image|use|video|audio|source)\b/i);
    expect(html).not.toMatch(/\s(src|srcset|xlink:href|href)\s*=/i);
    expect(html).not.toMatch(/url\(|@import|@font-face/i);
    // Web addresses only inside cited source text.
    const { document: copy } = parseHTML(html);
    for (const node of [...copy.querySelectorAll('.source-text')]) node.remove();
    const rest = copy.toString();
    expect(rest).not.toMatch(/https?:\/\//i);
    expect(html).toMatch(/https:\/\/example\.org\/mda-europe-2007\.pdf/);
  });

  it('marks every chart, each with drawn SVG paths', () => {
    for (const chart of CHARTS) {
      const marked = document.querySelectorAll(`[data-chart="${chart}"]`);
      expect(marked, chart).toHaveLength(1);
      const element = marked[0];
      const svg =
        element?.tagName.toLowerCase() === 'svg' ? element : element?.querySelector('svg');
      expect(svg, chart).toBeTruthy();
      expect(element?.querySelectorAll('path').length, chart).toBeGreaterThan(0);
    }
    // The map: land, borders, graticule, tracks in both colours, the coverage footprint.
    const map = document.querySelector('[data-chart="map"]');
    const strokes = [...(map?.querySelectorAll('path') ?? [])].map((p) => p.getAttribute('stroke'));
    expect(strokes).toContain('#2ca02c');
    expect(strokes).toContain('#d62728');
    expect(strokes).toContain('#ff7f0e');
    // Coordinates rounded to 0.1 px.
    for (const p of [...(map?.querySelectorAll('path') ?? [])]) {
      expect(p.getAttribute('d') ?? '').not.toMatch(/\d\.\d{2,}/);
    }
  });

  it('escapes every text', () => {
    expect(html).toContain('<title>OpenBMD: Exporter test &lt;fixture&gt; &amp; friends</title>');
    expect(html).not.toContain('<fixture>');
    expect(html).not.toContain('<test & eval>');
    expect(html).not.toContain('<space & infrared>');
    expect(document.querySelector('h1')?.textContent).toBe(
      'OpenBMD: Exporter test <fixture> & friends',
    );
    const threatsTable = document.querySelector('#threats table')?.textContent ?? '';
    expect(threatsTable).toContain('Kamchatka \u2192 Anchorage <test & eval>');
    // Also inside the Plot charts (linkedom escapes the legend and axis text).
    const timeline =
      document.querySelector('[data-chart="timeline-semnan-london"]')?.textContent ?? '';
    expect(timeline).toContain('sensor: SBIRS <space & infrared>');
  });

  it('says NOTIONAL and answers the claims with margin and threshold', () => {
    expect(document.querySelector('.notional')?.textContent).toBe('NOTIONAL');
    const claims = document.querySelector('#claims')?.textContent ?? '';
    expect(claims).toContain('holds if interceptors.gbi-2stage-mda.burnoutSpeedMps >= 4.30 km/s');
    expect(claims).toContain('never');
    expect(claims).toContain('+1.10 km/s');
    expect(claims).toContain('+3.70 km/s');
    const headers = [...document.querySelectorAll('#claims table')][0]?.querySelectorAll('th');
    expect([...(headers ?? [])].map((h) => h.textContent)).toEqual([
      'claim',
      'Baseline',
      'Postol & Lewis: 8.0 km/s',
    ]);
    const [, c2] = r.baseline.claims;
    if (c2 === undefined) throw new Error('no second claim');
    expect(thresholdText(c2)).toBe('never');
  });

  it('shows engagements per analysis side by side, the timelines and the threats', () => {
    const tables = [...document.querySelectorAll('#engagements table')];
    expect(tables).toHaveLength(2);
    const sideBySide = tables[1];
    expect(sideBySide?.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(sideBySide?.querySelectorAll('thead th')).toHaveLength(4);
    expect(document.querySelectorAll('#threats tbody tr')).toHaveLength(3);
    expect(
      document.querySelectorAll('#sensors table')[1]?.querySelectorAll('tbody tr'),
    ).toHaveLength(6);
  });

  it('holds the ledger, the provenance and every source once', () => {
    const ledger = document.querySelector('#ledger')?.textContent ?? '';
    expect(ledger).toContain('Dormand-Prince 8(5,3)');
    expect(ledger).toContain('US Standard Atmosphere 1976');
    expect(ledger).toContain('interceptorSites.redzikowo.launchDelayS');
    expect(ledger).toContain('as shown on the slides');
    const provenance = document.querySelector('#provenance')?.textContent ?? '';
    for (const v of [
      r.provenance.scenarioSha256,
      'scenarios/fixture.yaml',
      '0.1.0',
      '2008-06-01T12:00:00Z',
    ]) {
      expect(provenance).toContain(v);
    }
    expect(provenance).toContain('written 1, read as 1');
    const sources = [...document.querySelectorAll('#sources li')].map((li) => li.textContent);
    expect(sources).toEqual(allSources(r));
    // Two in r.sources, one more only in the ledger, the MDA slides in both.
    expect(sources).toHaveLength(3);
  });

  it('stays small', () => {
    expect(Buffer.byteLength(html)).toBeLessThan(300_000);
  });
});

describe('renderRunOutputs', () => {
  it('gives the six files in order, result.json being the result itself', () => {
    const r = fixtureRunResult();
    const files = renderRunOutputs(r);
    expect(files.map((f) => f.fileName)).toEqual([
      'result.json',
      'report.html',
      'trajectories.csv',
      'scene.czml',
      'map.geojson',
      'scene.kml',
    ]);
    expect(files[0]?.content).toBe(`${JSON.stringify(r, null, 2)}\n`);
    expect(JSON.parse(files[0]?.content ?? '')).toEqual(JSON.parse(JSON.stringify(r)));
    expect(() => JSON.parse(files[3]?.content ?? '')).not.toThrow();
    expect(() => JSON.parse(files[4]?.content ?? '')).not.toThrow();
    for (const f of files) expect(f.content.endsWith('\n')).toBe(true);
  });
});
