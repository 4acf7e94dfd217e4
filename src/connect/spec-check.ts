import { allowlistEntryProblem, isUrlAllowed } from './allowlist';
import type { ConnectorSpec, StreamSpec } from './connector-spec';

const CONNECTOR_ID = /^[a-z][a-z0-9-]*$/;
const STREAM_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * What is wrong with a connector declaration, in words for its author: the checks every
 * connector gets for free (tests/sync/connector-specs.test.ts runs them over the registry).
 * The engine relies on them: an incremental stream without a primary key would duplicate
 * rows when a page is read twice, a cursor field that is not a time column cannot bookmark.
 */
export function connectorProblems(spec: ConnectorSpec): string[] {
  const problems: string[] = [];
  const say = (text: string) => problems.push(`${spec.id}: ${text}`);
  if (!CONNECTOR_ID.test(spec.id)) say('the id must be lower-case letters, digits and dashes');
  const keys = spec.fields.map((f) => f.key);
  if (new Set(keys).size !== keys.length) say('two config fields share a key');
  for (const field of authFields(spec)) {
    if (!keys.includes(field)) say(`auth uses the field "${field}", which is not declared`);
  }
  for (const f of spec.fields) {
    if (f.pattern) {
      try {
        new RegExp(f.pattern);
      } catch {
        say(`the pattern of "${f.key}" is not a valid regular expression`);
      }
    }
    if (f.kind === 'select' && !f.options?.length) say(`the select field "${f.key}" has no options`);
  }
  for (const entry of spec.allowedUrls) {
    const problem = allowlistEntryProblem(entry);
    if (problem) say(problem);
  }
  const base = spec.baseUrl.replace(/\/?$/, '/');
  if (spec.baseUrl && !spec.baseUrl.includes('{') && !isUrlAllowed(base, spec.allowedUrls))
    say(`the base URL ${spec.baseUrl} is not covered by allowedUrls`);
  const names = spec.streams.map((s) => s.name);
  if (new Set(names).size !== names.length) say('two streams share a name');
  if (spec.streams.length && !names.includes(spec.testStream))
    say(`testStream "${spec.testStream}" is not a stream`);
  for (const stream of spec.streams) problems.push(...streamProblems(spec.id, stream));
  return problems;
}

function authFields(spec: ConnectorSpec): string[] {
  const auth = spec.auth;
  switch (auth.type) {
    case 'bearer':
    case 'query':
      return [auth.field];
    case 'header':
      return auth.headerField ? [auth.field, auth.headerField] : [auth.field];
    case 'basic':
      return auth.passwordField ? [auth.usernameField, auth.passwordField] : [auth.usernameField];
    default:
      return [];
  }
}

export function streamProblems(connectorId: string, stream: StreamSpec): string[] {
  const problems: string[] = [];
  const say = (text: string) => problems.push(`${connectorId}.${stream.name}: ${text}`);
  if (!STREAM_NAME.test(stream.name))
    say('the stream name must be lower_snake_case (it names a tab and a SQL table)');
  const columns = stream.columns.map((c) => c.name);
  if (new Set(columns).size !== columns.length) say('two columns share a name');
  const inc = stream.incremental;
  if (inc) {
    if (stream.primaryKey.length === 0)
      say('an incremental stream needs a primary key, or re-read pages add duplicate rows');
    const cursor = stream.columns.find((c) => c.name === inc.cursorField);
    if (!cursor) say(`the cursor field "${inc.cursorField}" is not a declared column`);
    else if (cursor.type !== 'datetime' && cursor.type !== 'date')
      say(`the cursor field "${inc.cursorField}" must be a datetime or date column`);
  }
  const p = stream.pagination;
  const size = p.type === 'offset' ? p.limit : 'pageSize' in p ? p.pageSize?.value : undefined;
  if (size !== undefined && !(Number.isInteger(size) && size > 0))
    say('the page size must be a positive integer');
  return problems;
}
