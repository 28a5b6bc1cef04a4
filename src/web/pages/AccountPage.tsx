import { Anchor, Badge, Card, Group, Loader, SimpleGrid, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client';
import type { AccountDetail, Opportunity, Page, Person } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { Timeline } from '../components/Timeline';

export function AccountPage() {
  const { id } = useParams();
  const q = useQuery({ queryKey: ['account', id], queryFn: () => api<AccountDetail>(`/api/v1/accounts/${id}`) });
  const people = useQuery({ queryKey: ['account-people', id], queryFn: () => api<Page<Person>>(`/api/v1/people?accountId=${id}&limit=200&sort=lastName&order=asc`) });
  const deals = useQuery({ queryKey: ['account-deals', id], queryFn: () => api<Page<Opportunity>>(`/api/v1/opportunities?accountId=${id}&limit=200`) });
  if (q.isLoading) return <Loader />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const a = q.data;
  return (
    <>
      <Card withBorder mb="md">
        <Group justify="space-between">
          <Title order={2}>{a.name}</Title>
          {a.tier ? <Badge size="lg">{a.tier.replace('_', ' ')}</Badge> : null}
        </Group>
        <SimpleGrid cols={{ base: 2, md: 4 }} mt="sm">
          <div><Text size="xs" c="dimmed">Domains</Text><Text size="sm">{a.domains.join(', ') || '—'}</Text></div>
          <div><Text size="xs" c="dimmed">Industry</Text><Text size="sm">{a.industry ?? '—'}</Text></div>
          <div><Text size="xs" c="dimmed">Employees</Text><Text size="sm">{a.employeeCount?.toLocaleString() ?? '—'}</Text></div>
          <div><Text size="xs" c="dimmed">Annual revenue</Text><Text size="sm">{a.annualRevenue?.toLocaleString() ?? '—'}</Text></div>
          <div><Text size="xs" c="dimmed">Country</Text><Text size="sm">{a.country ?? '—'}</Text></div>
          <div><Text size="xs" c="dimmed">Owner</Text><Text size="sm">{a.owner?.name ?? 'unassigned'}</Text></div>
          <div><Text size="xs" c="dimmed">Parent</Text><Text size="sm">{a.parent ? <Anchor component={Link} to={`/accounts/${a.parent.id}`}>{a.parent.name}</Anchor> : '—'}</Text></div>
          <div><Text size="xs" c="dimmed">Subsidiaries</Text><Text size="sm">{a.children.length ? a.children.map((c, i) => <span key={c.id}>{i ? ', ' : ''}<Anchor component={Link} to={`/accounts/${c.id}`}>{c.name}</Anchor></span>) : '—'}</Text></div>
        </SimpleGrid>
      </Card>
      <Tabs defaultValue="sites" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="sites">Sites ({a.sites.length})</Tabs.Tab>
          <Tabs.Tab value="people">People ({a.counts.people})</Tabs.Tab>
          <Tabs.Tab value="touches">Touches ({a.counts.touchpoints})</Tabs.Tab>
          <Tabs.Tab value="deals">Opportunities ({a.counts.opportunities})</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sites" pt="md">
          <Table aria-label="Sites"><Table.Thead><Table.Tr><Table.Th>Site</Table.Th><Table.Th>City</Table.Th><Table.Th>Country</Table.Th><Table.Th>Headcount</Table.Th><Table.Th>Business unit</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>{a.sites.map((s) => <Table.Tr key={s.id}><Table.Td>{s.name}</Table.Td><Table.Td>{s.city}</Table.Td><Table.Td>{s.country}</Table.Td><Table.Td>{s.headcount?.toLocaleString()}</Table.Td><Table.Td>{s.businessUnit}</Table.Td></Table.Tr>)}</Table.Tbody>
          </Table>
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="md">
          <ErrorAlert error={people.error} />
          <Table aria-label="People at this account"><Table.Thead><Table.Tr><Table.Th>Name</Table.Th><Table.Th>Title</Table.Th><Table.Th>Buying role</Table.Th><Table.Th>Stage</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>{(people.data?.data ?? []).map((p) => <Table.Tr key={p.id}><Table.Td><Anchor component={Link} to={`/people/${p.id}`}>{[p.firstName, p.lastName].filter(Boolean).join(' ') || p.email}</Anchor></Table.Td><Table.Td>{p.title}</Table.Td><Table.Td>{p.buyingRole}</Table.Td><Table.Td><Badge variant="light">{p.lifecycleStage}</Badge></Table.Td></Table.Tr>)}</Table.Tbody>
          </Table>
        </Tabs.Panel>
        <Tabs.Panel value="touches" pt="md"><Timeline base={`/api/v1/accounts/${a.id}/touchpoints`} /></Tabs.Panel>
        <Tabs.Panel value="deals" pt="md">
          <ErrorAlert error={deals.error} />
          <Table aria-label="Opportunities"><Table.Thead><Table.Tr><Table.Th>Name</Table.Th><Table.Th>Amount</Table.Th><Table.Th>Stage</Table.Th><Table.Th>Close date</Table.Th><Table.Th>Outcome</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>{(deals.data?.data ?? []).map((o) => <Table.Tr key={o.id}><Table.Td>{o.name}</Table.Td><Table.Td>{o.amount.toLocaleString()} {o.currency}</Table.Td><Table.Td>{o.stage}</Table.Td><Table.Td>{o.closeDate}</Table.Td><Table.Td>{o.isWon === null ? 'open' : o.isWon ? 'won' : `lost${o.lostReason ? ` (${o.lostReason})` : ''}`}</Table.Td></Table.Tr>)}</Table.Tbody>
          </Table>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
