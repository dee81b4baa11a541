/** A zod schema of RFC 7946 GeoJSON, for checking the map outputs. */
import { z } from 'zod';

// RFC 7946 section 3.1.1: a position is [lon, lat] or [lon, lat, height], degrees on WGS84.
const position = z.union([
  z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number()]),
]);
const lineCoordinates = z.array(position).min(2);
// Section 3.1.6: a linear ring has four or more positions, the first and last the same.
export const linearRing = z
  .array(position)
  .min(4)
  .refine((ring) => {
    const a = ring[0];
    const b = ring[ring.length - 1];
    return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
  }, 'closed ring');
const geometry = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Point'), coordinates: position }),
  z.strictObject({ type: z.literal('MultiPoint'), coordinates: z.array(position) }),
  z.strictObject({ type: z.literal('LineString'), coordinates: lineCoordinates }),
  z.strictObject({ type: z.literal('MultiLineString'), coordinates: z.array(lineCoordinates) }),
  z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(linearRing).min(1) }),
  z.strictObject({
    type: z.literal('MultiPolygon'),
    coordinates: z.array(z.array(linearRing).min(1)),
  }),
]);
const feature = z.looseObject({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  geometry: geometry.nullable(),
  properties: z.record(z.string(), z.unknown()).nullable(),
});
// Section 6.1: foreign members are allowed, so the collection is a loose object.
export const featureCollection = z.looseObject({
  type: z.literal('FeatureCollection'),
  features: z.array(feature),
});
