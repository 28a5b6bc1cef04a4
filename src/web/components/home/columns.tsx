import { Anchor } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { Campaign, Opportunity, Person } from '../../api/types';
import { formatDate, formatMoney, fullName } from '../../lib/format';
import { humanize } from '../../lib/vocabulary';
import { StageBadge } from '../StageBadge';
import type { PanelColumn } from './RecordPanel';

export const personColumns: PanelColumn<Person>[] = [
  { header: 'Name', cell: (p) => <Anchor component={Link} to={`/people/${p.id}`}>{fullName(p)}</Anchor> },
  { header: 'Title', cell: (p) => p.title ?? '' },
  { header: 'Company', cell: (p) => p.companyName ?? '' },
  { header: 'Stage', cell: (p) => <StageBadge stage={p.lifecycleStage} /> },
  { header: 'Source', cell: (p) => (p.originalSource ? humanize(p.originalSource) : '') },
  { header: 'Updated', cell: (p) => formatDate(p.updatedAt) },
];

export const dealColumns: PanelColumn<Opportunity>[] = [
  { header: 'Deal', cell: (o) => <Anchor component={Link} to={`/opportunities/${o.id}`}>{o.name}</Anchor> },
  { header: 'Amount', cell: (o) => formatMoney(o.amount, o.currency) },
  { header: 'Stage', cell: (o) => humanize(o.stage) },
  { header: 'Close date', cell: (o) => formatDate(o.closeDate) },
];

export const lostDealColumns: PanelColumn<Opportunity>[] = [
  ...dealColumns.slice(0, 2),
  { header: 'Lost reason', cell: (o) => (o.lostReason ? humanize(o.lostReason) : '—') },
  { header: 'Closed', cell: (o) => formatDate(o.closedAt) },
];

export const campaignColumns: PanelColumn<Campaign>[] = [
  { header: 'Campaign', cell: (c) => <Anchor component={Link} to={`/campaigns/${c.id}`}>{c.name}</Anchor> },
  { header: 'Type', cell: (c) => humanize(c.type) },
  { header: 'Starts', cell: (c) => formatDate(c.startsOn) },
  { header: 'Budget', cell: (c) => formatMoney(c.budget, c.currency) },
  { header: 'Spent', cell: (c) => formatMoney(c.actualCost, c.currency) },
];
