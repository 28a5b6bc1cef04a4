import { Anchor, Grid, Loader, Stack, Title } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { usePerson } from '../api/people';
import { ErrorAlert } from '../components/ErrorAlert';
import { PersonProfile } from '../components/PersonProfile';
import { ScoreCard } from '../components/ScoreCard';
import { QualificationCard } from '../components/QualificationCard';
import { EditRecordButton } from '../components/forms/RecordFormButtons';
import { Timeline } from '../components/Timeline';
import { fullName } from '../lib/format';
import { useTitle } from '../lib/use-title';

export function PersonPage() {
  const { id } = useParams();
  const q = usePerson(id);
  useTitle(q.data ? fullName(q.data) : 'Person');
  if (q.isLoading) return <Loader aria-label="Loading person" />;
  if (q.error || !q.data) return <><ErrorAlert error={q.error} /><Anchor component={Link} to="/people">Back to people</Anchor></>;
  const p = q.data;
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack>
          <PersonProfile p={p} actions={<EditRecordButton kind="person" record={p} queryKey={['person', p.id]} />} />
          <ScoreCard personId={p.id} />
          <QualificationCard personId={p.id} stage={p.lifecycleStage} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Title order={3} mb="sm">Timeline</Title>
        <Timeline base={`/api/v1/people/${p.id}/touchpoints`} />
      </Grid.Col>
    </Grid>
  );
}
