/**
 * Our own zod schema of exactly the CZML packets scene.czml holds (a subset of CZML 1.0, as
 * CesiumJS reads it: https://github.com/AnalyticalGraphicsInc/czml-writer/wiki). The packet
 * types of czml.ts are inferred from it, so the writer cannot emit a field the schema does not
 * know; the tests validate every packet against it (strict objects: no unknown field).
 */
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: false });

/** A CZML interval: two ISO 8601 UTC times joined by '/', start not after stop. */
const isoInterval = z.string().refine((s) => {
  const parts = s.split('/');
  if (parts.length !== 2) return false;
  const [start, stop] = parts;
  if (start === undefined || stop === undefined) return false;
  if (!isoTime.safeParse(start).success || !isoTime.safeParse(stop).success) return false;
  return Date.parse(start) <= Date.parse(stop);
}, 'an ISO 8601 interval start/stop with start <= stop');

const byte = z.number().int().min(0).max(255);

/** Colour as CZML writes it: red, green, blue, alpha, each 0-255. */
export const czmlRgbaSchema = z.strictObject({ rgba: z.tuple([byte, byte, byte, byte]) });

const colouredInterval = z.strictObject({
  interval: isoInterval,
  rgba: z.tuple([byte, byte, byte, byte]),
});

/** A solid-colour material, constant or changing with time (one colour per interval). */
const solidColourMaterial = z.strictObject({
  solidColor: z.strictObject({
    color: z.union([czmlRgbaSchema, z.array(colouredInterval).min(1)]),
  }),
});

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

/** [lon, lat, heightM] repeated: a fixed list of positions. */
const cartographicDegreesList = z
  .array(z.number())
  .refine((a) => a.length > 0 && a.length % 3 === 0, 'lon, lat, height triples')
  .refine(
    (a) =>
      a.every((v, i) =>
        i % 3 === 0 ? Math.abs(v) <= 180 : i % 3 === 1 ? Math.abs(v) <= 90 : true,
      ),
    'longitudes in [-180, 180] and latitudes in [-90, 90]',
  );

/** [t, lon, lat, heightM] repeated, t in seconds from `epoch`, strictly increasing. */
const timeTaggedSamples = z
  .array(z.number())
  .refine((a) => a.length >= 8 && a.length % 4 === 0, 'at least two [t, lon, lat, height] samples')
  .refine((a) => {
    for (let i = 4; i < a.length; i += 4) if (!((a[i] ?? 0) > (a[i - 4] ?? 0))) return false;
    return true;
  }, 'strictly increasing sample times')
  .refine(
    (a) =>
      a.every((v, i) =>
        i % 4 === 1 ? Math.abs(v) <= 180 : i % 4 === 2 ? Math.abs(v) <= 90 : Number.isFinite(v),
      ),
    'longitudes in [-180, 180] and latitudes in [-90, 90]',
  );

const fixedPosition = z.strictObject({ cartographicDegrees: z.tuple([lon, lat, z.number()]) });

const pointGraphics = z.strictObject({
  pixelSize: z.number().positive(),
  color: czmlRgbaSchema,
  outlineColor: czmlRgbaSchema,
  outlineWidth: z.number().nonnegative(),
});

const labelGraphics = z.strictObject({
  text: z.string(),
  font: z.string(),
  fillColor: czmlRgbaSchema,
  outlineColor: czmlRgbaSchema,
  outlineWidth: z.number().nonnegative(),
  style: z.literal('FILL_AND_OUTLINE'),
  horizontalOrigin: z.literal('LEFT'),
  pixelOffset: z.strictObject({ cartesian2: z.tuple([z.number(), z.number()]) }),
});

export const czmlDocumentPacketSchema = z.strictObject({
  id: z.literal('document'),
  name: z.string(),
  version: z.literal('1.0'),
  description: z.string(),
  clock: z.strictObject({
    interval: isoInterval,
    currentTime: isoTime,
    multiplier: z.number().positive(),
    range: z.literal('LOOP_STOP'),
    step: z.literal('SYSTEM_CLOCK_MULTIPLIER'),
  }),
});

/** A threat: its time-tagged position, its path coloured by engageability over time, a point and a label. */
export const czmlThreatPacketSchema = z.strictObject({
  id: z.string().startsWith('threat-'),
  name: z.string(),
  description: z.string(),
  availability: isoInterval,
  position: z.strictObject({
    epoch: isoTime,
    cartographicDegrees: timeTaggedSamples,
    interpolationAlgorithm: z.literal('LAGRANGE'),
    interpolationDegree: z.number().int().min(1).max(9),
  }),
  path: z.strictObject({
    material: solidColourMaterial,
    width: z.number().positive(),
    leadTime: z.number().nonnegative(),
    trailTime: z.number().nonnegative(),
    resolution: z.number().positive(),
  }),
  point: pointGraphics,
  label: labelGraphics,
});

/** One track segment of constant engageability, as a static polyline. */
export const czmlTrackSegmentPacketSchema = z.strictObject({
  id: z.string().startsWith('track-'),
  name: z.string(),
  description: z.string(),
  properties: z.strictObject({
    threatId: z.string(),
    engageable: z.boolean(),
    engageableBy: z.string(),
    startS: z.number(),
    endS: z.number(),
  }),
  polyline: z.strictObject({
    positions: z.strictObject({ cartographicDegrees: cartographicDegreesList }),
    width: z.number().positive(),
    arcType: z.literal('NONE'),
    material: solidColourMaterial,
  }),
});

/** A site or interceptor site, or an intercept point: a point with a label. */
export const czmlPointPacketSchema = z.strictObject({
  id: z.string().regex(/^(site|intercept)-/),
  name: z.string(),
  description: z.string(),
  position: fixedPosition,
  point: pointGraphics,
  label: labelGraphics,
});

/** A radar's coverage footprint on the ground (height 0). */
export const czmlCoveragePacketSchema = z.strictObject({
  id: z.string().startsWith('coverage-'),
  name: z.string(),
  description: z.string(),
  polygon: z.strictObject({
    positions: z.strictObject({ cartographicDegrees: cartographicDegreesList }),
    height: z.literal(0),
    material: solidColourMaterial,
    outline: z.literal(true),
    outlineColor: czmlRgbaSchema,
  }),
});

export const czmlPacketSchema = z.union([
  czmlDocumentPacketSchema,
  czmlThreatPacketSchema,
  czmlTrackSegmentPacketSchema,
  czmlPointPacketSchema,
  czmlCoveragePacketSchema,
]);

/** scene.czml: the document packet first, then the others. */
export const czmlDocumentSchema = z.tuple([czmlDocumentPacketSchema], czmlPacketSchema);

export type CzmlRgba = z.infer<typeof czmlRgbaSchema>;
export type CzmlDocumentPacket = z.infer<typeof czmlDocumentPacketSchema>;
export type CzmlThreatPacket = z.infer<typeof czmlThreatPacketSchema>;
export type CzmlTrackSegmentPacket = z.infer<typeof czmlTrackSegmentPacketSchema>;
export type CzmlPointPacket = z.infer<typeof czmlPointPacketSchema>;
export type CzmlCoveragePacket = z.infer<typeof czmlCoveragePacketSchema>;
export type CzmlPacket = z.infer<typeof czmlPacketSchema>;
