import { Anchor, AppShell, Burger, Group, NavLink, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useSession, type Role } from '../api/session';
import { ErrorBoundary } from './ErrorBoundary';
import { GlobalSearch } from './GlobalSearch';
import { UserMenu } from './UserMenu';

/** Navigation; `roles` limits an entry to the roles that may use it (absent = every role). */
const NAV: { to: string; label: string; roles?: Role[] }[] = [
  { to: '/', label: 'Home' },
  { to: '/people', label: 'People', roles: ['admin', 'marketing', 'sdr', 'sales_rep', 'sales_manager', 'exec'] },
  { to: '/accounts', label: 'Accounts' },
  { to: '/import', label: 'Import', roles: ['admin', 'marketing', 'sales_manager'] },
  { to: '/forms', label: 'Forms', roles: ['admin', 'marketing'] },
  { to: '/settings/custom-fields', label: 'Custom fields', roles: ['admin', 'marketing'] },
  { to: '/admin/users', label: 'Users', roles: ['admin'] },
  { to: '/admin/api-keys', label: 'API keys', roles: ['admin'] },
  { to: '/admin/audit', label: 'Audit trail', roles: ['admin'] },
];

export function Layout() {
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  const role = useSession().data?.role;
  const nav = NAV.filter((n) => !n.roles || (role && n.roles.includes(role)));
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 210, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="truce-skip-link">Skip to content</a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
            <Title order={1} size="h3"><Anchor component={Link} to="/" c="inherit" underline="never" fw={700} fz="inherit">Truce</Anchor></Title>
          </Group>
          <GlobalSearch />
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {nav.map((n) => {
          const active = n.to === '/' ? pathname === '/' : pathname === n.to || pathname.startsWith(`${n.to}/`);
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
