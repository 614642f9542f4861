/**
 * Runs before each test file. The unit tests share their workers' modules and DOM between files
 * (`isolate: false` in vite.config.ts: importing React Spectrum once per worker instead of once per
 * file), so each file starts here from what a fresh page would have: empty storage, an empty
 * document, the default settings, no toast left over from another file.
 */
// first: React looks for the DevTools hook once, when react-dom loads (Testing Library loads it)
import './render-counter';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import * as React from 'react';

// React's development build records an owner stack for each of the first 10,000 elements created
// in a second (an Error with its stack, and a console task), so that a warning can name who
// rendered what. The tests do not read them, and they cost about 7 % of the jsdom tests' CPU (six
// of the heaviest files: 80.8 → 75.5 CPU-s, three runs each, 2026-12-02). React is told its quota
// for them is used up; REACT_OWNER_STACKS=1 keeps them, for a warning you are chasing.
const reactInternals = (React as unknown as Record<string, unknown>).__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE;
if (
  reactInternals &&
  typeof reactInternals === 'object' &&
  'recentlyCreatedOwnerStacks' in reactInternals &&
  !process.env.REACT_OWNER_STACKS
)
  Object.defineProperty(reactInternals, 'recentlyCreatedOwnerStacks', { configurable: true, get: () => 1e4, set: () => {} });

afterEach(() => cleanup());

// findBy… and waitFor wait up to 5 s (Testing Library's default is 1 s): a lazy route chunk or a
// first answer of the simulator can take longer than that on a busy 2-core CI machine.
configure({ asyncUtilTimeout: 5000 });

if (typeof window !== 'undefined') {
  // jsdom lacks these; Spectrum components use them.
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;

  localStorage.clear();
  sessionStorage.clear();
  document.head.querySelectorAll('meta').forEach((meta) => meta.remove());
  document.body.replaceChildren();

  const [{ ToastQueue }, { setActionsReadOnly }, { useSettingsForRequests: applySettings }, { defaultSettings }] = await Promise.all([
    import('@adobe/react-spectrum'),
    import('../api/actions'),
    import('../api/client'),
    import('../api/settings'),
  ]);
  setActionsReadOnly(false);
  applySettings(defaultSettings);

  // Toasts live in one queue for the whole module graph: close every toast a test opened, so none
  // is still on screen (as an alert) when the next test or file renders.
  type Show = (typeof ToastQueue)['positive'];
  const queue = ToastQueue as unknown as Record<'positive' | 'negative' | 'info' | 'neutral', Show> & { openToasts?: Set<() => void> };
  if (!queue.openToasts) {
    const open = (queue.openToasts = new Set());
    for (const kind of ['positive', 'negative', 'info', 'neutral'] as const) {
      const show = queue[kind].bind(ToastQueue);
      queue[kind] = (...args: Parameters<Show>) => {
        const close = show(...args);
        open.add(close);
        return close;
      };
    }
  }
  const open = queue.openToasts;
  afterEach(() => {
    for (const close of open) close();
    open.clear();
  });
}
