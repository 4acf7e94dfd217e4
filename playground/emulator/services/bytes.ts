/**
 * Apps Script byte arrays are Java bytes: plain arrays of integers from -128 to 127
 * (https://developers.google.com/apps-script/reference/utilities/utilities#computeDigest(DigestAlgorithm,String)).
 */
import { enumName } from './enums';

export function toSignedBytes(bytes: Uint8Array): number[] {
  const out = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] > 127 ? bytes[i] - 256 : bytes[i];
  return out;
}

/** Accepts signed or unsigned byte arrays (and typed arrays) as scripts pass them. */
export function fromByteArray(data: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = Number(data[i]) & 0xff;
  return out;
}

export function isByteArray(value: unknown): value is ArrayLike<number> {
  if (value instanceof Uint8Array) return true;
  return Array.isArray(value) && value.every((v) => typeof v === 'number');
}

/** Text to bytes in the charset the script named (UTF-8 unless US_ASCII). */
export function encodeText(text: string, charset?: unknown): Uint8Array {
  const name = normalizeCharset(charset);
  if (name === 'us-ascii') return Uint8Array.from(Buffer.from(text, 'ascii'));
  if (name === 'iso-8859-1') return Uint8Array.from(Buffer.from(text, 'latin1'));
  return Uint8Array.from(Buffer.from(text, 'utf8'));
}

export function decodeText(bytes: Uint8Array, charset?: unknown): string {
  const name = normalizeCharset(charset);
  try {
    return new TextDecoder(name).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function normalizeCharset(charset: unknown): string {
  const name = (enumName(charset) ?? 'UTF-8').trim().toLowerCase().replace(/_/g, '-');
  if (name === 'us-ascii' || name === 'ascii') return 'us-ascii';
  if (name === 'latin1' || name === 'iso-8859-1') return 'iso-8859-1';
  return name === 'utf8' ? 'utf-8' : name;
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
