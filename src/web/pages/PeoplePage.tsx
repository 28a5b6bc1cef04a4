import { Anchor, Badge, Button, Group, Select, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, qs } from '../api/client';
import type { Page, Person } from '../api/types';
import { DataTable, type SortState } from '../components/DataTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { useCursorPages } from '../lib/use-cursor-pages';

export const STAGES = ['subscriber', 'lead', 'mql', 'sal', 'sql', 'opportunity', 'customer', 'evangelist', 'recycled', 'disqualified'];

export function PeoplePage() {
  const [q, setQ] = useState('');
  const [stage, setStage] = useState<string | null>(null);
  const [sort, setSort] = useState<SortState>({ sort: 'createdAt', order: 'desc' });
  const pages = useCursorPages();
  const navigate = useNavigate();
  const filters = { q: q.trim() || undefined, stage: stage ?? undefined };
  const query = useQuery({
    queryKey: ['people', filters, sort, pages.cursor],
    queryFn: () => api<Page<Person>>(`/api/v1/people${qs({ ...filters, ...sort, cursor: pages.cursor, limit: 50 })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>People</Title>
        <Button component="a" href={`/api/v1/people/export.csv${qs(filters)}`} variant="default">Export CSV</Button>
      </Group>
      <Group mb="md">
        <TextInput label="Search" placeholder="name, e-mail or company" value={q} onChange={(e) => { setQ(e.currentTarget.value); pages.reset(); }} />
        <Select label="Stage" placeholder="Any stage" clearable data={STAGES} value={stage} onChange={(v) => { setStage(v); pages.reset(); }} />
      </Group>
      <ErrorAlert error={query.error} />
      <DataTable<Person>
        label="People"
        data={query.data?.data ?? []}
        loading={query.isLoading}
        sort={sort}
        onSort={(s) => { setSort(s); pages.reset(); }}
        hasPrevious={pages.hasPrevious}
        hasNext={!!query.data?.nextCursor}
        onPrevious={pages.previous}
        onNext={() => pages.next(query.data?.nextCursor ?? null)}
        onRowClick={(p) => navigate(`/people/${p.id}`)}
        columns={[
          { header: 'E-mail', sortKey: 'email', cell: ({ row }) => <Anchor component={Link} to={`/people/${row.original.id}`} onClick={(e) => e.stopPropagation()}>{row.original.email}</Anchor> },
          { header: 'Name', sortKey: 'lastName', cell: ({ row }) => [row.original.firstName, row.original.lastName].filter(Boolean).join(' ') },
          { header: 'Title', accessorKey: 'title' },
          { header: 'Company', accessorKey: 'companyName' },
          { header: 'Country', accessorKey: 'country' },
          { header: 'Stage', sortKey: 'lifecycleStage', cell: ({ row }) => <Badge variant="light">{row.original.lifecycleStage}</Badge> },
          { header: 'Created', sortKey: 'createdAt', cell: ({ row }) => new Date(row.original.createdAt).toLocaleDateString() },
        ]}
      />
    </>
  );
}
