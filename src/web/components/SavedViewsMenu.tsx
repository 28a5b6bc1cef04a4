import { Button, Checkbox, Group, Menu, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useDeleteView, useSavedViews, useSaveView } from '../api/saved-views';
import type { SavedViewList } from '../api/types';
import { fieldErrors } from '../lib/field-errors';
import { ErrorAlert } from './ErrorAlert';

/**
 * Saved views of a list: apply one (its filters, sort and columns come back through the URL),
 * save the current one under a name (optionally shared with everyone), delete your own.
 */
export function SavedViewsMenu({ list, visibleColumns }: { list: SavedViewList; visibleColumns: string[] }) {
  const views = useSavedViews(list);
  const save = useSaveView(list);
  const remove = useDeleteView(list);
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const errors = fieldErrors(save.error);
  const all = views.data?.data ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ name, shared, query: search.replace(/^\?/, ''), columns: visibleColumns }, {
      onSuccess: () => { setOpen(false); setName(''); setShared(false); },
    });
  };
  return (
    <>
      <Menu position="bottom-end" shadow="md">
        <Menu.Target><Button variant="default">Views</Button></Menu.Target>
        <Menu.Dropdown>
          {all.length === 0 ? <Menu.Label>No saved views yet</Menu.Label> : <Menu.Label>Apply a view</Menu.Label>}
          {all.map((v) => (
            <Menu.Item key={v.id} onClick={() => navigate(`${pathname}${v.query ? `?${v.query}` : ''}`)}>
              {v.name}{v.mine ? (v.shared ? ' (shared)' : '') : ` · ${v.ownerName ?? 'shared'}`}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={() => setOpen(true)}>Save current view…</Menu.Item>
          {all.some((v) => v.mine) ? <Menu.Label>Delete</Menu.Label> : null}
          {all.filter((v) => v.mine).map((v) => (
            <Menu.Item key={`del-${v.id}`} color="red" onClick={() => remove.mutate(v.id)}>Delete “{v.name}”</Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={open} onClose={() => setOpen(false)} title="Save this view">
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput label="Name" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
            <Checkbox label="Share with everyone" checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />
            {save.error && !Object.keys(errors).length ? <ErrorAlert error={save.error} /> : null}
            <Group justify="flex-end"><Button type="submit" loading={save.isPending}>Save view</Button></Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
