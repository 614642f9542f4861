/** The header's bell and the signed-in user's avatar: loaded after the first paint (neither is needed to show My Programs). */
import { NotificationBell } from '../features/notifications/notification-bell';
import { UserMenu } from './user-menu';

export function HeaderUserArea() {
  return (
    <>
      <NotificationBell />
      <UserMenu />
    </>
  );
}
