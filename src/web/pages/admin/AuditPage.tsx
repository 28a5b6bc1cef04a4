import { Button, Code, Group, Select, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { AuditEntry } from '../../api/admin';
import { exportUrl, useList } from '../../api/lists';
import type { SortOrder } from '../../api/types';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useTitle } from '../../lib/use-title';
import { compact, useUrlState } from '../../lib/use-url-state';

const PATH = '/api/v1/audit';
const DEFAULTS = { entity: '', entityId: '', actorType: '', action: '', from: '', to: '', sort: 'at', order: 'desc' };
const ACTOR_TYPES = ['user', 'api_key', 'system', 'import', 'form'];

/** Before and after of one change, side by side. */
function Change({ e }: { e: AuditEntry }) {
  const show = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));
  return (
    <SimpleGrid cols={2} mt="xs">
      <div><Text size="xs" c="dimmed">Before</Text><Code block>{show(e.before)}</Code></div>
      <div><Text size="xs" c="dimmed">After</Text><Code block>{show(e.after)}</Code></div>
    </SimpleGrid>
  );
}

export function AuditPage() {
  useTitle('Audit trail');
  const [state, set] = useUrlState(DEFAULTS);
  const [open, setOpen] = useState<number | null>(null);
  const filters = compact({ entity: state.entity, entityId: state.entityId, actorType: state.actorType, action: state.action, from: state.from, to: state.to });
  const sort = { sort: state.sort, order: state.order as SortOrder };
  const pages = useCursorPages(JSON.stringify([filters, sort]));
  const query = useList<AuditEntry>(PATH, { ...filters, ...sort }, pages.cursor);
  const columns: Column<AuditEntry>[] = [
    { id: 'at', header: 'When', sortKey: 'at', cell: ({ row }) => formatDateTime(row.original.at) },
    { id: 'actor', header: 'Who', cell: ({ row }) => `${row.original.actorName ?? row.original.actorId ?? '—'} (${row.original.actorType.replace('_', ' ')})` },
    { id: 'action', header: 'Action', cell: ({ row }) => row.original.action },
    { id: 'entity', header: 'Record', cell: ({ row }) => `${row.original.entity} ${row.original.entityId}` },
    { id: 'change', header: 'Change', cell: ({ row }) => (
      <>
        <Button size="xs" variant="subtle" aria-expanded={open === row.original.id} onClick={() => setOpen(open === row.original.id ? null : row.original.id)}>
          {open === row.original.id ? 'Hide' : 'Show'} before/after
        </Button>
        {open === row.original.id ? <Change e={row.original} /> : null}
      </>
    ) },
  ];
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>Audit trail</Title>
        <Button component="a" href={exportUrl(PATH, { ...filters, ...sort })} variant="default" download>Export CSV</Button>
      </Group>
      <Group mb="md" align="end" role="search" aria-label="Filter the audit trail">
        <TextInput label="Record type" placeholder="person" value={state.entity} onChange={(e) => set({ entity: e.currentTarget.value })} w={150} />
        <TextInput label="Record id" value={state.entityId} onChange={(e) => set({ entityId: e.currentTarget.value })} w={280} />
        <Select label="Actor type" placeholder="Anyone" clearable data={ACTOR_TYPES} value={state.actorType || null} onChange={(v) => set({ actorType: v })} w={150} />
        <TextInput label="Action" placeholder="update" value={state.action} onChange={(e) => set({ action: e.currentTarget.value })} w={130} />
        <label className="truce-date-field">From<input type="date" value={state.from} onChange={(e) => set({ from: e.currentTarget.value })} /></label>
        <label className="truce-date-field">To<input type="date" value={state.to} onChange={(e) => set({ to: e.currentTarget.value })} /></label>
      </Group>
      <ErrorAlert error={query.error} />
      <DataTable<AuditEntry>
        label="Audit trail" columns={columns} data={query.data?.data ?? []} getRowId={(e) => String(e.id)}
        loading={query.isLoading} fetching={query.isFetching} failed={query.isError}
        sort={sort} onSort={(s) => set({ sort: s.sort, order: s.order })}
        page={pages.page} hasPrevious={pages.hasPrevious} hasNext={!!query.data?.nextCursor}
        onPrevious={pages.previous} onNext={() => pages.next(query.data?.nextCursor)}
      />
    </>
  );
}
