/**
 * Counts how often a component renders, the way React DevTools' "highlight updates" knows it:
 * through React's DevTools hook, which React calls after every commit. Imported by src/test/setup.ts
 * before anything imports react-dom (React looks for the hook once, when react-dom loads), so the
 * unit tests need no module mock to count renders, and every test file can share its worker's
 * modules (vite.config.ts).
 *
 * It reads fields of React's fibers that DevTools reads too (`child`, `sibling`, `alternate`,
 * `flags`, `type`, `memoizedProps`); a React that changes them fails the tests that count, loudly
 * (nothing counted), not silently.
 */

interface Fiber {
  type: unknown;
  flags: number;
  memoizedProps: unknown;
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
}

/** React sets this flag on a component's fiber when its function ran in the render just committed. */
const PERFORMED_WORK = 1;

type OnCommit = (root: { current: Fiber }) => void;
const listeners = new Set<OnCommit>();

let renderers = 0;
const globals = globalThis as { __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown };
globals.__REACT_DEVTOOLS_GLOBAL_HOOK__ ??= {
  supportsFiber: true,
  inject: () => ++renderers,
  onCommitFiberRoot(_rendererId: number, root: { current: Fiber }) {
    for (const listener of listeners) listener(root);
  },
  onCommitFiberUnmount() {},
  onPostCommitFiberRoot() {},
};

/**
 * Calls `onRender` for each fiber of `component` that rendered in a commit: newly mounted, or its
 * function ran again. A subtree React did not visit (its child pointer is unchanged) is skipped,
 * as DevTools skips it: its fibers still carry the flags of an earlier render.
 */
function visit(next: Fiber, previous: Fiber | null, component: unknown, onRender: (props: unknown) => void) {
  const rendered = previous === null || (next.flags & PERFORMED_WORK) !== 0;
  if (rendered && next.type === component) onRender(next.memoizedProps);
  if (previous !== null && next.child === previous.child) return;
  for (let child = next.child; child; child = child.sibling) visit(child, previous === null ? null : child.alternate, component, onRender);
}

/**
 * Counts the renders of `component` per key (`keyOf` its props) from now on, in every React root;
 * the map fills as React commits. `stop()` ends the counting.
 */
export function countRenders<P>(component: (props: P) => unknown, keyOf: (props: P) => string) {
  const renders = new Map<string, number>();
  const listener: OnCommit = (root) =>
    visit(root.current, root.current.alternate, component, (props) => {
      const key = keyOf(props as P);
      renders.set(key, (renders.get(key) ?? 0) + 1);
    });
  listeners.add(listener);
  return { renders, stop: () => listeners.delete(listener) };
}
