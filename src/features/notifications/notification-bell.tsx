/**
 * The header's bell: how many notifications are unread (as text, in its name and on it), and the
 * panel of them (its code loads when it is first opened).
 */
import { ActionButton, DialogTrigger } from '@adobe/react-spectrum';
import Bell from '@spectrum-icons/workflow/Bell';
import { lazy, Suspense } from 'react';
import { useNotifications } from './use-notifications';

const NotificationPanel = lazy(() => import('./notification-panel').then((m) => ({ default: m.NotificationPanel })));

export function NotificationBell() {
  const notifications = useNotifications();
  const count = notifications.unreadCount;
  return (
    <DialogTrigger type="popover" placement="bottom end">
      <ActionButton isQuiet aria-label={count ? `Notifications, ${count} unread` : 'Notifications, none unread'}>
        <Bell />
        {count ? (
          <span className="bell-count" aria-hidden>
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </ActionButton>
      {(close) => (
        <Suspense fallback={null}>
          <NotificationPanel notifications={notifications} close={close} />
        </Suspense>
      )}
    </DialogTrigger>
  );
}
