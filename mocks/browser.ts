/**
 * The embedded simulator: MSW's service worker (public/simulator-worker.js) hands requests for /api,
 * /files and /_sim on this origin to the simulator running in the page. Its state is kept in localStorage, so a reload
 * carries on where it was (catching up from the wall clock). The acting user is the seeded user
 * `x-sim-user` names (a Deployment Manager by default); the journal feeds the console's
 * notifications (`GET /_sim/events`), and webhooks answer 501 (they need the standalone server).
 */
import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import { createApi } from './api/app';
import { lazyContent } from './sim/content/lazy';
import { createStateStore } from './browser-storage';
import { Simulator } from './sim/simulator';

const STORAGE_KEY = 'cm-console.simulator-state';
/** The paths the simulator answers on this origin: the API, its files, and the simulator's own controls. */
const SIMULATOR_PATHS = ['api', 'files', '_sim'];
/** Journal entries kept in the browser: enough for the bell, small enough for localStorage (~0.5 MB). */
export const BROWSER_JOURNAL_LIMIT = 2000;

export async function startSimulator(): Promise<void> {
  const { load, save } = createStateStore(localStorage, STORAGE_KEY);
  const simulator = new Simulator({ state: load(), content: lazyContent, onChange: save, journalLimit: BROWSER_JOURNAL_LIMIT });
  save(simulator.state);
  const api = createApi(simulator);
  const origin = window.location.origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const worker = setupWorker(http.all(new RegExp(`^${origin}/(${SIMULATOR_PATHS.join('|')})(/|$)`), ({ request }) => api.handle(request)));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    // MSW's worker behind a filter that lets every other request go straight to the network
    serviceWorker: { url: `${import.meta.env.BASE_URL}simulator-worker.js?paths=${SIMULATOR_PATHS.join(',')}` },
  });
  // Keep time-driven progress in storage too, so a reload never goes back.
  window.setInterval(() => {
    simulator.now();
    save(simulator.state);
  }, 5000);
  window.addEventListener('pagehide', () => save(simulator.state));
}
