/** Starts the embedded simulator (MSW service worker) when the settings target it. The only src/app file that imports mocks/. */
import { loadSettings } from '../api/settings';

export async function startEmbeddedSimulatorIfNeeded(): Promise<void> {
  if (loadSettings().target !== 'embedded') return;
  try {
    const { startSimulator } = await import('../../mocks/browser');
    await startSimulator();
  } catch (error) {
    console.error('[console] the embedded simulator did not start', error);
  }
}
