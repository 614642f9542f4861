/**
 * What an environment's traffic looks like: its site's pages, assets and clientlibs, the author UI's
 * paths, the pods that serve it, browsers and referrers. Drawn from the source (never from the day),
 * so a site keeps its pages and pods from one day to the next.
 */
import { createRng, hashString, type Rng } from '../content/rng';
import { aemServiceOf, type LogSource } from './source';

export interface Site {
  /** The site's short name ("wknd"). */
  name: string;
  /** Pages of the published site, e.g. `/content/wknd/us/en/adventures.html`. */
  pages: string[];
  /** Images, clientlibs and other files a page pulls in. */
  assets: string[];
  /** Paths of the author UI (editor, consoles, clientlibs, JSON). */
  authorPaths: string[];
  /** Pod names of the AEM service the log belongs to. */
  pods: string[];
  /** The https origin of the service (referrers). */
  origin: string;
}

const PAGES = ['', '/adventures', '/magazine', '/about-us', '/faqs', '/contact', '/search', '/news', '/careers', '/products'];
const DEEP_PAGES = ['/adventures/bali-surf-camp', '/adventures/climbing-new-zealand', '/magazine/western-australia', '/news/2026-release'];
const IMAGES = ['hero', 'teaser-1', 'teaser-2', 'logo', 'team', 'map', 'banner', 'gallery-3'];

export const USER_AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Adobe-Health-Check/1.0',
];

const LETTERS = 'bcdfghjklmnpqrstvwxz2456789';

function podSuffix(rng: Rng): string {
  let out = '';
  for (let i = 0; i < 5; i += 1) out += LETTERS[rng.int(0, LETTERS.length - 1)];
  return out;
}

export function siteOf(source: LogSource): Site {
  const rng = createRng(hashString(`site|${source.seed}|${source.environmentId}|${source.service}`));
  const root = `/content/${source.site}/us/en`;
  const pages = [...PAGES, ...DEEP_PAGES].map((p) => `${root}${p}.html`);
  const lc = rng.hex(32);
  const assets = [
    `/etc.clientlibs/${source.site}/clientlibs/clientlib-site.lc-${lc}-lc.min.css`,
    `/etc.clientlibs/${source.site}/clientlibs/clientlib-site.lc-${lc}-lc.min.js`,
    `/etc.clientlibs/${source.site}/clientlibs/clientlib-dependencies.lc-${rng.hex(32)}-lc.min.js`,
    ...IMAGES.map((name) => `/content/dam/${source.site}/images/${name}.jpg`),
    ...IMAGES.slice(0, 4).map((name) => `${root}/jcr:content/root/container/${name}.coreimg.85.1600.jpeg/1732000000000/${name}.jpeg`),
    `/content/${source.site}/us/en.model.json`,
    '/favicon.ico',
  ];
  const authorPaths = [
    ...PAGES.slice(0, 6).map((p) => `/editor.html${root}${p}.html`),
    `/sites.html/content/${source.site}/us/en`,
    `/assets.html/content/dam/${source.site}`,
    '/libs/granite/csrf/token.json',
    '/libs/granite/ui/content/shell/start.html',
    '/mnt/overlay/wcm/core/content/sites/jcr:content/views/column.html',
    `/libs/cq/gui/components/authoring/editors/clientlibs/core.lc-${rng.hex(32)}-lc.min.js`,
    `/content/${source.site}/us/en/jcr:content.infinity.json`,
    '/libs/cq/i18n/dict.en.json',
  ];
  const aem = aemServiceOf(source.service);
  const podCount = aem === 'publish' && source.environmentType === 'prod' ? 3 : aem === 'publish' ? 2 : 1;
  const deployment = rng.hex(10);
  const pods = Array.from(
    { length: podCount },
    () => `cm-p${source.programId}-e${source.environmentId}-aem-${aem}-${deployment}-${podSuffix(rng)}`,
  );
  return { name: source.site, pages, assets, authorPaths, pods, origin: `https://${source.host}` };
}
