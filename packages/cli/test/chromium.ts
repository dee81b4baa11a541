/**
 * Headless Chromium for the tests: Debian's /usr/bin/chromium through playwright-core (CI installs
 * it; a test that needs it fails, not skips, without it), and the page-side measure of a chart.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';

/** Launches headless Chromium with the flags that give software WebGL here. */
export const launchChromium = async (): Promise<Browser> => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`).toBe(true);
  return chromium.launch({
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
};

/** The little of the browser's DOM the page-side checks use (the tests compile without lib.dom). */
interface PageElement {
  readonly tagName: string;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  getBoundingClientRect(): { readonly width: number; readonly height: number };
}
interface PageGlobals {
  readonly document: { querySelector(selector: string): PageElement | null };
}

/**
 * The size of a chart's largest SVG (marked `data-chart="<name>"`) and how many drawn elements
 * (paths, lines, rects, circles of non-zero size) it holds; null when the page has no such chart.
 */
export const chartMeasure = (
  page: Page,
  name: string,
): Promise<{ widthPx: number; heightPx: number; drawn: number } | null> =>
  page.evaluate((chart) => {
    const { document } = globalThis as unknown as PageGlobals;
    const marked = document.querySelector(`[data-chart="${chart}"]`);
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
  }, name);
