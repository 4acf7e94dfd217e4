import { testedMessage } from '../../src/sync/test-connection';

describe('what a successful connection test says', () => {
  it('counts the first page in the source’s own words, with one full stop', () => {
    expect(testedMessage('Stripe', 'Customers', 94)).toBe(
      'Connected to Stripe: 94 customers on the first page.',
    );
  });

  it('writes large counts with thousands separators', () => {
    expect(testedMessage('HubSpot', 'Contacts', 1200)).toBe(
      'Connected to HubSpot: 1,200 contacts on the first page.',
    );
  });

  it('keeps the capitals of names in the stream label', () => {
    expect(testedMessage('GitHub', 'GitHub issues', 30)).toBe(
      'Connected to GitHub: 30 GitHub issues on the first page.',
    );
    expect(testedMessage('CSV file', 'CSV import', 12)).toBe(
      'Connected to CSV file: 12 CSV import on the first page.',
    );
  });

  it('says when there is nothing yet', () => {
    expect(testedMessage('Shopify', 'Orders', 0)).toBe('Connected to Shopify, but there are no orders yet.');
  });

  it('says "1 record" for a single one', () => {
    expect(testedMessage('Shopify', 'Orders', 1)).toBe(
      'Connected to Shopify: 1 record of orders on the first page.',
    );
  });
});
