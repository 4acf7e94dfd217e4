/**
 * Money a connector sends in minor units (Stripe's cents) as the report builder shows it: in
 * whole currency units. The tabs keep the API's integers; only report SQL divides, row by row,
 * by the minor unit of the row's currency (100 for USD, 1 for JPY, 1000 for KWD), so a sum over
 * a Stripe table reads 11,741.00 and not 1,174,100.
 */

import type { ConnectorSpec, StreamSpec } from '../connect/connector-spec';
import { sqlCodeList, THREE_DECIMAL_CURRENCIES, ZERO_DECIMAL_CURRENCIES } from '../shared/minor-units';
import type { ColumnInfo } from './column-types';
import { type ConnectionRef, connectorRoot } from './source-tables';
import { quoteIdentifier } from './sql-identifiers';

/** A column counted in minor units; the currency's ISO code is in `currencyColumn` when known. */
export interface MinorMoney {
  unit: 'minor';
  currencyColumn?: string;
}

/** A table's column as the report builder knows it: its kind, and whether it is minor-unit money. */
export interface ReportColumn extends ColumnInfo {
  money?: MinorMoney;
}

/**
 * The SQL expression of a minor-unit column in whole units. Without a currency column (or when
 * the table has none), amounts are taken to be in a two-decimal currency.
 */
export function majorUnitsSql(column: string, money: MinorMoney, columns: readonly ColumnInfo[]): string {
  const amount = quoteIdentifier(column);
  const currency = money.currencyColumn;
  if (!currency || !columns.some((c) => c.name === currency)) return `(${amount} / 100)`;
  const code = `LOWER(${quoteIdentifier(currency)})`;
  return `(CASE WHEN ${code} IN (${sqlCodeList(ZERO_DECIMAL_CURRENCIES)}) THEN ${amount} WHEN ${code} IN (${sqlCodeList(THREE_DECIMAL_CURRENCIES)}) THEN ${amount} / 1000 ELSE ${amount} / 100 END)`;
}

/** The connector and stream a source table comes from, or nothing for a tab no connection owns. */
export function sourceStream(
  table: string,
  connections: readonly ConnectionRef[],
  connectors: readonly ConnectorSpec[],
): { connector: ConnectorSpec; stream: StreamSpec } | undefined {
  // Longest prefix first: `stripe_2_charges` is `stripe_2`'s charges, not `stripe`'s "2_charges".
  const prefixes = connections
    .flatMap((c) => [
      { prefix: c.id, connector: c.connector },
      { prefix: connectorRoot(c.connector), connector: c.connector },
    ])
    .sort((a, b) => b.prefix.length - a.prefix.length);
  for (const { prefix, connector: id } of prefixes) {
    if (!table.startsWith(`${prefix}_`)) continue;
    const connector = connectors.find((c) => c.id === id);
    const stream = connector?.streams.find((s) => s.name === table.slice(prefix.length + 1));
    if (connector && stream) return { connector, stream };
  }
  return undefined;
}

/** The source table's name as a founder reads it: "Stripe · Charges". */
export function sourceLabel(
  source: { connector: ConnectorSpec; stream: StreamSpec } | undefined,
  table: string,
): string {
  return source ? `${source.connector.label} · ${source.stream.label}` : table;
}

/** Marks the columns the stream declares as minor-unit money. */
export function withMoney(columns: readonly ColumnInfo[], stream: StreamSpec | undefined): ReportColumn[] {
  return columns.map((c) => {
    const money = stream?.columns.find((s) => s.name === c.name)?.money;
    return money ? { ...c, money: { ...money } } : { ...c };
  });
}
