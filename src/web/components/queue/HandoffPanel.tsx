import { Alert, Badge, Button, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { acceptHandoff, businessTime, reasonLabel, reassignHandoff, rejectHandoff, useHandoff } from '../../api/handoffs';
import { useSession } from '../../api/session';
import { useCan } from '../../lib/permissions';
import { formatDateTime } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { ScoreCard } from '../ScoreCard';
import { Timeline } from '../Timeline';
import { RejectModal } from './RejectModal';
import { DueBadge } from './DueBadge';

const OUTCOME_COLOR = { matched: 'green', skipped: 'orange', no_match: 'gray' } as const;

/** One lead in the queue: why it is hot, why it came to you, its deadline, the timeline, and the answer. */
export function HandoffPanel({ id, onDone }: { id: string; onDone: () => void }) {
  const q = useHandoff(id);
  const qc = useQueryClient();
  const session = useSession();
  const canReassign = useCan()('routing:write');
  const [rejecting, setRejecting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (q.isPending) return <Loader size="sm" aria-label="Loading the lead" />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const h = q.data;
  const mine = h.ownerId === session.data?.user.id;
  const refresh = async () => { await qc.invalidateQueries({ queryKey: ['handoffs'] }); await qc.invalidateQueries({ queryKey: ['handoff', id] }); };
  const act = async (f: () => Promise<unknown>) => {
    setBusy(true); setError(null);
    try { await f(); await refresh(); onDone(); } catch (e) { setError(e); } finally { setBusy(false); }
  };
  return (
    <Stack gap="md" aria-label={`Lead ${h.personEmail}`}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h3"><Link to={`/people/${h.personId}`}>{h.personName ?? h.personEmail}</Link></Title>
          <Text size="sm" c="dimmed">{h.personEmail}{h.company ? ` · ${h.company}` : ''}{h.accountName ? ` · account ${h.accountName}` : ''}</Text>
        </div>
        <Group gap="xs">
          {h.grade ? <Badge size="lg">{h.grade}</Badge> : null}
          <Badge variant="light">{h.status}</Badge>
          <DueBadge h={h} />
        </Group>
      </Group>
      <Card withBorder aria-label="Why this lead came to you">
        <Text fw={600} size="sm">Routed to {h.ownerName} by {h.ruleName ?? h.ruleKind.replace('_', ' ')}</Text>
        <Text size="sm">{h.why}</Text>
        <Text size="xs" c="dimmed" mt={4}>
          MQL {formatDateTime(h.mqlAt)} · assigned {formatDateTime(h.assignedAt)} · accept by {formatDateTime(h.acceptDueAt)} · first touch by {formatDateTime(h.firstTouchDueAt)}
          {h.modelVersion ? ` · model v${h.modelVersion}` : ''}
        </Text>
        {h.routing.trace?.length ? (
          <List size="xs" mt="xs" aria-label="Rules tried">
            {h.routing.trace.map((t, i) => <List.Item key={i}><Badge size="xs" color={OUTCOME_COLOR[t.outcome]} mr={6}>{t.outcome.replace('_', ' ')}</Badge>{t.rule}: {t.reason}</List.Item>)}
          </List>
        ) : null}
        {h.breaches.length ? (
          <Alert color="red" mt="sm" title="SLA breached" aria-label="SLA breaches">
            {h.breaches.map((b) => <Text key={b.kind} size="sm">{b.kind === 'accept' ? 'Not accepted in time' : 'No first touch in time'}: due {formatDateTime(b.dueAt)}, late by {businessTime(b.lateMinutes)} (business time)</Text>)}
          </Alert>
        ) : null}
        {h.status === 'rejected' ? <Text size="sm" mt="sm">Rejected: {reasonLabel(h.rejectReason)} — {h.rejectNote} ({h.rejectOutcome}{h.recycleUntil ? ` until ${h.recycleUntil}` : ''})</Text> : null}
        {h.history.length ? <Text size="xs" c="dimmed" mt="xs">Earlier hand-offs: {h.history.map((x) => `${x.ownerName} (${x.status}${x.rejectReason ? `: ${reasonLabel(x.rejectReason)}` : ''})`).join(', ')}</Text> : null}
      </Card>
      <ErrorAlert error={error} />
      {h.status === 'open' ? (
        <Group>
          {mine ? <Button color="green" loading={busy} onClick={() => void act(() => acceptHandoff(h.id))}>Accept</Button> : null}
          {mine ? <Button color="red" variant="light" onClick={() => setRejecting(true)}>Reject…</Button> : null}
          {!mine ? <Text size="sm" c="dimmed">Owned by {h.ownerName}: only they can accept or reject it.</Text> : null}
          {canReassign ? <Button variant="default" loading={busy} onClick={() => void act(() => reassignHandoff(h.id, 'by a manager'))}>Re-route</Button> : null}
        </Group>
      ) : null}
      <ScoreCard personId={h.personId} />
      <Card withBorder><Title order={3} size="h5" mb="xs">Timeline</Title><Timeline base={`/api/v1/people/${h.personId}/touchpoints`} /></Card>
      <RejectModal opened={rejecting} count={1} priorWork={h.priorWork} onClose={() => setRejecting(false)}
        onSubmit={async (input) => { await rejectHandoff(h.id, input); setRejecting(false); await refresh(); onDone(); }} />
    </Stack>
  );
}
