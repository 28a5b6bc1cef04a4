import { Anchor, Badge, Card, Grid, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client';
import type { PersonDetail } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { Timeline } from '../components/Timeline';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return <div><Text size="xs" c="dimmed">{label}</Text><Text size="sm">{children || '—'}</Text></div>;
}

export function PersonPage() {
  const { id } = useParams();
  const q = useQuery({ queryKey: ['person', id], queryFn: () => api<PersonDetail>(`/api/v1/people/${id}`) });
  if (q.isLoading) return <Loader />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const p = q.data;
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card withBorder>
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2}>{[p.firstName, p.lastName].filter(Boolean).join(' ') || p.email}</Title>
              <Badge size="lg">{p.lifecycleStage}</Badge>
            </Group>
            <Text>{p.title}{p.companyName ? ` · ${p.companyName}` : ''}</Text>
            <SimpleGrid cols={2}>
              <Field label="E-mail">{p.email}</Field>
              <Field label="Phone">{p.phone}</Field>
              <Field label="Seniority">{p.seniority}</Field>
              <Field label="Buying role">{p.buyingRole}</Field>
              <Field label="Country">{p.country}</Field>
              <Field label="Account">{p.account ? <Anchor component={Link} to={`/accounts/${p.account.id}`}>{p.account.name}</Anchor> : null}</Field>
              <Field label="Owner">{p.owner?.name}</Field>
              <Field label="Original source">{[p.originalSource, p.originalChannel].filter(Boolean).join(' / ')}</Field>
              <Field label="Consent">{p.consentStatus}{p.consentAt ? ` (${new Date(p.consentAt).toLocaleDateString()}${p.consentSource ? `, ${p.consentSource}` : ''})` : ''}</Field>
              <Field label="Created">{new Date(p.createdAt).toLocaleString()}</Field>
              {Object.entries(p.custom).map(([k, v]) => <Field key={k} label={k}>{String(v ?? '')}</Field>)}
            </SimpleGrid>
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Title order={3} mb="sm">Timeline</Title>
        <Timeline base={`/api/v1/people/${p.id}/touchpoints`} />
      </Grid.Col>
    </Grid>
  );
}
