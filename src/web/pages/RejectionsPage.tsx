import { Badge, Group, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { reasonLabel, useRejections } from '../api/handoffs';
import { ErrorAlert } from '../components/ErrorAlert';

const BY = [{ value: 'campaign', label: 'Campaign' }, { value: 'source', label: 'Source' }, { value: 'model', label: 'Model version' }, { value: 'owner', label: 'Owner' }, { value: 'reason', label: 'Reason' }];

/** The loop back to marketing: which leads sales took, which it turned down, and why. */
export function RejectionsPage() {
  const [params, setParams] = useSearchParams();
  const by = params.get('by') ?? 'campaign';
  const q = useRejections(by);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">Accepted and rejected leads</Title>
        <SegmentedControl aria-label="Group by" value={by} onChange={(v) => setParams({ by: v }, { replace: true })} data={BY} />
      </Group>
      <Text size="sm" c="dimmed">Every lead handed to sales, grouped by {BY.find((b) => b.value === by)?.label.toLowerCase()} (for campaigns: the last marketing touch before the MQL). Reassigned hand-offs count once, under their final answer.</Text>
      <ErrorAlert error={q.error} />
      {q.isPending ? <Loader /> : (
        <Table striped aria-label="Rejections">
          <Table.Thead><Table.Tr><Table.Th>{BY.find((b) => b.value === by)?.label}</Table.Th><Table.Th>Handed off</Table.Th><Table.Th>Accepted</Table.Th><Table.Th>Rejected</Table.Th><Table.Th>Acceptance</Table.Th><Table.Th>Why rejected</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {(q.data ?? []).map((r) => (
              <Table.Tr key={r.key ?? 'none'}>
                <Table.Td>{by === 'reason' ? reasonLabel(r.key) : r.label}</Table.Td>
                <Table.Td>{r.handedOff}</Table.Td><Table.Td>{r.accepted}</Table.Td><Table.Td>{r.rejected}</Table.Td>
                <Table.Td>{r.acceptanceRate === null ? '—' : `${Math.round(r.acceptanceRate * 100)}%`}</Table.Td>
                <Table.Td><Group gap={4}>{Object.entries(r.reasons).sort((a, b) => b[1] - a[1]).map(([k, n]) => <Badge key={k} variant="light" color="red">{reasonLabel(k)} {n}</Badge>)}</Group></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
