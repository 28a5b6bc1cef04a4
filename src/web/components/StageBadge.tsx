import { Badge, type BadgeProps } from '@mantine/core';
import { humanize, STAGE_COLOR } from '../lib/vocabulary';

export function StageBadge({ stage, ...props }: { stage: string } & BadgeProps) {
  return <Badge variant="light" color={STAGE_COLOR[stage] ?? 'gray'} {...props}>{humanize(stage)}</Badge>;
}
