import { Anchor, Group, Select, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { exportUrl, useList, useUserNames } from '../api/lists';
import type { Campaign, SortOrder } from '../api/types';
import { columnChoices, type Column } from '../components/DataTable';
import { PagedTable } from '../components/PagedTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { ListToolbar } from '../components/ListToolbar';
import { NewRecordButton } from '../components/forms/RecordFormButtons';
import { OwnerSelect } from '../components/OwnerSelect';
import { SearchInput } from '../components/SearchInput';
import { formatDate, formatMoney } from '../lib/format';
import { useCursorPages } from '../lib/use-cursor-pages';
import { useHiddenColumns } from '../lib/use-hidden-columns';
import { useTitle } from '../lib/use-title';
import { compact, useUrlState } from '../lib/use-url-state';
import { CAMPAIGN_TYPES, CHANNELS, humanize, options } from '../lib/vocabulary';

const DEFAULTS = { q: '', type: '', channel: '', ownerId: '', status: '', from: '', to: '', sort: 'startsOn', order: 'desc' };
const PATH = '/api/v1/campaigns';

function columns(ownerName: (id: string | null) => string): Column<Campaign>[] {
  return [
    { id: 'name', header: 'Campaign', sortKey: 'name', cell: ({ row }) => <Anchor component={Link} to={`/campaigns/${row.original.id}`}>{row.original.name}</Anchor> },
    { id: 'type', header: 'Type', cell: ({ row }) => humanize(row.original.type) },
    { id: 'channel', header: 'Channel', cell: ({ row }) => humanize(row.original.channel) },
    { id: 'startsOn', header: 'Starts', sortKey: 'startsOn', cell: ({ row }) => formatDate(row.original.startsOn) },
    { id: 'endsOn', header: 'Ends', cell: ({ row }) => formatDate(row.original.endsOn) },
    { id: 'budget', header: 'Budget', cell: ({ row }) => formatMoney(row.original.budget, row.original.currency) },
    { id: 'actualCost', header: 'Actual cost', sortKey: 'actualCost', cell: ({ row }) => formatMoney(row.original.actualCost, row.original.currency) },
    { id: 'owner', header: 'Owner', cell: ({ row }) => ownerName(row.original.ownerId) },
  ];
}

export function CampaignsPage() {
  useTitle('Campaigns');
  const [state, set] = useUrlState(DEFAULTS);
  const [hidden, setHidden] = useHiddenColumns();
  const filters = compact({ q: state.q, type: state.type, channel: state.channel, ownerId: state.ownerId, status: state.status, from: state.from, to: state.to });
  const sort = { sort: state.sort, order: state.order as SortOrder };
  const pages = useCursorPages(JSON.stringify([filters, sort]));
  const query = useList<Campaign>(PATH, { ...filters, ...sort }, pages.cursor);
  const cols = columns(useUserNames());
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>Campaigns</Title>
        <Group gap="xs">
          <NewRecordButton kind="campaign" />
          <ListToolbar list="campaigns" columns={columnChoices(cols)} hidden={hidden} onHiddenChange={setHidden} exportHref={exportUrl(PATH, { ...filters, ...sort })} />
        </Group>
      </Group>
      <Group mb="md" align="end" role="search" aria-label="Filter campaigns">
        <SearchInput label="Search" placeholder="campaign name" value={state.q} onSearch={(q) => set({ q })} w={240} />
        <Select label="Type" placeholder="Any type" clearable data={options(CAMPAIGN_TYPES)} value={state.type || null} onChange={(v) => set({ type: v })} w={170} />
        <Select label="Channel" placeholder="Any channel" clearable data={options(CHANNELS)} value={state.channel || null} onChange={(v) => set({ channel: v })} w={170} />
        <OwnerSelect label="Owner" placeholder="Anyone" value={state.ownerId} onChange={(v) => set({ ownerId: v })} w={200} />
        <Select label="Status" placeholder="Any" clearable data={[{ value: 'planned', label: 'Planned' }, { value: 'running', label: 'Running' }, { value: 'ended', label: 'Ended' }]} value={state.status || null} onChange={(v) => set({ status: v })} w={140} />
        <TextInput type="date" label="Running from" value={state.from} onChange={(e) => set({ from: e.currentTarget.value })} w={160} />
        <TextInput type="date" label="Running to" value={state.to} onChange={(e) => set({ to: e.currentTarget.value })} w={160} />
      </Group>
      <ErrorAlert error={query.error} />
      <PagedTable<Campaign>
        label="Campaigns" columns={cols} hidden={hidden} getRowId={(c) => c.id}
        query={query} pages={pages}
        sort={sort} onSort={(s) => set({ sort: s.sort, order: s.order })}
      />
    </>
  );
}
