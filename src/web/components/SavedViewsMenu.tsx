import { Button, Checkbox, Group, Menu, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useSavedViews, useSaveView } from '../api/saved-views';
import type { SavedViewList } from '../api/types';
import { fieldErrors } from '../lib/field-errors';
import { viewSearch } from '../lib/view-query';
import { ErrorAlert } from './ErrorAlert';
import { ManageViewsModal } from './ManageViewsModal';

/**
 * Saved views of a list: apply one (its filters, sort and columns come back through the URL),
 * save the current one under a name (optionally shared with everyone), rename, share, overwrite or
 * delete your own.
 */
export function SavedViewsMenu({ list, columns, visibleColumns }: { list: SavedViewList; columns: string[]; visibleColumns: string[] }) {
  const views = useSavedViews(list);
  const save = useSaveView(list);
  const [managing, setManaging] = useState(false);
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const errors = fieldErrors(save.error);
  const all = views.data?.data ?? [];
  const current = { query: search.replace(/^\?/, ''), columns: visibleColumns };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ name, shared, ...current }, {
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
            <Menu.Item key={v.id} onClick={() => navigate(`${pathname}${viewSearch(v, columns)}`)}>
              {v.name}{v.mine ? (v.shared ? ' (shared)' : '') : ` · ${v.ownerName ?? 'shared'}`}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={() => setOpen(true)}>Save current view…</Menu.Item>
          {all.some((v) => v.mine) ? <Menu.Item onClick={() => setManaging(true)}>Manage my views…</Menu.Item> : null}
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
      <ManageViewsModal list={list} views={all} current={current} opened={managing} onClose={() => setManaging(false)} />
    </>
  );
}
