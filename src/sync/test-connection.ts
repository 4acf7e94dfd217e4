import { cleanConfig, secretKeys, validateConfig, withDefaults } from '../connect/config-validation';
import {
  type ConnectionInput,
  getConnection,
  keptSettings,
  storedSecrets,
} from '../connect/connection-store';
import type { ConnectorSpec } from '../connect/connector-spec';
import { assertBaseUrlAllowed } from '../connect/url-allowlist-check';
import type { Gas } from '../platform/gas';
import { TapdashError } from '../shared/errors';
import { Deadline } from './deadline';
import { getPath, isPlainObject } from './dot-path';
import { findConnectorIn, streamsOf } from './engine';
import { FetchBudget } from './fetch-budget';
import { flatten } from './flatten';
import { fetchJson } from './http';
import { strategyFor } from './paginate';
import { buildRequest } from './request';
import { tabName } from './stream-loader';

export interface ConnectionTest {
  /** Records on the first page of the test stream. */
  records: number;
  /** Columns those records would give (first 30). */
  columns: string[];
  message: string;
}

const TEST_BUDGET_MS = 60_000;

/**
 * "Test connection": one real API call, the first page of the connector's test stream, with
 * the settings as typed in the form (a secret left empty uses the one saved earlier).
 * Nothing is stored.
 */
export function testConnection(
  gas: Gas,
  input: ConnectionInput,
  connectors: readonly ConnectorSpec[],
  clock: () => number = Date.now,
): ConnectionTest {
  const connector = findConnectorIn(connectors, input.connector);
  const existing = input.id ? getConnection(gas, input.id) : undefined;
  const typed = cleanConfig(connector, input.config);
  const saved = existing ? storedSecrets(gas, existing.id) : {};
  const config: Record<string, string> = withDefaults(connector, {
    ...keptSettings(existing?.config, input.config, connector),
    ...saved,
    ...typed,
  });
  const problems = validateConfig(connector, config);
  if (problems.length) {
    const missingSecret = problems.find((p) => secretKeys(connector).includes(p.key));
    throw new TapdashError({
      code: 'config-invalid',
      message: problems.map((p) => p.message).join(' '),
      fix: missingSecret
        ? 'Paste the key, then test again.'
        : 'Correct the highlighted setting, then test again.',
      where: problems[0].key,
    });
  }
  assertBaseUrlAllowed(connector, config);
  const streams = streamsOf(connector, config);
  const stream = streams.find((s) => s.name === connector.testStream) ?? streams[0];
  let records: unknown[];
  if (connector.generate) {
    records = connector.generate({ stream: stream.name, now: new Date(clock()), config });
  } else {
    const budget = new FetchBudget(gas, clock);
    const started = clock();
    try {
      const request = buildRequest({
        connector,
        stream,
        config,
        call: strategyFor(stream.pagination).first(),
        googleToken: connector.auth.type === 'google' ? gas.ScriptApp.getOAuthToken() : undefined,
        base64: (text) => gas.Utilities.base64Encode(text, gas.Utilities.Charset.UTF_8),
      });
      const [response] = fetchJson(
        {
          gas,
          clock,
          deadline: Deadline.after(clock, started, TEST_BUDGET_MS),
          budget,
          rateLimit: stream.rateLimit,
          csv: stream.csv,
          emptyOnStatus: stream.emptyOnStatus,
          policy: { maxAttempts: 2, baseDelayMs: 1_000, maxDelayMs: 5_000 },
          errors: {
            connector,
            where: tabName(existing?.id ?? connector.id.replace(/[^a-z0-9_]/g, '_'), stream.name),
            secrets: secretKeys(connector)
              .map((k) => config[k])
              .filter((v): v is string => !!v),
          },
        },
        [request],
      );
      const raw = stream.hooks?.selectRecords
        ? stream.hooks.selectRecords(response.body)
        : getPath(response.body, stream.records);
      records = Array.isArray(raw) ? raw : isPlainObject(raw) ? [raw] : [];
    } finally {
      budget.save();
    }
  }
  const columns = new Set<string>();
  for (const r of records.slice(0, 20)) {
    const mapped = stream.hooks?.mapRecord ? stream.hooks.mapRecord(r, { config }) : r;
    for (const k of Object.keys(flatten(mapped))) columns.add(k);
  }
  return {
    records: records.length,
    columns: [...columns].slice(0, 30),
    message: testedMessage(connector.label, stream.label, records.length),
  };
}

/**
 * "Connected to Stripe: 94 customers on the first page." — what a founder can check against
 * their own account, in one sentence; the raw column names stay in `columns` for tools.
 */
export function testedMessage(source: string, streamLabel: string, records: number): string {
  const things = inSentence(streamLabel);
  if (records === 0) return `Connected to ${source}, but there are no ${things} yet.`;
  if (records === 1) return `Connected to ${source}: 1 record of ${things} on the first page.`;
  return `Connected to ${source}: ${records.toLocaleString('en-US')} ${things} on the first page.`;
}

/** "Customers" → "customers", but "CSV import" and "GitHub issues" keep their capitals. */
function inSentence(label: string): string {
  return /^[A-Z][a-z]*(?=\s|$)/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}
