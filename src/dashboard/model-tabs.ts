import type { ModelSpec } from '../model/model-spec';
import type { ModelTab } from './kpi-tiles';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A model's summary tab is titled with its label, or its name when it has none. */
export function modelTabTitle(model: ModelSpec): string {
  return model.label ?? model.name;
}

/**
 * Reads the summary tabs of the given models, one getValues per tab. Missing tabs (models not
 * built yet) are simply absent from the result; trailing blank rows are dropped.
 */
export function readModelTabs(ss: Spreadsheet, models: readonly ModelSpec[]): Map<string, ModelTab> {
  const tabs = new Map<string, ModelTab>();
  for (const model of models) {
    const title = modelTabTitle(model);
    const sheet = ss.getSheetByName(title);
    if (!sheet) continue;
    const values = sheet.getDataRange().getValues();
    const header = (values[0] ?? []).map((v) => String(v));
    if (header.every((h) => h === '')) continue;
    let rows = values.slice(1);
    while (rows.length && rows[rows.length - 1].every((v) => v === '' || v === null))
      rows = rows.slice(0, -1);
    tabs.set(model.name, { model: model.name, title, header, rows });
  }
  return tabs;
}
