/**
 * report.html in headless Chromium (Debian's /usr/bin/chromium through playwright-core; CI
 * installs it, and this test fails, not skips, without it): the page loads from a file with no
 * other request, every chart's SVG has a non-zero size and drawn paths, and screenshots of the
 * map and of a chart, decoded here, are not blank (the map shows both track colours).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportHtml } from '../../src/export/report.js';
import { chartMeasure, launchChromium } from '../chromium.js';
import { fixtureRunResult } from './fixture.js';
import { decodePng, pixelStats } from './png.js';

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
    dir = mkdtempSync(join(tmpdir(), 'openbmd-report-'));
    file = join(dir, 'report.html');
    writeFileSync(file, reportHtml(fixtureRunResult()));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('renders every chart, and the map and a chart are not blank', async () => {
    if (browser === undefined) throw new Error('no browser');
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => {
      requests.push(request.url());
    });
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });
    expect(requests).toEqual([url]);

    for (const chart of CHARTS) {
      const sizes = await chartMeasure(page, chart);
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
  }, 60_000);
});
