/**
 * Shown while the first screen's code loads: index.html's static shell (issue #17), so the page the
 * browser painted before any JavaScript stays as it was until the screen renders. The shell's
 * element is taken from the page once, when this module loads (before the first render replaces
 * it), and put back here before the browser paints: one copy of its markup, in index.html, styled
 * by index.html's own <style>. Plain markup: it renders outside the Spectrum Provider.
 */
import { useLayoutEffect, useRef } from 'react';

const shell = globalThis.document?.querySelector('#root > .shell');

export function LoadingPage() {
  const slot = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (shell) slot.current?.replaceChildren(shell.cloneNode(true));
  }, []);
  if (shell) return <div ref={slot} />;
  return (
    <p className="visually-hidden" role="status">
      Loading Cloud Manager…
    </p>
  );
}
