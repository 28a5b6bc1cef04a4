import { Button, Group, List, Modal, Stack, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import type { ScoringDefinition } from '../../api/scoring-models';
import { usePreviewRules } from '../../api/scoring-preview';
import { fieldErrors } from '../../lib/field-errors';
import { ErrorAlert } from '../ErrorAlert';
import { RuleForm } from './RuleForm';

/**
 * The model as a form (rules with points, conditions, half-lives and caps; how many people each
 * fires for, from the preview) or as JSON; both edit the same definition, checked by the API's
 * schema on save or preview: each problem is shown beside its field and listed with its path
 * (definition.engagement.2.halfLifeDays, say).
 */
export function DefinitionEditor({ title, name: initialName, definition, onSave, pending, error, onClose }: {
  title: string; name: string; definition: ScoringDefinition; pending: boolean; error: unknown;
  onSave: (name: string, definition: unknown) => void; onClose: () => void;
}) {
  const [name, setName] = useState(initialName);
  const [draft, setDraft] = useState<ScoringDefinition>(definition);
  const [text, setText] = useState(JSON.stringify(definition, null, 2));
  const [tab, setTab] = useState<string | null>('form');
  const [parseError, setParseError] = useState<string | null>(null);
  const preview = usePreviewRules();
  const shown = preview.error ?? error;
  const problems = shown instanceof ApiError ? shown.problem?.errors ?? [] : [];
  /** The definition as it stands in the active tab (null when the JSON does not parse). */
  const current = (): ScoringDefinition | null => {
    if (tab !== 'json') return draft;
    try {
      const parsed = JSON.parse(text) as ScoringDefinition;
      setParseError(null);
      return parsed;
    } catch (e) {
      setParseError(e instanceof Error ? e.message : String(e));
      return null;
    }
  };
  const switchTo = (next: string | null) => {
    if (next === tab) return;
    if (next === 'json') setText(JSON.stringify(draft, null, 2));
    else { const d = current(); if (!d) return; setDraft(d); }
    setTab(next);
  };
  const save = () => { const d = current(); if (d) { preview.reset(); onSave(name, d); } };
  const runPreview = () => { const d = current(); if (d) preview.mutate(d); };
  return (
    <Modal opened onClose={onClose} title={title} size="90%">
      <Stack>
        <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={problems.find((p) => p.path === 'name')?.message} />
        <Tabs value={tab} onChange={switchTo} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="form">Form</Tabs.Tab>
            <Tabs.Tab value="json">JSON</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="form" pt="sm">
            <RuleForm value={draft} onChange={setDraft} errors={fieldErrors(shown)} preview={preview.data ?? null} />
          </Tabs.Panel>
          <Tabs.Panel value="json" pt="sm">
            <Textarea label="Rules (JSON)" description="fit and engagement rules with points, caps and half-lives; signals; grades; the MQL threshold" autosize minRows={12} maxRows={24}
              styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }} value={text} onChange={(e) => setText(e.currentTarget.value)} error={parseError ?? (problems.length ? 'See the problems below' : undefined)} />
          </Tabs.Panel>
        </Tabs>
        {problems.length ? (
          <List size="sm" aria-label="Problems in the rules">
            {problems.map((p, i) => <List.Item key={i}><Text span ff="monospace" size="sm">{p.path}</Text>: {p.message}</List.Item>)}
          </List>
        ) : shown ? <ErrorAlert error={shown} /> : null}
        <Group justify="space-between">
          <Button variant="default" onClick={runPreview} loading={preview.isPending}>Preview reach</Button>
          <Group>
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button onClick={save} loading={pending}>Save draft</Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
