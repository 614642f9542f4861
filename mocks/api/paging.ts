/** `?start=&limit=` of paged lists (executions, pipelines, repositories). */
import { pagedList } from './hal';
import { HttpError } from './problem';

export function paging(url: URL, defaultLimit: number): { start: number; limit: number } {
  const parse = (name: string, fallback: number, max: number) => {
    const raw = url.searchParams.get(name);
    if (raw === null || raw === '') return fallback;
    if (!/^\d{1,9}$/.test(raw)) throw new HttpError(400, 'Invalid paging parameter', `${name} must be a non-negative integer.`);
    return Math.min(Number(raw), max);
  };
  const start = parse('start', 0, 1e9);
  const limit = parse('limit', defaultLimit, 1000);
  if (limit === 0) throw new HttpError(400, 'Invalid paging parameter', 'limit must be at least 1.');
  return { start, limit };
}

/** One page of `all` (as `?start=&limit=` of `url` ask), rendered, as a HAL list under `key` with its page links. */
export function page<T, R>(url: URL, key: string, all: readonly T[], defaultLimit: number, baseHref: string, render: (item: T) => R) {
  const { start, limit } = paging(url, defaultLimit);
  return pagedList(key, all.slice(start, start + limit).map(render), all.length, start, limit, baseHref);
}
