import { CONNECTORS } from '../../connectors/index';
import { connectorProblems } from '../../src/connect/spec-check';
import { itemsStream, testConnector } from './harness';

describe('connector declarations', () => {
  it.each(CONNECTORS.map((c) => [c.id, c] as const))(
    '%s passes the checks every connector gets',
    (_id, spec) => {
      expect(connectorProblems(spec)).toEqual([]);
    },
  );

  it('flags an incremental stream without a primary key', () => {
    const spec = testConnector([
      itemsStream({
        primaryKey: [],
        incremental: { cursorField: 'updated', param: 'since', format: 'unix' },
      }),
    ]);
    expect(connectorProblems(spec)).toEqual([
      'acme.items: an incremental stream needs a primary key, or re-read pages add duplicate rows',
    ]);
  });

  it('flags a cursor field that is not a time column, and an undeclared auth field', () => {
    const spec = testConnector(
      [itemsStream({ incremental: { cursorField: 'amount', param: 'since', format: 'unix' } })],
      { auth: { type: 'bearer', field: 'apiKey' } },
    );
    expect(connectorProblems(spec)).toEqual([
      'acme: auth uses the field "apiKey", which is not declared',
      'acme.items: the cursor field "amount" must be a datetime or date column',
    ]);
  });

  it('flags a base URL the allowlist does not cover', () => {
    expect(connectorProblems(testConnector([itemsStream()], { baseUrl: 'https://other.test/v1' }))).toEqual([
      'acme: the base URL https://other.test/v1 is not covered by allowedUrls',
    ]);
  });
});
