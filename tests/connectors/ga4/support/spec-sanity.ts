/**
 * Declaration checks every connector spec should pass: what the source picker, the setup form,
 * the manifest build and the sync engine rely on.
 */
import { allowlistEntryProblem, isUrlAllowed } from '../../../../src/connect/allowlist';
import type { ConnectorSpec, StreamSpec } from '../../../../src/connect/connector-spec';

export function specProblems(spec: ConnectorSpec, streams: readonly StreamSpec[] = spec.streams): string[] {
  const problems: string[] = [];
  const say = (p: string) => problems.push(p);
  if (!/^[a-z][a-z0-9-]*$/.test(spec.id)) say(`id ${spec.id} is not lower-case`);
  if (spec.description.includes('\n') || spec.description.length > 100)
    say('description is not one short line');
  if (!spec.docsUrl.startsWith('https://')) say('docsUrl is not https');
  if (!/^#[0-9a-f]{6}$/i.test(spec.badge.color) || spec.badge.initials.length !== 2) say('badge');
  const keys = spec.fields.map((f) => f.key);
  if (new Set(keys).size !== keys.length) say('field keys repeat');
  for (const f of spec.fields) {
    if (f.pattern !== undefined) {
      try {
        new RegExp(f.pattern);
      } catch {
        say(`field ${f.key} has a pattern that does not compile`);
      }
      if (!f.patternMessage) say(`field ${f.key} has a pattern but no patternMessage`);
    }
    if (f.helpUrl !== undefined && !f.helpUrl.startsWith('https://'))
      say(`field ${f.key} helpUrl is not https`);
    if (f.kind === 'select' && !f.options?.length) say(`select ${f.key} has no options`);
    if (f.default !== undefined && f.options && !f.options.some((o) => o.value === f.default))
      say(`field ${f.key} default is not an option`);
  }
  for (const url of spec.allowedUrls) {
    const p = allowlistEntryProblem(url);
    if (p) say(p);
  }
  if (spec.baseUrl && !isUrlAllowed(`${spec.baseUrl.replace(/\/$/, '')}/`, spec.allowedUrls))
    say(`baseUrl ${spec.baseUrl} is not in allowedUrls`);
  for (const scope of spec.oauthScopes ?? []) {
    if (!scope.startsWith('https://www.googleapis.com/auth/')) say(`scope ${scope}`);
    if (/\/auth\/(spreadsheets|drive)$/.test(scope)) say(`scope ${scope} is too broad`);
  }
  const names = streams.map((s) => s.name);
  if (new Set(names).size !== names.length) say('stream names repeat');
  if (!names.includes(spec.testStream)) say(`testStream ${spec.testStream} is not a stream`);
  for (const s of streams) {
    if (!/^[a-z][a-z0-9_]*$/.test(s.name)) say(`stream ${s.name} is not snake_case`);
    const columns = s.columns.map((c) => c.name);
    if (new Set(columns).size !== columns.length) say(`stream ${s.name} repeats a column`);
    // Streams whose columns come from the data (imports) declare none.
    if (columns.length) {
      for (const k of s.primaryKey)
        if (!columns.includes(k)) say(`stream ${s.name}: key ${k} is not a column`);
      if (s.incremental && !columns.includes(s.incremental.cursorField))
        say(`stream ${s.name}: cursor ${s.incremental.cursorField} is not a column`);
    }
  }
  for (const [status, hint] of Object.entries(spec.errorHints ?? {})) {
    if (!hint || hint.length < 20) say(`error hint ${status} is too short to help`);
  }
  return problems;
}
