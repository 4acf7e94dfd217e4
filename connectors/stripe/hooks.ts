/**
 * What the Stripe spec cannot declare. Stripe nests the lists MRR needs inside their parents
 * (a subscription's `items`, an invoice's `lines`), and since API version 2025-03-31.basil it
 * keeps a line's subscription, proration flag and price under `parent`/`pricing` objects whose
 * shape depends on where the line came from. These hooks turn those into flat, stable records.
 *
 * Pure functions of the parsed body: no services, unit-tested in tests/connectors/stripe.
 */

import type { ColumnSpec, StreamHooks } from '../../src/connect/connector-spec';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObject(value: unknown): Json {
  return isObject(value) ? value : {};
}

function listData(value: unknown): unknown[] {
  const data = asObject(value).data;
  return Array.isArray(data) ? data : [];
}

/** Stripe returns a related object as its id, or as the object itself when expanded. */
function idOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value.id === 'string') return value.id;
  return null;
}

function first<T>(...values: T[]): T | null {
  for (const v of values) if (v !== undefined && v !== null) return v;
  return null;
}

/** The pages' list of records: `data` of a Stripe list envelope. */
function records(body: unknown): Json[] {
  return listData(body).filter(isObject);
}

/**
 * A subscription without its `items` list (the subscription_items tab holds it), with the
 * first discount's coupon lifted to `discount.*` and the billing period lifted from its items
 * (where Stripe keeps it since 2025-03-31.basil) back to the subscription.
 */
export function mapSubscription(raw: unknown): Json {
  const sub = asObject(raw);
  const { items, discounts, ...rest } = sub;
  const itemList = listData(items).filter(isObject);
  const discountList = Array.isArray(discounts) ? discounts : [];
  const periodStarts = itemList.map((i) => i.current_period_start).filter((v) => typeof v === 'number');
  const periodEnds = itemList.map((i) => i.current_period_end).filter((v) => typeof v === 'number');
  return {
    ...rest,
    current_period_start: periodStarts.length ? Math.min(...(periodStarts as number[])) : null,
    current_period_end: periodEnds.length ? Math.max(...(periodEnds as number[])) : null,
    discount: discountList.length ? discountSummary(discountList[0]) : null,
    discounts: discountList.map(discountSummary),
  };
}

/** A discount as its coupon terms: what MRR needs, without the object's bookkeeping fields. */
function discountSummary(raw: unknown): Json {
  if (typeof raw === 'string') return { id: raw };
  const d = asObject(raw);
  // 2025-09-30.clover moved the coupon from `discount.coupon` to `discount.source.coupon`.
  const coupon = asObject(first(asObject(d.source).coupon, d.coupon));
  return {
    id: d.id ?? null,
    start: d.start ?? null,
    end: d.end ?? null,
    coupon: {
      id: first(coupon.id as string, idOf(asObject(d.source).coupon)),
      percent_off: coupon.percent_off ?? null,
      amount_off: coupon.amount_off ?? null,
      currency: coupon.currency ?? null,
      duration: coupon.duration ?? null,
      duration_in_months: coupon.duration_in_months ?? null,
    },
  };
}

/** Every item of every subscription on the page; each item already names its `subscription`. */
export function selectSubscriptionItems(body: unknown): unknown[] {
  return records(body).flatMap((sub) =>
    listData(sub.items)
      .filter(isObject)
      .map((item) => ({ ...item, subscription: first(item.subscription, sub.id) })),
  );
}

/**
 * An invoice without its `lines` list (the invoice_lines tab holds it), naming its subscription.
 * A list response embeds only the first lines of each invoice; `lines_has_more` flags the rare
 * invoice (many items or changes) whose other lines the invoice_lines tab lacks.
 */
export function mapInvoice(raw: unknown): Json {
  const { lines, ...rest } = asObject(raw);
  const parent = asObject(rest.parent);
  return {
    ...rest,
    lines_has_more: asObject(lines).has_more === true,
    subscription: first(idOf(asObject(parent.subscription_details).subscription), idOf(rest.subscription)),
  };
}

/**
 * Every line of every invoice on the page, flattened to what revenue and MRR history need.
 * `invoice_created` is the parent's `created`, the stream's incremental cursor, and `invoice`
 * the parent's id, the pagination cursor (`starting_after` takes an invoice id).
 */
export function selectInvoiceLines(body: unknown): unknown[] {
  return records(body).flatMap((invoice) =>
    listData(invoice.lines)
      .filter(isObject)
      .map((line) => invoiceLine(line, invoice)),
  );
}

function invoiceLine(line: Json, invoice: Json): Json {
  const parent = asObject(line.parent);
  // A line comes from a subscription item (a period's charge) or from an invoice item (which is
  // how prorations arrive); both shapes carry the subscription and the proration flag.
  const fromItem = asObject(parent.subscription_item_details);
  const fromInvoiceItem = asObject(parent.invoice_item_details);
  const pricing = asObject(line.pricing);
  const priceDetails = asObject(pricing.price_details);
  const discountAmounts = Array.isArray(line.discount_amounts) ? line.discount_amounts : [];
  const discount = discountAmounts.reduce<number>((sum, d) => sum + numberOr0(asObject(d).amount), 0);
  const period = asObject(line.period);
  return {
    id: line.id ?? null,
    invoice: first(idOf(line.invoice), idOf(invoice.id)),
    invoice_created: invoice.created ?? null,
    customer: idOf(invoice.customer),
    subscription: first(
      idOf(fromItem.subscription),
      idOf(fromInvoiceItem.subscription),
      idOf(line.subscription),
    ),
    subscription_item: first(idOf(fromItem.subscription_item), idOf(line.subscription_item)),
    source: (parent.type as string | undefined) ?? null,
    proration: Boolean(first(fromItem.proration, fromInvoiceItem.proration, line.proration)),
    price: first(idOf(priceDetails.price), idOf(line.price)),
    product: first(idOf(priceDetails.product), idOf(asObject(line.price).product)),
    unit_amount_decimal: first(pricing.unit_amount_decimal, asObject(line.price).unit_amount_decimal),
    quantity: line.quantity ?? null,
    amount: line.amount ?? null,
    discount_amount: discount,
    currency: line.currency ?? invoice.currency ?? null,
    description: line.description ?? null,
    period: { start: period.start ?? null, end: period.end ?? null },
    livemode: line.livemode ?? null,
  };
}

function numberOr0(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * Keeps only the declared columns of a record, so a tab holds what the connector documents and
 * not every nested field Stripe sends (a charge alone has over a hundred, which would fill the
 * spreadsheet's cell allowance). A `json` column keeps its value whole. Runs after `map`.
 */
export function declaredOnly(
  columns: readonly ColumnSpec[],
  map?: StreamHooks['mapRecord'],
): NonNullable<StreamHooks['mapRecord']> {
  // Split each column's path once, not once per record: this runs for every record synced.
  const plan = columns.map((c) => ({ name: c.name, keys: c.name.split('.'), whole: c.type === 'json' }));
  return (raw, ctx) => {
    const record = map ? map(raw, ctx) : asObject(raw);
    const out: Json = {};
    for (const column of plan) {
      const value = valueAt(record, column.name, column.keys);
      if (value === undefined) continue;
      setAt(out, column.keys, !column.whole && isObject(value) ? JSON.stringify(value) : value);
    }
    return out;
  };
}

/** `keys` is `path` split at its dots; a literal dotted key wins over the nested path. */
function valueAt(record: Json, path: string, keys: readonly string[]): unknown {
  if (keys.length === 1) return record[path];
  if (path in record) return record[path];
  let current: unknown = record;
  for (const key of keys) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

function setAt(target: Json, keys: readonly string[], value: unknown): void {
  let node = target;
  const last = keys.length - 1;
  for (let i = 0; i < last; i++) {
    const key = keys[i];
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as Json;
  }
  node[keys[last]] = value;
}
