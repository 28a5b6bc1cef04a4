import { Anchor, Card, Group, Loader, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { useCampaign, useCampaignMembers, type CampaignMember } from '../api/campaigns';
import { useUserNames } from '../api/lists';
import { type Column } from '../components/DataTable';
import { PagedTable } from '../components/PagedTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { EditRecordButton } from '../components/forms/RecordFormButtons';
import { Labeled } from '../components/Labeled';
import { StageBadge } from '../components/StageBadge';
import { formatDate, formatDateTime, formatMoney, formatNumber, fullName } from '../lib/format';
import { useCan } from '../lib/permissions';
import { useCursorPages } from '../lib/use-cursor-pages';
import { useTitle } from '../lib/use-title';
import { humanize } from '../lib/vocabulary';

const MEMBER_COLUMNS: Column<CampaignMember>[] = [
  { id: 'name', header: 'Person', cell: ({ row }) => <Anchor component={Link} to={`/people/${row.original.id}`}>{fullName(row.original)}</Anchor> },
  { id: 'company', header: 'Company', cell: ({ row }) => row.original.companyName ?? '—' },
  { id: 'stage', header: 'Stage', cell: ({ row }) => <StageBadge stage={row.original.lifecycleStage} /> },
  { id: 'touches', header: 'Touches', cell: ({ row }) => row.original.touches },
  { id: 'first', header: 'First touch', cell: ({ row }) => formatDateTime(row.original.firstTouchAt) },
  { id: 'last', header: 'Last touch', cell: ({ row }) => formatDateTime(row.original.lastTouchAt) },
];

function Members({ id }: { id: string }) {
  const pages = useCursorPages(id);
  const q = useCampaignMembers(id, pages.cursor);
  return (
    <>
      <ErrorAlert error={q.error} />
      <PagedTable<CampaignMember> label="Campaign members" columns={MEMBER_COLUMNS} getRowId={(m) => m.id}
        query={q} pages={pages} empty="Nobody you can see has touched this campaign yet." />
    </>
  );
}

export function CampaignPage() {
  const { id } = useParams();
  const q = useCampaign(id);
  const ownerName = useUserNames();
  const can = useCan();
  useTitle(q.data?.name ?? 'Campaign');
  if (q.isLoading) return <Loader aria-label="Loading campaign" />;
  if (q.error || !q.data) return <><ErrorAlert error={q.error} /><Anchor component={Link} to="/campaigns">Back to campaigns</Anchor></>;
  const c = q.data;
  const spent = c.budget && c.actualCost !== null ? Math.min(100, (c.actualCost / c.budget) * 100) : null;
  return (
    <Stack>
      <Card withBorder component="section" aria-label="Campaign">
        <Group justify="space-between" align="start">
          <div>
            <Title order={2}>{c.name}</Title>
            <Text c="dimmed">{humanize(c.type)} · {humanize(c.channel)}</Text>
          </div>
          <EditRecordButton kind="campaign" record={c} queryKey={['campaign', c.id]} />
        </Group>
        <SimpleGrid cols={{ base: 2, md: 4 }} mt="sm" spacing="sm" verticalSpacing="xs">
          <Labeled label="Dates">{c.startsOn || c.endsOn ? `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}` : null}</Labeled>
          <Labeled label="Owner">{c.ownerId ? ownerName(c.ownerId) : 'unassigned'}</Labeled>
          <Labeled label="Budget">{c.budget === null ? null : formatMoney(c.budget, c.currency)}</Labeled>
          <Labeled label="Actual cost">{c.actualCost === null ? null : formatMoney(c.actualCost, c.currency)}</Labeled>
          <Labeled label="Touches">{formatNumber(c.stats.touches)}</Labeled>
          <Labeled label="People reached">{formatNumber(c.stats.people)}</Labeled>
          <Labeled label="Accounts reached">{formatNumber(c.stats.accounts)}</Labeled>
          <Labeled label="Cost per person">{c.actualCost !== null && c.stats.people ? formatMoney(c.actualCost / c.stats.people, c.currency) : null}</Labeled>
        </SimpleGrid>
        {spent !== null ? (
          <Progress mt="sm" value={spent} color={c.actualCost! > c.budget! ? 'red' : 'blue'} aria-label={`${Math.round((c.actualCost! / c.budget!) * 100)} % of the budget spent`} />
        ) : null}
      </Card>
      {can('people:read') ? (
        <Card withBorder component="section" aria-label="Members">
          <Title order={3} size="h4" mb="xs">Members</Title>
          <Members id={c.id} />
        </Card>
      ) : null}
    </Stack>
  );
}
