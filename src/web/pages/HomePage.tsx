import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { qs } from '../api/client';
import { ROLE_LABELS, useSession, type Role } from '../api/session';
import type { Campaign, Opportunity, Person } from '../api/types';
import type { Handoff } from '../api/handoffs';
import { campaignColumns, dealColumns, lostDealColumns, personColumns } from '../components/home/columns';
import { handoffColumns } from '../components/home/handoff-columns';
import { RecordPanel } from '../components/home/RecordPanel';
import { Scoreboard } from '../components/home/Scoreboard';
import { TeamPanel } from '../components/home/TeamPanel';
import { useTitle } from '../lib/use-title';

const people = (params: Record<string, string | number>) => `/api/v1/people${qs({ limit: 10, ...params })}`;
const handoffs = (params: Record<string, string | number>) => `/api/v1/handoffs${qs({ limit: 10, sort: 'acceptDueAt', order: 'asc', ...params })}`;
const deals = (params: Record<string, string | number>) => `/api/v1/opportunities${qs({ limit: 10, ...params })}`;

/** Each role's work first: what this person should act on today, from the records they may see. */
function panels(role: Role, me: string) {
  const mqls = <RecordPanel<Person> key="mqls" title="Newest MQLs" url={people({ stage: 'mql', sort: 'updatedAt', order: 'desc' })} columns={personColumns} more="/people?stage=mql" empty="No MQLs right now." />;
  const openDeals = (title: string, owner?: string) => (
    <RecordPanel<Opportunity> key={`deals-${title}`} title={title} url={deals({ status: 'open', sort: 'closeDate', order: 'asc', ...(owner ? { ownerId: owner } : {}) })} columns={dealColumns} more="/opportunities?status=open" empty="No open deals." />
  );
  switch (role) {
    case 'marketing':
      return [mqls, <RecordPanel<Campaign> key="campaigns" title="Latest campaigns" url={`/api/v1/campaigns${qs({ limit: 10, sort: 'startsOn', order: 'desc' })}`} columns={campaignColumns} more="/campaigns" empty="No campaigns yet." />, <RecordPanel<Person> key="new" title="New leads" url={people({ stage: 'lead', sort: 'createdAt', order: 'desc' })} columns={personColumns} more="/people?stage=lead" empty="No new leads." />];
    case 'sdr':
      return [<RecordPanel<Handoff> key="queue" title="My lead queue (by deadline)" url={handoffs({ owner: 'me' })} columns={handoffColumns} more="/queue" empty="The queue is empty: every lead has an answer." />];
    case 'sales_rep':
      return [
        <RecordPanel<Handoff> key="to-answer" title="Leads to accept or reject" url={handoffs({ owner: 'me' })} columns={handoffColumns} more="/queue" empty="No leads waiting for your answer." />,
        <RecordPanel<Person> key="accepted" title="Accepted leads" url={people({ stage: 'sal', ownerId: me, sort: 'updatedAt', order: 'desc' })} columns={personColumns} more={`/people?stage=sal&ownerId=${me}`} empty="No accepted leads waiting." />,
        openDeals('My open deals', me),
      ];
    case 'sales_manager':
      return [<TeamPanel key="team" />, openDeals('Team pipeline'), <RecordPanel<Handoff> key="waiting" title="Team leads waiting (by deadline)" url={handoffs({})} columns={handoffColumns} more="/queue?scope=team" empty="No leads waiting." />,
        <RecordPanel<Handoff> key="breaches" title="SLA breaches still open" url={handoffs({ breached: 'true' })} columns={handoffColumns} more="/queue?scope=team&breached=true" empty="No breaches: every lead answered in time." />];
    case 'product':
      return [<RecordPanel<Opportunity> key="lost" title="Lost deals and why" url={deals({ status: 'lost', sort: 'createdAt', order: 'desc' })} columns={lostDealColumns} more="/opportunities?status=lost" empty="No lost deals." />];
    case 'exec':
    case 'admin':
      return [openDeals('Open pipeline'), <RecordPanel<Opportunity> key="won" title="Latest wins" url={deals({ status: 'won', sort: 'createdAt', order: 'desc' })} columns={dealColumns} more="/opportunities?status=won" empty="No won deals yet." />, mqls];
  }
}

export function HomePage() {
  useTitle('Home');
  const session = useSession().data!;
  return (
    <Stack>
      <div>
        <Title order={2}>Good to see you, {session.user.name.split(' ')[0]}</Title>
        <Text c="dimmed" size="sm">{ROLE_LABELS[session.role]} · your work first</Text>
      </div>
      {session.role === 'exec' || session.role === 'admin' || session.role === 'sales_manager' || session.role === 'marketing' ? <Scoreboard /> : null}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>{panels(session.role, session.user.id)}</SimpleGrid>
    </Stack>
  );
}
