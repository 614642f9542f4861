/**
 * Links the console has already followed, kept for the tab's session (sessionStorage), so a
 * reload or a deep link does not walk the chain entry point → program → pipelines → execution one
 * request after another (issue #17): the program's self href, its pipelines href and a pipeline's
 * `execution/id` link are remembered per API (the entry point) and program/pipeline id. A
 * remembered href is only a head start: the walk through the links still runs and overwrites it,
 * and one that failed is forgotten. The console still never builds an API URL.
 */
import { entryPointHref } from './client';
import type { HalLink } from './types';

const STORAGE_KEY = 'cm-console.hrefs';
/** Entries kept: enough for the programs and pipelines of a session. */
const LIMIT = 200;

type Remembered = Record<string, HalLink>;

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

function readAll(): Remembered {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Remembered) : {};
  } catch {
    return {};
  }
}

function writeAll(all: Remembered): void {
  try {
    const entries = Object.entries(all);
    storage()?.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(entries.slice(-LIMIT))));
  } catch {
    // storage full or blocked: the console walks the links as before
  }
}

/** What a remembered link is: a program's self, its pipelines list, or a pipeline's execution/id link. */
export const hrefNames = {
  program: (programId: string) => `${entryPointHref()} program ${programId}`,
  pipelines: (programId: string) => `${entryPointHref()} program ${programId} pipelines`,
  executionById: (programId: string, pipelineId: string) => `${entryPointHref()} program ${programId} pipeline ${pipelineId} execution`,
};

export function recallLink(name: string): HalLink | undefined {
  const link = readAll()[name];
  return link && typeof link.href === 'string' ? link : undefined;
}

export function rememberLink(name: string, link: HalLink | undefined): void {
  if (!link) return;
  const all = readAll();
  const known = all[name];
  if (known && known.href === link.href && Boolean(known.templated) === Boolean(link.templated)) return;
  delete all[name];
  all[name] = { href: link.href, ...(link.templated ? { templated: true } : {}) };
  writeAll(all);
}

/** Forgets the link remembered as `name` when it still is `href` (the walk may have replaced it meanwhile). */
export function forgetLink(name: string, href: string): void {
  const all = readAll();
  if (all[name]?.href !== href) return;
  delete all[name];
  writeAll(all);
}
