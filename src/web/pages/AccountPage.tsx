import { Anchor, Loader, Tabs } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useAccount } from '../api/accounts';
import { AccountHeader } from '../components/AccountHeader';
import { AccountScoreCard } from '../components/AccountScoreCard';
import { AccountOpportunities } from '../components/AccountOpportunities';
import { AccountPeople } from '../components/AccountPeople';
import { AccountSites } from '../components/AccountSites';
import { ErrorAlert } from '../components/ErrorAlert';
import { Timeline } from '../components/Timeline';
import { useTitle } from '../lib/use-title';

const TABS = ['sites', 'people', 'touches', 'opportunities'];

export function AccountPage() {
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = TABS.includes(params.get('tab') ?? '') ? params.get('tab')! : 'sites';
  const q = useAccount(id);
  useTitle(q.data?.name ?? 'Account');
  if (q.isLoading) return <Loader aria-label="Loading account" />;
  if (q.error || !q.data) return <><ErrorAlert error={q.error} /><Anchor component={Link} to="/accounts">Back to accounts</Anchor></>;
  const a = q.data;
  return (
    <>
      <AccountHeader a={a} />
      <AccountScoreCard accountId={a.id} />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'sites' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="sites">Sites ({a.sites.length})</Tabs.Tab>
          <Tabs.Tab value="people">People ({a.counts.people})</Tabs.Tab>
          <Tabs.Tab value="touches">Touches ({a.counts.touchpoints})</Tabs.Tab>
          <Tabs.Tab value="opportunities">Opportunities ({a.counts.opportunities})</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sites" pt="md"><AccountSites sites={a.sites} /></Tabs.Panel>
        <Tabs.Panel value="people" pt="md"><AccountPeople accountId={a.id} /></Tabs.Panel>
        <Tabs.Panel value="touches" pt="md"><Timeline base={`/api/v1/accounts/${a.id}/touchpoints`} /></Tabs.Panel>
        <Tabs.Panel value="opportunities" pt="md"><AccountOpportunities accountId={a.id} /></Tabs.Panel>
      </Tabs>
    </>
  );
}
