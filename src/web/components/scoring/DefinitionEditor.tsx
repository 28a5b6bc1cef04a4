import { Button, Group, List, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import type { ScoringDefinition } from '../../api/scoring-models';
import { ErrorAlert } from '../ErrorAlert';

/**
 * The model as JSON, checked by the API's schema on save: each problem is listed with the path of
 * the rule and field it concerns (definition.engagement.2.halfLifeDays, say).
 */
export function DefinitionEditor({ title, name: initialName, definition, onSave, pending, error, onClose }: {
  title: string; name: string; definition: ScoringDefinition; pending: boolean; error: unknown;
  onSave: (name: string, definition: unknown) => void; onClose: () => void;
}) {
  const [name, setName] = useState(initialName);
  const [text, setText] = useState(JSON.stringify(definition, null, 2));
  const [parseError, setParseError] = useState<string | null>(null);
  const problems = error instanceof ApiError ? error.problem?.errors ?? [] : [];
  const save = () => {
    try {
      const parsed: unknown = JSON.parse(text);
      setParseError(null);
      onSave(name, parsed);
    } catch (e) {
      setParseError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      <Stack>
        <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={problems.find((p) => p.path === 'name')?.message} />
        <Textarea label="Rules (JSON)" description="fit and engagement rules with points, caps and half-lives; signals; grades; the MQL threshold" autosize minRows={12} maxRows={24}
          styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }} value={text} onChange={(e) => setText(e.currentTarget.value)} error={parseError ?? (problems.length ? 'See the problems below' : undefined)} />
        {problems.length ? (
          <List size="sm" aria-label="Problems in the rules">
            {problems.map((p, i) => <List.Item key={i}><Text span ff="monospace" size="sm">{p.path}</Text>: {p.message}</List.Item>)}
          </List>
        ) : error ? <ErrorAlert error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={save} loading={pending}>Save draft</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
