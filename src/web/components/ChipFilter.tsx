import { Chip, Group, Text } from '@mantine/core';
import { humanize } from '../lib/vocabulary';

/** One-of chips with an "All" chip: a radio group, usable by keyboard (arrows move, space picks). */
export function ChipFilter({ label, allLabel, values, value, onChange, size = 'sm' }: {
  label: string; allLabel: string; values: readonly string[]; value: string; onChange: (v: string) => void; size?: 'xs' | 'sm';
}) {
  return (
    <div role="group" aria-label={label}>
      <Text size="xs" c="dimmed" mb={4} aria-hidden="true">{label}</Text>
      <Chip.Group multiple={false} value={value || '__all'} onChange={(v) => onChange(v === '__all' ? '' : v)}>
        <Group gap={6}>
          <Chip size={size} value="__all">{allLabel}</Chip>
          {values.map((v) => <Chip key={v} size={size} value={v}>{humanize(v)}</Chip>)}
        </Group>
      </Chip.Group>
    </div>
  );
}
