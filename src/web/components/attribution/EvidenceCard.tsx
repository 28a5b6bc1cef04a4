import { Alert, Badge, Button, Card, Group, Loader, Select, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useEvidence, useOpenDispute } from '../../api/attribution';
import { formatDateTime } from '../../lib/format';
import { useCan } from '../../lib/permissions';
import { humanize } from '../../lib/vocabulary';
import { ErrorAlert } from '../ErrorAlert';

const SIDE_COLOR: Record<string, string> = { marketing: 'grape', sales: 'blue', partner: 'teal', neutral: 'gray' };
const SOURCES = ['marketing', 'sales', 'partner', 'inside_sales'];

/** "Already on our radar?": the prior-claim evidence side by side on a timeline, and the dispute form. */
export function EvidenceCard({ opportunityId }: { opportunityId: string }) {
  const q = useEvidence(opportunityId);
  const can = useCan();
  const open = useOpenDispute(opportunityId);
  const [claim, setClaim] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  if (q.isPending) return <Loader size="sm" aria-label="Loading the evidence" />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const e = q.data;
  const hasOpen = e.disputes.some((d) => d.status === 'open');
  return (
    <Card withBorder component="section" aria-label="Source and evidence">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">Source and evidence</Title>
        <Group gap={4}>
          <Badge variant="light">{e.source ? `sourced by ${humanize(e.source)}` : 'source unknown'}</Badge>
          {e.source !== e.computedSource ? <Badge variant="light" color="orange">ruled (computed: {humanize(e.computedSource ?? 'unknown')})</Badge> : null}
          {e.influenced ? <Badge variant="light" color="grape">marketing-influenced</Badge> : null}
        </Group>
      </Group>
      <Text size="sm" mb="sm">{e.verdict}</Text>
      <Timeline bulletSize={14} lineWidth={2} active={e.timeline.length}>
        {e.timeline.map((ev, i) => (
          <Timeline.Item key={`${ev.kind}-${i}`} color={SIDE_COLOR[ev.side] ?? 'gray'} title={<Text size="sm">{ev.label}</Text>}>
            <Text size="xs" c="dimmed">{formatDateTime(ev.at)}{ev.side !== 'neutral' ? ` · ${ev.side}` : ''}{ev.touchId ? ` · touch ${ev.touchId}` : ''}</Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {can('disputes:open') && !hasOpen ? (
        <Stack gap={6} mt="md">
          <Text size="sm" fw={600}>Dispute the source</Text>
          <Group align="end">
            <Select label="Sourced by" data={SOURCES.filter((s) => s !== e.source).map((s) => ({ value: s, label: humanize(s) }))} value={claim} onChange={setClaim} w={180} />
            <Textarea label="Why (your evidence)" value={reason} onChange={(ev) => setReason(ev.currentTarget.value)} autosize minRows={1} style={{ flex: 1 }} />
            <Button disabled={!claim || !reason.trim()} loading={open.isPending}
              onClick={() => open.mutate({ claimedSource: claim!, reason, touchIds: e.timeline.filter((t) => t.touchId && t.side === (claim === 'marketing' ? 'marketing' : 'sales')).map((t) => t.touchId!), notes: null }, { onSuccess: () => { setReason(''); setClaim(null); } })}>
              Open dispute
            </Button>
          </Group>
          <ErrorAlert error={open.error} />
        </Stack>
      ) : null}
      {hasOpen ? <Alert mt="sm" color="yellow">A dispute on this deal's source is open; a sales manager or an exec rules on it (Attribution → Disputes).</Alert> : null}
    </Card>
  );
}
