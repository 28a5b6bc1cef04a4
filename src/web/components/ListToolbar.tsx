import { Button, Group } from '@mantine/core';
import type { SavedViewList } from '../api/types';
import { ColumnsMenu } from './ColumnsMenu';
import { SavedViewsMenu } from './SavedViewsMenu';

/** A list's tools: saved views, column choice, CSV export of what is shown. */
export function ListToolbar({ list, columns, hidden, onHiddenChange, exportHref }: {
  list: SavedViewList; columns: { id: string; label: string }[]; hidden: string[]; onHiddenChange: (h: string[]) => void; exportHref: string;
}) {
  return (
    <Group gap="xs">
      <SavedViewsMenu list={list} columns={columns.map((c) => c.id)} visibleColumns={columns.map((c) => c.id).filter((id) => !hidden.includes(id))} />
      <ColumnsMenu columns={columns} hidden={hidden} onChange={onHiddenChange} />
      <Button component="a" href={exportHref} variant="default" download>Export CSV</Button>
    </Group>
  );
}
