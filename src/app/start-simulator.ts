/**
 * Starts the embedded simulator (MSW service worker) when the settings target it. Through the
 * local proxy it is not started, and a simulator worker registered on this origin earlier (the
 * user had chosen the embedded simulator here) is unregistered, so nothing but the proxy can
 * answer /api. The only src/app file that imports mocks/.
 */
import { loadSettings } from '../api/settings';

/**
 * The simulator's worker scripts: public/simulator-worker.js (registered by mocks/browser.ts), and
 * MSW's own, which earlier versions of the console registered directly.
 */
const SIMULATOR_WORKERS = ['/simulator-worker.js', '/mockServiceWorker.js'];

const isSimulatorWorker = (scriptURL: string) => SIMULATOR_WORKERS.some((script) => new URL(scriptURL).pathname.endsWith(script));

/** Unregisters every service worker of this origin that is the simulator's. */
export async function unregisterSimulatorWorker(): Promise<void> {
  const registrations = (await globalThis.navigator?.serviceWorker?.getRegistrations()) ?? [];
  const simulator = registrations.filter((registration) =>
    [registration.active, registration.waiting, registration.installing].some((worker) => worker && isSimulatorWorker(worker.scriptURL)),
  );
  // A page the old worker still controls is safe until it reloads: the worker answers only pages
  // that started the simulator, and this one did not.
  await Promise.all(simulator.map((registration) => registration.unregister()));
}

/** Loads the embedded simulator's code (a chunk of its own) and starts it in this page. */
async function startBundledSimulator(): Promise<void> {
  const { startSimulator } = await import('../../mocks/browser');
  await startSimulator();
}

/** `start` starts the simulator: the bundled one, or in unit tests a stand-in. */
export async function startEmbeddedSimulatorIfNeeded(start: () => Promise<void> = startBundledSimulator): Promise<void> {
  const { target } = loadSettings();
  if (target === 'proxy') {
    await unregisterSimulatorWorker().catch((error: unknown) => console.error('[console] could not unregister the simulator', error));
    return;
  }
  if (target !== 'embedded') return;
  try {
    await start();
  } catch (error) {
    console.error('[console] the embedded simulator did not start', error);
  }
}
