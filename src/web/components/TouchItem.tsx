import { Badge, Group, Text } from '@mantine/core';
import type { Touchpoint } from '../api/types';
import { formatDateTime } from '../lib/format';
import { humanize, SIDE_COLOR } from '../lib/vocabulary';

/** One touch on a timeline: when, what, through which channel, by which side, for which campaign and asset. */
export function TouchTitle({ t }: { t: Touchpoint }) {
  return (
    <Group gap="xs">
      <Text fw={600} size="sm">{humanize(t.kind)}</Text>
      <Badge size="xs" color={SIDE_COLOR[t.side] ?? 'gray'}>{t.side}</Badge>
      <Badge size="xs" variant="light" color="gray">{humanize(t.channel)}</Badge>
    </Group>
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function TouchBody({ t }: { t: Touchpoint }) {
  // Properties as key: value, leaving out ids that mean nothing to a reader.
  const props = Object.entries(t.properties ?? {}).filter(([, v]) => v !== null && v !== '' && !(typeof v === 'string' && UUID.test(v)));
  return (
    <>
      <Text size="xs" c="dimmed"><time dateTime={t.occurredAt}>{formatDateTime(t.occurredAt)}</time></Text>
      {t.campaign ? <Text size="sm">Campaign: {t.campaign.name}</Text> : null}
      {t.asset ? <Text size="sm">Asset: {t.asset}</Text> : null}
      {props.length ? <Text size="xs" c="dimmed">{props.map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(' · ')}</Text> : null}
    </>
  );
}
