/**
 * The header's controls that are not needed to show My Programs, loaded after the first paint as one
 * chunk: the Feedback pill (before the organisation name), the apps grid and help (after it), and the
 * bell and the signed-in user's avatar (at the end), in Cloud Manager's order (cm-ui §0); below 1024 px all of
 * them sit in the More menu (header-more-menu).
 */
import { NotificationBell } from '../features/notifications/notification-bell';
import { AppsGrid, HelpMenu } from './header-menus';
import { HeaderMoreMenu, type HeaderMoreMenuProps } from './header-more-menu';
import { UserMenu } from './user-menu';

export { FeedbackButton as HeaderFeedback } from './header-menus';

export function HeaderAppsAndHelp() {
  return (
    <>
      <AppsGrid />
      <HelpMenu />
    </>
  );
}

/** The bell and the avatar; before them the More menu, which only a phone or a tablet shows (app.css). */
export function HeaderUserArea({ more }: { more?: HeaderMoreMenuProps }) {
  return (
    <>
      {more ? <HeaderMoreMenu {...more} /> : null}
      <NotificationBell />
      <UserMenu />
    </>
  );
}
