import { Badge } from '@mantine/core';
import { businessTime, type Handoff } from '../../api/handoffs';

/** Time left to accept in business hours: red once past, orange within four hours. */
export function DueBadge({ h }: { h: Handoff }) {
  if (h.status !== 'open' || h.minutesLeft === null) {
    return h.timeToAcceptMinutes !== null ? <Badge variant="light" color="gray">accepted in {businessTime(h.timeToAcceptMinutes)}</Badge> : null;
  }
  if (h.minutesLeft < 0) return <Badge color="red">overdue {businessTime(h.minutesLeft)}</Badge>;
  return <Badge color={h.minutesLeft <= 240 ? 'orange' : 'blue'} variant="light">{businessTime(h.minutesLeft)} left</Badge>;
}
