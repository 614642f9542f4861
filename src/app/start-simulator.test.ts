/**
 * The embedded simulator starts before the first render, unless the console runs through the
 * local proxy: then it is not started, and a simulator worker left on this origin is unregistered.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveSettings, defaultSettings } from '../api/settings';
import { markAsServedByProxy, removeProxyMarker } from '../test/proxy-marker';
import { startEmbeddedSimulatorIfNeeded } from './start-simulator';

/** Stands in for the bundled simulator (mocks/browser.ts), which needs a real service worker. */
const startSimulator = vi.fn(async () => {});

function registration(script: string) {
  return { active: { scriptURL: `${location.origin}${script}` }, waiting: null, installing: null, unregister: vi.fn(async () => true) };
}

let registrations: ReturnType<typeof registration>[];

beforeEach(() => {
  registrations = [
    registration('/simulator-worker.js?paths=api,files,_sim'),
    registration('/some-other-worker.js'),
    registration('/mockServiceWorker.js'), // registered by an earlier version of the console
  ];
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: { getRegistrations: async () => registrations },
  });
});

afterEach(() => {
  delete (navigator as { serviceWorker?: unknown }).serviceWorker;
  removeProxyMarker();
  localStorage.clear();
  startSimulator.mockClear();
});

describe('starting the embedded simulator', () => {
  it('starts it by default, and leaves the workers alone', async () => {
    await startEmbeddedSimulatorIfNeeded(startSimulator);
    expect(startSimulator).toHaveBeenCalledOnce();
    for (const r of registrations) expect(r.unregister).not.toHaveBeenCalled();
  });

  it('served by the proxy: does not start it, and unregisters the simulator’s workers (only those)', async () => {
    markAsServedByProxy();
    await startEmbeddedSimulatorIfNeeded(startSimulator);
    expect(startSimulator).not.toHaveBeenCalled();
    expect(registrations[0].unregister).toHaveBeenCalledOnce();
    expect(registrations[1].unregister).not.toHaveBeenCalled();
    expect(registrations[2].unregister).toHaveBeenCalledOnce();
  });

  it('served by the proxy but the embedded simulator chosen in Settings on this origin: starts it', async () => {
    markAsServedByProxy();
    saveSettings({ ...defaultSettings, target: 'embedded' });
    await startEmbeddedSimulatorIfNeeded(startSimulator);
    expect(startSimulator).toHaveBeenCalledOnce();
  });

  it('another API chosen: neither starts it nor touches the workers', async () => {
    saveSettings({ ...defaultSettings, target: 'standalone' });
    await startEmbeddedSimulatorIfNeeded(startSimulator);
    expect(startSimulator).not.toHaveBeenCalled();
    for (const r of registrations) expect(r.unregister).not.toHaveBeenCalled();
  });

  it('without service workers at all (an insecure origin): no error', async () => {
    delete (navigator as { serviceWorker?: unknown }).serviceWorker;
    markAsServedByProxy();
    await expect(startEmbeddedSimulatorIfNeeded(startSimulator)).resolves.toBeUndefined();
  });
});
