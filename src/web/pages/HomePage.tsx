import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { qs } from '../api/client';
import { ROLE_LABELS, useSession, type Role } from '../api/session';
import type { Campaign, Opportunity, Person } from '../api/types';
import { campaignColumns, dealColumns, lostDealColumns, personColumns } from '../components/home/columns';
import { RecordPanel } from '../components/home/RecordPanel';
import { Scoreboard } from '../components/home/Scoreboard';
import { TeamPanel } from '../components/home/TeamPanel';
import { useTitle } from '../lib/use-title';

const people = (params: Record<string, string | number>) => `/api/v1/people${qs({ limit: 10, ...params })}`;
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
      return [<RecordPanel<Person> key="queue" title="Lead queue (oldest first)" url={people({ stage: 'mql', sort: 'updatedAt', order: 'asc' })} columns={personColumns} more="/people?stage=mql" empty="The queue is empty." />];
    case 'sales_rep':
      return [
        <RecordPanel<Person> key="accepted" title="Accepted leads" url={people({ stage: 'sal', ownerId: me, sort: 'updatedAt', order: 'desc' })} columns={personColumns} more={`/people?stage=sal&ownerId=${me}`} empty="No accepted leads waiting." />,
        openDeals('My open deals', me),
      ];
    case 'sales_manager':
      return [<TeamPanel key="team" />, openDeals('Team pipeline'), <RecordPanel<Person> key="waiting" title="Team leads waiting (oldest first)" url={people({ stage: 'mql', sort: 'updatedAt', order: 'asc' })} columns={personColumns} more="/people?stage=mql" empty="No leads waiting." />];
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
