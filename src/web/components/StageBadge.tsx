import { Badge, type BadgeProps } from '@mantine/core';
import { useStageLabel } from '../api/stage-labels';
import { STAGE_COLOR } from '../lib/vocabulary';

/** A lifecycle stage as the company calls it (Settings → Lifecycle stages); the code decides the colour. */
export function StageBadge({ stage, ...props }: { stage: string } & BadgeProps) {
  const label = useStageLabel();
  return <Badge variant="light" color={STAGE_COLOR[stage] ?? 'gray'} {...props}>{label(stage)}</Badge>;
}
