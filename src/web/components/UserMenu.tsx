import { Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from 'react-router-dom';
import { ROLE_LABELS, useSession, useSignOut } from '../api/session';
import { ChangePasswordModal } from './ChangePasswordModal';

/** Who is signed in, in which role; change password; sign out. */
export function UserMenu() {
  const session = useSession().data;
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [changing, { open, close }] = useDisclosure(false);
  if (!session) return null;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={`Account menu for ${session.user.name}`}>
            <Text size="sm" fw={500} lh={1.1}>{session.user.name}</Text>
            <Text size="xs" c="dimmed" lh={1.1} data-testid="current-role">{ROLE_LABELS[session.role]}</Text>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{session.user.email}</Menu.Label>
          <Menu.Item onClick={open}>Change password</Menu.Item>
          <Menu.Item component="a" href="/docs">API docs</Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}>Sign out</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={changing} onClose={close} />
    </>
  );
}
