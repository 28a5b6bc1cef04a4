import { Anchor, AppShell, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { ErrorBoundary } from './ErrorBoundary';

type Role = 'admin' | 'marketing' | 'sdr' | 'sales_rep' | 'sales_manager' | 'product' | 'exec';
/** Navigation; `roles` limits an entry to the roles that may use it (absent = every role). */
const NAV: { to: string; label: string; roles?: Role[] }[] = [
  { to: '/people', label: 'People' },
  { to: '/accounts', label: 'Accounts' },
  { to: '/import', label: 'Import', roles: ['admin', 'marketing', 'sales_manager'] },
  { to: '/forms', label: 'Forms', roles: ['admin', 'marketing'] },
  { to: '/settings/custom-fields', label: 'Custom fields', roles: ['admin', 'marketing'] },
];

export function Layout() {
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 210, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="truce-skip-link">Skip to content</a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
            <Title order={1} size="h3"><Anchor component={Link} to="/people" c="inherit" underline="never" fw={700} fz="inherit">Truce</Anchor></Title>
          </Group>
          <Text size="sm" c="dimmed" visibleFrom="sm">one record of truth for sales and marketing</Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {NAV.map((n) => {
          const active = pathname === n.to || pathname.startsWith(`${n.to}/`);
          return <NavLink key={n.to} component={Link} to={n.to} label={n.label} active={active} aria-current={active ? 'page' : undefined} onClick={close} />;
        })}
        <NavLink component="a" href="/docs" label="API docs" />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <ErrorBoundary resetKey={pathname}><Outlet /></ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
