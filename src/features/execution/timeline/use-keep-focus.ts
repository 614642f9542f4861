import { useEffect, useRef } from 'react';

/**
 * Keeps a keyboard user's place in a step whose controls change under them. When the focused
 * control inside the step goes away (a decision was taken and its buttons left with the hold),
 * focus moves to the step itself instead of falling back to the start of the page, so Tab goes on
 * from there (to the next hold, say). Focus the user moved elsewhere, or away from the page, is
 * left alone.
 *
 * Returns the ref for the step's element, which must be focusable from script (tabIndex -1).
 */
export function useKeepFocusInStep<T extends HTMLElement>() {
  const step = useRef<T>(null);
  /** Focus was inside the step and has not been moved elsewhere since. */
  const holdsFocus = useRef(false);

  useEffect(() => {
    const element = step.current;
    if (!element) return;
    const focusIn = () => {
      holdsFocus.current = true;
    };
    const focusOut = (event: FocusEvent) => {
      const to = event.relatedTarget as Element | null;
      // Into a dialog opened from the step (a confirmation): the focus comes back when it closes,
      // unless the control that opened it is disabled or gone by then.
      if (to?.closest('[role="dialog"], [role="alertdialog"]')) return;
      // To another control, or away from a control that is still there and usable: moved on purpose.
      // (A control that went away, or was disabled while its action is sent, loses the focus by itself.)
      const left = event.target as Element;
      if (to || (left.isConnected && !left.matches(':disabled'))) holdsFocus.current = false;
    };
    element.addEventListener('focusin', focusIn);
    element.addEventListener('focusout', focusOut);
    return () => {
      element.removeEventListener('focusin', focusIn);
      element.removeEventListener('focusout', focusOut);
    };
  }, []);

  // After each render: the control that had the focus is gone, and nothing else has it.
  useEffect(() => {
    const element = step.current;
    if (!holdsFocus.current || !element) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    element.focus({ preventScroll: true });
  });

  return step;
}
