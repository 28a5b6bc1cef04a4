import { Badge, Loader, Table, Text } from '@mantine/core';
import { useRecentImports } from '../api/imports';
import { formatDateTime } from '../lib/format';
import { humanize } from '../lib/vocabulary';
import { ErrorAlert } from './ErrorAlert';

export function RecentImports() {
  const q = useRecentImports();
  const rows = q.data?.data ?? [];
  return (
    <>
      <ErrorAlert error={q.error} />
      {q.isLoading ? <Loader size="sm" aria-label="Loading imports" /> : null}
      {q.data && rows.length === 0 ? <Text c="dimmed">No imports yet.</Text> : null}
      {rows.length ? (
        <Table.ScrollContainer minWidth={600}>
          <Table aria-label="Recent imports" striped>
            <Table.Thead>
              <Table.Tr><Table.Th>Started</Table.Th><Table.Th>Kind</Table.Th><Table.Th>File</Table.Th><Table.Th>Status</Table.Th><Table.Th>Read</Table.Th><Table.Th>Imported</Table.Th><Table.Th>Failed</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{formatDateTime(i.startedAt)}</Table.Td><Table.Td>{humanize(i.kind)}</Table.Td><Table.Td>{i.fileName}</Table.Td>
                  <Table.Td><Badge size="sm" variant="light" color={i.status === 'failed' ? 'red' : i.status === 'running' ? 'blue' : 'green'}>{i.status}</Badge></Table.Td>
                  <Table.Td>{i.rowsRead}</Table.Td><Table.Td>{i.rowsOk}</Table.Td><Table.Td>{i.rowsFailed}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </>
  );
}
