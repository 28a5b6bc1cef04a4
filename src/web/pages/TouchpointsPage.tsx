import { Anchor, Badge, Group, Select, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { exportUrl, useList } from '../api/lists';
import type { SortOrder, Touchpoint } from '../api/types';
import { columnChoices, type Column } from '../components/DataTable';
import { PagedTable } from '../components/PagedTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { CampaignSelect } from '../components/CampaignSelect';
import { ListToolbar } from '../components/ListToolbar';
import { formatDateTime } from '../lib/format';
import { useCursorPages } from '../lib/use-cursor-pages';
import { useHiddenColumns } from '../lib/use-hidden-columns';
import { useTitle } from '../lib/use-title';
import { compact, useUrlState } from '../lib/use-url-state';
import { CHANNELS, humanize, options, SIDE_COLOR, SIDES, TOUCH_KINDS } from '../lib/vocabulary';

const DEFAULTS = { side: '', channel: '', kind: '', campaignId: '', from: '', to: '', sort: 'occurredAt', order: 'desc' };
const PATH = '/api/v1/touchpoints';

const COLUMNS: Column<Touchpoint>[] = [
  { id: 'occurredAt', header: 'When', sortKey: 'occurredAt', cell: ({ row }) => formatDateTime(row.original.occurredAt) },
  { id: 'person', header: 'Person', cell: ({ row }) => (row.original.person ? <Anchor component={Link} to={`/people/${row.original.person.id}`}>{row.original.person.name ?? row.original.person.email}</Anchor> : '—') },
  { id: 'account', header: 'Account', cell: ({ row }) => (row.original.account ? <Anchor component={Link} to={`/accounts/${row.original.account.id}`}>{row.original.account.name}</Anchor> : '—') },
  { id: 'kind', header: 'Kind', cell: ({ row }) => humanize(row.original.kind) },
  { id: 'channel', header: 'Channel', cell: ({ row }) => humanize(row.original.channel) },
  { id: 'side', header: 'Side', cell: ({ row }) => <Badge variant="light" color={SIDE_COLOR[row.original.side] ?? 'gray'}>{row.original.side}</Badge> },
  { id: 'campaign', header: 'Campaign', cell: ({ row }) => (row.original.campaign ? <Anchor component={Link} to={`/campaigns/${row.original.campaign.id}`}>{row.original.campaign.name}</Anchor> : '—') },
  { id: 'asset', header: 'Asset', cell: ({ row }) => row.original.asset ?? '—' },
  { id: 'recordedBy', header: 'Recorded by', cell: ({ row }) => row.original.recordedBy },
];

/** The API's `to` is exclusive; the page's "To" day is included, so the API gets the day after. */
function dayAfter(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function TouchpointsPage() {
  useTitle('Touches');
  const [state, set] = useUrlState(DEFAULTS);
  const [hidden, setHidden] = useHiddenColumns();
  const filters = compact({ side: state.side, channel: state.channel, kind: state.kind, campaignId: state.campaignId, from: state.from, to: state.to && dayAfter(state.to) });
  const sort = { sort: state.sort, order: state.order as SortOrder };
  const pages = useCursorPages(JSON.stringify([filters, sort]));
  const query = useList<Touchpoint>(PATH, { ...filters, ...sort }, pages.cursor);
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>Touches</Title>
        <ListToolbar list="touchpoints" columns={columnChoices(COLUMNS)} hidden={hidden} onHiddenChange={setHidden} exportHref={exportUrl(PATH, { ...filters, ...sort })} />
      </Group>
      <Group mb="md" align="end" role="search" aria-label="Filter touches">
        <Select label="Side" placeholder="Any side" clearable data={options(SIDES)} value={state.side || null} onChange={(v) => set({ side: v })} w={150} />
        <Select label="Channel" placeholder="Any channel" clearable data={options(CHANNELS)} value={state.channel || null} onChange={(v) => set({ channel: v })} w={170} />
        <Select label="Kind" placeholder="Any kind" clearable searchable data={options(TOUCH_KINDS)} value={state.kind || null} onChange={(v) => set({ kind: v })} w={200} />
        <CampaignSelect label="Campaign" placeholder="Any campaign" value={state.campaignId} onChange={(v) => set({ campaignId: v })} w={220} />
        <label className="truce-date-field">From<input type="date" value={state.from} onChange={(e) => set({ from: e.currentTarget.value })} /></label>
        <label className="truce-date-field">To<input type="date" value={state.to} onChange={(e) => set({ to: e.currentTarget.value })} /></label>
      </Group>
      <ErrorAlert error={query.error} />
      <PagedTable<Touchpoint>
        label="Touches" columns={COLUMNS} hidden={hidden} getRowId={(t) => String(t.id)}
        query={query} pages={pages}
        sort={sort} onSort={(s) => set({ sort: s.sort, order: s.order })}
      />
    </>
  );
}
