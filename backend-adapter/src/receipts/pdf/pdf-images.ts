/**
 * The two image formats a PDF can carry without decoding them: JPEG as is (DCTDecode) and PNG's zlib data as
 * is (FlateDecode with the PNG predictors). Only what the writer needs is read: size, colours, data.
 */
export interface PdfImage {
  width: number;
  height: number;
  colorSpace: 'DeviceGray' | 'DeviceRGB' | 'DeviceCMYK';
  filter: 'DCTDecode' | 'FlateDecode';
  /** The PNG predictor parameters, for FlateDecode. */
  decodeParms?: string;
  /** Binary string (one char per byte). */
  data: string;
}

function u16(bytes: string, at: number): number {
  return (bytes.charCodeAt(at) << 8) | bytes.charCodeAt(at + 1);
}

function u32(bytes: string, at: number): number {
  return u16(bytes, at) * 65536 + u16(bytes, at + 2);
}

const COLOR_SPACES = { 1: 'DeviceGray', 3: 'DeviceRGB', 4: 'DeviceCMYK' } as const;

/** Reads the frame header (SOFn) of a baseline or progressive JPEG. */
export function jpegImage(bytes: string): PdfImage {
  if (u16(bytes, 0) !== 0xffd8) throw new Error('Not a JPEG image');
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes.charCodeAt(at) !== 0xff) throw new Error('Corrupt JPEG image');
    const marker = bytes.charCodeAt(at + 1);
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = u16(bytes, at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame && at + 10 <= bytes.length) {
      const components = bytes.charCodeAt(at + 9);
      const colorSpace = COLOR_SPACES[components as 1 | 3 | 4];
      if (bytes.charCodeAt(at + 4) !== 8 || colorSpace === undefined)
        throw new Error('Unsupported JPEG image');
      return {
        width: u16(bytes, at + 7),
        height: u16(bytes, at + 5),
        colorSpace,
        filter: 'DCTDecode',
        data: bytes,
      };
    }
    at += 2 + length;
  }
  throw new Error('JPEG image without a frame header');
}

/** A non-interlaced 8-bit grey or RGB PNG: its IDAT chunks joined, decoded by the reader with predictor 15. */
export function pngImage(bytes: string): PdfImage {
  if (bytes.slice(0, 8) !== '\x89PNG\r\n\x1a\n') throw new Error('Not a PNG image');
  let at = 8;
  let header: { width: number; height: number; colors: number } | null = null;
  let data = '';
  while (at + 8 <= bytes.length) {
    const length = u32(bytes, at);
    const type = bytes.slice(at + 4, at + 8);
    const body = bytes.slice(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      const depth = body.charCodeAt(8);
      const colorType = body.charCodeAt(9);
      if (depth !== 8 || (colorType !== 0 && colorType !== 2) || body.charCodeAt(12) !== 0) {
        throw new Error('Unsupported PNG image: 8-bit grey or RGB without transparency or interlacing only');
      }
      header = { width: u32(body, 0), height: u32(body, 4), colors: colorType === 2 ? 3 : 1 };
    } else if (type === 'IDAT') {
      data += body;
    } else if (type === 'tRNS') {
      throw new Error('Unsupported PNG image: transparency');
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  if (header === null || data === '') throw new Error('PNG image without header or data');
  return {
    width: header.width,
    height: header.height,
    colorSpace: header.colors === 3 ? 'DeviceRGB' : 'DeviceGray',
    filter: 'FlateDecode',
    decodeParms: `<< /Predictor 15 /Colors ${header.colors} /BitsPerComponent 8 /Columns ${header.width} >>`,
    data,
  };
}

/** From the receipt's base64 signature. */
export function imageFromBase64(type: 'image/jpeg' | 'image/png', base64: string): PdfImage {
  const bytes = Buffer.from(base64, 'base64').toString('latin1');
  return type === 'image/png' ? pngImage(bytes) : jpegImage(bytes);
}
