import { Alert, Badge, Button, Checkbox, Drawer, Group, Loader, SegmentedControl, Stack, Switch, Table, Text, Title, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { decideHandoffs, reasonLabel, useHandoffs, type BulkResult } from '../api/handoffs';
import { useSession } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { DueBadge } from '../components/queue/DueBadge';
import { HandoffPanel } from '../components/queue/HandoffPanel';
import { RejectModal } from '../components/queue/RejectModal';
import { formatDateTime } from '../lib/format';

/**
 * The lead queue: every lead handed to you (or your team), hottest first by deadline, with why it
 * is hot and why it came to you; open one to see the score and timeline and answer it, or answer
 * many at once. Managers see the team's queue and its breaches.
 */
export function QueuePage() {
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const role = session.data?.role;
  const teamView = role === 'sales_manager' || role === 'admin' || role === 'marketing' || role === 'exec';
  const scope = params.get('scope') ?? (teamView ? 'team' : 'mine');
  const status = params.get('status') ?? 'open';
  const breached = params.get('breached') === 'true';
  const open = params.get('handoff');
  const set = (k: string, v: string | null) => { const next = new URLSearchParams(params); if (v === null) next.delete(k); else next.set(k, v); setParams(next, { replace: true }); };
  const q = useHandoffs({ status, owner: scope === 'mine' ? 'me' : undefined, breached: breached ? 'true' : undefined, sort: status === 'open' ? 'acceptDueAt' : 'assignedAt', order: status === 'open' ? 'asc' : 'desc' });
  const rows = q.data?.data ?? [];
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState(false);
  const [bulk, setBulk] = useState<BulkResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const qc = useQueryClient();
  const me = session.data?.user.id;
  const selectable = rows.filter((h) => h.status === 'open' && h.ownerId === me);
  const decide = async (action: 'accept' | 'reject', reject?: Parameters<typeof decideHandoffs>[2]) => {
    setError(null);
    try {
      setBulk(await decideHandoffs(selected, action, reject));
      setSelected([]);
      await qc.invalidateQueries({ queryKey: ['handoffs'] });
    } catch (e) { setError(e); }
  };
  const names = new Map(rows.map((h) => [h.id, h.personEmail]));
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">Lead queue</Title>
        <Group>
          <SegmentedControl aria-label="Whose leads" value={scope} onChange={(v) => set('scope', v)} data={[{ value: 'mine', label: 'Mine' }, { value: 'team', label: 'Team' }]} />
          <SegmentedControl aria-label="Status" value={status} onChange={(v) => set('status', v)} data={['open', 'accepted', 'rejected', 'all'].map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }))} />
          <Switch label="Breached only" checked={breached} onChange={(e) => set('breached', e.currentTarget.checked ? 'true' : null)} />
        </Group>
      </Group>
      <ErrorAlert error={q.error ?? error} />
      {bulk ? (
        <Alert color={bulk.refused ? 'yellow' : 'green'} withCloseButton onClose={() => setBulk(null)} title={`${bulk.decided} decided, ${bulk.refused} refused`}>
          {bulk.results.filter((r) => !r.ok).map((r) => <Text key={r.id} size="sm">{names.get(r.id) ?? r.id}: {r.message}</Text>)}
        </Alert>
      ) : null}
      {selected.length ? (
        <Group aria-label="Bulk actions">
          <Text size="sm">{selected.length} selected</Text>
          <Button size="xs" color="green" onClick={() => void decide('accept')}>Accept selected</Button>
          <Button size="xs" color="red" variant="light" onClick={() => setRejecting(true)}>Reject selected…</Button>
        </Group>
      ) : null}
      {q.isPending ? <Loader aria-label="Loading the queue" /> : rows.length === 0 ? (
        <Text c="dimmed">{status === 'open' ? 'Nothing waiting: every lead has an answer.' : 'No hand-offs here.'}</Text>
      ) : (
        <Table striped highlightOnHover aria-label="Hand-offs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th><Checkbox aria-label="Select all of mine" checked={selectable.length > 0 && selected.length === selectable.length}
                onChange={(e) => setSelected(e.currentTarget.checked ? selectable.map((h) => h.id) : [])} disabled={selectable.length === 0} /></Table.Th>
              <Table.Th>Lead</Table.Th><Table.Th>Grade</Table.Th><Table.Th>Why hot</Table.Th><Table.Th>Routed</Table.Th><Table.Th>Owner</Table.Th><Table.Th>Deadline</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((h) => (
              <Table.Tr key={h.id} data-handoff={h.personEmail} style={{ cursor: 'pointer' }} onClick={() => set('handoff', h.id)}>
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <Checkbox aria-label={`Select ${h.personEmail}`} disabled={!(h.status === 'open' && h.ownerId === me)} checked={selected.includes(h.id)}
                    onChange={(e) => setSelected(e.currentTarget.checked ? [...selected, h.id] : selected.filter((x) => x !== h.id))} />
                </Table.Td>
                <Table.Td><Text size="sm" fw={600}>{h.personName ?? h.personEmail}</Text><Text size="xs" c="dimmed">{h.personEmail}{h.company ? ` · ${h.company}` : ''}</Text></Table.Td>
                <Table.Td>{h.grade ? <Badge>{h.grade}</Badge> : '—'}{h.mqlReason === 'hand_raise' ? <Badge ml={4} color="cyan" variant="light">hand-raise</Badge> : null}</Table.Td>
                <Table.Td><Group gap={4}>{h.topReasons.map((r) => <Badge key={r.rule} variant="outline" size="sm">{r.rule} +{Math.round(r.points)}</Badge>)}</Group></Table.Td>
                <Table.Td><Tooltip label={h.why} multiline w={360}><Text size="sm">{h.ruleName ?? h.ruleKind.replace('_', ' ')}</Text></Tooltip></Table.Td>
                <Table.Td><Text size="sm">{h.ownerName}</Text></Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <DueBadge h={h} />
                    {h.breaches.map((b) => <Badge key={b.kind} color="red" variant="outline" aria-label={`Breach: ${b.kind}`}>breach: {b.kind === 'accept' ? 'accept' : 'first touch'}</Badge>)}
                    {h.status === 'rejected' ? <Badge color="gray" variant="light">{reasonLabel(h.rejectReason)}</Badge> : null}
                  </Group>
                  <Text size="xs" c="dimmed">{h.status === 'open' ? `by ${formatDateTime(h.acceptDueAt)}` : formatDateTime(h.acceptedAt ?? h.rejectedAt ?? h.assignedAt)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Drawer opened={!!open} onClose={() => set('handoff', null)} position="right" size="xl" title="Lead">
        {open ? <HandoffPanel id={open} onDone={() => set('handoff', null)} /> : null}
      </Drawer>
      <RejectModal opened={rejecting} count={selected.length} onClose={() => setRejecting(false)}
        onSubmit={async (input) => { setRejecting(false); await decide('reject', input); }} />
    </Stack>
  );
}
