import { Alert, Badge, Button, Code, CopyButton, Group, Modal, PasswordInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { TEAM_KINDS } from '../../../db/schema/vocabulary';
import { useCreateTeam, useTeams, useUserWrite } from '../../api/admin';
import { exportUrl, useList, useUserNames } from '../../api/lists';
import { ROLE_LABELS } from '../../api/session';
import type { SortOrder, User } from '../../api/types';
import { columnChoices, type Column } from '../../components/DataTable';
import { PagedTable } from '../../components/PagedTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecordForm, type FieldSpec } from '../../components/forms/RecordForm';
import { formValues } from '../../components/forms/record-fields';
import { ListToolbar } from '../../components/ListToolbar';
import { SearchInput } from '../../components/SearchInput';
import { fieldErrors } from '../../lib/field-errors';
import { formatDateTime } from '../../lib/format';
import { useCan } from '../../lib/permissions';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useHiddenColumns } from '../../lib/use-hidden-columns';
import { useTitle } from '../../lib/use-title';
import { compact, useUrlState } from '../../lib/use-url-state';
import { humanize } from '../../lib/vocabulary';

const PATH = '/api/v1/users';
const DEFAULTS = { q: '', role: '', active: '', sort: 'name', order: 'asc' };
const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

const TEAM_FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Name', kind: 'text', required: true },
  { name: 'kind', label: 'Kind', kind: 'select', options: TEAM_KINDS, required: true },
  { name: 'managerId', label: 'Manager', kind: 'owner' },
];

function userFields(teams: { value: string; label: string }[], creating: boolean): FieldSpec[] {
  return [
    ...(creating ? [{ name: 'email', label: 'E-mail', kind: 'email', required: true } as FieldSpec] : []),
    { name: 'name', label: 'Name', kind: 'text', required: true },
    { name: 'role', label: 'Role', kind: 'select', data: ROLE_OPTIONS, required: true },
    { name: 'teamId', label: 'Team', kind: 'select', data: teams },
    { name: 'managerId', label: 'Manager', kind: 'owner' },
    ...(creating ? [{ name: 'password', label: 'Initial password', kind: 'password', description: 'At least 10 characters; the user can change it after signing in' } as FieldSpec] : []),
  ];
}

/** The admin types a new password or lets Truce generate one; either way it is shown once. */
function ResetPassword({ user, onClose }: { user: User; onClose: () => void }) {
  const reset = useUserWrite<{ password: string }>('POST', () => `${PATH}/${user.id}/reset-password`);
  const [password, setPassword] = useState('');
  const errors = fieldErrors(reset.error);
  const submit = (e: FormEvent) => { e.preventDefault(); reset.mutate(password ? { password } : {}); };
  return (
    <Modal opened onClose={onClose} title={`Reset the password of ${user.name}`}>
      {reset.data ? (
        <Stack>
          <Alert color="green" title="Password reset">Give {user.name} this password; it is shown once. All of their sessions were ended (they are signed out everywhere) and the account is unlocked.</Alert>
          <Code block aria-label="New password">{reset.data.password}</Code>
          <Group justify="flex-end">
            <CopyButton value={reset.data.password}>{({ copied, copy }) => <Button variant="default" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} aria-label="Reset password">
          <Stack>
            <Text size="sm">Resetting ends all of {user.name}'s sessions and unlocks the account.</Text>
            <PasswordInput label="New password" description="At least 10 characters; leave empty to generate one" autoComplete="new-password"
              value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={errors.password} aria-invalid={!!errors.password} />
            <ErrorAlert error={errors.password ? null : reset.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>Cancel</Button>
              <Button type="submit" color="red" loading={reset.isPending}>Reset password</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** Teams: sellers' record scope follows them, so a manager sees their team's records. */
function Teams({ manage, onClose }: { manage: boolean; onClose: () => void }) {
  const teams = useTeams();
  const create = useCreateTeam();
  const userName = useUserNames();
  const [adding, setAdding] = useState(false);
  return (
    <Modal opened onClose={onClose} title="Teams" size="lg">
      <ErrorAlert error={teams.error} />
      <Table striped aria-label="Teams">
        <Table.Thead><Table.Tr><Table.Th>Name</Table.Th><Table.Th>Kind</Table.Th><Table.Th>Manager</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {(teams.data?.data ?? []).map((t) => (
            <Table.Tr key={t.id}><Table.Td>{t.name}</Table.Td><Table.Td>{humanize(t.kind)}</Table.Td><Table.Td>{userName(t.managerId)}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {manage ? <Group justify="flex-end" mt="md"><Button onClick={() => { create.reset(); setAdding(true); }}>New team</Button></Group> : null}
      {adding ? (
        <RecordForm title="New team" fields={TEAM_FIELDS} initial={null} opened onClose={() => setAdding(false)}
          submit={(p) => create.mutate(p, { onSuccess: () => setAdding(false) })} pending={create.isPending} error={create.error} submitLabel="Create team" />
      ) : null}
    </Modal>
  );
}

export function UsersPage() {
  useTitle('Users');
  const [state, set] = useUrlState(DEFAULTS);
  const [hidden, setHidden] = useHiddenColumns();
  const filters = compact({ q: state.q, role: state.role, active: state.active });
  const sort = { sort: state.sort, order: state.order as SortOrder };
  const pages = useCursorPages(JSON.stringify([filters, sort]));
  const query = useList<User>(PATH, { ...filters, ...sort }, pages.cursor);
  const teams = (useTeams().data?.data ?? []).map((t) => ({ value: t.id, label: t.name }));
  const teamName = (id: string | null) => teams.find((t) => t.value === id)?.label ?? '—';
  const userName = useUserNames();
  const manage = useCan()('users:manage');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [showTeams, setShowTeams] = useState(false);
  const create = useUserWrite('POST', () => PATH);
  const update = useUserWrite('PATCH', (b) => `${PATH}/${String(b._id)}`);
  const columns: Column<User>[] = [
    { id: 'name', header: 'Name', sortKey: 'name', cell: ({ row }) => row.original.name },
    { id: 'email', header: 'E-mail', sortKey: 'email', cell: ({ row }) => row.original.email },
    { id: 'role', header: 'Role', cell: ({ row }) => ROLE_LABELS[row.original.role as keyof typeof ROLE_LABELS] ?? row.original.role },
    { id: 'team', header: 'Team', cell: ({ row }) => teamName(row.original.teamId) },
    { id: 'manager', header: 'Manager', cell: ({ row }) => userName(row.original.managerId) },
    { id: 'status', header: 'Status', cell: ({ row }) => {
      const u = row.original;
      const locked = u.lockedUntil && new Date(u.lockedUntil) > new Date();
      return <Badge variant="light" color={!u.active ? 'gray' : locked ? 'orange' : 'green'}>{!u.active ? 'disabled' : locked ? 'locked' : 'active'}</Badge>;
    } },
    { id: 'lastSignIn', header: 'Last sign-in', cell: ({ row }) => formatDateTime(row.original.lastSignInAt) },
    ...(!manage ? [] : [{ id: 'actions', header: 'Actions', cell: ({ row }) => {
      const u = row.original;
      return (
        <Group gap={4} wrap="nowrap">
          <Button size="xs" variant="default" aria-label={`Edit ${u.name}`} onClick={() => { update.reset(); setEditing(u); }}>Edit</Button>
          <Button size="xs" variant="default" aria-label={`Reset the password of ${u.name}`} onClick={() => setResetting(u)}>Reset password</Button>
          <Button size="xs" variant="subtle" color={u.active ? 'red' : 'green'} aria-label={`${u.active ? 'Disable' : 'Enable'} ${u.name}`}
            onClick={() => update.mutate({ _id: u.id, active: !u.active })}>{u.active ? 'Disable' : 'Enable'}</Button>
        </Group>
      );
    } } satisfies Column<User>]),
  ];
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>Users</Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => setShowTeams(true)}>Teams</Button>
          {manage ? <Button onClick={() => { create.reset(); setCreating(true); }}>New user</Button> : null}
          <ListToolbar list="users" columns={columnChoices(columns)} hidden={hidden} onHiddenChange={setHidden} exportHref={exportUrl(PATH, { ...filters, ...sort })} />
        </Group>
      </Group>
      <Group mb="md" align="end" role="search" aria-label="Filter users">
        <SearchInput label="Search" placeholder="name or e-mail" value={state.q} onSearch={(q) => set({ q })} w={240} />
        <Select label="Role" placeholder="Any role" clearable data={ROLE_OPTIONS} value={state.role || null} onChange={(v) => set({ role: v })} w={180} />
        <Select label="Status" placeholder="Any status" clearable data={[{ value: 'true', label: 'active' }, { value: 'false', label: 'disabled' }]} value={state.active || null} onChange={(v) => set({ active: v })} w={150} />
      </Group>
      <ErrorAlert error={query.error ?? update.error} />
      <PagedTable<User>
        label="Users" columns={columns} hidden={hidden} getRowId={(u) => u.id}
        query={query} pages={pages}
        sort={sort} onSort={(s) => set({ sort: s.sort, order: s.order })}
      />
      {creating ? (
        <RecordForm title="New user" fields={userFields(teams, true)} initial={null} opened onClose={() => setCreating(false)}
          submit={(p) => create.mutate(p, { onSuccess: () => setCreating(false) })} pending={create.isPending} error={create.error} submitLabel="Create user" />
      ) : null}
      {editing ? (
        <RecordForm title={`Edit ${editing.name}`} fields={userFields(teams, false)} initial={formValues(userFields(teams, false), editing)} opened onClose={() => setEditing(null)}
          submit={(p) => update.mutate({ ...p, _id: editing.id }, { onSuccess: () => setEditing(null) })} pending={update.isPending} error={update.error} submitLabel="Save changes" />
      ) : null}
      {resetting ? <ResetPassword user={resetting} onClose={() => setResetting(null)} /> : null}
      {showTeams ? <Teams manage={manage} onClose={() => setShowTeams(false)} /> : null}
    </>
  );
}
