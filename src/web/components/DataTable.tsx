import { Button, Group, Loader, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import type { Sort } from '../api/types';

export type Column<T> = ColumnDef<T, unknown> & { sortKey?: string };

/**
 * A table whose order and paging belong to the server: column headers with a sortKey ask the server
 * to sort; Previous/Next walk keyset cursors. TanStack Table only lays out the columns.
 */
export function DataTable<T>(props: {
  label: string;
  columns: Column<T>[];
  data: T[];
  loading?: boolean;
  fetching?: boolean;
  failed?: boolean;
  empty?: string;
  sort?: Sort;
  onSort?: (s: Sort) => void;
  page?: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  getRowId?: (row: T) => string;
  /** Ids of the columns the user chose to hide. */
  hidden?: string[];
}) {
  const columnVisibility = Object.fromEntries((props.hidden ?? []).map((id) => [id, false]));
  const table = useReactTable({
    data: props.data, columns: props.columns, getCoreRowModel: getCoreRowModel(), manualSorting: true, manualPagination: true,
    state: { columnVisibility },
    ...(props.getRowId ? { getRowId: props.getRowId } : {}),
  });
  const { sort, onSort } = props;
  return (
    <>
      <Table.ScrollContainer minWidth={700}>
        <Table striped highlightOnHover aria-label={props.label} aria-busy={props.fetching || props.loading ? true : undefined}>
          <Table.Thead>
            {table.getHeaderGroups().map((hg) => (
              <Table.Tr key={hg.id}>
                {hg.headers.map((h) => {
                  const key = (h.column.columnDef as Column<T>).sortKey;
                  const active = !!key && sort?.sort === key;
                  const label = flexRender(h.column.columnDef.header, h.getContext());
                  const nextOrder = active && sort.order === 'asc' ? 'desc' : 'asc';
                  return (
                    <Table.Th key={h.id} aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined}>
                      {key && onSort ? (
                        <UnstyledButton fw={700} fz="sm" onClick={() => onSort({ sort: key, order: nextOrder })}>
                          {label}
                          <span aria-hidden="true"> {active ? (sort.order === 'asc' ? '▲' : '▼') : '↕'}</span>
                          <VisuallyHidden>, sort {nextOrder === 'asc' ? 'ascending' : 'descending'}</VisuallyHidden>
                        </UnstyledButton>
                      ) : label}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {table.getRowModel().rows.map((r) => (
              <Table.Tr key={r.id}>
                {r.getVisibleCells().map((c) => <Table.Td key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</Table.Td>)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {props.loading ? <Loader size="sm" mt="sm" aria-label="Loading" />
        : !props.failed && props.data.length === 0 ? <Text c="dimmed" mt="sm">{props.empty ?? 'Nothing matches these filters.'}</Text> : null}
      {props.hasPrevious || props.hasNext ? (
        <Group mt="sm" gap="xs" role="navigation" aria-label={`${props.label} pages`}>
          <Button variant="default" size="xs" disabled={!props.hasPrevious} onClick={props.onPrevious}>Previous</Button>
          {props.page ? <Text size="sm" c="dimmed" aria-live="polite">Page {props.page}</Text> : null}
          <Button variant="default" size="xs" disabled={!props.hasNext} onClick={props.onNext}>Next</Button>
          {props.fetching && !props.loading ? <Loader size="xs" aria-label="Loading" /> : null}
        </Group>
      ) : null}
    </>
  );
}

/** The columns as choices for the Columns menu: id and header text. */
export function columnChoices<T>(columns: Column<T>[]): { id: string; label: string }[] {
  return columns.map((c) => ({ id: c.id!, label: typeof c.header === 'string' ? c.header : c.id! }));
}
