import { Anchor, Group, Select, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { exportUrl, useList } from '../api/lists';
import type { OpportunityRow, SortOrder } from '../api/types';
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
import { humanize, OPPORTUNITY_STAGES, options } from '../lib/vocabulary';

const DEFAULTS = { q: '', stage: '', status: '', ownerId: '', closeFrom: '', closeTo: '', sort: 'createdAt', order: 'desc' };
const PATH = '/api/v1/opportunities';

const COLUMNS: Column<OpportunityRow>[] = [
  { id: 'name', header: 'Deal', sortKey: 'name', cell: ({ row }) => <Anchor component={Link} to={`/opportunities/${row.original.id}`}>{row.original.name}</Anchor> },
  { id: 'amount', header: 'Amount', sortKey: 'amount', cell: ({ row }) => formatMoney(row.original.amount, row.original.currency) },
  { id: 'stage', header: 'Stage', sortKey: 'stage', cell: ({ row }) => humanize(row.original.stage) },
  { id: 'status', header: 'Status', cell: ({ row }) => (row.original.isWon === null ? 'open' : row.original.isWon ? 'won' : 'lost') },
  { id: 'account', header: 'Account', cell: ({ row }) => <Anchor component={Link} to={`/accounts/${row.original.accountId}`}>{row.original.accountName}</Anchor> },
  { id: 'owner', header: 'Owner', sortKey: 'owner', cell: ({ row }) => row.original.ownerName ?? '—' },
  { id: 'closeDate', header: 'Close date', sortKey: 'closeDate', cell: ({ row }) => formatDate(row.original.closeDate) },
  { id: 'createdAt', header: 'Created', sortKey: 'createdAt', cell: ({ row }) => formatDate(row.original.createdAt) },
];

export function OpportunitiesPage() {
  useTitle('Opportunities');
  const [state, set] = useUrlState(DEFAULTS);
  const [hidden, setHidden] = useHiddenColumns();
  const filters = compact({ q: state.q, stage: state.stage, status: state.status, ownerId: state.ownerId, closeFrom: state.closeFrom, closeTo: state.closeTo });
  const sort = { sort: state.sort, order: state.order as SortOrder };
  const pages = useCursorPages(JSON.stringify([filters, sort]));
  const query = useList<OpportunityRow>(PATH, { ...filters, ...sort }, pages.cursor);
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>Opportunities</Title>
        <Group gap="xs">
          <NewRecordButton kind="opportunity" />
          <ListToolbar list="opportunities" columns={columnChoices(COLUMNS)} hidden={hidden} onHiddenChange={setHidden} exportHref={exportUrl(PATH, { ...filters, ...sort })} />
        </Group>
      </Group>
      <Group mb="md" align="end" role="search" aria-label="Filter opportunities">
        <SearchInput label="Search" placeholder="deal name" value={state.q} onSearch={(q) => set({ q })} w={240} />
        <Select label="Status" placeholder="Any status" clearable data={options(['open', 'won', 'lost'])} value={state.status || null} onChange={(v) => set({ status: v })} w={140} />
        <Select label="Stage" placeholder="Any stage" clearable data={options(OPPORTUNITY_STAGES)} value={state.stage || null} onChange={(v) => set({ stage: v })} w={170} />
        <OwnerSelect label="Owner" placeholder="Anyone" value={state.ownerId} onChange={(v) => set({ ownerId: v })} w={200} />
        <label className="truce-date-field">Closing from<input type="date" value={state.closeFrom} onChange={(e) => set({ closeFrom: e.currentTarget.value })} /></label>
        <label className="truce-date-field">Closing to<input type="date" value={state.closeTo} onChange={(e) => set({ closeTo: e.currentTarget.value })} /></label>
      </Group>
      <ErrorAlert error={query.error} />
      <PagedTable<OpportunityRow>
        label="Opportunities" columns={COLUMNS} hidden={hidden} getRowId={(o) => o.id}
        query={query} pages={pages}
        sort={sort} onSort={(s) => set({ sort: s.sort, order: s.order })}
      />
    </>
  );
}
