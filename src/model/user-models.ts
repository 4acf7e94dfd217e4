/**
 * Models the founder makes (from the report builder or hand-written SQL), kept in document
 * properties: they travel with the spreadsheet and every editor sees them. One property per
 * model, because a property value holds at most 9 KB (platform notes §1).
 */
import type { Gas } from '../platform/gas';
import { TapdashError } from '../shared/errors';
import type { ModelSpec } from './model-spec';
import type { ReportDefinition } from './report-builder';

const PREFIX = 'tapdash.model.';
const MAX_VALUE_BYTES = 9 * 1024;
const NAME = /^[a-z][a-z0-9_]{0,62}$/;

export interface UserModel {
  spec: ModelSpec;
  /** Present when the model was made with the report builder (so it can be edited there again). */
  report?: ReportDefinition;
  updatedAt: string;
}

export function modelNameProblem(name: string): string | undefined {
  if (!NAME.test(name))
    return 'Use lower-case letters, digits and underscores, starting with a letter (like revenue_by_month), up to 63 characters.';
  return undefined;
}

export function listUserModels(gas: Gas): UserModel[] {
  return listUserModelsFrom(gas.PropertiesService.getDocumentProperties().getProperties());
}

/** The saved models among document properties already read (one read serves a whole refresh). */
export function listUserModelsFrom(all: Readonly<Record<string, string>>): UserModel[] {
  return Object.keys(all)
    .filter((k) => k.startsWith(PREFIX))
    .sort()
    .flatMap((k) => {
      try {
        return [JSON.parse(all[k]) as UserModel];
      } catch {
        return [];
      }
    });
}

export function saveUserModel(gas: Gas, model: UserModel): void {
  const problem = modelNameProblem(model.spec.name);
  if (problem)
    throw new TapdashError({
      code: 'model_bad_name',
      message: `"${model.spec.name}" cannot be a model name.`,
      fix: problem,
      where: model.spec.name,
    });
  const value = JSON.stringify(model);
  if (utf8Bytes(PREFIX + model.spec.name) + utf8Bytes(value) > MAX_VALUE_BYTES)
    throw new TapdashError({
      code: 'model_too_large',
      message: `Model \`${model.spec.name}\` is too long to save (a saved model holds at most 9 KB, including its SQL).`,
      fix: 'Shorten the SQL, or split it into two models where the second reads the first.',
      where: model.spec.name,
    });
  gas.PropertiesService.getDocumentProperties().setProperty(PREFIX + model.spec.name, value);
}

export function deleteUserModel(gas: Gas, name: string): void {
  gas.PropertiesService.getDocumentProperties().deleteProperty(PREFIX + name);
}

/** TextEncoder is missing in Apps Script; count UTF-8 bytes by hand. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
