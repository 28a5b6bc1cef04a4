import { ActionIcon, Anchor, Badge, Button, Drawer, Group, Indicator, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from 'react-router-dom';
import { useInbox, useMarkRead, type Notice } from '../api/notifications';
import { formatDateTime } from '../lib/format';
import { ErrorAlert } from './ErrorAlert';

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" /><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

function NoticeItem({ n, onOpen }: { n: Notice; onOpen: (n: Notice) => void }) {
  const title = <Text size="sm" fw={n.readAt ? 400 : 600}>{n.title}</Text>;
  return (
    <Stack gap={2} p="xs" style={{ borderLeft: n.readAt ? '3px solid transparent' : '3px solid var(--mantine-color-blue-6)' }} data-testid="notice">
      {n.link ? <Anchor component={Link} to={n.link} onClick={() => onOpen(n)} underline="hover" c="inherit">{title}</Anchor> : title}
      {n.body ? <Text size="xs" c="dimmed">{n.body}</Text> : null}
      <Group gap="xs">
        <Badge size="xs" variant="light">{n.type}</Badge>
        <Text size="xs" c="dimmed">{formatDateTime(n.createdAt)}</Text>
        {!n.readAt && !n.link ? <Button size="compact-xs" variant="subtle" onClick={() => onOpen(n)}>Mark read</Button> : null}
      </Group>
    </Stack>
  );
}

/** The header's bell: unread count, and the inbox in a drawer (opening a notice marks it read). */
export function InboxBell() {
  const inbox = useInbox();
  const mark = useMarkRead();
  const [opened, { open, close }] = useDisclosure(false);
  const unread = inbox.data?.unreadCount ?? 0;
  const openNotice = (n: Notice) => {
    if (!n.readAt) mark.mutate(n.id);
    if (n.link) close();
  };
  return (
    <>
      <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} offset={4}>
        <ActionIcon variant="subtle" color="gray" size="lg" onClick={open} aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}>
          <BellIcon />
        </ActionIcon>
      </Indicator>
      <Drawer opened={opened} onClose={close} position="right" title="Notifications">
        <Stack gap="xs">
          <ErrorAlert error={inbox.error ?? mark.error} />
          <Group justify="space-between">
            <Text size="sm" c="dimmed">{unread ? `${unread} unread` : 'All read'}</Text>
            <Button size="xs" variant="default" disabled={unread === 0} loading={mark.isPending} onClick={() => mark.mutate('all')}>Mark all read</Button>
          </Group>
          {(inbox.data?.data ?? []).map((n) => <NoticeItem key={n.id} n={n} onOpen={openNotice} />)}
          {inbox.data && inbox.data.data.length === 0 ? <Text c="dimmed" size="sm">Nothing yet. Hand-offs, reminders and breaches show up here.</Text> : null}
        </Stack>
      </Drawer>
    </>
  );
}
