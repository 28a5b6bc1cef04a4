import { Anchor, Badge, Card, Group, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { ErrorAlert } from './ErrorAlert';

type AccountScore = {
  engagement: number; fit: number | null; mqls: number; people: number; threshold: number; qualified: boolean;
  qualifiedBecause: 'engagement' | 'mqls' | null; modelVersion: number;
  top: { personId: string; name: string; engagement: number; grade: string }[];
};

/** How engaged the account is as a buying unit, and whether it qualifies as a whole. */
export function AccountScoreCard({ accountId }: { accountId: string }) {
  const q = useQuery({ queryKey: ['account-score', accountId], queryFn: () => api<AccountScore | null>(`/api/v1/accounts/${accountId}/score`) });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  const s = q.data;
  return (
    <Card withBorder mb="md" component="section" aria-label="Account engagement">
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={3} size="h4">Account engagement {Math.round(s.engagement)}</Title>
          <Text size="sm" c="dimmed">of {s.threshold} to qualify · {s.mqls} MQL{s.mqls === 1 ? '' : 's'} among {s.people} people</Text>
        </Group>
        {s.qualified ? <Badge color="cyan">qualified account ({s.qualifiedBecause === 'mqls' ? 'several MQLs' : 'engagement'})</Badge> : <Badge color="gray" variant="light">not qualified</Badge>}
      </Group>
      {s.top.length ? (
        <Text size="sm" mt="xs">
          Most engaged: {s.top.map((p, i) => <span key={p.personId}>{i ? ', ' : ''}<Anchor component={Link} to={`/people/${p.personId}`}>{p.name}</Anchor> ({Math.round(p.engagement)}, {p.grade})</span>)}
        </Text>
      ) : null}
    </Card>
  );
}
