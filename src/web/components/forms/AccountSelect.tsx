import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, qs } from '../../api/client';
import type { Account, Page } from '../../api/types';

/** Pick an account by typing part of its name or domain (the accounts the user may see). */
export function AccountSelect({ value, onChange, ...rest }: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string; onChange: (id: string | null) => void }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 200);
  const found = useQuery({
    queryKey: ['account-picker', q],
    queryFn: () => api<Page<Account>>(`/api/v1/accounts${qs({ q: q || undefined, limit: 20, sort: 'name', order: 'asc' })}`),
  });
  const current = useQuery({
    queryKey: ['account', value], enabled: !!value && !found.data?.data.some((a) => a.id === value),
    queryFn: () => api<Account>(`/api/v1/accounts/${value}`),
  });
  const options = [...(found.data?.data ?? [])];
  if (current.data && !options.some((a) => a.id === current.data.id)) options.unshift(current.data);
  return (
    <Select searchable clearable filter={({ options: o }) => o} data={options.map((a) => ({ value: a.id, label: a.name }))}
      value={value || null} onChange={onChange} searchValue={search} onSearchChange={setSearch}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No account matches'} {...rest} />
  );
}
