/**
 * The condensed header's More menu (below 1024 px wide): the organisation, Settings, Simulator,
 * the colour scheme, the bell with its count, the signed-in user, the apps grid, help and Feedback,
 * each with its name beside its icon. A disclosure panel under the header rather than a dialog, so
 * each control's own dialog opens alone (Escape closes it and focus comes back to the control);
 * Escape in the panel, the More button again, a press outside it (while none of its dialogs or
 * menus is open), or any navigation closes it. Part of the header's lazy chunk (header-user-area).
 */
import { ActionButton, Text } from '@adobe/react-spectrum';
import More from '@spectrum-icons/workflow/More';
import { useEffect, useId, type ReactNode } from 'react';
import { useOpenHere } from '../components/use-open-here';
import { NotificationBell } from '../features/notifications/notification-bell';
import { AppsGrid, FeedbackButton, HelpMenu } from './header-menus';
import { UserMenu } from './user-menu';

export interface HeaderMoreMenuProps {
  organisation: string | undefined;
  /**
   * The controls the header's first chunk already holds (Settings, Simulator when on a simulator,
   * the colour scheme), handed in rather than imported: a module shared with this lazy chunk would
   * be split into a file of its own and grow the first load.
   */
  settings: ReactNode;
  simulator: ReactNode;
  colourScheme: ReactNode;
}

export function HeaderMoreMenu({ organisation, settings, simulator, colourScheme }: HeaderMoreMenuProps) {
  const id = useId();
  // Open only at the location it was opened at: any navigation closes it.
  const [open, setOpen] = useOpenHere();
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Element;
      if ([id, `${id}-button`].some((part) => document.getElementById(part)?.contains(target))) return;
      // a dialog, tray or menu opened from the panel: pressing in it (or its underlay) is not leaving the panel
      if (document.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]')) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open, id, setOpen]);
  return (
    <>
      <ActionButton
        isQuiet
        UNSAFE_className="header-more-button"
        id={`${id}-button`}
        aria-label={`More: settings, ${simulator ? 'simulator, ' : ''}theme, notifications`}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onPress={() => setOpen(!open)}
      >
        <More />
      </ActionButton>
      {open ? (
        <div
          id={id}
          role="group"
          aria-label="More"
          className="header-more-panel"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            setOpen(false);
            document.getElementById(`${id}-button`)?.focus();
          }}
        >
          {organisation ? (
            <Text UNSAFE_className="app-org">
              Organisation: <span className="strong">{organisation}</span>
            </Text>
          ) : null}
          <ul className="header-more-list">
            <li>{settings}</li>
            {simulator ? <li>{simulator}</li> : null}
            <li>{colourScheme}</li>
            <li>
              <NotificationBell labelled />
            </li>
            <li>
              <UserMenu labelled />
            </li>
            <li>
              <AppsGrid labelled />
            </li>
            <li>
              <HelpMenu labelled />
            </li>
            <li>
              <FeedbackButton />
            </li>
          </ul>
        </div>
      ) : null}
    </>
  );
}
