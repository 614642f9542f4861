/**
 * Whether a panel or dialog is open, tied to the location it was opened at: any navigation closes
 * it, and Back to that location does not open it again. A link inside it then needs no handler of
 * its own to close it: the navigation does, after the click has landed (closing on press, before
 * the click, raced the link's own navigation).
 *
 * "The location it was opened at" is the router's location at the press, not the one on screen:
 * React Router renders a navigation in a transition, so for a moment after the URL changes (Back,
 * or a link, while the new page renders) the page on screen still has the old location. A press
 * in that moment opened the panel at the old location, and the new page closed it as it landed
 * (reproduced on a loaded machine: 1 of 240 presses of the bell just after Back opened nothing).
 */
import { useCallback, useContext, useState } from 'react';
import { UNSAFE_DataRouterContext, useLocation } from 'react-router';

export function useOpenHere(): [open: boolean, setOpen: (open: boolean) => void] {
  const { key } = useLocation();
  // The data router itself: its state is the navigation's as soon as the URL changes. (Its context
  // is React Router's own, exported for tools around the router; the console renders one always.)
  const router = useContext(UNSAFE_DataRouterContext)?.router;
  const [openAt, setOpenAt] = useState<string>();
  // Leaving the location forgets it, so coming Back to it does not open the panel again.
  const [shownAt, setShownAt] = useState(key);
  if (shownAt !== key) {
    setShownAt(key);
    if (openAt !== undefined && openAt !== key) setOpenAt(undefined);
  }
  const setOpen = useCallback((open: boolean) => setOpenAt(open ? (router?.state.location.key ?? key) : undefined), [router, key]);
  return [openAt === key, setOpen];
}
