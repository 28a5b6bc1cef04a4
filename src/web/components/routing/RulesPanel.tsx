import { ActionIcon, Badge, Button, Group, Modal, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { ruleInput, useDeleteRoutingRule, useRoutingRules, useSaveRoutingRule, type RoutingRule } from '../../api/routing';
import { ErrorAlert } from '../ErrorAlert';
import { RuleForm } from './RuleForm';
import { describeConditions, describeTarget, KIND_LABEL } from './RuleWords';

/** The routing rules in the order they are tried; managers reorder, switch, edit and remove them. */
export function RulesPanel({ write }: { write: boolean }) {
  const rules = useRoutingRules();
  const save = useSaveRoutingRule();
  const remove = useDeleteRoutingRule();
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RoutingRule | null>(null);
  const list = rules.data ?? [];
  const move = (r: RoutingRule, to: number) => save.mutate({ id: r.id, ...ruleInput(r), position: to });
  const busy = (r: RoutingRule) => save.isPending && save.variables?.id === r.id;
  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed" size="sm" maw={760}>
          Every new MQL is tried against these rules from the top; the first that yields an available owner wins. When none does, the lead goes to the
          last resort (an active sales manager or admin), so no lead is left without an owner. Try a lead in the <strong>Test</strong> tab.
        </Text>
        {write ? <Button onClick={() => setEditing('new')}>New rule</Button> : null}
      </Group>
      <ErrorAlert error={rules.error ?? save.error ?? remove.error} />
      <Table.ScrollContainer minWidth={900}>
        <Table striped aria-label="Routing rules">
          <Table.Thead><Table.Tr>
            <Table.Th>#</Table.Th><Table.Th>Name</Table.Th><Table.Th>Kind</Table.Th><Table.Th>When</Table.Th><Table.Th>Goes to</Table.Th><Table.Th>Active</Table.Th>
            {write ? <Table.Th>Actions</Table.Th> : null}
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {list.map((r, i) => (
              <Table.Tr key={r.id} data-rule={r.name} opacity={r.active ? 1 : 0.6}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td><Text size="sm" fw={500}>{r.name}</Text></Table.Td>
                <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{KIND_LABEL[r.kind]}</Text></Table.Td>
                <Table.Td><Text size="sm">{describeConditions(r.kind, r.conditions)}</Text></Table.Td>
                <Table.Td><Text size="sm">{describeTarget(r)}</Text></Table.Td>
                <Table.Td>
                  {write
                    ? <Switch checked={r.active} aria-label={`Active: ${r.name}`} disabled={busy(r)} onChange={(e) => save.mutate({ id: r.id, ...ruleInput(r), active: e.currentTarget.checked })} />
                    : <Badge color={r.active ? 'green' : 'gray'} variant="light">{r.active ? 'active' : 'off'}</Badge>}
                </Table.Td>
                {write ? (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label="Try earlier"><ActionIcon variant="subtle" aria-label={`Move up: ${r.name}`} disabled={i === 0 || save.isPending} onClick={() => move(r, i - 1)}>↑</ActionIcon></Tooltip>
                      <Tooltip label="Try later"><ActionIcon variant="subtle" aria-label={`Move down: ${r.name}`} disabled={i === list.length - 1 || save.isPending} onClick={() => move(r, i + 1)}>↓</ActionIcon></Tooltip>
                      <Button size="xs" variant="subtle" onClick={() => setEditing(r)} aria-label={`Edit ${r.name}`}>Edit</Button>
                      <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(r)} aria-label={`Delete ${r.name}`}>Delete</Button>
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rules.data && list.length === 0 ? <Text c="dimmed">No rules yet: every lead goes to the last resort (an active sales manager or admin).</Text> : null}
      {editing ? <RuleForm rule={editing === 'new' ? null : editing} rules={list} onClose={() => setEditing(null)} /> : null}
      {deleting ? (
        <Modal opened onClose={() => setDeleting(null)} title="Delete this rule?">
          <Stack>
            <Text size="sm">“{deleting.name}” is no longer tried. Hand-offs it made keep their story (the rule that matched and why).</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>Cancel</Button>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}>Delete rule</Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </Stack>
  );
}
