import { Button, Code, Group, Select, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useApiKeys, type AuditEntry } from '../../api/admin';
import { exportUrl, useList, useUserRefs } from '../../api/lists';
import type { SortOrder } from '../../api/types';
import { type Column } from '../../components/DataTable';
import { PagedTable } from '../../components/PagedTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useTitle } from '../../lib/use-title';
import { compact, useUrlState } from '../../lib/use-url-state';

const PATH = '/api/v1/audit';
const DEFAULTS = { entity: '', entityId: '', actorType: '', actorId: '', action: '', from: '', to: '', sort: 'at', order: 'desc' };
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
  const users = useUserRefs().data ?? [];
  const keys = useApiKeys().data?.data ?? [];
  const actors = [
    { group: 'Users', items: users.map((u) => ({ value: `user:${u.id}`, label: u.name })) },
    { group: 'API keys', items: keys.map((k) => ({ value: `api_key:${k.id}`, label: `${k.name} (truce_${k.prefix})` })) },
  ];
  const actor = state.actorId ? `${state.actorType}:${state.actorId}` : null;
  const filters = compact({ entity: state.entity, entityId: state.entityId, actorType: state.actorType, actorId: state.actorId, action: state.action, from: state.from, to: state.to });
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
        <Select label="Actor type" placeholder="Anyone" clearable data={ACTOR_TYPES} value={state.actorType || null} onChange={(v) => set({ actorType: v, actorId: '' })} w={150} />
        <Select label="Actor" placeholder="Any user or key" searchable clearable data={actors} value={actor} w={240}
          onChange={(v) => { const [type = '', id = ''] = v ? v.split(':') : []; set({ actorType: type, actorId: id }); }} />
        <TextInput label="Action" placeholder="update" value={state.action} onChange={(e) => set({ action: e.currentTarget.value })} w={130} />
        <label className="truce-date-field">From<input type="date" value={state.from} onChange={(e) => set({ from: e.currentTarget.value })} /></label>
        <label className="truce-date-field">To<input type="date" value={state.to} onChange={(e) => set({ to: e.currentTarget.value })} /></label>
      </Group>
      <ErrorAlert error={query.error} />
      <PagedTable<AuditEntry>
        label="Audit trail" columns={columns} getRowId={(e) => String(e.id)}
        query={query} pages={pages}
        sort={sort} onSort={(s) => set({ sort: s.sort, order: s.order })}
      />
    </>
  );
}
