import { Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useDeleteView, useUpdateView } from '../api/saved-views';
import type { SavedView, SavedViewList } from '../api/types';
import { fieldErrors } from '../lib/field-errors';
import { ErrorAlert } from './ErrorAlert';

/** One of your views: rename, share or not, overwrite with what the list shows now, delete. */
function ViewRow({ list, view, current }: { list: SavedViewList; view: SavedView; current: { query: string; columns: string[] } }) {
  const update = useUpdateView(list);
  const remove = useDeleteView(list);
  const [name, setName] = useState(view.name);
  const errors = fieldErrors(update.error);
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput aria-label={`Name of “${view.name}”`} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name}
          onBlur={() => { if (name.trim() && name !== view.name) update.mutate({ id: view.id, name }); }} />
      </Table.Td>
      <Table.Td>
        <Checkbox aria-label={`Share “${view.name}” with everyone`} checked={view.shared} onChange={(e) => update.mutate({ id: view.id, shared: e.currentTarget.checked })} />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" loading={update.isPending} onClick={() => update.mutate({ id: view.id, ...current })}
            aria-label={`Overwrite “${view.name}” with the current filters and columns`}>Overwrite</Button>
          <Button size="xs" color="red" variant="light" loading={remove.isPending} onClick={() => remove.mutate(view.id)}
            aria-label={`Delete “${view.name}”`}>Delete</Button>
        </Group>
        {update.error && !Object.keys(errors).length ? <ErrorAlert error={update.error} /> : null}
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
      </Table.Td>
    </Table.Tr>
  );
}

export function ManageViewsModal({ list, views, current, opened, onClose }: {
  list: SavedViewList; views: SavedView[]; current: { query: string; columns: string[] }; opened: boolean; onClose: () => void;
}) {
  const mine = views.filter((v) => v.mine);
  return (
    <Modal opened={opened} onClose={onClose} title="My saved views" size="lg">
      {mine.length === 0 ? <Text c="dimmed">You have no saved views of this list.</Text> : (
        <Stack>
          <Table aria-label="My saved views">
            <Table.Thead><Table.Tr><Table.Th>Name</Table.Th><Table.Th>Shared</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>{mine.map((v) => <ViewRow key={v.id} list={list} view={v} current={current} />)}</Table.Tbody>
          </Table>
        </Stack>
      )}
    </Modal>
  );
}
