import { Select, type SelectProps } from '@mantine/core';
import { useUserRefs } from '../api/lists';

/** Pick a user (owner filters and owner fields); searchable, disabled users marked. */
export function OwnerSelect({ value, onChange, ...rest }: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string | null; onChange: (id: string | null) => void }) {
  const users = useUserRefs();
  const data = (users.data ?? []).map((u) => ({ value: u.id, label: u.active ? u.name : `${u.name} (disabled)` }));
  return <Select searchable clearable data={data} value={value || null} onChange={onChange} nothingFoundMessage="Nobody by that name" {...rest} />;
}
