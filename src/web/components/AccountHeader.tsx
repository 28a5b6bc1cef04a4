import { Anchor, Badge, Card, Group, SimpleGrid, Title } from '@mantine/core';
import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import type { AccountDetail } from '../api/types';
import { formatNumber } from '../lib/format';
import { humanize } from '../lib/vocabulary';
import { EditRecordButton } from './forms/RecordFormButtons';
import { Labeled } from './Labeled';

const accountLink = (r: { id: string; name: string }) => <Anchor component={Link} to={`/accounts/${r.id}`}>{r.name}</Anchor>;

export function AccountHeader({ a }: { a: AccountDetail }) {
  return (
    <Card withBorder mb="md" component="section" aria-label="Account">
      <Group justify="space-between">
        <Title order={2}>{a.name}</Title>
        <Group gap="xs">
          {a.tier ? <Badge size="lg" variant="light">{humanize(a.tier)}</Badge> : null}
          <EditRecordButton kind="account" record={a} queryKey={['account', a.id]} />
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }} mt="sm" spacing="sm" verticalSpacing="xs">
        <Labeled label="Domains">{a.domains.join(', ')}</Labeled>
        <Labeled label="Industry">{a.industry}</Labeled>
        <Labeled label="Employees">{a.employeeCount === null ? null : formatNumber(a.employeeCount)}</Labeled>
        <Labeled label="Annual revenue">{a.annualRevenue === null ? null : formatNumber(a.annualRevenue)}</Labeled>
        <Labeled label="Country">{[a.country, a.region].filter(Boolean).join(' · ')}</Labeled>
        <Labeled label="Owner">{a.owner?.name ?? 'unassigned'}</Labeled>
        <Labeled label="Parent">{a.parent ? accountLink(a.parent) : null}</Labeled>
        <Labeled label="Subsidiaries">
          {a.children.length ? a.children.map((c, i) => <Fragment key={c.id}>{i ? ', ' : ''}{accountLink(c)}</Fragment>) : null}
        </Labeled>
      </SimpleGrid>
    </Card>
  );
}
