/**
 * Whether a panel or dialog is open, tied to the location it was opened at: any navigation closes
 * it. A link inside it then needs no handler of its own to close it: the navigation does, after the
 * click has landed (closing on press, before the click, raced the link's own navigation).
 */
import { useCallback, useState } from 'react';
import { useLocation } from 'react-router';

export function useOpenHere(): [open: boolean, setOpen: (open: boolean) => void] {
  const { key } = useLocation();
  const [openAt, setOpenAt] = useState<string>();
  const setOpen = useCallback((open: boolean) => setOpenAt(open ? key : undefined), [key]);
  return [openAt === key, setOpen];
}
