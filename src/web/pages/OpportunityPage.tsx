import { Anchor, Badge, Card, Grid, Group, Loader, SimpleGrid, Stack, Title } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { useOpportunity } from '../api/opportunities';
import { EvidenceCard } from '../components/attribution/EvidenceCard';
import { ContactRoles } from '../components/ContactRoles';
import { ErrorAlert } from '../components/ErrorAlert';
import { EditRecordButton } from '../components/forms/RecordFormButtons';
import { Labeled } from '../components/Labeled';
import { Timeline } from '../components/Timeline';
import { formatDate, formatDateTime, formatMoney } from '../lib/format';
import { useTitle } from '../lib/use-title';
import { humanize } from '../lib/vocabulary';

export function OpportunityPage() {
  const { id } = useParams();
  const q = useOpportunity(id);
  useTitle(q.data?.name ?? 'Opportunity');
  if (q.isLoading) return <Loader aria-label="Loading opportunity" />;
  if (q.error || !q.data) return <><ErrorAlert error={q.error} /><Anchor component={Link} to="/opportunities">Back to opportunities</Anchor></>;
  const o = q.data;
  const status = o.isWon === null ? 'open' : o.isWon ? 'won' : 'lost';
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack>
          <Card withBorder component="section" aria-label="Opportunity">
            <Group justify="space-between" align="start">
              <div>
                <Title order={2}>{o.name}</Title>
                <Anchor component={Link} to={`/accounts/${o.account.id}`}>{o.account.name}</Anchor>
              </div>
              <Group gap="xs">
                <Badge size="lg" variant="light" color={status === 'won' ? 'green' : status === 'lost' ? 'red' : 'blue'}>{status}</Badge>
                <EditRecordButton kind="opportunity" record={o} queryKey={['opportunity', o.id]} />
              </Group>
            </Group>
            <SimpleGrid cols={2} mt="sm" spacing="sm" verticalSpacing="xs">
              <Labeled label="Amount">{formatMoney(o.amount, o.currency)}</Labeled>
              <Labeled label="Stage">{humanize(o.stage)}</Labeled>
              <Labeled label="Owner">{o.owner?.name ?? 'unassigned'}</Labeled>
              <Labeled label="Close date">{formatDate(o.closeDate)}</Labeled>
              <Labeled label="Created">{formatDateTime(o.createdAt)}</Labeled>
              <Labeled label="Closed">{o.closedAt ? formatDateTime(o.closedAt) : null}</Labeled>
              {o.isWon === false ? <Labeled label="Lost reason">{o.lostReason}</Labeled> : null}
            </SimpleGrid>
          </Card>
          <Card withBorder component="section" aria-label="Buying committee">
            <Title order={3} size="h4" mb="xs">Buying committee</Title>
            <ContactRoles o={o} />
          </Card>
          <EvidenceCard opportunityId={o.id} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Title order={3} mb="sm">Timeline of the account</Title>
        <Timeline base={`/api/v1/accounts/${o.account.id}/touchpoints`} />
      </Grid.Col>
    </Grid>
  );
}
