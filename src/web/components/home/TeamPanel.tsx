import { Card, Loader, Table, Text, Title } from '@mantine/core';
import { useTeamOverview } from '../../api/reporting';
import { formatMoney } from '../../lib/format';
import { humanize } from '../../lib/vocabulary';
import { ErrorAlert } from '../ErrorAlert';

/** A manager's team, one row per seller: where the pipeline sits and whose leads wait. */
export function TeamPanel({ currency = 'USD' }: { currency?: string }) {
  const q = useTeamOverview();
  return (
    <Card withBorder padding="md" component="section" aria-label="My team">
      <Title order={3} size="h4" mb="xs">My team</Title>
      {q.isPending ? <Loader size="sm" aria-label="Loading the team" /> : q.error ? <ErrorAlert error={q.error} /> : q.data.data.length === 0 ? (
        <Text size="sm" c="dimmed">Nobody reports to you yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={500}>
          <Table striped aria-label="Team members">
            <Table.Thead>
              <Table.Tr><Table.Th>Seller</Table.Th><Table.Th>Role</Table.Th><Table.Th>Open deals</Table.Th><Table.Th>Open pipeline</Table.Th><Table.Th>Won this quarter</Table.Th><Table.Th>Leads waiting</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.data.map((m) => (
                <Table.Tr key={m.userId}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td>{humanize(m.role)}</Table.Td>
                  <Table.Td>{m.openDeals}</Table.Td>
                  <Table.Td>{formatMoney(m.openAmount, currency)}</Table.Td>
                  <Table.Td>{formatMoney(m.wonAmount, currency)}</Table.Td>
                  <Table.Td>{m.leadsWaiting > 0 ? <Text span fw={700} c="orange.8">{m.leadsWaiting}</Text> : 0}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
