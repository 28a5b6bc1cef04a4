import { Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { send } from '../../api/client';
import { useCan } from '../../lib/permissions';
import { formValues, RECORDS, type RecordKind } from './record-fields';
import { RecordForm } from './RecordForm';

/** "New …" for a list page: opens the create form, then goes to the new record. Hidden from roles that may not. */
export function NewRecordButton({ kind, defaults }: { kind: RecordKind; defaults?: Record<string, string> }) {
  const spec = RECORDS[kind];
  const can = useCan();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const save = useMutation({
    mutationFn: (payload: Record<string, unknown>) => send<{ id: string }>('POST', spec.path, payload),
    onSuccess: (made) => {
      void client.invalidateQueries({ queryKey: ['list'] });
      setOpen(false);
      navigate(`${spec.page}/${made.id}`);
    },
  });
  if (!can(spec.permission)) return null;
  return (
    <>
      <Button onClick={() => { save.reset(); setOpen(true); }}>New {spec.label}</Button>
      {open ? (
        <RecordForm title={`New ${spec.label}`} fields={spec.create} initial={null} opened onClose={() => setOpen(false)}
          submit={(p) => save.mutate({ ...defaults, ...p })} pending={save.isPending} error={save.error} submitLabel={`Create ${spec.label}`} />
      ) : null}
    </>
  );
}

/** "Edit" on a record page: the same fields, only what changed is sent. Hidden from roles that may not. */
export function EditRecordButton({ kind, record, queryKey }: { kind: RecordKind; record: Record<string, unknown> & { id: string }; queryKey: unknown[] }) {
  const spec = RECORDS[kind];
  const can = useCan();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const save = useMutation({
    mutationFn: (payload: Record<string, unknown>) => send<unknown>('PATCH', `${spec.path}/${record.id}`, payload),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey });
      void client.invalidateQueries({ queryKey: ['list'] });
      void client.invalidateQueries({ queryKey: ['person-score'] }); // fit rules read the fields just changed
      setOpen(false);
    },
  });
  if (!can(spec.permission)) return null;
  return (
    <>
      <Button variant="default" onClick={() => { save.reset(); setOpen(true); }}>Edit</Button>
      {open ? (
        <RecordForm title={`Edit ${spec.label}`} fields={spec.edit} initial={formValues(spec.edit, record)} opened onClose={() => setOpen(false)}
          submit={(p) => save.mutate(p)} pending={save.isPending} error={save.error} submitLabel="Save changes" />
      ) : null}
    </>
  );
}
