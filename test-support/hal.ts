/**
 * The one HAL helper for tests, benches and scripts that act as API clients (mocks tests, e2e,
 * bench): relation names, link look-up, embedded lists, and following a link through any `get`
 * function (in-process `api.handle`, Node's fetch, or `fetch` inside a Playwright page).
 * The console has its own client in src/api; this is for code that checks the API from outside.
 */

/** Adobe's relation prefix (the console also accepts the https:// spelling). */
export const REL = 'http://ns.adobe.com/adobecloud/rel/';
/** The simulator's own relations (extensions a real Cloud Manager does not have), e.g. `${SIM_REL}createPipeline`. */
export const SIM_REL = 'https://ns.cloud-manager-simulator.dev/rel/';

/** Relations that are used without the Adobe prefix. */
const PLAIN_RELS = new Set(['self', 'next', 'prev', 'page', 'first', 'last']);

export interface HalLink {
  href: string;
  templated?: boolean;
}

export type Hal = {
  _links?: Record<string, HalLink | HalLink[] | undefined>;
  _embedded?: Record<string, Hal[]>;
} & Record<string, unknown>;

/** The full relation name: `pipeline/advance` → `http://ns.adobe.com/adobecloud/rel/pipeline/advance`; `self` stays. */
export function relName(rel: string): string {
  return PLAIN_RELS.has(rel) || rel.includes('://') ? rel : `${REL}${rel}`;
}

/** The link for `rel` (either relation spelling), or undefined. */
export function findLink(resource: Hal | undefined, rel: string): HalLink | undefined {
  const links = resource?._links;
  if (!links) return undefined;
  const name = relName(rel);
  const found = links[name] ?? links[name.replace(/^http:/, 'https:')];
  return Array.isArray(found) ? found[0] : found;
}

/** The href of `rel`, expanded with `params` when templated; throws naming the missing link. */
export function href(resource: Hal | undefined, rel: string, params: Record<string, string | number> = {}): string {
  const link = findLink(resource, rel);
  if (!link) throw new Error(`no "${rel}" link on ${describe(resource)}`);
  return link.templated ? expand(link.href, params) : link.href;
}

/** Expands an RFC 6570 level-1/3 template such as `/x/{id}{?start,limit}` (unset variables drop out). */
export function expand(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{([?&]?)([^}]+)\}/g, (_m, op: string, names: string) => {
    const vars = names.split(',').map((n) => n.trim());
    if (!op) return vars.map((n) => (params[n] === undefined ? '' : encodeURIComponent(String(params[n])))).join(',');
    const pairs = vars.filter((n) => params[n] !== undefined).map((n) => `${n}=${encodeURIComponent(String(params[n]))}`);
    return pairs.length ? `${op}${pairs.join('&')}` : '';
  });
}

/** The embedded list `name` (empty when absent). */
export function embedded<T extends Hal = Hal>(resource: Hal | undefined, name: string): T[] {
  return (resource?._embedded?.[name] ?? []) as T[];
}

/** A function that GETs an href (path or absolute URL) and returns the parsed JSON. */
export type GetJson = <T = Hal>(href: string) => Promise<T>;

/** GET the resource behind `rel` of `resource`. */
export function follow<T = Hal>(
  get: GetJson,
  resource: Hal | undefined,
  rel: string,
  params?: Record<string, string | number>,
): Promise<T> {
  return get<T>(href(resource, rel, params));
}

/**
 * Every item of the embedded list `name`, from the list at `first` and every page after it (the
 * lists' `next` links), in order.
 */
export async function embeddedPages<T extends Hal = Hal>(get: GetJson, first: string, name: string): Promise<T[]> {
  const items: T[] = [];
  for (let next: string | undefined = first; next !== undefined;) {
    const page: Hal = await get(next);
    items.push(...embedded<T>(page, name));
    next = findLink(page, 'next')?.href;
  }
  return items;
}

/** The program called `name`, read through its self link from the program list. */
export async function programByName(get: GetJson, name: string, entry = '/api/programs'): Promise<Hal> {
  const list = await get(entry);
  const found = embedded(list, 'programs').find((p) => p.name === name);
  if (!found) throw new Error(`no program "${name}" in ${entry}`);
  return follow(get, found, 'self');
}

/** The pipeline of `program` called `name` (or, without a name, its production pipeline). */
export async function pipelineOf(get: GetJson, program: Hal, name?: string): Promise<Hal> {
  const list = await follow(get, program, 'pipelines');
  const pipelines = embedded(list, 'pipelines');
  const found = name
    ? pipelines.find((p) => p.name === name)
    : pipelines.find((p) => (p.phases as { environmentType?: string }[] | undefined)?.some((ph) => ph.environmentType === 'prod'));
  if (!found) throw new Error(`no pipeline ${name ? `"${name}"` : 'deploying to production'} in program ${String(program.name)}`);
  return found;
}

function describe(resource: Hal | undefined): string {
  if (!resource) return 'an undefined resource';
  const self = findLink(resource, 'self')?.href;
  return self ? `${self}` : `a resource with links ${Object.keys(resource._links ?? {}).join(', ') || 'none'}`;
}
