import type { StreamHooks } from '../../src/connect/connector-spec';
import { type ImportedRecord, readTable, type TableOptions } from './table-records';
import { wallClockInstant } from './wall-clock';

/** A row on its way from selectRecords to mapRecord: the record and its table's date-time columns. */
interface ImportedRow {
  record: ImportedRecord;
  datetimeColumns: readonly string[];
}

/**
 * The hooks of a table import: selectRecords reads the whole table (column types need every
 * row), mapRecord reads wall-clock date-times in the spreadsheet's zone, which only it knows.
 */
export function tableImportHooks(
  tableOf: (body: unknown) => readonly (readonly unknown[])[],
  options: TableOptions,
): StreamHooks {
  return {
    selectRecords(body) {
      const table = readTable(tableOf(body), options);
      return table.records.map((record): ImportedRow => ({ record, datetimeColumns: table.datetimeColumns }));
    },
    mapRecord(raw, ctx) {
      const { record, datetimeColumns } = raw as ImportedRow;
      if (!ctx.timeZone || datetimeColumns.length === 0) return record;
      const out = { ...record };
      for (const column of datetimeColumns) {
        const value = out[column];
        const instant = typeof value === 'string' ? wallClockInstant(value, ctx.timeZone) : undefined;
        if (instant) out[column] = instant;
      }
      return out;
    },
  };
}
