import { Badge, Button, Chip, Group, Loader, Stack, Text, Timeline as MTimeline } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, qs } from '../api/client';
import type { Page, Touchpoint } from '../api/types';
import { ErrorAlert } from './ErrorAlert';

const SIDES = ['marketing', 'sales', 'partner'];
const CHANNELS = ['web', 'email', 'content', 'webinar', 'event', 'paid_search', 'social', 'direct_sales', 'partner', 'referral'];
const SIDE_COLOR: Record<string, string> = { marketing: 'grape', sales: 'blue', partner: 'teal' };

/** The touches of a person or an account, newest first, filterable by side and channel. */
export function Timeline({ base }: { base: string }) {
  const [side, setSide] = useState<string>('');
  const [channel, setChannel] = useState<string>('');
  const q = useInfiniteQuery({
    queryKey: ['timeline', base, side, channel],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<Touchpoint>>(`${base}${qs({ side, channel, cursor: pageParam, limit: 25 })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const touches = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Stack>
      <Group gap="xs" aria-label="Filter by side">
        <Chip checked={side === ''} onChange={() => setSide('')}>All sides</Chip>
        {SIDES.map((s) => <Chip key={s} checked={side === s} onChange={() => setSide(side === s ? '' : s)}>{s}</Chip>)}
      </Group>
      <Group gap="xs" aria-label="Filter by channel">
        <Chip size="xs" checked={channel === ''} onChange={() => setChannel('')}>All channels</Chip>
        {CHANNELS.map((c) => <Chip size="xs" key={c} checked={channel === c} onChange={() => setChannel(channel === c ? '' : c)}>{c}</Chip>)}
      </Group>
      <ErrorAlert error={q.error} />
      {q.isLoading ? <Loader size="sm" /> : touches.length === 0 ? <Text c="dimmed">No touches.</Text> : (
        <MTimeline bulletSize={14} lineWidth={2} aria-label="Timeline of touches">
          {touches.map((t) => (
            <MTimeline.Item key={t.id} title={<Group gap="xs"><Text fw={600}>{t.kind.replace(/_/g, ' ')}</Text><Badge size="xs" color={SIDE_COLOR[t.side] ?? 'gray'}>{t.side}</Badge><Badge size="xs" variant="light">{t.channel}</Badge></Group>}>
              <Text size="sm" c="dimmed">{new Date(t.occurredAt).toLocaleString()}</Text>
              {t.campaign ? <Text size="sm">Campaign: {t.campaign.name}</Text> : null}
              {t.asset ? <Text size="sm">Asset: {t.asset}</Text> : null}
              {Object.keys(t.properties).length ? <Text size="xs" c="dimmed">{Object.entries(t.properties).map(([k, v]) => `${k}: ${String(v)}`).join(' · ')}</Text> : null}
            </MTimeline.Item>
          ))}
        </MTimeline>
      )}
      {q.hasNextPage ? <Button variant="default" size="xs" onClick={() => q.fetchNextPage()} loading={q.isFetchingNextPage}>Load more</Button> : null}
    </Stack>
  );
}
