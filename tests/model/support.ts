import type { ModelSpec } from '../../src/model/model-spec';
import { type Grid, type ModelResult, runModels } from '../../src/model/run-models';
import { TapdashError } from '../../src/shared/errors';

/** Runs one model over the given tabs and returns its result. */
export function runOne(
  sql: string,
  sources: Record<string, Grid>,
  extra: Partial<ModelSpec> = {},
): ModelResult {
  return runModels({ models: [{ name: 'm', sql, ...extra }], sources: new Map(Object.entries(sources)) })[0];
}

/** The TapdashError a function throws (fails the test when it throws nothing or something else). */
export function thrown(fn: () => unknown): TapdashError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TapdashError) return error;
    throw error;
  }
  throw new Error('expected a TapdashError, nothing was thrown');
}
