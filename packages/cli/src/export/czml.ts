/**
 * scene.czml, for CesiumJS (Cesium Sandcastle's "CZML" example, or `CzmlDataSource.load`):
 * - the document packet with the clock over the whole scenario (epoch from the provenance);
 * - per threat, its position as time-tagged samples [t, lon, lat, heightM] (seconds from the
 *   scenario epoch) with a moving point, a label and a `path` (the trail behind it) whose
 *   material colour is interval-valued: CesiumJS evaluates a path's material at the current
 *   clock time, so the whole trail turns green while a site can engage the threat and red when
 *   none can;
 * - per track segment of constant engageability, a static polyline in its own colour, because a
 *   single path cannot hold two colours at once (this is the picture of where a threat can be
 *   engaged, visible at every time);
 * - sites and interceptor sites as points, radar coverage footprints as polygons on the ground
 *   (height 0), and the first and last intercept points of each engageable baseline engagement.
 * Cesium interpolates the samples in Cartesian coordinates, so the antimeridian needs no split.
 * Every packet matches czml-schema.ts.
 */
import { type RunResult, wrapLonDeg } from '@openbmd/core';
import type {
  CzmlCoveragePacket,
  CzmlDocumentPacket,
  CzmlPacket,
  CzmlPointPacket,
  CzmlRgba,
  CzmlThreatPacket,
  CzmlTrackSegmentPacket,
} from './czml-schema.js';
import {
  allTrackSegments,
  colours,
  hexToRgb,
  interceptMarks,
  isoAfterEpoch,
  ledgerLines,
  roundTo,
  trackSegments,
} from './scene.js';

export type { CzmlPacket } from './czml-schema.js';

/** Simulation seconds per wall-clock second when the scene plays. */
const CLOCK_MULTIPLIER = 10;

const rgba = (hex: string, alpha = 255): [number, number, number, number] => [
  ...hexToRgb(hex),
  alpha,
];
const colour = (hex: string, alpha = 255): CzmlRgba => ({ rgba: rgba(hex, alpha) });

const WHITE = '#ffffff';
const BLACK = '#000000';

const label = (text: string, hex: string): CzmlPointPacket['label'] => ({
  text,
  font: '13px sans-serif',
  fillColor: colour(hex),
  outlineColor: colour(BLACK),
  outlineWidth: 2,
  style: 'FILL_AND_OUTLINE',
  horizontalOrigin: 'LEFT',
  pixelOffset: { cartesian2: [8, 0] },
});

const point = (hex: string, pixelSize: number): CzmlPointPacket['point'] => ({
  pixelSize,
  color: colour(hex),
  outlineColor: colour(WHITE),
  outlineWidth: 1,
});

const lonLatDeg = (lonDeg: number, latDeg: number): [number, number] => [
  roundTo(wrapLonDeg(lonDeg), 5),
  roundTo(latDeg, 5),
];

export const sceneCzml = (r: RunResult): CzmlPacket[] => {
  const epoch = r.provenance.epoch;
  const at = (timeS: number): string => isoAfterEpoch(epoch, timeS);
  const tracks = r.tracks.filter((t) => t.points.length >= 2);
  const startS = Math.min(0, ...tracks.map((t) => t.points[0]?.timeS ?? 0));
  const stopS = Math.max(startS, ...tracks.map((t) => t.points[t.points.length - 1]?.timeS ?? 0));
  const threatsById = new Map(r.baseline.threats.map((t) => [t.threatId, t]));

  const documentPacket: CzmlDocumentPacket = {
    id: 'document',
    name: `OpenBMD: ${r.provenance.scenarioName} (notional)`,
    version: '1.0',
    description: ledgerLines(r).join('\n'),
    clock: {
      interval: `${at(startS)}/${at(stopS)}`,
      currentTime: at(startS),
      multiplier: CLOCK_MULTIPLIER,
      range: 'LOOP_STOP',
      step: 'SYSTEM_CLOCK_MULTIPLIER',
    },
  };
  const packets: CzmlPacket[] = [documentPacket];

  for (const track of tracks) {
    const threat = threatsById.get(track.threatId);
    const name = threat?.name ?? track.threatId;
    const samples: number[] = [];
    let lastTimeS = Number.NEGATIVE_INFINITY;
    for (const p of track.points) {
      const tS = roundTo(p.timeS, 3);
      if (!(tS > lastTimeS)) continue; // Cesium needs strictly increasing sample times.
      lastTimeS = tS;
      samples.push(tS, ...lonLatDeg(p.lonDeg, p.latDeg), roundTo(p.altitudeKm * 1000, 0));
    }
    const first = track.points[0];
    const last = track.points[track.points.length - 1];
    if (first === undefined || last === undefined || samples.length < 8) continue;
    const segments = trackSegments(track.threatId, track.points);
    const pathColours = segments.map((s, i) => ({
      interval: `${at(s.startS)}/${at(segments[i + 1]?.startS ?? s.endS)}`,
      rgba: rgba(s.engageable ? colours.engageable : colours.notEngageable),
    }));
    const threatPacket: CzmlThreatPacket = {
      id: `threat-${track.threatId}`,
      name,
      description: threat
        ? `${threat.missileName} (${threat.missileId}), ${threat.trajectoryType}; launch ${threat.launchTimeS.toFixed(1)} s, impact ${threat.impactTimeS.toFixed(1)} s, apogee ${threat.apogeeKm.toFixed(0)} km, range ${threat.groundRangeKm.toFixed(0)} km. Notional.`
        : 'Notional.',
      availability: `${at(first.timeS)}/${at(last.timeS)}`,
      position: {
        epoch: at(0),
        cartographicDegrees: samples,
        interpolationAlgorithm: 'LAGRANGE',
        interpolationDegree: 3,
      },
      path: {
        material: {
          solidColor: {
            color:
              pathColours.length > 0
                ? pathColours
                : [
                    {
                      interval: `${at(first.timeS)}/${at(last.timeS)}`,
                      rgba: rgba(colours.notEngageable),
                    },
                  ],
          },
        },
        width: 2,
        leadTime: 0,
        trailTime: roundTo(last.timeS - first.timeS + 1, 0),
        resolution: 5,
      },
      point: point(WHITE, 7),
      label: label(name, WHITE),
    };
    packets.push(threatPacket);
  }

  for (const segment of allTrackSegments(r)) {
    const positions = segment.points.flatMap((p) => [
      ...lonLatDeg(p.lonDeg, p.latDeg),
      roundTo(p.altitudeKm * 1000, 0),
    ]);
    const hex = segment.engageable ? colours.engageable : colours.notEngageable;
    const sites = segment.engageableBy.join(';');
    const packet: CzmlTrackSegmentPacket = {
      id: `track-${segment.threatId}-${segment.index}`,
      name: `${threatsById.get(segment.threatId)?.name ?? segment.threatId}, ${segment.startS.toFixed(0)}-${segment.endS.toFixed(0)} s`,
      description: segment.engageable
        ? `Engageable by ${segment.engageableBy.join(', ')} from ${segment.startS.toFixed(1)} s to ${segment.endS.toFixed(1)} s.`
        : `No site can engage from ${segment.startS.toFixed(1)} s to ${segment.endS.toFixed(1)} s.`,
      properties: {
        threatId: segment.threatId,
        engageable: segment.engageable,
        engageableBy: sites,
        startS: roundTo(segment.startS, 1),
        endS: roundTo(segment.endS, 1),
      },
      polyline: {
        positions: { cartographicDegrees: positions },
        width: 3,
        arcType: 'NONE',
        material: { solidColor: { color: colour(hex, 200) } },
      },
    };
    packets.push(packet);
  }

  const interceptorIds = new Set(r.interceptorSites.map((s) => s.id));
  for (const site of r.sites) {
    const hex = interceptorIds.has(site.id) ? colours.interceptorSite : colours.site;
    const packet: CzmlPointPacket = {
      id: `site-${site.id}`,
      name: site.name,
      description: `Roles: ${site.roles.join(', ')}.`,
      position: { cartographicDegrees: [...lonLatDeg(site.lonDeg, site.latDeg), site.altitudeM] },
      point: point(hex, 9),
      label: label(site.name, hex),
    };
    packets.push(packet);
  }
  const siteIds = new Set(r.sites.map((s) => s.id));
  for (const site of r.interceptorSites) {
    if (siteIds.has(site.id)) continue; // already drawn as a site
    const packet: CzmlPointPacket = {
      id: `site-${site.id}`,
      name: site.name,
      description: `Interceptor site: ${site.inventory} x ${site.interceptorName}, burnout ${(site.burnoutSpeedMps / 1000).toFixed(2)} km/s.`,
      position: { cartographicDegrees: [...lonLatDeg(site.lonDeg, site.latDeg), 0] },
      point: point(colours.interceptorSite, 9),
      label: label(site.name, colours.interceptorSite),
    };
    packets.push(packet);
  }

  for (const sensor of r.sensors) {
    const ring = sensor.coverage?.geometry.coordinates[0];
    if (sensor.coverage === null || ring === undefined || ring.length < 4) continue;
    const c = sensor.coverage.properties;
    const packet: CzmlCoveragePacket = {
      id: `coverage-${sensor.id}`,
      name: `${sensor.name} coverage`,
      description: `Detection footprint against ${c.targetRcsM2} m^2 at ${c.targetAltitudeKm} km altitude (slant range ${c.rangeKm.toFixed(0)} km).`,
      polygon: {
        positions: {
          cartographicDegrees: ring.flatMap(([lonDeg, latDeg]) => [
            ...lonLatDeg(lonDeg, latDeg),
            0,
          ]),
        },
        height: 0,
        material: { solidColor: { color: colour(colours.coverage, 50) } },
        outline: true,
        outlineColor: colour(colours.coverage),
      },
    };
    packets.push(packet);
  }

  for (const mark of interceptMarks(r)) {
    const p = mark.point;
    const packet: CzmlPointPacket = {
      id: `intercept-${mark.siteId}-${mark.threatId}-${mark.which}`,
      name: `${mark.which} intercept of ${mark.threatId} from ${mark.siteId}`,
      description: `At ${p.timeS.toFixed(1)} s, ${p.altitudeKm.toFixed(0)} km, ${p.geometry}, closing ${p.closingSpeedMps.toFixed(0)} m/s; interceptor launch ${p.launchTimeS.toFixed(1)} s.`,
      position: {
        cartographicDegrees: [...lonLatDeg(p.lonDeg, p.latDeg), roundTo(p.altitudeKm * 1000, 0)],
      },
      point: point(colours.intercept, 8),
      label: label(`${mark.which} intercept`, colours.intercept),
    };
    packets.push(packet);
  }
  return packets;
};
