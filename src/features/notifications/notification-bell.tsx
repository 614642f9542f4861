/**
 * The header's bell: how many notifications are unread (as text, in its name and on it), and the
 * panel of them. Loaded after the first paint with the rest of the header's user area (one lazy
 * chunk: a second one inside it would split the first load's shared chunks, issue #5).
 */
import { ActionButton, Text } from '@adobe/react-spectrum';
import Bell from '@spectrum-icons/workflow/Bell';
import { useOpenHere } from '../../components/use-open-here';
import { NotificationPanel } from './notification-panel';
import { useNotifications } from './use-notifications';

/** "Notifications, 2 unread" ("Notifications" while they are being read). */
export function bellLabel(unread: number, isPending = false): string {
  if (isPending && unread === 0) return 'Notifications';
  return `Notifications, ${unread === 0 ? 'none' : unread} unread`;
}

/** `labelled`: "Notifications" shown beside the bell (in the header's More menu). */
export function NotificationBell({ labelled = false }: { labelled?: boolean }) {
  const notifications = useNotifications();
  // closed by any navigation, such as following one of its links
  const [open, setOpen] = useOpenHere();
  const count = notifications.unreadCount;
  return (
    <>
      <ActionButton isQuiet aria-label={bellLabel(count, notifications.isPending)} aria-haspopup="dialog" onPress={() => setOpen(true)}>
        <Bell />
        {labelled ? <Text>Notifications</Text> : null}
        {count ? (
          <span className="bell-count" aria-hidden>
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </ActionButton>
      <NotificationPanel notifications={notifications} isOpen={open} close={() => setOpen(false)} />
    </>
  );
}
