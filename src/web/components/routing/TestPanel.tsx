import { Alert, Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, qs } from '../../api/client';
import { useTestRouting, type RoutingRuleKind, type RoutingTestInput, type RoutingTestResult } from '../../api/routing';
import type { Page, Person } from '../../api/types';
import { fieldErrors } from '../../lib/field-errors';
import { formatDateTime, fullName } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { KIND_LABEL, OutcomeBadge } from './RuleWords';

const kindLabel = (k: string) => KIND_LABEL[k as RoutingRuleKind] ?? k.replace(/_/g, ' ');

/** Pick a real person by name or e-mail (GET /api/v1/people?q=). */
function PersonPicker({ value, onChange, error }: { value: string | null; onChange: (id: string | null, label: string | null) => void; error?: string }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 200);
  const found = useQuery({
    queryKey: ['person-picker', q], enabled: q.length >= 2,
    queryFn: () => api<Page<Person>>(`/api/v1/people${qs({ q, limit: 20 })}`),
  });
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const data = (found.data?.data ?? []).map((p) => ({ value: p.id, label: `${fullName(p)} <${p.email}>` }));
  if (picked && !data.some((d) => d.value === picked.value)) data.unshift(picked);
  return (
    <Select label="A person" placeholder="Type a name or e-mail" searchable clearable filter={({ options }) => options} data={data} value={value}
      searchValue={search} onSearchChange={setSearch} error={error}
      onChange={(id, option) => { setPicked(option ? { value: option.value, label: option.label } : null); onChange(id, option?.label ?? null); }}
      nothingFoundMessage={q.length < 2 ? 'Type at least two letters' : found.isFetching ? 'Searching…' : 'Nobody matches'} />
  );
}

/** The matched account by name, a link to it (a reader outside its scope gets a 403 there, not here). */
function AccountName({ id, name }: { id: string; name: string | null }) {
  return <Anchor component={Link} to={`/accounts/${id}`}>{name ?? 'the account'}</Anchor>;
}

function Result({ r }: { r: RoutingTestResult }) {
  const matched = r.trace.find((t) => t.outcome === 'matched');
  const confidence = r.match ? Math.round(r.match.confidence * 100) : null;
  return (
    <Stack aria-label="Routing decision" role="region">
      <Card withBorder>
        <Stack gap={6}>
          <Group gap="xs">
            <Text size="lg">Goes to <strong data-testid="routing-owner">{r.ownerName}</strong></Text>
            {r.lastResort ? <Badge color="orange" variant="light">last resort</Badge> : null}
          </Group>
          <Text size="sm">
            Rule: {matched ? <strong>{matched.rule}</strong> : <strong>none</strong>} <Badge size="sm" variant="light">{kindLabel(r.ruleKind)}</Badge>
          </Text>
          <Text size="sm">Why: {r.why}</Text>
        </Stack>
      </Card>
      {r.notes.map((n) => <Alert key={n} color="yellow" variant="light">{n}</Alert>)}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={4} size="h5" mb="xs">Account match</Title>
          {r.match ? (
            <Stack gap={4}>
              <Text size="sm">Matched <AccountName id={r.match.accountId} name={r.match.accountName} /> by {r.match.detail}</Text>
              <Group gap="xs">
                <Text size="sm">Confidence</Text>
                <Badge color={confidence! >= 80 ? 'green' : confidence! >= 50 ? 'yellow' : 'red'} variant="light" aria-label="Match confidence">{confidence}%</Badge>
                <Text size="xs" c="dimmed">via {r.match.via}</Text>
              </Group>
            </Stack>
          ) : <Text size="sm" c="dimmed">No account matched (by e-mail domain or company name).</Text>}
        </Card>
        <Card withBorder>
          <Title order={4} size="h5" mb="xs">SLA deadlines, if it came in now</Title>
          <Table aria-label="SLA deadlines" withRowBorders={false} verticalSpacing={2}>
            <Table.Tbody>
              <Table.Tr><Table.Td>Accept or reject by</Table.Td><Table.Td>{formatDateTime(r.deadlines.acceptDueAt)}</Table.Td></Table.Tr>
              <Table.Tr><Table.Td>First touch by</Table.Td><Table.Td>{formatDateTime(r.deadlines.firstTouchDueAt)}</Table.Td></Table.Tr>
              <Table.Tr><Table.Td>Reminder at</Table.Td><Table.Td>{formatDateTime(r.deadlines.remindAt)}</Table.Td></Table.Tr>
              <Table.Tr><Table.Td>Reassigned at</Table.Td><Table.Td>{formatDateTime(r.deadlines.reassignAt)}</Table.Td></Table.Tr>
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
      <Title order={4} size="h5">Every rule tried</Title>
      <Table striped aria-label="Rules tried">
        <Table.Thead><Table.Tr><Table.Th>#</Table.Th><Table.Th>Rule</Table.Th><Table.Th>Kind</Table.Th><Table.Th>Outcome</Table.Th><Table.Th>Reason</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {r.trace.map((t, i) => (
            <Table.Tr key={`${t.ruleId}-${i}`}>
              <Table.Td>{i + 1}</Table.Td><Table.Td>{t.rule}</Table.Td><Table.Td>{kindLabel(t.kind)}</Table.Td>
              <Table.Td><OutcomeBadge outcome={t.outcome} /></Table.Td><Table.Td><Text size="sm">{t.reason}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {r.trace.length === 0 ? <Text size="sm" c="dimmed">No active rules were tried.</Text> : null}
      {r.lastResort ? <Text size="sm" c="dimmed">No rule gave an available owner, so the lead goes to the last resort.</Text> : null}
      {r.skipped.length ? (
        <>
          <Title order={4} size="h5">Round-robin passed over</Title>
          <Table striped aria-label="Members passed over">
            <Table.Thead><Table.Tr><Table.Th>Member</Table.Th><Table.Th>Why</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>{r.skipped.map((s) => <Table.Tr key={s.userId}><Table.Td>{s.name}</Table.Td><Table.Td>{s.reason}</Table.Td></Table.Tr>)}</Table.Tbody>
          </Table>
        </>
      ) : null}
    </Stack>
  );
}

/** "Where would this person go, and why?": the rules as they stand, nothing written. */
export function TestPanel() {
  const test = useTestRouting();
  const [personId, setPersonId] = useState<string | null>(null);
  const [fields, setFields] = useState({ email: '', companyName: '', country: '', region: '' });
  const errors = fieldErrors(test.error);
  const placed = Object.keys(errors).some((k) => k === 'personId' || k in fields);
  const field = (key: keyof typeof fields) => ({
    value: fields[key], error: errors[key], onChange: (e: ChangeEvent<HTMLInputElement>) => { const v = e.currentTarget.value; setFields((f) => ({ ...f, [key]: v })); },
  });
  const submit = () => {
    const body: RoutingTestInput = personId ? { personId } : Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v));
    test.mutate(body);
  };
  return (
    <Stack>
      <Text c="dimmed" size="sm">Where would this person go, and why? Pick a real person, or describe one. The rules are tried as they stand now; nothing is written.</Text>
      <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate aria-label="Test routing">
        <Stack>
          <PersonPicker value={personId} onChange={(id) => setPersonId(id)} error={errors.personId} />
          <Text size="xs" c="dimmed">{personId ? 'The person’s own details are used; clear the person to describe one instead.' : '…or describe a lead:'}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <TextInput label="E-mail" type="email" placeholder="ana@example.com" disabled={!!personId} {...field('email')} />
            <TextInput label="Company" placeholder="Example GmbH" disabled={!!personId} {...field('companyName')} />
            <TextInput label="Country" placeholder="DE" disabled={!!personId} {...field('country')} />
            <TextInput label="Region" placeholder="EMEA" disabled={!!personId} {...field('region')} />
          </SimpleGrid>
          <Group><Button type="submit" loading={test.isPending}>Where would this go?</Button></Group>
        </Stack>
      </form>
      {test.error && !placed ? <ErrorAlert error={test.error} /> : null}
      {test.data && !test.isPending ? <Result r={test.data} /> : null}
    </Stack>
  );
}
