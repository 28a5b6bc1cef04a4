import { Anchor, Button, Group, Select, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, qs } from '../api/client';
import type { Account, Page } from '../api/types';
import { DataTable, type SortState } from '../components/DataTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { useCursorPages } from '../lib/use-cursor-pages';

export function AccountsPage() {
  const [q, setQ] = useState('');
  const [country, setCountry] = useState('');
  const [tier, setTier] = useState<string | null>(null);
  const [sort, setSort] = useState<SortState>({ sort: 'name', order: 'asc' });
  const pages = useCursorPages();
  const navigate = useNavigate();
  const filters = { q: q.trim() || undefined, country: country.trim() || undefined, tier: tier ?? undefined };
  const query = useQuery({
    queryKey: ['accounts', filters, sort, pages.cursor],
    queryFn: () => api<Page<Account>>(`/api/v1/accounts${qs({ ...filters, ...sort, cursor: pages.cursor, limit: 50 })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>Accounts</Title>
        <Button component="a" href={`/api/v1/accounts/export.csv${qs(filters)}`} variant="default">Export CSV</Button>
      </Group>
      <Group mb="md">
        <TextInput label="Search" placeholder="name or domain" value={q} onChange={(e) => { setQ(e.currentTarget.value); pages.reset(); }} />
        <TextInput label="Country" placeholder="DE" w={90} value={country} onChange={(e) => { setCountry(e.currentTarget.value); pages.reset(); }} />
        <Select label="Tier" placeholder="Any tier" clearable data={['tier_1', 'tier_2', 'tier_3']} value={tier} onChange={(v) => { setTier(v); pages.reset(); }} />
      </Group>
      <ErrorAlert error={query.error} />
      <DataTable<Account>
        label="Accounts"
        data={query.data?.data ?? []}
        loading={query.isLoading}
        sort={sort}
        onSort={(s) => { setSort(s); pages.reset(); }}
        hasPrevious={pages.hasPrevious}
        hasNext={!!query.data?.nextCursor}
        onPrevious={pages.previous}
        onNext={() => pages.next(query.data?.nextCursor ?? null)}
        onRowClick={(a) => navigate(`/accounts/${a.id}`)}
        columns={[
          { header: 'Name', sortKey: 'name', cell: ({ row }) => <Anchor component={Link} to={`/accounts/${row.original.id}`} onClick={(e) => e.stopPropagation()}>{row.original.name}</Anchor> },
          { header: 'Domains', cell: ({ row }) => row.original.domains.join(', ') },
          { header: 'Industry', accessorKey: 'industry' },
          { header: 'Employees', sortKey: 'employeeCount', cell: ({ row }) => row.original.employeeCount?.toLocaleString() ?? '' },
          { header: 'Revenue', sortKey: 'annualRevenue', cell: ({ row }) => row.original.annualRevenue?.toLocaleString() ?? '' },
          { header: 'Country', accessorKey: 'country' },
          { header: 'Tier', accessorKey: 'tier' },
        ]}
      />
    </>
  );
}
