import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { CalendarsPanel } from '../components/routing/CalendarsPanel';
import { MembersPanel } from '../components/routing/MembersPanel';
import { RulesPanel } from '../components/routing/RulesPanel';
import { SlaPanel } from '../components/routing/SlaPanel';
import { TestPanel } from '../components/routing/TestPanel';
import { useCan } from '../lib/permissions';
import { useTitle } from '../lib/use-title';

const TABS = ['rules', 'test', 'members', 'sla', 'calendars'] as const;

/**
 * Lead routing for sales managers: the rules tried in order, the test panel ("where would this
 * person go, and why?"), the members round-robin shares leads among, SLA policies and working
 * calendars. Everyone with routing:read sees it; the editing controls need routing:write.
 */
export function RoutingPage() {
  useTitle('Routing');
  const can = useCan();
  const write = can('routing:write');
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab = TABS.includes(asked as (typeof TABS)[number]) ? asked! : 'rules';
  return (
    <Stack>
      <Title order={2}>Routing</Title>
      {!write ? <Text size="sm" c="dimmed">Read only: sales managers and admins change routing. You can record your own out-of-office days under Members.</Text> : null}
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'rules' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="rules">Rules</Tabs.Tab>
          <Tabs.Tab value="test">Test</Tabs.Tab>
          <Tabs.Tab value="members">Members</Tabs.Tab>
          <Tabs.Tab value="sla">SLA policies</Tabs.Tab>
          <Tabs.Tab value="calendars">Calendars</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rules" pt="md"><RulesPanel write={write} /></Tabs.Panel>
        <Tabs.Panel value="test" pt="md"><TestPanel /></Tabs.Panel>
        <Tabs.Panel value="members" pt="md"><MembersPanel write={write} /></Tabs.Panel>
        <Tabs.Panel value="sla" pt="md"><SlaPanel write={write} /></Tabs.Panel>
        <Tabs.Panel value="calendars" pt="md"><CalendarsPanel write={write} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
