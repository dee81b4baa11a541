/**
 * scene.kml: well-formed XML (a strict check, then linkedom's XML parser for the structure),
 * one Placemark per track segment, site, coverage footprint and intercept point, absolute
 * altitudes on the tracks, and every text escaped.
 */
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { sceneKml, xmlEscape } from '../../src/export/kml.js';
import { allTrackSegments } from '../../src/export/scene.js';
import { fixtureRunResult } from './fixture.js';
import { xmlProblems } from './xml.js';

describe('scene.kml', () => {
  const r = fixtureRunResult();
  const kml = sceneKml(r);
  const doc = new DOMParser().parseFromString(kml, 'text/xml');
  const placemarks = [...doc.querySelectorAll('Placemark')];

  it('is well-formed KML 2.2', () => {
    expect(xmlProblems(kml)).toEqual([]);
    expect(
      kml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">',
      ),
    ).toBe(true);
    expect(doc.querySelector('kml > Document')).not.toBeNull();
    // The checker catches what it should.
    expect(xmlProblems('<a><b></a>')).not.toEqual([]);
    expect(xmlProblems('<a>x & y</a>')).not.toEqual([]);
    expect(xmlProblems('<a>1 < 2</a>')).not.toEqual([]);
  });

  it('has one Placemark per track segment, site, footprint and intercept point', () => {
    const segments = allTrackSegments(r);
    const lines = placemarks.filter((p) => p.querySelector('LineString') !== null);
    const points = placemarks.filter((p) => p.querySelector('Point') !== null);
    const polygons = placemarks.filter((p) => p.querySelector('Polygon') !== null);
    expect(lines).toHaveLength(segments.length);
    expect(points).toHaveLength(r.sites.length + 4);
    expect(polygons).toHaveLength(1);
    expect(placemarks).toHaveLength(segments.length + r.sites.length + 4 + 1);
    for (const [i, p] of lines.entries()) {
      const segment = segments[i];
      expect(p.querySelector('altitudeMode')?.textContent).toBe('absolute');
      expect(p.querySelector('styleUrl')?.textContent).toBe(
        segment?.engageable ? '#engageable' : '#not-engageable',
      );
      const coordinates = (p.querySelector('coordinates')?.textContent ?? '').trim().split(/\s+/);
      expect(coordinates).toHaveLength(segment?.points.length ?? -1);
      const [lon, lat, h] = (coordinates[1] ?? '').split(',').map(Number);
      const q = segment?.points[1];
      expect(lon).toBeCloseTo(q?.lonDeg ?? Number.NaN, 4);
      expect(lat).toBeCloseTo(q?.latDeg ?? Number.NaN, 4);
      expect(h).toBeCloseTo((q?.altitudeKm ?? Number.NaN) * 1000, -1);
    }
    expect(polygons[0]?.querySelector('altitudeMode')?.textContent).toBe('clampToGround');
    expect(doc.querySelectorAll('Style')).toHaveLength(6);
  });

  it('escapes every text', () => {
    expect(xmlEscape(`<a & 'b' "c">`)).toBe('&lt;a &amp; &apos;b&apos; &quot;c&quot;&gt;');
    expect(kml).toContain('Kamchatka \u2192 Anchorage &lt;test &amp; eval&gt;');
    expect(kml).not.toContain('<test & eval>');
    expect(kml).toContain('Exporter test &lt;fixture&gt; &amp; friends');
    const names = [...doc.querySelectorAll('Placemark > name')].map((n) => n.textContent ?? '');
    expect(names.some((n) => n.includes('<test & eval>'))).toBe(true);
    const description = doc.querySelector('Document > description')?.textContent ?? '';
    expect(description).toContain(r.provenance.scenarioSha256);
    expect(description).toContain('NOTIONAL');
  });
});
