/**
 * Images over the grid: insertImage from a blob (≤ 2 MB, ≤ 1,048,576 px², PNG/JPEG/GIF, size
 * read from the header) or from a URL (stored as given), and OverGridImage.
 */
import type { Calls } from './calls';
import { type ImageInfo, readImageInfo } from './image-info';
import { fail, MSG } from './messages';
import type { ImageSource, ImageState, SheetState } from './model';
import { makeRange, type RangeApi } from './range-api';
import { SheetApi } from './sheet-api';

/** insertImage's blob limits (platform notes §1/§4). */
export const MAX_IMAGE_BYTES = 2_097_152;
export const MAX_IMAGE_PIXELS = 1_048_576;

/** What insertImage accepts as a blob: Apps Script's Blob (signed bytes) or anything shaped like it. */
export interface BlobLike {
  getBytes(): number[];
  getContentType(): string | null;
}

interface LoadedImage {
  source: ImageSource;
  width: number;
  height: number;
}

function isBlobLike(v: unknown): v is BlobLike {
  return typeof (v as BlobLike)?.getBytes === 'function';
}

function checkImage(bytes: Uint8Array, declaredType: string | null): ImageInfo {
  if (bytes.length > MAX_IMAGE_BYTES) fail(MSG.imageTooLarge(bytes.length));
  const info = readImageInfo(bytes);
  if (!info) fail(MSG.imageBadFormat(declaredType ?? ''));
  if (info.width * info.height > MAX_IMAGE_PIXELS) fail(MSG.imageTooManyPixels(info.width, info.height));
  return info;
}

/** Loads a blob or URL the way insertImage and replace do. */
export function loadImage(source: unknown): LoadedImage {
  if (isBlobLike(source)) {
    const bytes = Uint8Array.from(source.getBytes(), (b) => b & 0xff);
    const info = checkImage(bytes, source.getContentType());
    return {
      source: { kind: 'blob', contentType: info.contentType, base64: Buffer.from(bytes).toString('base64') },
      width: info.width,
      height: info.height,
    };
  }
  const url = String(source);
  const data = /^data:(image\/[a-z+]+);base64,(.*)$/i.exec(url);
  if (data) {
    const bytes = new Uint8Array(Buffer.from(data[2], 'base64'));
    const info = checkImage(bytes, data[1]);
    return { source: { kind: 'url', url }, width: info.width, height: info.height };
  }
  // The platform fetches the URL; the emulator cannot, so the size stays unknown (0 × 0).
  if (!/^https?:\/\/\S+$/i.test(url)) fail('Error retrieving image from URL or bad URL');
  return { source: { kind: 'url', url }, width: 0, height: 0 };
}

export function insertImage(
  calls: Calls,
  sheet: SheetState,
  source: unknown,
  column: number,
  row: number,
  offsetX = 0,
  offsetY = 0,
): OverGridImageApi {
  // Validates the anchor like getRange does.
  makeRange(calls, sheet, row, column);
  if (offsetX < 0 || offsetY < 0) fail(MSG.invalidOffset);
  const loaded = loadImage(source);
  const state: ImageState = {
    imageId: calls.wb.newObjectId(),
    source: loaded.source,
    anchor: { row, col: column, offsetX, offsetY },
    width: loaded.width,
    height: loaded.height,
    inherentWidth: loaded.width,
    inherentHeight: loaded.height,
    altTitle: '',
    altDescription: '',
    script: '',
  };
  sheet.images.push(state);
  return new OverGridImageApi(calls, sheet, state);
}

const SVC = 'OverGridImage';

export class OverGridImageApi {
  constructor(
    private readonly calls: Calls,
    private readonly sheet: SheetState,
    readonly state: ImageState,
  ) {}

  private read(method: string): void {
    this.calls.read(SVC, method);
    this.calls.live(this.sheet);
  }

  private write(method: string): void {
    this.calls.write(SVC, method);
    this.calls.live(this.sheet);
    if (!this.sheet.images.includes(this.state)) fail('The image has been removed.');
  }

  getAnchorCell(): RangeApi {
    this.read('getAnchorCell');
    return makeRange(this.calls, this.sheet, this.state.anchor.row, this.state.anchor.col);
  }
  getAnchorCellXOffset(): number {
    this.read('getAnchorCellXOffset');
    return this.state.anchor.offsetX;
  }
  getAnchorCellYOffset(): number {
    this.read('getAnchorCellYOffset');
    return this.state.anchor.offsetY;
  }
  setAnchorCell(cell: RangeApi): this {
    this.write('setAnchorCell');
    this.state.anchor.row = cell.rect.row;
    this.state.anchor.col = cell.rect.col;
    return this;
  }
  setAnchorCellXOffset(offset: number): this {
    this.write('setAnchorCellXOffset');
    this.state.anchor.offsetX = offset;
    return this;
  }
  setAnchorCellYOffset(offset: number): this {
    this.write('setAnchorCellYOffset');
    this.state.anchor.offsetY = offset;
    return this;
  }
  getWidth(): number {
    this.read('getWidth');
    return this.state.width;
  }
  getHeight(): number {
    this.read('getHeight');
    return this.state.height;
  }
  getInherentWidth(): number {
    this.read('getInherentWidth');
    return this.state.inherentWidth;
  }
  getInherentHeight(): number {
    this.read('getInherentHeight');
    return this.state.inherentHeight;
  }
  setWidth(width: number): this {
    this.write('setWidth');
    this.state.width = width;
    return this;
  }
  setHeight(height: number): this {
    this.write('setHeight');
    this.state.height = height;
    return this;
  }
  resetSize(): this {
    this.write('resetSize');
    this.state.width = this.state.inherentWidth;
    this.state.height = this.state.inherentHeight;
    return this;
  }
  getAltTextTitle(): string {
    this.read('getAltTextTitle');
    return this.state.altTitle;
  }
  setAltTextTitle(title: string): this {
    this.write('setAltTextTitle');
    this.state.altTitle = String(title ?? '');
    return this;
  }
  getAltTextDescription(): string {
    this.read('getAltTextDescription');
    return this.state.altDescription;
  }
  setAltTextDescription(description: string): this {
    this.write('setAltTextDescription');
    this.state.altDescription = String(description ?? '');
    return this;
  }
  /** The URL an image was inserted from; null for images inserted from a blob. */
  getUrl(): string | null {
    this.read('getUrl');
    return this.state.source.kind === 'url' ? this.state.source.url : null;
  }
  getScript(): string {
    this.read('getScript');
    return this.state.script;
  }
  assignScript(functionName: string): this {
    this.write('assignScript');
    this.state.script = String(functionName ?? '');
    return this;
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.read('getSheet');
    return new SheetApi(this.calls, this.sheet) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }
  /** Swaps the picture, keeping the anchor and the displayed size. */
  replace(image: unknown): this {
    this.write('replace');
    const loaded = loadImage(image);
    this.state.source = loaded.source;
    this.state.inherentWidth = loaded.width;
    this.state.inherentHeight = loaded.height;
    return this;
  }
  remove(): void {
    this.write('remove');
    this.sheet.images = this.sheet.images.filter((i) => i !== this.state);
  }
}
