import { Select, type SelectProps } from '@mantine/core';
import { useUserRefs } from '../api/lists';
import { useSession } from '../api/session';

const SCOPED = ['sdr', 'sales_rep', 'sales_manager'];

/**
 * Pick a user (owner filters and owner fields); searchable, disabled users marked. With `assignable`,
 * a seller sees only themselves and their team, the owners the API lets them give records to.
 */
export function OwnerSelect({ value, onChange, assignable, ...rest }: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null; onChange: (id: string | null) => void; assignable?: boolean;
}) {
  const users = useUserRefs();
  const session = useSession().data;
  const limit = assignable && session && SCOPED.includes(session.role) ? new Set(session.teamUserIds) : null;
  const data = (users.data ?? []).filter((u) => !limit || limit.has(u.id) || u.id === value).map((u) => ({ value: u.id, label: u.active ? u.name : `${u.name} (disabled)` }));
  return <Select searchable clearable data={data} value={value || null} onChange={onChange} nothingFoundMessage="Nobody by that name" {...rest} />;
}
