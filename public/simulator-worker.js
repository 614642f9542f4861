/**
 * The embedded simulator's service worker (registered by mocks/browser.ts): MSW's own worker,
 * mockServiceWorker.js (written by `msw init`, never edited by hand), behind a filter.
 *
 * Only requests for the paths the simulator answers reach MSW: the `paths` of this script's URL
 * (`?paths=api,files,_sim`), on this origin. MSW hands each of them to the page and waits for the
 * simulator's answer. Every other request (the console's own scripts, styles and fonts, another
 * origin) goes to the network as if no worker were there; without the filter MSW would send each
 * one to the page, be told to pass it through, and fetch it itself, which costs a page load about
 * a sixth more CPU (docs/decisions.md #24).
 */
const paths = new URL(self.location.href).searchParams.get('paths');
if (!paths) throw new Error('simulator-worker.js needs ?paths=… (the paths the simulator answers)');
const answered = new RegExp(`^/(${paths.split(',').join('|')})(/|$)`);

// Listeners run in the order they were added: this one runs before MSW's, and keeps it from
// seeing a request the simulator does not answer.
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin || !answered.test(url.pathname)) event.stopImmediatePropagation();
});

importScripts('mockServiceWorker.js');
