import { Button, Group, Loader, Table, Text, UnstyledButton } from '@mantine/core';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';

export type SortState = { sort: string; order: 'asc' | 'desc' };

/** A server-sorted, server-paginated table: the server owns order and paging (keyset cursors). */
export function DataTable<T>(props: {
  columns: (ColumnDef<T, unknown> & { sortKey?: string })[];
  data: T[];
  loading?: boolean;
  sort?: SortState;
  onSort?: (s: SortState) => void;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onRowClick?: (row: T) => void;
  label: string;
}) {
  const table = useReactTable({ data: props.data, columns: props.columns, getCoreRowModel: getCoreRowModel(), manualSorting: true });
  return (
    <>
      <Table striped highlightOnHover aria-label={props.label}>
        <Table.Thead>
          {table.getHeaderGroups().map((hg) => (
            <Table.Tr key={hg.id}>
              {hg.headers.map((h) => {
                const key = (h.column.columnDef as { sortKey?: string }).sortKey;
                const active = key && props.sort?.sort === key;
                const label = flexRender(h.column.columnDef.header, h.getContext());
                return (
                  <Table.Th key={h.id} aria-sort={active ? (props.sort!.order === 'asc' ? 'ascending' : 'descending') : undefined}>
                    {key && props.onSort ? (
                      <UnstyledButton fw={600} onClick={() => props.onSort!({ sort: key, order: active && props.sort!.order === 'asc' ? 'desc' : 'asc' })}>
                        {label} {active ? (props.sort!.order === 'asc' ? '▲' : '▼') : ''}
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
            <Table.Tr key={r.id} style={props.onRowClick ? { cursor: 'pointer' } : undefined} onClick={() => props.onRowClick?.(r.original)}>
              {r.getVisibleCells().map((c) => <Table.Td key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {props.loading ? <Loader size="sm" mt="sm" /> : props.data.length === 0 ? <Text c="dimmed" mt="sm">Nothing matches these filters.</Text> : null}
      <Group mt="sm">
        <Button variant="default" size="xs" disabled={!props.hasPrevious} onClick={props.onPrevious}>Previous</Button>
        <Button variant="default" size="xs" disabled={!props.hasNext} onClick={props.onNext}>Next</Button>
      </Group>
    </>
  );
}
