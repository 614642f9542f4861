/**
 * The condensed header's More menu (below 1024 px wide): the organisation, Settings, Simulator,
 * the colour scheme, the bell with its count, the signed-in user, the apps grid, help and Feedback,
 * each with its name beside its icon. A popover on a tablet, a tray on a phone; it closes when the
 * console navigates (a notification or "Waiting for me" followed from inside it). Part of the
 * header's lazy chunk (header-user-area).
 */
import { ActionButton, Content, Dialog, DialogTrigger, Divider, Heading, Text } from '@adobe/react-spectrum';
import More from '@spectrum-icons/workflow/More';
import { useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { NotificationBell } from '../features/notifications/notification-bell';
import { AppsGrid, FeedbackButton, HelpMenu } from './header-menus';
import { UserMenu } from './user-menu';

interface HeaderMoreMenuProps {
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
  const location = useLocation();
  // Open only at the location it was opened at: any navigation closes it.
  const [openAt, setOpenAt] = useState<string | null>(null);
  return (
    <DialogTrigger
      type="popover"
      mobileType="tray"
      placement="bottom end"
      isOpen={openAt === location.key}
      onOpenChange={(open) => setOpenAt(open ? location.key : null)}
    >
      <ActionButton isQuiet aria-label={`More: settings, ${simulator ? 'simulator, ' : ''}theme, notifications`}>
        <More />
      </ActionButton>
      <Dialog size="S">
        <Heading>More</Heading>
        <Divider />
        <Content>
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
        </Content>
      </Dialog>
    </DialogTrigger>
  );
}
