import fc from 'fast-check';
import type { PaginationSpec } from '../../src/connect/connector-spec';
import { type FetchedPage, LoopGuard, type PageCall, strategyFor } from '../../src/sync/paginate';
import { nextLink, queryOf } from '../../src/sync/url';

type Api = (call: PageCall) => FetchedPage;
const BASE = 'https://api.example.com/items';

/** A fake API over `total` records served the way `spec` pages, for walking with a strategy. */
function fakeApi(spec: PaginationSpec, total: number, size: number): Api {
  const all = Array.from({ length: total }, (_, i) => ({ id: i + 1 }));
  const slice = (from: number) => all.slice(from, from + size);
  const page = (
    records: unknown[],
    body: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => ({
    body: { data: records, ...body },
    headers,
    records,
  });
  switch (spec.type) {
    case 'cursor': {
      return (call) => {
        const from = Number(call.params?.after ?? 0);
        const next = from + size < total ? String(from + size) : null;
        return page(slice(from), { paging: { next: next ? { after: next } : undefined } });
      };
    }
    case 'last-id':
      return (call) => {
        const from = call.params?.starting_after === undefined ? 0 : Number(call.params.starting_after);
        return page(slice(from), { has_more: from + size < total });
      };
    case 'next-url':
      return (call) => {
        const from = call.url ? Number(queryOf(call.url).from) : 0;
        return page(slice(from), { next: from + size < total ? `${BASE}?from=${from + size}` : null });
      };
    case 'link-header':
      return (call) => {
        const from = call.url ? Number(queryOf(call.url).from) : 0;
        const link =
          from + size < total
            ? `<${BASE}?from=${from + size}>; rel="next", <${BASE}?from=0>; rel="first"`
            : '';
        return page(slice(from), {}, { link });
      };
    case 'page-number':
      return (call) => {
        const n = Number(call.params?.page);
        return page(slice((n - 1) * size), { total_count: total });
      };
    case 'offset':
      return (call) => page(slice(Number(call.params?.offset)), { total: total });
    case 'header':
      return (call) => {
        const n = Number(call.params?.page ?? 1);
        const pages = Math.ceil(total / size);
        return page(
          slice((n - 1) * size),
          {},
          { 'x-next-page': n < pages ? String(n + 1) : '', 'x-total-pages': String(pages) },
        );
      };
    default:
      return () => page(all);
  }
}

function specs(size: number): PaginationSpec[] {
  return [
    { type: 'cursor', tokenPath: 'paging.next.after', param: 'after' },
    { type: 'last-id', param: 'starting_after', hasMorePath: 'has_more', idField: 'id' },
    { type: 'next-url', nextUrlPath: 'next' },
    { type: 'link-header' },
    { type: 'page-number', param: 'page', pageSize: { param: 'per_page', value: size } },
    {
      type: 'page-number',
      param: 'page',
      pageSize: { param: 'per_page', value: size },
      totalRecordsPath: 'total_count',
    },
    { type: 'offset', offsetParam: 'offset', limitParam: 'limit', limit: size },
    { type: 'offset', offsetParam: 'offset', limitParam: 'limit', limit: size, totalRecordsPath: 'total' },
    { type: 'header', nextPageHeader: 'X-Next-Page', param: 'page' },
    { type: 'header', nextPageHeader: 'X-Next-Page', param: 'page', totalPagesHeader: 'X-Total-Pages' },
  ];
}

/** Walks all pages sequentially, as the engine does when the total is unknown. */
function walk(spec: PaginationSpec, api: Api): { ids: number[]; calls: number } {
  const strategy = strategyFor(spec);
  const guard = new LoopGuard('items');
  const ids: number[] = [];
  let calls = 0;
  let call: PageCall | undefined = guard.check(strategy.first());
  while (call) {
    const page = api(call);
    calls++;
    ids.push(...(page.records as Array<{ id: number }>).map((r) => r.id));
    call = strategy.next(page, call);
    if (call) guard.check(call);
  }
  return { ids, calls };
}

describe('pagination strategies', () => {
  it.each(specs(3).map((s) => [describeSpec(s), s] as const))('%s reads every record once', (_name, spec) => {
    const { ids } = walk(spec, fakeApi(spec, 10, 3));
    expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  it('reads every record exactly once with one call per page, for any size and page size (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 7 }), (total, size) => {
        for (const spec of specs(size)) {
          const { ids, calls } = walk(spec, fakeApi(spec, total, size));
          expect(ids).toEqual(Array.from({ length: total }, (_, i) => i + 1));
          // Without a total, a full last page costs one more (empty) call to learn it was the last.
          const pages = Math.max(1, Math.ceil(total / size));
          expect(calls === pages || calls === pages + 1).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('with a known total, the first page plus the listed rest read every record once, one call per page (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 7 }), (total, size) => {
        for (const spec of specs(size)) {
          const strategy = strategyFor(spec);
          const api = fakeApi(spec, total, size);
          const first = strategy.first();
          const page = api(first);
          const rest = strategy.remaining?.(page, first);
          if (!rest) continue;
          const pages = [page, ...rest.map(api)];
          expect(pages.flatMap((p) => (p.records as Array<{ id: number }>).map((r) => r.id))).toEqual(
            Array.from({ length: total }, (_, i) => i + 1),
          );
          expect(pages).toHaveLength(Math.ceil(total / size));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('lists every remaining page up front when the API reports a total of records', () => {
    const spec: PaginationSpec = {
      type: 'page-number',
      param: 'page',
      pageSize: { param: 'per_page', value: 10 },
      totalRecordsPath: 'meta.total',
    };
    const strategy = strategyFor(spec);
    const first = strategy.first();
    const rest = strategy.remaining?.({ body: { meta: { total: 35 } }, headers: {}, records: [] }, first);
    expect(rest?.map((c) => c.params?.page)).toEqual([2, 3, 4]);
  });

  it('lists every remaining offset up front when the total is known', () => {
    const spec: PaginationSpec = {
      type: 'offset',
      offsetParam: 'o',
      limitParam: 'l',
      limit: 100,
      totalRecordsPath: 'n',
    };
    const strategy = strategyFor(spec);
    const rest = strategy.remaining?.({ body: { n: 250 }, headers: {}, records: [] }, strategy.first());
    expect(rest?.map((c) => c.params?.o)).toEqual([100, 200]);
  });

  it('lists no remaining pages when the API does not say how many there are', () => {
    const strategy = strategyFor({ type: 'page-number', param: 'p', pageSize: { param: 's', value: 5 } });
    expect(strategy.remaining?.({ body: {}, headers: {}, records: [] }, strategy.first())).toBeUndefined();
  });

  it('puts cursor tokens in the body when the spec says so', () => {
    const strategy = strategyFor({ type: 'cursor', tokenPath: 'next', param: 'pageToken', in: 'body' });
    expect(strategy.next({ body: { next: 'abc' }, headers: {}, records: [{}] }, strategy.first())).toEqual({
      body: { pageToken: 'abc' },
    });
  });

  it('stops when an API hands out the same page twice', () => {
    const spec: PaginationSpec = { type: 'cursor', tokenPath: 'next', param: 'after' };
    const stuck: Api = () => ({ body: { next: 'same' }, headers: {}, records: [{ id: 1 }] });
    expect(() => walk(spec, stuck)).toThrow(/same next page twice while reading items/);
  });

  it('resumes from a stored call without the first page', () => {
    const spec: PaginationSpec = {
      type: 'page-number',
      param: 'page',
      pageSize: { param: 'per_page', value: 3 },
    };
    const strategy = strategyFor(spec);
    const stored: PageCall = JSON.parse(JSON.stringify({ params: { page: 3, per_page: 3 } }));
    const page = fakeApi(spec, 10, 3)(stored);
    expect(page.records).toEqual([{ id: 7 }, { id: 8 }, { id: 9 }]);
    expect(strategy.next(page, stored)).toEqual({ params: { page: 4, per_page: 3 } });
  });
});

describe('nextLink', () => {
  it('finds rel="next" among several links', () => {
    const header =
      '<https://api.github.com/repositories/1/issues?page=2>; rel="next", <https://api.github.com/repositories/1/issues?page=5>; rel="last"';
    expect(nextLink(header)).toBe('https://api.github.com/repositories/1/issues?page=2');
  });

  it('finds next when rel lists several values and the URL holds commas', () => {
    expect(nextLink('<https://x.io/a?ids=1,2>; rel="prev", <https://x.io/a?ids=3,4>; rel="next last"')).toBe(
      'https://x.io/a?ids=3,4',
    );
  });

  it('gives nothing on the last page', () => {
    expect(
      nextLink('<https://x.io/a?page=1>; rel="first", <https://x.io/a?page=1>; rel="prev"'),
    ).toBeUndefined();
  });
});

function describeSpec(s: PaginationSpec): string {
  const extra =
    'totalRecordsPath' in s || ('totalPagesHeader' in s && s.totalPagesHeader) ? ' with a total' : '';
  return s.type + extra;
}
