/**
 * Blob (https://developers.google.com/apps-script/reference/base/blob): bytes with a content
 * type and a name. Conversions other than to its own type are not emulated.
 */
import { platformError } from '../platform-error';
import { decodeText, encodeText, fromByteArray, isByteArray, toSignedBytes } from './bytes';

export class EmulatedBlob {
  private bytes: Uint8Array;
  private contentType: string | null;
  private name: string | null;

  constructor(data: Uint8Array, contentType: string | null = null, name: string | null = null) {
    this.bytes = data;
    this.contentType = contentType;
    this.name = name;
  }

  /** The raw bytes, for the emulator's own use (UrlFetch payloads, digests). */
  raw(): Uint8Array {
    return this.bytes;
  }

  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }
  setBytes(data: number[]): EmulatedBlob {
    this.bytes = fromByteArray(data);
    return this;
  }
  getDataAsString(charset?: string): string {
    return decodeText(this.bytes, charset);
  }
  setDataFromString(text: string, charset?: string): EmulatedBlob {
    this.bytes = encodeText(String(text), charset);
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string | null): EmulatedBlob {
    this.contentType = contentType === null ? null : String(contentType);
    return this;
  }
  setContentTypeFromExtension(): EmulatedBlob {
    const ext = /\.([a-z0-9]+)$/i.exec(this.name ?? '')?.[1]?.toLowerCase();
    const types: Record<string, string> = {
      csv: 'text/csv',
      html: 'text/html',
      json: 'application/json',
      pdf: 'application/pdf',
      png: 'image/png',
      jpg: 'image/jpeg',
      jpeg: 'image/jpeg',
      gif: 'image/gif',
      svg: 'image/svg+xml',
      txt: 'text/plain',
      zip: 'application/zip',
    };
    // The platform's wording for an unknown extension is not documented.
    if (!ext || !types[ext])
      throw platformError(`Could not infer a content type from the name: ${this.name}`);
    this.contentType = types[ext];
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): EmulatedBlob {
    this.name = String(name);
    return this;
  }
  copyBlob(): EmulatedBlob {
    return new EmulatedBlob(this.bytes.slice(), this.contentType, this.name);
  }
  getBlob(): EmulatedBlob {
    return this;
  }
  getAs(contentType: string): EmulatedBlob {
    if (String(contentType) === this.contentType) return this.copyBlob();
    // Only same-type "conversions" are emulated; image and PDF conversions need Google's servers.
    throw platformError(`Converting from ${this.contentType} to ${contentType} is not supported.`);
  }
  isGoogleType(): boolean {
    return false;
  }
  getAllBlobs(): EmulatedBlob[] {
    return [this];
  }
}

export function isBlob(value: unknown): value is { getBytes(): number[]; getContentType(): string | null } {
  if (value instanceof EmulatedBlob) return true;
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as { getBytes?: unknown }).getBytes === 'function' &&
    typeof (value as { getContentType?: unknown }).getContentType === 'function'
  );
}

/** Bytes of a blob, a BlobSource (anything with getBlob) or a byte array. */
export function blobBytes(value: unknown): Uint8Array {
  if (value instanceof EmulatedBlob) return value.raw();
  if (value && typeof (value as { getBlob?: unknown }).getBlob === 'function') {
    const blob = (value as { getBlob(): unknown }).getBlob();
    if (blob instanceof EmulatedBlob) return blob.raw();
    if (isBlob(blob)) return fromByteArray(blob.getBytes());
  }
  if (isBlob(value)) return fromByteArray(value.getBytes());
  if (isByteArray(value)) return fromByteArray(value);
  return encodeText(String(value));
}

export function newBlob(data: unknown, contentType?: string | null, name?: string | null): EmulatedBlob {
  const bytes = isByteArray(data) ? fromByteArray(data) : encodeText(String(data ?? ''));
  return new EmulatedBlob(bytes, contentType ?? null, name ?? null);
}
