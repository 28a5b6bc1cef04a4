import { Anchor, Badge } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { Handoff } from '../../api/handoffs';
import { DueBadge } from '../queue/DueBadge';
import type { PanelColumn } from './RecordPanel';

/** A hand-off on a home screen: the lead (opens it in the queue), grade, owner, deadline and breaches. */
export const handoffColumns: PanelColumn<Handoff>[] = [
  { header: 'Lead', cell: (h) => <Anchor component={Link} to={`/queue?handoff=${h.id}`} size="sm">{h.personName ?? h.personEmail}</Anchor> },
  { header: 'Grade', cell: (h) => (h.grade ? <Badge size="sm">{h.grade}</Badge> : '—') },
  { header: 'Owner', cell: (h) => h.ownerName },
  { header: 'Deadline', cell: (h) => <>{<DueBadge h={h} />}{h.breaches.length ? <Badge ml={4} size="sm" color="red" variant="outline">breach</Badge> : null}</> },
];
