import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../api/client';
import type { Campaign, Page } from '../api/types';

/** Every campaign by name (a company runs hundreds, not thousands), cached for the session. */
function useCampaignRefs() {
  return useQuery({
    queryKey: ['campaigns', 'refs'],
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const out: { value: string; label: string }[] = [];
      let cursor: string | undefined;
      do {
        const page = await api<Page<Campaign>>(`/api/v1/campaigns${qs({ limit: 500, cursor, sort: 'name', order: 'asc' })}`);
        out.push(...page.data.map((c) => ({ value: c.id, label: c.name })));
        cursor = page.nextCursor ?? undefined;
      } while (cursor && out.length < 5000);
      return out;
    },
  });
}

/** Pick a campaign (list filters); searchable by name. */
export function CampaignSelect({ value, onChange, ...rest }: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null; onChange: (id: string | null) => void;
}) {
  const campaigns = useCampaignRefs();
  return <Select searchable clearable data={campaigns.data ?? []} value={value || null} onChange={onChange} nothingFoundMessage="No campaign by that name" {...rest} />;
}
