/**
 * A small PNG decoder for the tests (8-bit greyscale, RGB or RGBA, non-interlaced: what
 * Chromium's screenshots are), with Node's zlib: enough to count the colours of a screenshot.
 */
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  readonly widthPx: number;
  readonly heightPx: number;
  /** RGBA, 4 bytes per pixel, row by row. */
  readonly rgba: Uint8Array;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

const paeth = (a: number, b: number, c: number): number => {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

export const decodePng = (png: Uint8Array): DecodedPng => {
  const buffer = Buffer.from(png);
  SIGNATURE.forEach((byte, i) => {
    if (buffer[i] !== byte) throw new Error('not a PNG');
  });
  let offset = 8;
  let widthPx = 0;
  let heightPx = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      widthPx = data.readUInt32BE(0);
      heightPx = data.readUInt32BE(4);
      const bitDepth = data[8];
      const colourType = data[9];
      const interlace = data[12];
      if (bitDepth !== 8 || interlace !== 0) throw new Error('only 8-bit non-interlaced PNGs');
      channels = colourType === 6 ? 4 : colourType === 2 ? 3 : colourType === 0 ? 1 : 0;
      if (channels === 0) throw new Error(`colour type ${colourType} not handled`);
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = widthPx * channels;
  const pixels = new Uint8Array(heightPx * stride);
  for (let y = 0; y < heightPx; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= channels ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0;
      const v = line[x] ?? 0;
      const predictor =
        filter === 0
          ? 0
          : filter === 1
            ? left
            : filter === 2
              ? up
              : filter === 3
                ? Math.floor((left + up) / 2)
                : filter === 4
                  ? paeth(left, up, upLeft)
                  : Number.NaN;
      if (Number.isNaN(predictor)) throw new Error(`bad filter ${filter} on row ${y}`);
      pixels[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  const rgba = new Uint8Array(widthPx * heightPx * 4);
  for (let i = 0; i < widthPx * heightPx; i++) {
    for (let c = 0; c < 4; c++) {
      rgba[i * 4 + c] =
        c === 3
          ? channels === 4
            ? (pixels[i * 4 + 3] ?? 255)
            : 255
          : channels === 1
            ? (pixels[i] ?? 0)
            : (pixels[i * channels + c] ?? 0);
    }
  }
  return { widthPx, heightPx, rgba };
};

export interface PixelStats {
  readonly pixels: number;
  /** Pixels that are not (near) white. */
  readonly nonWhite: number;
  readonly distinctColours: number;
  /** Pixels within `tolerance` (per channel) of each colour asked for. */
  readonly near: Record<string, number>;
}

export const pixelStats = (
  image: DecodedPng,
  colours: Readonly<Record<string, readonly [number, number, number]>> = {},
  tolerance = 24,
): PixelStats => {
  const distinct = new Set<number>();
  const near: Record<string, number> = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
  let nonWhite = 0;
  const n = image.widthPx * image.heightPx;
  for (let i = 0; i < n; i++) {
    const red = image.rgba[i * 4] ?? 0;
    const green = image.rgba[i * 4 + 1] ?? 0;
    const blue = image.rgba[i * 4 + 2] ?? 0;
    distinct.add((red << 16) | (green << 8) | blue);
    if (red < 245 || green < 245 || blue < 245) nonWhite += 1;
    for (const [name, [cr, cg, cb]] of Object.entries(colours)) {
      if (
        Math.abs(red - cr) <= tolerance &&
        Math.abs(green - cg) <= tolerance &&
        Math.abs(blue - cb) <= tolerance
      ) {
        near[name] = (near[name] ?? 0) + 1;
      }
    }
  }
  return { pixels: n, nonWhite, distinctColours: distinct.size, near };
};
