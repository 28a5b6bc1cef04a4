import { Anchor, Badge, Drawer, Group, Loader, Table, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { drillUrl, useAttributionDrill, type DrillQuery } from '../../api/attribution';
import { formatDateTime, formatMoney } from '../../lib/format';
import { humanize } from '../../lib/vocabulary';
import { ErrorAlert } from '../ErrorAlert';

/** The touches behind one figure: each with its deal, its share of the deal and the money that is. */
export function DrillDrawer({ query, title, onClose }: { query: DrillQuery | null; title: string; onClose: () => void }) {
  const q = useAttributionDrill(query);
  return (
    <Drawer opened={query !== null} onClose={onClose} title={`Touches behind: ${title}`} position="right" size="xl">
      <ErrorAlert error={q.error} />
      {q.isFetching && !q.data ? <Loader aria-label="Loading the touches" /> : null}
      {q.data && query ? (
        <>
          <Group justify="space-between" mb="xs">
            <Text size="sm">{q.data.total} touches; {q.data.credit.map((c) => formatMoney(c.credit, c.currency)).join(' + ') || 'no credit'}{q.data.total > q.data.touches.length ? ` (largest ${q.data.touches.length} shown)` : ''}</Text>
            <Anchor href={drillUrl(query, true)} size="sm">Export CSV</Anchor>
          </Group>
          <Table striped aria-label="Credited touches">
            <Table.Thead><Table.Tr><Table.Th>When</Table.Th><Table.Th>Touch</Table.Th><Table.Th>Deal</Table.Th><Table.Th>Share</Table.Th><Table.Th>Credit</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {q.data.touches.map((t) => (
                <Table.Tr key={`${t.opportunityId}-${t.touchId}`}>
                  <Table.Td>{formatDateTime(t.occurredAt)}</Table.Td>
                  <Table.Td>
                    {humanize(t.kind)} · {humanize(t.channel)} <Badge size="xs" variant="light">{t.side}</Badge>
                    {t.milestones.map((m) => <Badge key={m} size="xs" ml={4} color="orange">{m}</Badge>)}
                  </Table.Td>
                  <Table.Td><Anchor component={Link} to={`/opportunities/${t.opportunityId}`}>{t.opportunityName}</Anchor></Table.Td>
                  <Table.Td>{(t.weight * 100).toFixed(1)} %</Table.Td>
                  <Table.Td>{formatMoney(t.credit, t.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Drawer>
  );
}
