import { Anchor, Group, Loader, Table, Text } from '@mantine/core';
import { sourcedUrl, useSourced } from '../../api/attribution';
import { formatMoney } from '../../lib/format';
import { humanize } from '../../lib/vocabulary';
import { ErrorAlert } from '../ErrorAlert';

/** Pipeline and revenue per quarter by who sourced the deal, and whether marketing influenced it. */
export function SourcedTable() {
  const q = useSourced({});
  if (q.isPending) return <Loader aria-label="Loading sourced and influenced" />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">Source: who made the first touch before the deal was created (or the ruling on a dispute). Influenced: a marketing touch in the deal's window.</Text>
        <Anchor href={sourcedUrl({}, true)} size="sm">Export CSV</Anchor>
      </Group>
      <Table striped aria-label="Sourced and influenced">
        <Table.Thead><Table.Tr><Table.Th>Quarter</Table.Th><Table.Th>Source</Table.Th><Table.Th>Marketing-influenced</Table.Th><Table.Th>Pipeline</Table.Th><Table.Th>Deals</Table.Th><Table.Th>Revenue</Table.Th><Table.Th>Won</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {q.data.data.map((r) => (
            <Table.Tr key={`${r.quarter}-${r.source}-${String(r.influenced)}-${r.currency}`}>
              <Table.Td>{r.quarter}</Table.Td><Table.Td>{humanize(r.source)}</Table.Td><Table.Td>{r.influenced ? 'yes' : 'no'}</Table.Td>
              <Table.Td>{formatMoney(r.pipeline, r.currency)}</Table.Td><Table.Td>{r.pipelineDeals}</Table.Td>
              <Table.Td>{formatMoney(r.revenue, r.currency)}</Table.Td><Table.Td>{r.wonDeals}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
