/**
 * The files `openbmd run` writes from a run result, in order: result.json, report.html,
 * trajectories.csv, scene.czml, map.geojson, scene.kml (docs/outputs.md).
 */
import type { RunResult } from '@openbmd/core';
import { trajectoriesCsv } from './csv.js';
import { sceneCzml } from './czml.js';
import { mapGeoJson } from './geojson.js';
import { sceneKml } from './kml.js';
import { reportHtml } from './report.js';

export interface RunOutputFile {
  readonly fileName: string;
  readonly content: string;
}

export const renderRunOutputs = (r: RunResult): RunOutputFile[] => [
  { fileName: 'result.json', content: `${JSON.stringify(r, null, 2)}\n` },
  { fileName: 'report.html', content: reportHtml(r) },
  { fileName: 'trajectories.csv', content: trajectoriesCsv(r) },
  { fileName: 'scene.czml', content: `${JSON.stringify(sceneCzml(r), null, 1)}\n` },
  { fileName: 'map.geojson', content: `${JSON.stringify(mapGeoJson(r))}\n` },
  { fileName: 'scene.kml', content: sceneKml(r) },
];

export { trajectoriesCsv } from './csv.js';
export { type CzmlPacket, sceneCzml } from './czml.js';
export { type FeatureCollection, mapGeoJson } from './geojson.js';
export { sceneKml } from './kml.js';
export { reportHtml } from './report.js';
