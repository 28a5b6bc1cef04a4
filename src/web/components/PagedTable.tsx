import type { UseQueryResult } from '@tanstack/react-query';
import type { Page, Sort } from '../api/types';
import type { useCursorPages } from '../lib/use-cursor-pages';
import { DataTable, type Column } from './DataTable';

/** A DataTable fed by one page of a list query and walked with keyset cursors. */
export function PagedTable<T>({ query, pages, ...props }: {
  label: string; columns: Column<T>[]; hidden?: string[]; getRowId: (row: T) => string; empty?: string;
  query: UseQueryResult<Page<T>>; pages: ReturnType<typeof useCursorPages>;
  sort?: Sort; onSort?: (s: Sort) => void;
}) {
  return (
    <DataTable<T>
      {...props}
      data={query.data?.data ?? []}
      loading={query.isLoading} fetching={query.isFetching} failed={query.isError}
      page={pages.page} hasPrevious={pages.hasPrevious} hasNext={!!query.data?.nextCursor}
      onPrevious={pages.previous} onNext={() => pages.next(query.data?.nextCursor)}
    />
  );
}
