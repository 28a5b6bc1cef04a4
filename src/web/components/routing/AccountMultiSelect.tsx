import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, qs } from '../../api/client';
import type { Account, Page } from '../../api/types';

/** Pick several accounts by typing part of a name or domain (GET /api/v1/accounts?q=); the chosen ones keep their names. */
export function AccountMultiSelect({ value, onChange, ...rest }: Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & { value: string[]; onChange: (ids: string[]) => void }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 200);
  const found = useQuery({
    queryKey: ['account-picker', q],
    queryFn: () => api<Page<Account>>(`/api/v1/accounts${qs({ q: q || undefined, limit: 20, sort: 'name', order: 'asc' })}`),
  });
  const listed = new Map((found.data?.data ?? []).map((a) => [a.id, a.name]));
  const chosen = useQueries({
    queries: value.map((id) => ({ queryKey: ['account', id], staleTime: 5 * 60_000, queryFn: () => api<Account>(`/api/v1/accounts/${id}`) })),
  });
  const names = new Map<string, string>();
  value.forEach((id, i) => names.set(id, chosen[i]?.data?.name ?? listed.get(id) ?? (chosen[i]?.isError ? `unknown account ${id.slice(0, 8)}` : '…')));
  for (const [id, name] of listed) if (!names.has(id)) names.set(id, name);
  return (
    <MultiSelect searchable clearable filter={({ options }) => options} data={[...names].map(([id, name]) => ({ value: id, label: name }))}
      value={value} onChange={onChange} searchValue={search} onSearchChange={setSearch} hidePickedOptions={false}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No account matches'} {...rest} />
  );
}
