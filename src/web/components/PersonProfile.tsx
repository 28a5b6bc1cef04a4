import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useStageLabel } from '../api/stage-labels';
import type { PersonDetail } from '../api/types';
import { formatDate, formatDateTime, formatValue, fullName } from '../lib/format';
import { humanize } from '../lib/vocabulary';
import { Labeled } from './Labeled';
import { StageBadge } from './StageBadge';

const h = (v: string | null) => (v ? humanize(v) : null);

export function PersonProfile({ p, actions }: { p: PersonDetail; actions?: ReactNode }) {
  const custom = Object.entries(p.custom ?? {});
  const stageLabel = useStageLabel();
  return (
    <Card withBorder component="section" aria-label="Profile">
      <Stack gap="sm">
        <Group justify="space-between" align="start" wrap="nowrap">
          <div>
            <Title order={2}>{fullName(p)}</Title>
            <Text c="dimmed">{[p.title, p.companyName].filter(Boolean).join(' · ')}</Text>
          </div>
          <Group gap="xs" wrap="nowrap">
            <StageBadge stage={p.lifecycleStage} size="lg" style={{ flexShrink: 0 }} aria-label={`Lifecycle stage: ${stageLabel(p.lifecycleStage)}`} />
            {actions}
          </Group>
        </Group>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
          <Labeled label="E-mail"><Anchor href={`mailto:${p.email}`}>{p.email}</Anchor></Labeled>
          <Labeled label="Phone">{p.phone}</Labeled>
          <Labeled label="Title">{p.title}</Labeled>
          <Labeled label="Seniority">{h(p.seniority)}</Labeled>
          <Labeled label="Company">{p.companyName}</Labeled>
          <Labeled label="Account">{p.account ? <Anchor component={Link} to={`/accounts/${p.account.id}`}>{p.account.name}</Anchor> : null}</Labeled>
          <Labeled label="Buying role">{h(p.buyingRole)}</Labeled>
          <Labeled label="Country">{[p.country, p.region].filter(Boolean).join(' · ')}</Labeled>
          <Labeled label="Owner">{p.owner?.name ?? 'unassigned'}</Labeled>
          <Labeled label="Source">{[h(p.originalSource), h(p.originalChannel)].filter(Boolean).join(' / ')}</Labeled>
          <Labeled label="Consent">
            {humanize(p.consentStatus)}{p.consentAt ? ` on ${formatDate(p.consentAt)}` : ''}{p.consentSource ? ` (${p.consentSource})` : ''}
          </Labeled>
          <Labeled label="Created">{formatDateTime(p.createdAt)}</Labeled>
        </SimpleGrid>
        {custom.length ? (
          <>
            <Title order={3} size="h5" mt="xs">Custom fields</Title>
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
              {custom.map(([k, v]) => <Labeled key={k} label={k}>{formatValue(v)}</Labeled>)}
            </SimpleGrid>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
