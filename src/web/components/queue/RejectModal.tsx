import { Alert, Button, Group, Modal, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { REJECT_REASONS, type PriorWork, type RejectInput, type RejectReason } from '../../api/handoffs';
import { fieldErrors } from '../../lib/field-errors';
import { formatDate, formatMoney } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';

/**
 * Reject one lead (or many): a reason from the fixed list, a note, back to nurture (with a date) or
 * out. "Already working it" asks for the proof: an opportunity or sales touch from before the MQL.
 */
export function RejectModal({ opened, count, priorWork, onClose, onSubmit }: {
  opened: boolean; count: number; priorWork?: PriorWork | undefined; onClose: () => void; onSubmit: (input: RejectInput) => Promise<void>;
}) {
  const [reason, setReason] = useState<RejectReason | null>(null);
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<'recycled' | 'disqualified'>('recycled');
  const [recycleUntil, setRecycleUntil] = useState('');
  const [evidence, setEvidence] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errs = fieldErrors(error);
  const proofs = [
    ...(priorWork?.opportunities ?? []).map((o) => ({ value: `opp:${o.id}`, label: `Opportunity “${o.name}” (${o.stage}, ${formatMoney(o.amount, null)}, since ${formatDate(o.createdAt)}${o.ownerName ? `, ${o.ownerName}` : ''})` })),
    ...(priorWork?.salesTouches ?? []).map((t) => ({ value: `touch:${t.id}`, label: `${t.kind} with ${t.who ?? 'the account'} on ${formatDate(t.occurredAt)}` })),
  ];
  const submit = async () => {
    if (!reason) { setError(new Error('Choose a reason.')); return; }
    setBusy(true);
    setError(null);
    try {
      const [kind, id] = evidence?.split(':') ?? [];
      await onSubmit({
        reason, note, outcome, ...(outcome === 'recycled' && recycleUntil ? { recycleUntil } : {}),
        ...(reason === 'already_working_it' && id ? { evidence: kind === 'opp' ? { opportunityId: id } : { touchpointId: id } } : {}),
      });
      setReason(null); setNote(''); setEvidence(null); setRecycleUntil('');
    } catch (e) { setError(e); } finally { setBusy(false); }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={count > 1 ? `Reject ${count} leads` : 'Reject this lead'}>
      <Stack gap="sm">
        <Select label="Reason" placeholder="Why is it not for sales?" data={REJECT_REASONS.map(([value, label]) => ({ value, label }))} value={reason}
          onChange={(v) => setReason(v as RejectReason | null)} error={errs.reason ?? errs['reject.reason']} required allowDeselect={false} />
        <Textarea label="Note" description="What you found; marketing reads it" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errs.note ?? errs['reject.note']} required autosize minRows={2} />
        {reason === 'already_working_it' ? (
          count > 1 ? <Alert color="yellow">“Already working it” needs its own evidence per lead: reject these one by one.</Alert>
            : proofs.length === 0 ? <Alert color="yellow" title="No prior work found">No open opportunity on the account and no sales touch before this person became an MQL: this reason will be refused.</Alert>
            : <Select label="Evidence" description="Sales work from before the MQL" data={proofs} value={evidence} onChange={setEvidence} error={errs.evidence ?? errs['evidence.opportunityId'] ?? errs['evidence.touchpointId']} required />
        ) : null}
        <Radio.Group label="Then" value={outcome} onChange={(v) => setOutcome(v as 'recycled' | 'disqualified')}>
          <Group mt={4}>
            <Radio value="recycled" label="Back to nurture (recycled)" />
            <Radio value="disqualified" label="Disqualify" />
          </Group>
        </Radio.Group>
        {outcome === 'recycled' ? <TextInput type="date" label="Come back on" description="Default: in 90 days" value={recycleUntil} onChange={(e) => setRecycleUntil(e.currentTarget.value)} error={errs.recycleUntil} /> : null}
        {error && !Object.keys(errs).length ? <ErrorAlert error={error} /> : error ? <Text c="red" size="sm" role="alert">{error instanceof Error ? error.message : String(error)}</Text> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button color="red" loading={busy} onClick={() => void submit()}>Reject</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
