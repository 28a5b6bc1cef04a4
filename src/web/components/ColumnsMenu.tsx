import { Button, Checkbox, Popover, Stack, Text } from '@mantine/core';

/** Choose the visible columns of a list; at least one stays visible. */
export function ColumnsMenu({ columns, hidden, onChange }: {
  columns: { id: string; label: string }[]; hidden: string[]; onChange: (hidden: string[]) => void;
}) {
  const visible = columns.filter((c) => !hidden.includes(c.id)).length;
  return (
    <Popover position="bottom-end" shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default">Columns{hidden.length ? ` (${hidden.length} hidden)` : ''}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" role="group" aria-label="Visible columns">
          <Text size="sm" fw={600}>Visible columns</Text>
          {columns.map((c) => {
            const shown = !hidden.includes(c.id);
            return (
              <Checkbox key={c.id} label={c.label} checked={shown} disabled={shown && visible === 1}
                onChange={(e) => onChange(e.currentTarget.checked ? hidden.filter((h) => h !== c.id) : [...hidden, c.id])} />
            );
          })}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
