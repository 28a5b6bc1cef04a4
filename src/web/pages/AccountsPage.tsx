import { Anchor, Group, Select, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { accountsExportUrl, useAccounts } from '../api/accounts';
import type { Account, AccountsSort, SortOrder } from '../api/types';
import { columnChoices, type Column } from '../components/DataTable';
import { ListToolbar } from '../components/ListToolbar';
import { NewRecordButton } from '../components/forms/RecordFormButtons';
import { useHiddenColumns } from '../lib/use-hidden-columns';
import { PagedTable } from '../components/PagedTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { SearchInput } from '../components/SearchInput';
import { formatNumber } from '../lib/format';
import { useCursorPages } from '../lib/use-cursor-pages';
import { compact, useUrlState } from '../lib/use-url-state';
import { ACCOUNT_TIERS, humanize, options } from '../lib/vocabulary';
import { useTitle } from '../lib/use-title';

const DEFAULTS = { q: '', industry: '', country: '', tier: '', sort: 'name', order: 'asc' };

const COLUMNS: Column<Account>[] = [
  { id: 'name', header: 'Name', sortKey: 'name', cell: ({ row }) => <Anchor component={Link} to={`/accounts/${row.original.id}`}>{row.original.name}</Anchor> },
  { id: 'domains', header: 'Domains', cell: ({ row }) => row.original.domains.join(', ') },
  { id: 'industry', header: 'Industry', accessorKey: 'industry' },
  { id: 'employees', header: 'Employees', sortKey: 'employeeCount', cell: ({ row }) => formatNumber(row.original.employeeCount) },
  { id: 'revenue', header: 'Revenue', sortKey: 'annualRevenue', cell: ({ row }) => formatNumber(row.original.annualRevenue) },
  { id: 'country', header: 'Country', accessorKey: 'country' },
  { id: 'tier', header: 'Tier', cell: ({ row }) => (row.original.tier ? humanize(row.original.tier) : '') },
];

export function AccountsPage() {
  useTitle('Accounts');
  const [state, set] = useUrlState(DEFAULTS);
  const filters = compact({ q: state.q, industry: state.industry, country: state.country, tier: state.tier });
  const sort = { sort: state.sort as AccountsSort, order: state.order as SortOrder };
  const [hidden, setHidden] = useHiddenColumns();
  const pages = useCursorPages(JSON.stringify([filters, sort]));
  const query = useAccounts(filters, sort, pages.cursor);
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>Accounts</Title>
        <Group gap="xs">
          <NewRecordButton kind="account" />
          <ListToolbar list="accounts" columns={columnChoices(COLUMNS)} hidden={hidden} onHiddenChange={setHidden} exportHref={accountsExportUrl(filters, sort)} />
        </Group>
      </Group>
      <Group mb="md" align="end" role="search" aria-label="Filter accounts">
        <SearchInput label="Search" placeholder="name or domain" value={state.q} onSearch={(q) => set({ q })} w={240} />
        <SearchInput label="Industry" placeholder="Software" value={state.industry} onSearch={(industry) => set({ industry })} w={180} />
        <SearchInput label="Country" placeholder="DE" value={state.country} onSearch={(country) => set({ country: country.toUpperCase() })} w={90} maxLength={2} />
        <Select label="Tier" placeholder="Any tier" clearable data={options(ACCOUNT_TIERS)} value={state.tier || null} onChange={(v) => set({ tier: v })} w={140} />
      </Group>
      <ErrorAlert error={query.error} />
      <PagedTable<Account>
        label="Accounts"
        columns={COLUMNS}
        hidden={hidden}
        getRowId={(a) => a.id}
        query={query}
        pages={pages}
        sort={sort}
        onSort={(s) => set({ sort: s.sort, order: s.order })}
      />
    </>
  );
}
