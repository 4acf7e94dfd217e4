import { shopify } from '../../../connectors/shopify/spec';
import {
  orderJson,
  productJson,
  type SeedOrder,
  type SeedProduct,
} from '../../../playground/mock-apis/shopify/shopify-shapes';
import type { StreamSpec } from '../../../src/connect/connector-spec';
import { flatten } from '../../../src/sync/flatten';
import { typeValue } from '../../../src/sync/typing';
import type { Row } from '../github/run-models';

/**
 * The Shopify source tabs as the sync engine writes them, from seed orders: the API's JSON
 * (shopify-shapes.ts) through the stream's own hooks, flattened and typed by its columns, with
 * empty cells as null. Model tests then read exactly what a synced spreadsheet holds.
 */
export function shopifyTables(
  orders: readonly SeedOrder[],
  products: readonly SeedProduct[],
  timeZone = 'Etc/UTC',
): Record<string, Row[]> {
  const body = { orders: orders.map((o, i) => orderJson(o, 1001 + i)), products: products.map(productJson) };
  const tables: Record<string, Row[]> = {};
  for (const stream of shopify.streams as StreamSpec[]) {
    if (stream.name === 'customers') continue;
    const raw = stream.hooks?.selectRecords
      ? stream.hooks.selectRecords(body)
      : (body[stream.records as 'orders' | 'products'] as unknown[]);
    const name = stream.name;
    tables[`shopify_${name}`] = raw.map((record) => {
      const mapped = stream.hooks?.mapRecord ? stream.hooks.mapRecord(record, { config: {} }) : record;
      const flat = flatten(mapped, {
        keepWhole: new Set(stream.columns.filter((c) => c.type === 'json').map((c) => c.name)),
      });
      return Object.fromEntries(
        stream.columns.map((c) => [c.name, typeValue(flat[c.name] ?? null, c, timeZone)]),
      );
    });
  }
  return tables;
}
