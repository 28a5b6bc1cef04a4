import { Anchor } from '@mantine/core';
import { Link } from 'react-router-dom';
import { usePeople } from '../api/people';
import type { PeopleSort, Person, Sort } from '../api/types';
import { fullName } from '../lib/format';
import { useCursorPages } from '../lib/use-cursor-pages';
import { humanize } from '../lib/vocabulary';
import { DataTable, type Column } from './DataTable';
import { ErrorAlert } from './ErrorAlert';
import { StageBadge } from './StageBadge';

const SORT: Sort<PeopleSort> = { sort: 'lastName', order: 'asc' };
const COLUMNS: Column<Person>[] = [
  { id: 'name', header: 'Name', cell: ({ row }) => <Anchor component={Link} to={`/people/${row.original.id}`}>{fullName(row.original)}</Anchor> },
  { id: 'email', header: 'E-mail', accessorKey: 'email' },
  { id: 'title', header: 'Title', accessorKey: 'title' },
  { id: 'buyingRole', header: 'Buying role', cell: ({ row }) => (row.original.buyingRole ? humanize(row.original.buyingRole) : '') },
  { id: 'stage', header: 'Stage', cell: ({ row }) => <StageBadge stage={row.original.lifecycleStage} /> },
];

/** The people of one account (the people list filtered by accountId), with their buying roles. */
export function AccountPeople({ accountId }: { accountId: string }) {
  const pages = useCursorPages(accountId);
  const q = usePeople({ accountId }, SORT, pages.cursor);
  return (
    <>
      <ErrorAlert error={q.error} />
      <DataTable<Person>
        label="People at this account" columns={COLUMNS} data={q.data?.data ?? []} getRowId={(p) => p.id}
        loading={q.isLoading} fetching={q.isFetching} failed={q.isError} empty="No people at this account yet."
        page={pages.page} hasPrevious={pages.hasPrevious} hasNext={!!q.data?.nextCursor} onPrevious={pages.previous} onNext={() => pages.next(q.data?.nextCursor)}
      />
    </>
  );
}
