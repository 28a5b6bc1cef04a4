import { Button, Group, Modal, NumberInput, PasswordInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../../lib/field-errors';
import { humanize } from '../../lib/vocabulary';
import { ErrorAlert } from '../ErrorAlert';
import { OwnerSelect } from '../OwnerSelect';
import { AccountSelect } from './AccountSelect';

export type FieldSpec = {
  name: string; label: string;
  kind: 'text' | 'email' | 'password' | 'number' | 'date' | 'select' | 'owner' | 'account' | 'textarea' | 'list';
  options?: readonly string[]; data?: { value: string; label: string }[]; required?: boolean; placeholder?: string; description?: string;
};
export type FormValues = Record<string, string>;

/**
 * The payload for the API from what the form holds: numbers as numbers, lists split on commas,
 * and blanks left out when creating or sent as null when editing (to clear a field).
 */
export function toPayload(fields: FieldSpec[], values: FormValues, initial: FormValues | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = (values[f.name] ?? '').trim();
    if (initial && raw === (initial[f.name] ?? '').trim()) continue;
    if (raw === '') {
      if (initial) out[f.name] = f.kind === 'list' ? [] : null;
      continue;
    }
    out[f.name] = f.kind === 'number' ? Number(raw) : f.kind === 'list' ? raw.split(',').map((v) => v.trim()).filter(Boolean) : raw;
  }
  return out;
}

/**
 * A create or edit form in a modal. The API validates with its schemas; each problem it reports
 * is shown next to its field (and anything else above the buttons).
 */
export function RecordForm({ title, fields, initial, opened, onClose, submit, pending, error, submitLabel }: {
  title: string; fields: FieldSpec[]; initial: FormValues | null; opened: boolean; onClose: () => void;
  submit: (payload: Record<string, unknown>) => void; pending: boolean; error: unknown; submitLabel: string;
}) {
  const [values, setValues] = useState<FormValues>(initial ?? {});
  const errors = fieldErrors(error);
  const unplaced = error && !fields.some((f) => errors[f.name]) ? error : null;
  const set = (name: string, v: string | null) => setValues((prev) => ({ ...prev, [name]: v ?? '' }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(toPayload(fields, values, initial));
  };
  const input = (f: FieldSpec) => {
    const common = { label: f.label, required: f.required, error: errors[f.name], description: f.description, placeholder: f.placeholder };
    const v = values[f.name] ?? '';
    switch (f.kind) {
      case 'select':
        return <Select key={f.name} {...common} clearable={!f.required} data={f.data ?? (f.options ?? []).map((o) => ({ value: o, label: humanize(o) }))} value={v || null} onChange={(x) => set(f.name, x)} />;
      case 'owner':
        return <OwnerSelect key={f.name} {...common} assignable value={v} onChange={(x) => set(f.name, x)} />;
      case 'account':
        return <AccountSelect key={f.name} {...common} value={v} onChange={(x) => set(f.name, x)} />;
      case 'number':
        return <NumberInput key={f.name} {...common} value={v === '' ? '' : Number(v)} onChange={(x) => set(f.name, x === '' ? '' : String(x))} allowDecimal thousandSeparator="," />;
      case 'password':
        return <PasswordInput key={f.name} {...common} autoComplete="new-password" value={v} onChange={(e) => set(f.name, e.currentTarget.value)} />;
      case 'textarea':
        return <Textarea key={f.name} {...common} autosize minRows={2} value={v} onChange={(e) => set(f.name, e.currentTarget.value)} />;
      default:
        return <TextInput key={f.name} {...common} type={f.kind === 'email' ? 'email' : f.kind === 'date' ? 'date' : 'text'} value={v} onChange={(e) => set(f.name, e.currentTarget.value)} />;
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>{fields.map(input)}</SimpleGrid>
          {unplaced ? <ErrorAlert error={unplaced} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={pending}>{submitLabel}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
