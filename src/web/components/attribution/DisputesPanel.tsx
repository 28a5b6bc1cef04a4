import { Anchor, Badge, Button, Group, Loader, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useDisputes, useDisputesByTeam, useRuleDispute, type Dispute } from '../../api/attribution';
import { formatDateTime } from '../../lib/format';
import { useCan } from '../../lib/permissions';
import { humanize } from '../../lib/vocabulary';
import { ErrorAlert } from '../ErrorAlert';

/** Disputes about who sourced a deal: per team, and each with its ruling (or the form to rule). */
export function DisputesPanel() {
  const [status, setStatus] = useState('open');
  const q = useDisputes(status === 'all' ? undefined : status);
  const byTeam = useDisputesByTeam();
  return (
    <Stack gap="sm">
      <ErrorAlert error={q.error ?? byTeam.error} />
      {byTeam.data ? (
        <Table aria-label="Disputes per team">
          <Table.Thead><Table.Tr><Table.Th>Team of the opener</Table.Th><Table.Th>Open</Table.Th><Table.Th>Upheld</Table.Th><Table.Th>Rejected</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>{byTeam.data.data.map((t) => <Table.Tr key={t.teamId ?? 'none'}><Table.Td>{t.teamName ?? 'no team'}</Table.Td><Table.Td>{t.open}</Table.Td><Table.Td>{t.upheld}</Table.Td><Table.Td>{t.rejected}</Table.Td></Table.Tr>)}</Table.Tbody>
        </Table>
      ) : null}
      <Group justify="space-between">
        <SegmentedControl aria-label="Status" value={status} onChange={setStatus} data={['open', 'upheld', 'rejected', 'withdrawn', 'all']} />
        <Anchor href={`/api/v1/attribution/disputes/export.csv${status === 'all' ? '' : `?status=${status}`}`} size="sm">Export CSV</Anchor>
      </Group>
      {q.isPending ? <Loader aria-label="Loading disputes" /> : (
        <Table striped aria-label="Disputes">
          <Table.Thead><Table.Tr><Table.Th>Deal</Table.Th><Table.Th>Opened</Table.Th><Table.Th>Claim</Table.Th><Table.Th>Ruling</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>{(q.data?.data ?? []).map((d) => <DisputeRow key={d.id} d={d} />)}</Table.Tbody>
        </Table>
      )}
      {q.data?.data.length === 0 ? <Text size="sm" c="dimmed">No disputes here.</Text> : null}
    </Stack>
  );
}

function DisputeRow({ d }: { d: Dispute }) {
  const can = useCan();
  const rule = useRuleDispute();
  const [reason, setReason] = useState('');
  return (
    <Table.Tr>
      <Table.Td><Anchor component={Link} to={`/opportunities/${d.opportunityId}`}>{d.opportunityName}</Anchor></Table.Td>
      <Table.Td>{formatDateTime(d.createdAt)} by {d.openedByName ?? 'someone'}{d.openedByTeamName ? ` (${d.openedByTeamName})` : ''}</Table.Td>
      <Table.Td>{humanize(d.currentSource ?? 'unknown')} → <b>{humanize(d.claimedSource)}</b>: {d.reason}</Table.Td>
      <Table.Td>
        {d.status !== 'open' ? <><Badge color={d.status === 'upheld' ? 'green' : 'gray'}>{d.status}</Badge> {d.ruledByName}: {d.ruling}</> : can('disputes:rule') ? (
          <Group gap={4} wrap="nowrap">
            <TextInput size="xs" placeholder="Reason for the ruling" aria-label="Reason for the ruling" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Button size="compact-xs" color="green" disabled={!reason.trim()} loading={rule.isPending} onClick={() => rule.mutate({ id: d.id, decision: 'upheld', reason })}>Uphold</Button>
            <Button size="compact-xs" color="gray" disabled={!reason.trim()} loading={rule.isPending} onClick={() => rule.mutate({ id: d.id, decision: 'rejected', reason })}>Reject</Button>
          </Group>
        ) : <Badge>open</Badge>}
        <ErrorAlert error={rule.error} />
      </Table.Td>
    </Table.Tr>
  );
}
