/**
 * The SpreadsheetApp emulation: the workbook state the emulator holds and the SpreadsheetApp
 * and Charts globals built on it. See docs/EMULATOR.md for what is and is not emulated.
 */
export type { GridRect } from './a1';
export { cellToA1, columnToLetters, rectToA1 } from './a1';
export { readDisplayValues, readFormulas, readValues } from './cells';
export type { ChartState, ImageState, ProtectionState } from './model';
export { SheetState } from './model';
export { createCharts, createSpreadsheetApp } from './spreadsheet-app';
export type { CellStyle } from './styles';
export { MAX_CELLS, MAX_COLUMNS, type WorkbookInit, WorkbookState } from './workbook';
