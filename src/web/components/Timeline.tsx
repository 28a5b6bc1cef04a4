import { Button, Loader, Stack, Text, Timeline as MTimeline } from '@mantine/core';
import { useState } from 'react';
import { useTimeline } from '../api/touchpoints';
import { CHANNELS, SIDE_COLOR, SIDES } from '../lib/vocabulary';
import { ChipFilter } from './ChipFilter';
import { ErrorAlert } from './ErrorAlert';
import { TouchBody, TouchTitle } from './TouchItem';

/** The touches of a person or an account (`base` is the API list), newest first, filterable by side and channel. */
export function Timeline({ base }: { base: string }) {
  const [side, setSide] = useState('');
  const [channel, setChannel] = useState('');
  const q = useTimeline(base, { side: side || undefined, channel: channel || undefined });
  const touches = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Stack gap="sm">
      <ChipFilter label="Filter by side" allLabel="All sides" values={SIDES} value={side} onChange={setSide} />
      <ChipFilter label="Filter by channel" allLabel="All channels" values={CHANNELS} value={channel} onChange={setChannel} size="xs" />
      <ErrorAlert error={q.error} />
      {q.isLoading ? <Loader size="sm" aria-label="Loading touches" />
        : q.isError ? null
        : touches.length === 0 ? <Text c="dimmed">No touches{side || channel ? ' match these filters' : ' yet'}.</Text>
        : (
          <MTimeline bulletSize={14} lineWidth={2} aria-label="Timeline of touches" mt="xs">
            {touches.map((t) => (
              <MTimeline.Item key={t.id} color={SIDE_COLOR[t.side] ?? 'gray'} title={<TouchTitle t={t} />}>
                <TouchBody t={t} />
              </MTimeline.Item>
            ))}
          </MTimeline>
        )}
      {q.hasNextPage ? (
        <Button variant="default" size="xs" w="fit-content" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>Load more</Button>
      ) : null}
    </Stack>
  );
}
