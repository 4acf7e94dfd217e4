/**
 * Utilities (https://developers.google.com/apps-script/reference/utilities/utilities): available
 * in every AuthMode. Byte arrays in and out are Java-style signed bytes.
 */
import { createHash, createHmac, sign as rsaSign } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Emulator } from '../emulator';
import { platformError } from '../platform-error';
import { blobBytes, EmulatedBlob, newBlob } from './blob';
import { encodeText, isByteArray, toSignedBytes } from './bytes';
import { parseCsv } from './csv';
import { CharsetEnum, DigestAlgorithmEnum, enumName, MacAlgorithmEnum, makeEnum } from './enums';
import { formatDate } from './format-date';
import { formatString } from './format-string';
import { parseDate } from './parse-date';

/** "The maximum allowed value is 300000 (or 5 minutes)" (Utilities.sleep reference). */
export const MAX_SLEEP_MS = 300_000;

const RsaAlgorithmEnum = makeEnum(['RSA_SHA_1', 'RSA_SHA_256']);

const DIGESTS: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const MACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Object.prototype.toString.call(v) === '[object Date]') return 'Date';
  if (Array.isArray(v)) return 'number[]';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'object') return 'Object';
  return typeof v;
}

/** Apps Script's overload-mismatch error ("The parameters (String,String,String) don't match ..."). */
function signatureError(method: string, args: unknown[]): Error {
  return platformError(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for Utilities.${method}.`,
  );
}

/** A Date of the script's own realm (loadBundle registers its constructor), so `instanceof Date` holds. */
function scriptDate(emu: Emulator, ms: number): Date {
  return new emu.workbook.dateConstructor(ms);
}

function bytesOf(data: unknown, charset?: unknown): Uint8Array {
  if (isByteArray(data)) return blobBytes(data);
  return encodeText(String(data), charset);
}

function base64Decode(encoded: string, webSafe: boolean): number[] {
  const text = String(encoded).replace(/\s+/g, '');
  const valid = webSafe ? /^[A-Za-z0-9\-_]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  if (!valid.test(text) || text.replace(/=+$/, '').length % 4 === 1)
    throw platformError('Could not decode string.');
  return toSignedBytes(new Uint8Array(Buffer.from(text, webSafe ? 'base64url' : 'base64')));
}

function base64Encode(data: unknown, charset: unknown, webSafe: boolean): string {
  const b64 = Buffer.from(bytesOf(data, charset)).toString('base64');
  return webSafe ? b64.replace(/\+/g, '-').replace(/\//g, '_') : b64;
}

export function createUtilities(emu: Emulator): GoogleAppsScript.Utilities.Utilities {
  const use = (method: string) => emu.call('Utilities', method, 'local', emu.costs.localMs);
  const utilities = {
    Charset: CharsetEnum,
    DigestAlgorithm: DigestAlgorithmEnum,
    MacAlgorithm: MacAlgorithmEnum,
    RsaAlgorithm: RsaAlgorithmEnum,

    /** Sleeping moves the simulated clock and counts toward the execution's deadline. */
    sleep(milliseconds: number) {
      use('sleep');
      const ms = Number(milliseconds);
      // The limit is documented; the error's wording is not.
      if (!Number.isFinite(ms) || ms < 0 || ms > MAX_SLEEP_MS)
        throw platformError('Invalid argument: milliseconds');
      const exec = emu.current();
      if (exec) exec.spend(ms);
      else emu.clock.advance(ms);
    },
    formatDate(date: Date, timeZone: string, format: string) {
      use('formatDate');
      if (typeName(date) !== 'Date' || typeof timeZone !== 'string' || typeof format !== 'string')
        throw signatureError('formatDate', [date, timeZone, format]);
      return formatDate(date.getTime(), timeZone, format);
    },
    parseDate(date: string, timeZone: string, format: string) {
      use('parseDate');
      return scriptDate(emu, parseDate(String(date), String(timeZone), String(format)));
    },
    formatString(template: string, ...args: unknown[]) {
      use('formatString');
      return formatString(template, args);
    },
    base64Encode(data: unknown, charset?: unknown) {
      use('base64Encode');
      return base64Encode(data, charset, false);
    },
    base64EncodeWebSafe(data: unknown, charset?: unknown) {
      use('base64EncodeWebSafe');
      return base64Encode(data, charset, true);
    },
    base64Decode(encoded: string) {
      use('base64Decode');
      return base64Decode(encoded, false);
    },
    base64DecodeWebSafe(encoded: string) {
      use('base64DecodeWebSafe');
      return base64Decode(encoded, true);
    },
    computeDigest(algorithm: unknown, value: unknown, charset?: unknown) {
      use('computeDigest');
      const alg = DIGESTS[enumName(algorithm) ?? ''];
      if (!alg || alg === 'md2') throw platformError('Invalid argument: algorithm');
      return toSignedBytes(new Uint8Array(createHash(alg).update(bytesOf(value, charset)).digest()));
    },
    computeHmacSignature(algorithm: unknown, value: unknown, key: unknown, charset?: unknown) {
      use('computeHmacSignature');
      const alg = MACS[enumName(algorithm) ?? ''];
      if (!alg) throw platformError('Invalid argument: algorithm');
      return toSignedBytes(
        new Uint8Array(createHmac(alg, bytesOf(key, charset)).update(bytesOf(value, charset)).digest()),
      );
    },
    computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown) {
      use('computeHmacSha256Signature');
      return toSignedBytes(
        new Uint8Array(createHmac('sha256', bytesOf(key, charset)).update(bytesOf(value, charset)).digest()),
      );
    },
    computeRsaSignature(algorithm: unknown, value: string, key: string, charset?: unknown) {
      use('computeRsaSignature');
      const alg = enumName(algorithm) === 'RSA_SHA_1' ? 'RSA-SHA1' : 'RSA-SHA256';
      return toSignedBytes(new Uint8Array(rsaSign(alg, bytesOf(value, charset), String(key))));
    },
    computeRsaSha256Signature(value: string, key: string, charset?: unknown) {
      return utilities.computeRsaSignature(RsaAlgorithmEnum.RSA_SHA_256, value, key, charset);
    },
    computeRsaSha1Signature(value: string, key: string, charset?: unknown) {
      return utilities.computeRsaSignature(RsaAlgorithmEnum.RSA_SHA_1, value, key, charset);
    },
    newBlob(data: unknown, contentType?: string, name?: string) {
      use('newBlob');
      return newBlob(data, contentType, name);
    },
    parseCsv(csv: string, delimiter?: string) {
      use('parseCsv');
      return parseCsv(csv, delimiter);
    },
    /** Version-4 shaped, drawn from a counter so runs are reproducible. */
    getUuid() {
      use('getUuid');
      const n = emu.services.nextCounter('uuid');
      const h = createHash('sha256').update(`uuid:${n}`).digest('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Number.parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    gzip(blob: unknown, name?: string) {
      use('gzip');
      const source = blob instanceof EmulatedBlob ? blob : undefined;
      return new EmulatedBlob(
        new Uint8Array(gzipSync(blobBytes(blob))),
        'application/x-gzip',
        name ?? (source?.getName() ? `${source.getName()}.gz` : null),
      );
    },
    ungzip(blob: unknown) {
      use('ungzip');
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(gunzipSync(blobBytes(blob)));
      } catch {
        // Wording not verified.
        throw platformError('Could not decompress gzip.');
      }
      const name = blob instanceof EmulatedBlob ? blob.getName()?.replace(/\.gz$/, '') : null;
      return new EmulatedBlob(bytes, null, name ?? null);
    },
  };
  return utilities as unknown as GoogleAppsScript.Utilities.Utilities;
}
