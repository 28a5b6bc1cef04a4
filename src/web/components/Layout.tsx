import { AppShell, Group, NavLink, Text, Title } from '@mantine/core';
import { Link, Outlet, useLocation } from 'react-router-dom';

const NAV = [
  { to: '/people', label: 'People' },
  { to: '/accounts', label: 'Accounts' },
  { to: '/import', label: 'Import' },
  { to: '/forms', label: 'Website forms' },
  { to: '/settings/custom-fields', label: 'Custom fields' },
];

export function Layout() {
  const { pathname } = useLocation();
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 210, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={3}>Truce</Title>
          <Text size="sm" c="dimmed">one record of truth for sales and marketing</Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {NAV.map((n) => (
          <NavLink key={n.to} component={Link} to={n.to} label={n.label} active={pathname.startsWith(n.to)} />
        ))}
        <NavLink component="a" href="/docs" label="API docs" />
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
