/**
 * scene.kml (KML 2.2, for Google Earth): one Placemark LineString per track segment of
 * constant engageability at absolute altitude (lon,lat,heightM), sites, interceptor sites and
 * intercept points as Points, radar coverage footprints as ground polygons, and the provenance
 * and ledger summary in the Document's description. KML colours are aabbggrr.
 */
import { type RunResult, wrapLonDeg } from '@openbmd/core';
import {
  allTrackSegments,
  colours,
  hexToRgb,
  interceptMarks,
  ledgerLines,
  roundTo,
} from './scene.js';

/** Escapes text for XML character data and attribute values. */
export const xmlEscape = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');

/** `#rrggbb` and an alpha 0-255 as KML's aabbggrr. */
const kmlColour = (hex: string, alpha = 255): string => {
  const [red, green, blue] = hexToRgb(hex);
  return [alpha, blue, green, red].map((v) => v.toString(16).padStart(2, '0')).join('');
};

const coordinate = (lonDeg: number, latDeg: number, heightM: number): string =>
  `${roundTo(wrapLonDeg(lonDeg), 5)},${roundTo(latDeg, 5)},${roundTo(heightM, 0)}`;

const lineStyle = (id: string, hex: string, widthPx: number): string =>
  `<Style id="${id}"><LineStyle><color>${kmlColour(hex)}</color><width>${widthPx}</width></LineStyle></Style>`;

const pointStyle = (id: string, hex: string, scale: number): string =>
  `<Style id="${id}"><IconStyle><color>${kmlColour(hex)}</color><scale>${scale}</scale></IconStyle><LabelStyle><scale>0.8</scale></LabelStyle></Style>`;

const element = (name: string, text: string): string => `<${name}>${xmlEscape(text)}</${name}>`;

export const sceneKml = (r: RunResult): string => {
  const threatNames = new Map(r.baseline.threats.map((t) => [t.threatId, t.name]));
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push('<kml xmlns="http://www.opengis.net/kml/2.2">');
  out.push('<Document>');
  out.push(element('name', `OpenBMD: ${r.provenance.scenarioName} (notional)`));
  const description = [
    r.description ?? '',
    'Green: some interceptor site can engage the threat there (baseline); red: none can.',
    ...ledgerLines(r),
  ].filter((line) => line !== '');
  out.push(element('description', description.join('\n')));
  out.push(lineStyle('engageable', colours.engageable, 4));
  out.push(lineStyle('not-engageable', colours.notEngageable, 3));
  out.push(pointStyle('site', colours.site, 1));
  out.push(pointStyle('interceptor-site', colours.interceptorSite, 1.2));
  out.push(pointStyle('intercept', colours.intercept, 0.9));
  out.push(
    `<Style id="coverage"><LineStyle><color>${kmlColour(colours.coverage)}</color><width>1.5</width></LineStyle><PolyStyle><color>${kmlColour(colours.coverage, 50)}</color></PolyStyle></Style>`,
  );

  out.push('<Folder>', element('name', 'Threat tracks (baseline)'));
  for (const segment of allTrackSegments(r)) {
    const name = threatNames.get(segment.threatId) ?? segment.threatId;
    const description = segment.engageable
      ? `Engageable by ${segment.engageableBy.join(', ')} from ${segment.startS.toFixed(1)} s to ${segment.endS.toFixed(1)} s.`
      : `No site can engage from ${segment.startS.toFixed(1)} s to ${segment.endS.toFixed(1)} s.`;
    out.push(
      '<Placemark>',
      element('name', `${name} ${segment.startS.toFixed(0)}-${segment.endS.toFixed(0)} s`),
      element('description', description),
      `<styleUrl>#${segment.engageable ? 'engageable' : 'not-engageable'}</styleUrl>`,
      '<ExtendedData>',
      `<Data name="threatId">${element('value', segment.threatId)}</Data>`,
      `<Data name="engageableBy">${element('value', segment.engageableBy.join(';'))}</Data>`,
      '</ExtendedData>',
      '<LineString><altitudeMode>absolute</altitudeMode><coordinates>',
      segment.points.map((p) => coordinate(p.lonDeg, p.latDeg, p.altitudeKm * 1000)).join(' '),
      '</coordinates></LineString>',
      '</Placemark>',
    );
  }
  out.push('</Folder>');

  const interceptorIds = new Set(r.interceptorSites.map((s) => s.id));
  const siteIds = new Set(r.sites.map((s) => s.id));
  out.push('<Folder>', element('name', 'Sites'));
  const placemarkPoint = (
    name: string,
    description: string,
    style: string,
    coordinates: string,
    altitudeMode: 'clampToGround' | 'absolute',
  ): void => {
    out.push(
      '<Placemark>',
      element('name', name),
      element('description', description),
      `<styleUrl>#${style}</styleUrl>`,
      `<Point><altitudeMode>${altitudeMode}</altitudeMode><coordinates>${coordinates}</coordinates></Point>`,
      '</Placemark>',
    );
  };
  for (const site of r.sites) {
    placemarkPoint(
      site.name,
      `${site.id}; roles: ${site.roles.join(', ')}`,
      interceptorIds.has(site.id) ? 'interceptor-site' : 'site',
      coordinate(site.lonDeg, site.latDeg, 0),
      'clampToGround',
    );
  }
  for (const site of r.interceptorSites) {
    if (siteIds.has(site.id)) continue;
    placemarkPoint(
      site.name,
      `${site.id}: ${site.inventory} x ${site.interceptorName}`,
      'interceptor-site',
      coordinate(site.lonDeg, site.latDeg, 0),
      'clampToGround',
    );
  }
  out.push('</Folder>');

  out.push('<Folder>', element('name', 'Radar coverage'));
  for (const sensor of r.sensors) {
    const ring = sensor.coverage?.geometry.coordinates[0];
    if (sensor.coverage === null || ring === undefined || ring.length < 4) continue;
    const c = sensor.coverage.properties;
    out.push(
      '<Placemark>',
      element('name', `${sensor.name} coverage`),
      element(
        'description',
        `Detection footprint against ${c.targetRcsM2} m^2 at ${c.targetAltitudeKm} km altitude; slant range ${c.rangeKm.toFixed(0)} km.`,
      ),
      '<styleUrl>#coverage</styleUrl>',
      '<Polygon><tessellate>1</tessellate><altitudeMode>clampToGround</altitudeMode>',
      '<outerBoundaryIs><LinearRing><coordinates>',
      ring.map(([lonDeg, latDeg]) => coordinate(lonDeg, latDeg, 0)).join(' '),
      '</coordinates></LinearRing></outerBoundaryIs></Polygon>',
      '</Placemark>',
    );
  }
  out.push('</Folder>');

  out.push('<Folder>', element('name', 'Intercept points (baseline)'));
  for (const mark of interceptMarks(r)) {
    const p = mark.point;
    placemarkPoint(
      `${mark.which} intercept: ${mark.siteId} vs ${mark.threatId}`,
      `At ${p.timeS.toFixed(1)} s, ${p.altitudeKm.toFixed(0)} km, ${p.geometry}, closing ${p.closingSpeedMps.toFixed(0)} m/s; interceptor launch ${p.launchTimeS.toFixed(1)} s.`,
      'intercept',
      coordinate(p.lonDeg, p.latDeg, p.altitudeKm * 1000),
      'absolute',
    );
  }
  out.push('</Folder>');
  out.push('</Document>', '</kml>');
  return `${out.join('\n')}\n`;
};
