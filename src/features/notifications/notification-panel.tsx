/**
 * The bell's panel: steps waiting for the signed-in user's decision (with their expiry), then runs
 * that ended; unread ones marked in words. A click opens the execution and marks it read; the
 * navigation closes the panel (the bell's open state belongs to the location it was opened at).
 */
import { Button, Content, Dialog, DialogContainer, Divider, Flex, Heading, Link, Text } from '@adobe/react-spectrum';
import { executionStatusInfo } from '../../components/execution-status';
import { formatFinishTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import type { Notification, useNotifications } from './use-notifications';

interface NotificationPanelProps {
  notifications: ReturnType<typeof useNotifications>;
  isOpen: boolean;
  close: () => void;
}

function describe(item: Notification): { title: string; detail: string } {
  if (item.kind === 'waiting')
    return {
      title: `${item.stepTitle} waiting for you: ${item.pipelineName}`,
      detail: `${item.programName} · expires on ${formatFinishTime(item.expires)}`,
    };
  return {
    title: `${item.pipelineName}: ${executionStatusInfo(item.status, 'list').word}`,
    detail: `${item.programName} · ${formatFinishTime(item.at)}`,
  };
}

export function NotificationPanel({ notifications, isOpen, close }: NotificationPanelProps) {
  return <DialogContainer onDismiss={close}>{isOpen ? <PanelDialog notifications={notifications} /> : null}</DialogContainer>;
}

function PanelDialog({ notifications }: Pick<NotificationPanelProps, 'notifications'>) {
  const { items, read, markRead, markAllRead, unreadCount } = notifications;
  return (
    <Dialog size="M" isDismissable>
      <Heading>Notifications</Heading>
      <Divider />
      <Content>
        <Flex direction="column" gap="size-150">
          <Flex gap="size-150" alignItems="center" wrap>
            <Text>{unreadCount ? `${unreadCount} unread` : 'All read'}</Text>
            {/* never disabled: focus stays on it after use (a disabled button drops focus out of the dialog) */}
            <Button variant="secondary" onPress={markAllRead}>
              Mark all as read
            </Button>
            <Link href={paths.waiting.href()}>Waiting for me</Link>
          </Flex>
          {items.length === 0 ? <Text>Nothing needs you right now.</Text> : null}
          <ul className="notification-list" aria-label="Notifications">
            {items.map((item) => {
              const { title, detail } = describe(item);
              const unread = !read.has(item.id);
              return (
                <li key={item.id} className={unread ? 'notification notification--unread' : 'notification'}>
                  <Link href={paths.execution.href(item.programId, item.pipelineId, item.executionId)} onPress={() => markRead([item.id])}>
                    {unread ? `Unread: ${title}` : title}
                  </Link>
                  <Text UNSAFE_className="muted">{detail}</Text>
                </li>
              );
            })}
          </ul>
        </Flex>
      </Content>
    </Dialog>
  );
}
