/** Minimal image files: just the header bytes insertImage reads, padded to a chosen size. */

function pad(bytes: number[], size: number): number[] {
  while (bytes.length < size) bytes.push(0);
  return bytes;
}

function be32(n: number): number[] {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}

export function png(width: number, height: number, size = 64): number[] {
  const header = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...be32(13), 0x49, 0x48, 0x44, 0x52];
  return pad([...header, ...be32(width), ...be32(height), 8, 6, 0, 0, 0], size);
}

export function gif(width: number, height: number): number[] {
  return pad([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, width & 255, width >> 8, height & 255, height >> 8], 32);
}

export function jpeg(width: number, height: number): number[] {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 255, width >> 8, width & 255, 3];
  return pad([0xff, 0xd8, ...app0, ...sof0], 64);
}

/** A Blob as Apps Script hands it over: signed bytes and a content type. */
export function blob(bytes: number[], contentType = 'image/png') {
  const signed = bytes.map((b) => (b > 127 ? b - 256 : b));
  return { getBytes: () => signed, getContentType: () => contentType };
}
