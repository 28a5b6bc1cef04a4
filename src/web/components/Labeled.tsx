import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { DASH } from '../lib/format';

/** A label over a value, for profile cards; '—' when the value is missing. */
export function Labeled({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '' || (Array.isArray(children) && children.length === 0);
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" component="div">{empty ? DASH : children}</Text>
    </div>
  );
}
