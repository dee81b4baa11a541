/**
 * report.html in headless Chromium (Debian's /usr/bin/chromium through playwright-core; CI
 * installs it, and this test fails, not skips, without it): the page loads from a file with no
 * other request, every chart's SVG has a non-zero size and drawn paths, and screenshots of the
 * map and of a chart, decoded here, are not blank (the map shows both track colours).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportHtml } from '../../src/export/report.js';
import { fixtureRunResult } from './fixture.js';
import { decodePng, pixelStats } from './png.js';

const CHROMIUM = '/usr/bin/chromium';

/** The little of the browser's DOM the page-side checks use (the tests compile without lib.dom). */
interface PageElement {
  readonly tagName: string;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  getBoundingClientRect(): { readonly width: number; readonly height: number };
}
interface PageGlobals {
  readonly document: { querySelector(selector: string): PageElement | null };
}
const CHARTS = [
  'altitude-range',
  'altitude-time',
  'map',
  'timeline-semnan-london',
  'timeline-kozelsk-washington',
  'timeline-kamchatka-anchorage',
];

describe('report.html in Chromium', () => {
  let browser: Browser | undefined;
  let dir = '';
  let file = '';

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`).toBe(true);
    dir = mkdtempSync(join(tmpdir(), 'openbmd-report-'));
    file = join(dir, 'report.html');
    writeFileSync(file, reportHtml(fixtureRunResult()));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('renders every chart, and the map and a chart are not blank', async () => {
    if (browser === undefined) throw new Error('no browser');
    const startedMs = performance.now();
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => {
      requests.push(request.url());
    });
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });
    expect(requests).toEqual([url]);

    for (const chart of CHARTS) {
      const sizes = await page.evaluate((name) => {
        const { document } = globalThis as unknown as PageGlobals;
        const marked = document.querySelector(`[data-chart="${name}"]`);
        if (marked === null) return null;
        const svgs =
          marked.tagName.toLowerCase() === 'svg'
            ? [marked]
            : Array.from(marked.querySelectorAll('svg'));
        // The chart's own SVG is the largest (Plot's legend swatches are small SVGs too).
        const boxes = svgs.map((s) => {
          const box = s.getBoundingClientRect();
          const drawn = Array.from(s.querySelectorAll('path, line, rect, circle')).filter((e) => {
            const b = e.getBoundingClientRect();
            return b.width > 0 || b.height > 0;
          }).length;
          return { widthPx: box.width, heightPx: box.height, drawn };
        });
        return boxes.sort((a, b) => b.widthPx * b.heightPx - a.widthPx * a.heightPx)[0] ?? null;
      }, chart);
      expect(sizes, chart).not.toBeNull();
      expect(sizes?.widthPx, chart).toBeGreaterThan(300);
      expect(sizes?.heightPx, chart).toBeGreaterThan(100);
      expect(sizes?.drawn, chart).toBeGreaterThan(3);
    }

    const map = decodePng(await page.locator('[data-chart="map"]').screenshot());
    expect(map.widthPx).toBeGreaterThan(500);
    const mapStats = pixelStats(map, {
      engageable: [0x2c, 0xa0, 0x2c],
      notEngageable: [0xd6, 0x27, 0x28],
    });
    expect(mapStats.nonWhite / mapStats.pixels).toBeGreaterThan(0.5); // ocean and land
    expect(mapStats.distinctColours).toBeGreaterThan(20);
    expect(mapStats.near['engageable']).toBeGreaterThan(30);
    expect(mapStats.near['notEngageable']).toBeGreaterThan(100);

    const chart = decodePng(await page.locator('[data-chart="altitude-range"]').screenshot());
    const chartStats = pixelStats(chart);
    expect(chartStats.nonWhite / chartStats.pixels).toBeGreaterThan(0.02);
    expect(chartStats.distinctColours).toBeGreaterThan(10);

    await page.close();
    const elapsedS = (performance.now() - startedMs) / 1000;
    expect(elapsedS).toBeLessThan(20);
  }, 60_000);
});
