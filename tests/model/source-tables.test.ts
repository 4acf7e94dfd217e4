import { resolveSourceTabs, unionGrids } from '../../src/model/source-tables';

describe('which tabs a source table is read from', () => {
  it('gives a second account’s tab to its own connection, not to the first one’s stream `2_charges`', () => {
    const tabs = resolveSourceTabs(
      [
        { id: 'stripe', connector: 'stripe' },
        { id: 'stripe_2', connector: 'stripe' },
      ],
      ['stripe_charges', 'stripe_2_charges', 'stripe_2_customers'],
    );
    expect(Object.fromEntries(tabs)).toEqual({
      stripe_charges: ['stripe_charges', 'stripe_2_charges'],
      stripe_customers: ['stripe_2_customers'],
    });
  });

  it('puts the connection named after the connector first, whatever the listing order', () => {
    const tabs = resolveSourceTabs(
      [
        { id: 'acme', connector: 'stripe' },
        { id: 'stripe', connector: 'stripe' },
      ],
      ['acme_charges', 'stripe_charges'],
    );
    expect(tabs.get('stripe_charges')).toEqual(['stripe_charges', 'acme_charges']);
  });

  it('ignores half-filled loading tabs and tabs of connections that no longer exist', () => {
    const tabs = resolveSourceTabs(
      [{ id: 'stripe_2', connector: 'stripe' }],
      ['stripe_charges', 'stripe_2_charges', 'stripe_2_charges (loading)', 'stripe_3_charges'],
    );
    expect(Object.fromEntries(tabs)).toEqual({ stripe_charges: ['stripe_2_charges'] });
  });

  it('names a hyphenated connector’s tables as its connections are named', () => {
    const tabs = resolveSourceTabs([{ id: 'csv_url_2', connector: 'csv-url' }], ['csv_url_2_rows']);
    expect(Object.fromEntries(tabs)).toEqual({ csv_url_rows: ['csv_url_2_rows'] });
  });
});

describe('one table from several tabs', () => {
  it('returns a single tab’s values unchanged', () => {
    const grid = [['id'], ['a']];
    expect(unionGrids([grid])).toBe(grid);
  });

  it('matches columns by header name and leaves a cell empty where a tab has no such column', () => {
    expect(
      unionGrids([
        [
          ['id', 'amount'],
          ['a', 1],
        ],
        [
          ['fee', 'id'],
          [5, 'b'],
        ],
      ]),
    ).toEqual([
      ['id', 'amount', 'fee'],
      ['a', 1, ''],
      ['b', '', 5],
    ]);
  });

  it('skips a tab that has no header yet', () => {
    expect(unionGrids([[['']], [['id'], ['b']]])).toEqual([['id'], ['b']]);
  });
});
