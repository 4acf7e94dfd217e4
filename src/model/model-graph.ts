/**
 * Models read other models, so they run in dependency order (each after the models it reads).
 * A cycle can never run: every model on it fails with the cycle spelled out.
 */
import { type ErrorInfo, TapdashError } from '../shared/errors';
import { describePosition, findName } from './sql-text';

export interface GraphModel {
  name: string;
  sql: string;
  /** Tables the model's SQL reads (model names among them are its dependencies). */
  reads: readonly string[];
}

export interface ModelOrder {
  /** Every model, dependencies first; ties keep the given order. */
  order: string[];
  /** Models on a cycle, with the error to report. */
  cycles: Map<string, ErrorInfo>;
}

export function orderModels(models: readonly GraphModel[]): ModelOrder {
  const byName = new Map(models.map((m) => [m.name, m]));
  const order: string[] = [];
  const cycles = new Map<string, ErrorInfo>();
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];

  const visit = (name: string): void => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') {
      const loop = [...stack.slice(stack.indexOf(name)), name];
      for (const member of loop.slice(0, -1))
        if (!cycles.has(member)) cycles.set(member, cycleError(member, loop, byName));
      return;
    }
    state.set(name, 'visiting');
    stack.push(name);
    for (const dep of byName.get(name)?.reads ?? []) if (byName.has(dep)) visit(dep);
    stack.pop();
    state.set(name, 'done');
    order.push(name);
  };
  for (const m of models) visit(m.name);
  return { order, cycles };
}

function cycleError(
  member: string,
  loop: readonly string[],
  byName: ReadonlyMap<string, GraphModel>,
): ErrorInfo {
  // Rotate the loop so it starts at the model the message is about.
  const start = loop.indexOf(member);
  const path = [...loop.slice(start, -1), ...loop.slice(0, start), member];
  const next = path[1];
  const position = findName(byName.get(member)?.sql ?? '', next);
  const at = position ? ` (${describePosition(position)})` : '';
  return new TapdashError({
    code: 'model_cycle',
    message: `Model \`${member}\` reads \`${next}\`${at}, and the models read each other in a circle: ${path.map((p) => `\`${p}\``).join(' → ')}. None of them can run first.`,
    fix: 'Remove one of these reads: usually the later model should read the source tabs instead of the earlier model.',
    where: member,
  }).toInfo();
}
