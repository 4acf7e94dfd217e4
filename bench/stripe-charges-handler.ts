/**
 * A mock Stripe for the benchmark: `GET /v1/charges` serves `state.count` charges shaped like
 * Stripe's own fixture (playground/mock-apis/stripe/fixtures/list_charges.json), newest first, with
 * Stripe's list protocol (`limit`, `starting_after`, `has_more`, `created[gte]`). Charges are
 * made from their index on the fly, so 100,000 of them cost no memory. Every other list is empty.
 */
import fixture from '../playground/mock-apis/stripe/fixtures/list_charges.json';
import type { MockHandler } from '../tests/support/mock-server';

interface State {
  count: number;
  /** created (unix seconds) of charge 0; one charge a minute after it. */
  start: number;
}

const template = (fixture as { data: Array<Record<string, unknown>> }).data[0];

function charge(i: number, start: number): Record<string, unknown> {
  return {
    ...template,
    id: `ch_bench${String(i).padStart(8, '0')}`,
    created: start + i * 60,
    amount: 1000 + (i % 97) * 100,
    amount_captured: 1000 + (i % 97) * 100,
    customer: `cus_bench${String(i % 5000).padStart(6, '0')}`,
    status: i % 20 === 0 ? 'failed' : 'succeeded',
    paid: i % 20 !== 0,
    description: i % 50 === 0 ? '=HYPERLINK("http://evil.example")' : `Order ${i}`,
  };
}

const handler: MockHandler<State> = (req, state) => {
  if (req.headers.authorization !== 'Bearer sk_test_51BenchKey0000000000000000000000') {
    return {
      status: 401,
      body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_****' } },
    };
  }
  if (req.path !== '/v1/charges')
    return { body: { object: 'list', url: req.path, has_more: false, data: [] } };
  const limit = Math.min(100, Number(req.query.limit ?? 10));
  const since = req.query['created[gte]'] ? Number(req.query['created[gte]']) : undefined;
  // Newest first: the highest index is the newest charge.
  let top = state.count - 1;
  if (req.query.starting_after) top = Number(req.query.starting_after.replace('ch_bench', '')) - 1;
  const lowest = since === undefined ? 0 : Math.max(0, Math.ceil((since - state.start) / 60));
  const data: unknown[] = [];
  for (let i = top; i >= lowest && data.length < limit; i--) data.push(charge(i, state.start));
  const last = top - data.length;
  return { body: { object: 'list', url: '/v1/charges', has_more: last >= lowest, data } };
};

export default handler;
