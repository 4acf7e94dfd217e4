/**
 * The platform's own error texts. Scripts (and our retry and recovery code) match on these, so
 * they are kept word for word. Where Google's wording is not known the text says what happened
 * in the same style and the constant is marked UNVERIFIED.
 */
import { platformError } from '../platform-error';

export const MSG = {
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  rangeNotFound: 'Range not found',
  signature: (types: string, method: string) =>
    `The parameters (${types}) don't match the method signature for SpreadsheetApp.${method}.`,
  cellLimit:
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  // UNVERIFIED: Sheets refuses a 18,279th column; this wording follows the cell-limit message.
  columnLimit:
    'This action would increase the number of columns in the sheet above the limit of 18278 columns.',
  charLimit: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  sheetNameTaken: (name: string) =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  hideAll: "You can't hide all the sheets in a document.",
  removeAll: "You can't remove all the sheets in a document.",
  removeAllVisible: "You can't remove all the visible sheets in a document.",
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  deleteAllColumns: 'Sorry, it is not possible to delete all non-frozen columns.',
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  mergePartial: 'You must select all cells in a merged range to merge or unmerge them.',
  invalidTimeZone: (tz: string) => `Invalid argument: ${tz}`,
  sheetDeleted: 'The sheet has been deleted.',
  // UNVERIFIED: the wording when updateChart gets a chart that is not on the sheet.
  chartNotOnSheet: 'The chart could not be found on this sheet. Insert it with insertChart first.',
  // UNVERIFIED: insertImage's wording for blobs over 2 MB, over 1,048,576 px², or not PNG/JPEG/GIF.
  imageTooLarge: (bytes: number) =>
    `The image is too large to insert (${bytes} bytes). Images inserted from a blob must be 2 MB or smaller.`,
  imageTooManyPixels: (w: number, h: number) =>
    `The image is too large to insert (${w} x ${h} pixels). Images inserted from a blob must be at most 1048576 pixels in area.`,
  imageBadFormat: (type: string) =>
    `The image could not be inserted: ${type || 'unknown type'} is not a supported format. Use PNG, JPEG or GIF.`,
  frozenOutOfRange: (what: 'rows' | 'columns', max: number) =>
    // UNVERIFIED: Sheets refuses to freeze past the sheet; wording mirrors the out-of-bounds messages.
    `Those ${what} are out of bounds. The sheet has ${max} ${what}.`,
  invalidOffset: 'The offset must be a non-negative number.',
} as const;

export function fail(message: string): never {
  throw platformError(message);
}

/** Apps Script's description of argument types in its signature errors: (String), (number[]), (Object[][]). */
export function describeTypes(args: unknown[]): string {
  return args.map(describeType).join(',');
}

function describeType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) {
    const inner = v.length ? describeType(v[0]) : 'Object';
    return `${inner}[]`;
  }
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (v instanceof Date) return 'Date';
  return 'Object';
}
