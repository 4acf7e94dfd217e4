import {
  connectionInput,
  declaresBaseUrl,
  fieldProblems,
  initialValues,
  normalizedOnLeave,
  shownProblems,
} from '../../../sidebar/sources/setup-values';
import { sidebarApi } from '../../../src/entry/api';

const connectors = sidebarApi.listConnectors(undefined as never);
const stripe = connectors.find((c) => c.id === 'stripe')!.fields;
const gitlab = connectors.find((c) => c.id === 'gitlab')!.fields;

describe('the setup form’s values', () => {
  it('start from the declared defaults, with an empty API address under Advanced', () => {
    const github = connectors.find((c) => c.id === 'github')!.fields;
    const values = initialValues(github);
    const accountType = github.find((f) => f.key === 'accountType')!;
    expect(values.accountType).toBe(accountType.default ?? '');
    expect(values.baseUrl).toBe('');
  });

  it('start from the saved settings when editing, but never with a secret', () => {
    const values = initialValues(stripe, { baseUrl: 'http://127.0.0.1:9999', apiKey: 'sk_test_leaked' });
    expect(values).toEqual({ apiKey: '', baseUrl: 'http://127.0.0.1:9999' });
  });

  it('have no Advanced API address when the connector asks for its own (self-hosted GitLab)', () => {
    expect(declaresBaseUrl(gitlab)).toBe(true);
    expect(declaresBaseUrl(stripe)).toBe(false);
  });

  it('go to the server as typed, with the connection id when editing', () => {
    expect(connectionInput('stripe', { apiKey: '', baseUrl: '' }, 'stripe')).toEqual({
      id: 'stripe',
      connector: 'stripe',
      config: { apiKey: '', baseUrl: '' },
    });
  });
});

describe('checking the setup form as the user types', () => {
  it('uses the connector’s pattern and its message', () => {
    const problems = fieldProblems(stripe, { apiKey: 'pk_live_abcdefghijkl', baseUrl: '' }, false);
    expect(problems.apiKey).toMatch(/Publishable keys \(pk_…\) cannot read data/);
  });

  it('accepts a well-formed key', () => {
    expect(fieldProblems(stripe, { apiKey: 'sk_test_abcdefghijkl', baseUrl: '' }, false)).toEqual({});
  });

  it('requires the secret for a new connection but not when editing (blank keeps the saved one)', () => {
    expect(fieldProblems(stripe, { apiKey: '', baseUrl: '' }, false).apiKey).toMatch(/required/);
    expect(fieldProblems(stripe, { apiKey: '', baseUrl: '' }, true)).toEqual({});
  });

  it('refuses an Advanced API address that is not https, except a local test server', () => {
    expect(fieldProblems(stripe, { apiKey: '', baseUrl: 'http://api.example.com' }, true).baseUrl).toMatch(
      /https:\/\//,
    );
    expect(fieldProblems(stripe, { apiKey: '', baseUrl: 'http://127.0.0.1:4010' }, true)).toEqual({});
  });

  it('shows a wrong value at once but "required" only after the field is left or saving is tried', () => {
    const problems = { apiKey: '"Secret or restricted API key" is required.' };
    expect(shownProblems(problems, { apiKey: '' }, new Set(), false)).toEqual({});
    expect(shownProblems(problems, { apiKey: '' }, new Set(['apiKey']), false)).toEqual(problems);
    expect(shownProblems(problems, { apiKey: '' }, new Set(), true)).toEqual(problems);
    const wrong = { apiKey: 'Stripe keys start with sk_live_…' };
    expect(shownProblems(wrong, { apiKey: 'pk_' }, new Set(), false)).toEqual(wrong);
  });
});

describe('a pasted address in a domain field', () => {
  const shopify = connectors.find((c) => c.id === 'shopify')!.fields;
  const typed = { shop: 'https://tapdash-demo.myshopify.com/', accessToken: `shpat_${'a'.repeat(32)}` };

  it('is accepted as the user types it, as the server accepts it', () => {
    expect(fieldProblems(shopify, typed, false)).toEqual({});
  });

  it('shows the bare domain once the user leaves the field', () => {
    expect(normalizedOnLeave(shopify, typed, 'shop').shop).toBe('tapdash-demo.myshopify.com');
  });

  it('leaves other fields as typed', () => {
    expect(normalizedOnLeave(shopify, { ...typed, accessToken: ' x ' }, 'accessToken').accessToken).toBe(
      ' x ',
    );
  });
});
