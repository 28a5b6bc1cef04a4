import { Anchor, AppShell, Burger, Group, Loader, NavLink, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useCan, type Permission } from '../lib/permissions';
import { ErrorBoundary } from './ErrorBoundary';
import { GlobalSearch } from './GlobalSearch';
import { InboxBell } from './InboxBell';
import { UserMenu } from './UserMenu';

/** Navigation; an entry shows when the role has its permission, or all of them (absent = every role). */
const NAV: { to: string; label: string; permission?: Permission | Permission[] }[] = [
  { to: '/', label: 'Home' },
  { to: '/queue', label: 'Lead queue', permission: 'handoffs:read' },
  { to: '/people', label: 'People', permission: 'people:read' },
  { to: '/accounts', label: 'Accounts' },
  { to: '/opportunities', label: 'Opportunities', permission: 'opportunities:read' },
  { to: '/campaigns', label: 'Campaigns', permission: 'campaigns:read' },
  { to: '/touchpoints', label: 'Touches', permission: 'touchpoints:read' },
  { to: '/waterfall', label: 'Waterfall', permission: ['reports:read', 'people:read'] },
  { to: '/cards', label: 'Report cards', permission: 'cards:read' },
  { to: '/quotas', label: 'Quotas', permission: 'cards:read' },
  { to: '/goal', label: 'Shared goal', permission: 'reports:read' },
  { to: '/alignment', label: 'Alignment', permission: 'reports:read' },
  { to: '/attribution', label: 'Attribution', permission: 'attribution:read' },
  { to: '/campaign-roi', label: 'Campaign ROI', permission: ['attribution:read', 'campaigns:read'] },
  { to: '/scoring', label: 'Scoring', permission: 'scoring:write' },
  { to: '/routing', label: 'Routing', permission: 'routing:read' },
  { to: '/handoffs/rejections', label: 'Accepted & rejected', permission: 'handoffs:read' },
  { to: '/import', label: 'Import', permission: 'imports:read' },
  { to: '/forms', label: 'Forms', permission: 'forms:manage' },
  { to: '/settings/custom-fields', label: 'Custom fields', permission: 'custom_fields:write' },
  { to: '/settings/lifecycle-stages', label: 'Lifecycle stages', permission: 'lifecycle:write' },
  { to: '/admin/users', label: 'Users', permission: 'users:read' },
  { to: '/admin/api-keys', label: 'API keys', permission: 'api_keys:manage' },
  { to: '/admin/webhooks', label: 'Webhooks', permission: 'webhooks:manage' },
  { to: '/admin/audit', label: 'Audit trail', permission: 'audit:read' },
];

export function Layout() {
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  const can = useCan();
  const nav = NAV.filter((n) => !n.permission || [n.permission].flat().every((p) => can(p)));
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
          <Group gap="xs" wrap="nowrap"><InboxBell /><UserMenu /></Group>
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
        <ErrorBoundary resetKey={pathname}><Suspense fallback={<Loader aria-label="Loading the page" />}><Outlet /></Suspense></ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
