import { Badge, Card, Group, Loader, Table, Text, Title, Tooltip } from '@mantine/core';
import { usePersonScore } from '../api/scoring';
import { formatDate, formatDateTime } from '../lib/format';
import { ErrorAlert } from './ErrorAlert';

const SOURCE_COLOR = { fit: 'blue', engagement: 'grape', signal: 'red' } as const;
const signed = (n: number) => `${n > 0 ? '+' : ''}${Math.round(n * 10) / 10}`;

/** Why this person is hot (or not), in one glance: grade, fit and engagement, and every rule that fired. */
export function ScoreCard({ personId }: { personId: string }) {
  const q = usePersonScore(personId);
  return (
    <Card withBorder component="section" aria-label="Score">
      {q.isPending ? <Loader size="sm" aria-label="Loading the score" /> : q.error ? <ErrorAlert error={q.error} /> : !q.data ? (
        <Text c="dimmed" size="sm">Not scored: no scoring model is live yet.</Text>
      ) : (
        <>
          <Group justify="space-between" mb="xs">
            <Group gap="xs">
              <Title order={3} size="h4">Score</Title>
              <Badge size="lg" aria-label={`Grade ${q.data.grade}`}>{q.data.grade}</Badge>
              {q.data.mqlReason ? <Badge color="cyan" variant="light">{q.data.mqlReason === 'hand_raise' ? 'raised a hand' : 'MQL by score'}</Badge> : null}
            </Group>
            <Text size="xs" c="dimmed">model v{q.data.modelVersion} · {formatDateTime(q.data.scoredAt)}</Text>
          </Group>
          <Group gap="xl" mb="sm">
            <div><Text size="xs" c="dimmed">Fit</Text><Text fw={700}>{Math.round(q.data.fit)}</Text></div>
            <div><Text size="xs" c="dimmed">Engagement</Text><Text fw={700}>{Math.round(q.data.engagement)}</Text></div>
            <div><Text size="xs" c="dimmed">Total</Text><Text fw={700}>{Math.round(q.data.total)}</Text></div>
          </Group>
          {q.data.explanation.length === 0 ? <Text size="sm" c="dimmed">No rule fired.</Text> : (
            <Table aria-label="Why this score" verticalSpacing={4}>
              <Table.Thead><Table.Tr><Table.Th>Rule</Table.Th><Table.Th>Points now</Table.Th><Table.Th>Decay took</Table.Th><Table.Th>When</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {q.data.explanation.map((e) => (
                  <Table.Tr key={e.ruleId}>
                    <Table.Td><Badge size="xs" variant="dot" color={SOURCE_COLOR[e.source]} mr={6}>{e.source}</Badge>{e.label}{e.count > 1 ? ` ×${e.count}` : ''}</Table.Td>
                    <Table.Td>{signed(e.points)}</Table.Td>
                    <Table.Td>{e.decayed > 0.05 ? <Tooltip label={`${signed(e.rawPoints)} before decay`}><span>−{Math.round(e.decayed * 10) / 10}</span></Tooltip> : '—'}</Table.Td>
                    <Table.Td>{e.lastAt ? (e.firstAt && e.firstAt !== e.lastAt ? `${formatDate(e.firstAt)} – ${formatDate(e.lastAt)}` : formatDate(e.lastAt)) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Card>
  );
}
