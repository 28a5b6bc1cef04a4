import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useChangePassword } from '../api/session';
import { fieldErrors } from '../lib/field-errors';
import { ErrorAlert } from './ErrorAlert';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const errors = fieldErrors(change.error);
  const close = () => { change.reset(); setCurrent(''); setNew(''); onClose(); };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate({ currentPassword, newPassword });
  };
  return (
    <Modal opened={opened} onClose={close} title="Change password">
      {change.isSuccess ? (
        <Stack><Alert color="green">Password changed. Your other sessions were signed out.</Alert><Group justify="flex-end"><Button onClick={close}>Close</Button></Group></Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {change.error && !Object.keys(errors).length ? <ErrorAlert error={change.error} /> : null}
            <PasswordInput label="Current password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.currentTarget.value)} error={errors.currentPassword} required />
            <PasswordInput label="New password" description="At least 10 characters" autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.currentTarget.value)} error={errors.newPassword} required />
            <Group justify="flex-end"><Button variant="default" onClick={close}>Cancel</Button><Button type="submit" loading={change.isPending}>Change password</Button></Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
