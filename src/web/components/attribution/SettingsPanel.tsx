import { Button, Group, Loader, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useAttributionSettings, useUpdateAttributionSettings, type AttributionSettings, type CustomWeights } from '../../api/attribution';
import { fieldErrors } from '../../lib/field-errors';
import { useCan } from '../../lib/permissions';
import { ErrorAlert } from '../ErrorAlert';

const WEIGHTS: { key: keyof CustomWeights; label: string }[] = [
  { key: 'ft', label: 'First touch %' }, { key: 'lc', label: 'Lead creation %' }, { key: 'oc', label: 'Opportunity creation %' },
  { key: 'cw', label: 'Closed-won %' }, { key: 'between', label: 'Touches between %' },
];

/** How credit is computed; saving queues a full recompute. Refusals show beside their field. */
export function SettingsPanel() {
  const q = useAttributionSettings();
  const save = useUpdateAttributionSettings();
  const can = useCan();
  const [draft, setDraft] = useState<Omit<AttributionSettings, 'updatedAt'> | null>(null);
  useEffect(() => { if (q.data && !draft) setDraft({ lookbackDays: q.data.lookbackDays, touchScope: q.data.touchScope, halfLifeDays: q.data.halfLifeDays, customWeights: q.data.customWeights }); }, [q.data, draft]);
  if (q.isPending || !draft) return q.error ? <ErrorAlert error={q.error} /> : <Loader aria-label="Loading settings" />;
  const errors = fieldErrors(save.error);
  const readOnly = !can('attribution:write');
  const sum = WEIGHTS.reduce((s, w) => s + (draft.customWeights[w.key] || 0), 0);
  return (
    <Stack gap="sm" maw={720}>
      <Group align="end">
        <NumberInput label="Lookback (days before the deal)" value={draft.lookbackDays} onChange={(v) => setDraft({ ...draft, lookbackDays: Number(v) })} error={errors.lookbackDays} readOnly={readOnly} w={240} />
        <NumberInput label="Time-decay half-life (days)" value={draft.halfLifeDays} onChange={(v) => setDraft({ ...draft, halfLifeDays: Number(v) })} error={errors.halfLifeDays} readOnly={readOnly} decimalScale={2} w={220} />
      </Group>
      <div>
        <Text size="sm" fw={500}>Touches that count</Text>
        <SegmentedControl aria-label="Touches that count" value={draft.touchScope} readOnly={readOnly} onChange={(v) => setDraft({ ...draft, touchScope: v as AttributionSettings['touchScope'] })}
          data={[{ value: 'contact_roles', label: "The deal's contacts" }, { value: 'account', label: 'Everyone at the account' }]} />
      </div>
      <Text size="sm" fw={500}>Custom model weights (sum {sum}%)</Text>
      <Group align="start">
        {WEIGHTS.map((w) => (
          <NumberInput key={w.key} label={w.label} value={draft.customWeights[w.key]} readOnly={readOnly} w={130} min={0} max={100}
            error={errors[`customWeights.${w.key}`]} onChange={(v) => setDraft({ ...draft, customWeights: { ...draft.customWeights, [w.key]: Number(v) } })} />
        ))}
      </Group>
      {errors.customWeights ? <Text size="sm" c="red">{errors.customWeights}</Text> : null}
      {!readOnly ? (
        <Group>
          <Button onClick={() => save.mutate(draft)} loading={save.isPending}>Save and recompute</Button>
          {save.isSuccess ? <Text size="sm" c="green">Saved; every deal is being recomputed.</Text> : null}
        </Group>
      ) : <Text size="sm" c="dimmed">Marketing and admins change these.</Text>}
      {save.error && !Object.keys(errors).length ? <ErrorAlert error={save.error} /> : null}
    </Stack>
  );
}
