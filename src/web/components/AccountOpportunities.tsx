import { Link } from 'react-router-dom';
import { Anchor, Badge } from '@mantine/core';
import { useAccountOpportunities } from '../api/opportunities';
import type { Opportunity } from '../api/types';
import { formatDate, formatMoney } from '../lib/format';
import { useCursorPages } from '../lib/use-cursor-pages';
import { humanize } from '../lib/vocabulary';
import { DataTable, type Column } from './DataTable';
import { ErrorAlert } from './ErrorAlert';

function Outcome({ o }: { o: Opportunity }) {
  if (o.isWon === true) return <Badge color="green">won</Badge>;
  if (o.isWon === false) return <Badge color="red" title={o.lostReason ?? undefined}>lost{o.lostReason ? `: ${o.lostReason}` : ''}</Badge>;
  return <Badge color="gray" variant="light">open</Badge>;
}

const COLUMNS: Column<Opportunity>[] = [
  { id: 'name', header: 'Name', cell: ({ row }) => <Anchor component={Link} to={`/opportunities/${row.original.id}`}>{row.original.name}</Anchor> },
  { id: 'amount', header: 'Amount', cell: ({ row }) => formatMoney(row.original.amount, row.original.currency) },
  { id: 'stage', header: 'Stage', cell: ({ row }) => humanize(row.original.stage) },
  { id: 'closeDate', header: 'Close date', cell: ({ row }) => formatDate(row.original.closeDate) },
  { id: 'outcome', header: 'Won / lost', cell: ({ row }) => <Outcome o={row.original} /> },
];

export function AccountOpportunities({ accountId }: { accountId: string }) {
  const pages = useCursorPages(accountId);
  const q = useAccountOpportunities(accountId, pages.cursor);
  return (
    <>
      <ErrorAlert error={q.error} />
      <DataTable<Opportunity>
        label="Opportunities" columns={COLUMNS} data={q.data?.data ?? []} getRowId={(o) => o.id}
        loading={q.isLoading} fetching={q.isFetching} failed={q.isError} empty="No opportunities for this account yet."
        page={pages.page} hasPrevious={pages.hasPrevious} hasNext={!!q.data?.nextCursor} onPrevious={pages.previous} onNext={() => pages.next(q.data?.nextCursor)}
      />
    </>
  );
}
