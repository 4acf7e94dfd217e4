import type { PaginationSpec } from '../connect/connector-spec';
import { TapdashError } from '../shared/errors';
import { getPath } from './dot-path';
import { nextLink } from './url';

/**
 * What a paginator adds to a stream's base request for one page. Plain data, so the engine
 * can store the next page's call as a resume point.
 */
export interface PageCall {
  /** Query parameters (page token, page number, offset, page size). */
  params?: Record<string, string | number>;
  /** Fields merged into a POST body, for APIs that page in the body. */
  body?: Record<string, string | number>;
  /** A complete URL the API handed out (next-url, Link header); used as is. */
  url?: string;
}

export interface FetchedPage {
  body: unknown;
  /** Response headers, names in lower case. */
  headers: Readonly<Record<string, string>>;
  records: readonly unknown[];
}

/**
 * One pagination style. Stateless: the next call depends only on the page just fetched and
 * the call that fetched it, so a stored call is enough to resume in a later execution.
 */
export interface PaginationStrategy {
  first(): PageCall;
  next(page: FetchedPage, call: PageCall): PageCall | undefined;
  /**
   * Every page after `call` when the page tells how many there are (page numbers or offsets
   * with a total), so they can be fetched in parallel; undefined when unknown.
   */
  remaining?(page: FetchedPage, call: PageCall): PageCall[] | undefined;
}

type Spec<T extends PaginationSpec['type']> = Extract<PaginationSpec, { type: T }>;

function sizeParam(size: { param: string; value: number } | undefined): Record<string, number> {
  return size ? { [size.param]: size.value } : {};
}

function place(
  where: 'query' | 'body' | undefined,
  fields: Record<string, string | number>,
): Pick<PageCall, 'params' | 'body'> {
  return where === 'body' ? { body: fields } : { params: fields };
}

function token(value: unknown): string | number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value !== '') return value;
  return undefined;
}

function header(page: FetchedPage, name: string): string | undefined {
  const v = page.headers[name.toLowerCase()];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function positiveInt(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined;
}

function range(from: number, toInclusive: number, step = 1): number[] {
  const out: number[] = [];
  for (let i = from; i <= toInclusive; i += step) out.push(i);
  return out;
}

const none = (): PaginationStrategy => ({ first: () => ({}), next: () => undefined });

function cursor(spec: Spec<'cursor'>): PaginationStrategy {
  const fields = (t?: string | number) => ({
    ...sizeParam(spec.pageSize),
    ...(t === undefined ? {} : { [spec.param]: t }),
  });
  return {
    first: () => place(spec.in, fields()),
    next(page) {
      const t = token(getPath(page.body, spec.tokenPath));
      return t === undefined ? undefined : place(spec.in, fields(t));
    },
  };
}

function lastId(spec: Spec<'last-id'>): PaginationStrategy {
  return {
    first: () => ({ params: sizeParam(spec.pageSize) }),
    next(page) {
      const last = page.records[page.records.length - 1];
      if (!getPath(page.body, spec.hasMorePath) || last === undefined) return undefined;
      const id = token(getPath(last, spec.idField));
      return id === undefined ? undefined : { params: { ...sizeParam(spec.pageSize), [spec.param]: id } };
    },
  };
}

function nextUrl(spec: Spec<'next-url'>): PaginationStrategy {
  return {
    first: () => ({}),
    next(page) {
      const url = getPath(page.body, spec.nextUrlPath);
      return typeof url === 'string' && url !== '' ? { url } : undefined;
    },
  };
}

function linkHeader(spec: Spec<'link-header'>): PaginationStrategy {
  return {
    first: () => ({ params: sizeParam(spec.pageSize) }),
    next(page) {
      const url = nextLink(page.headers.link);
      return url ? { url } : undefined;
    },
  };
}

function pageNumber(spec: Spec<'page-number'>): PaginationStrategy {
  const start = spec.startAt ?? 1;
  const call = (n: number): PageCall => ({
    params: { [spec.param]: n, [spec.pageSize.param]: spec.pageSize.value },
  });
  const current = (c: PageCall) => Number(c.params?.[spec.param] ?? start);
  const lastPage = (page: FetchedPage): number | undefined => {
    const pages =
      positiveInt(spec.totalPagesPath ? getPath(page.body, spec.totalPagesPath) : undefined) ??
      positiveInt(spec.totalPagesHeader ? header(page, spec.totalPagesHeader) : undefined);
    if (pages !== undefined) return start + pages - 1;
    const records = positiveInt(
      spec.totalRecordsPath ? getPath(page.body, spec.totalRecordsPath) : undefined,
    );
    return records === undefined ? undefined : start + Math.ceil(records / spec.pageSize.value) - 1;
  };
  return {
    first: () => call(start),
    next(page, c) {
      const last = lastPage(page);
      const n = current(c);
      if (last !== undefined ? n >= last : page.records.length < spec.pageSize.value) return undefined;
      return page.records.length === 0 ? undefined : call(n + 1);
    },
    remaining(page, c) {
      const last = lastPage(page);
      return last === undefined ? undefined : range(current(c) + 1, last).map(call);
    },
  };
}

function offset(spec: Spec<'offset'>): PaginationStrategy {
  const call = (o: number): PageCall =>
    place(spec.in, { [spec.offsetParam]: o, [spec.limitParam]: spec.limit });
  const current = (c: PageCall) => Number((spec.in === 'body' ? c.body : c.params)?.[spec.offsetParam] ?? 0);
  const total = (page: FetchedPage) =>
    positiveInt(spec.totalRecordsPath ? getPath(page.body, spec.totalRecordsPath) : undefined);
  return {
    first: () => call(0),
    next(page, c) {
      const t = total(page);
      const o = current(c) + spec.limit;
      if (page.records.length === 0) return undefined;
      if (t !== undefined ? o >= t : page.records.length < spec.limit) return undefined;
      return call(o);
    },
    remaining(page, c) {
      const t = total(page);
      return t === undefined ? undefined : range(current(c) + spec.limit, t - 1, spec.limit).map(call);
    },
  };
}

function nextPageHeader(spec: Spec<'header'>): PaginationStrategy {
  const call = (n: string | number): PageCall => ({
    params: { ...sizeParam(spec.pageSize), [spec.param]: n },
  });
  return {
    first: () => ({ params: sizeParam(spec.pageSize) }),
    next(page) {
      const n = header(page, spec.nextPageHeader);
      return n === undefined ? undefined : call(n);
    },
    remaining(page, c) {
      const total = spec.totalPagesHeader ? positiveInt(header(page, spec.totalPagesHeader)) : undefined;
      if (total === undefined) return undefined;
      return range(Number(c.params?.[spec.param] ?? 1) + 1, total).map(call);
    },
  };
}

export function strategyFor(spec: PaginationSpec): PaginationStrategy {
  switch (spec.type) {
    case 'none':
      return none();
    case 'cursor':
      return cursor(spec);
    case 'last-id':
      return lastId(spec);
    case 'next-url':
      return nextUrl(spec);
    case 'link-header':
      return linkHeader(spec);
    case 'page-number':
      return pageNumber(spec);
    case 'offset':
      return offset(spec);
    case 'header':
      return nextPageHeader(spec);
  }
}

/**
 * Guards a stream's walk through its pages: an API that hands out a call it already gave
 * (a token that never changes, a Link to the same page) would otherwise loop until the
 * quota runs out.
 */
export class LoopGuard {
  private readonly seen = new Set<string>();

  constructor(private readonly where: string) {}

  check(call: PageCall): PageCall {
    const key = JSON.stringify(call);
    if (this.seen.has(key)) {
      throw new TapdashError({
        code: 'pagination-loop',
        message: `The API sent the same next page twice while reading ${this.where}, so Tapdash stopped instead of looping forever.`,
        fix: 'This is usually a temporary problem on the vendor side: try again later. If it keeps happening, report it with this message.',
        where: this.where,
      });
    }
    this.seen.add(key);
    return call;
  }
}
