import { Button, Group, Modal, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTeams } from '../../api/admin';
import { ApiError } from '../../api/client';
import {
  ROUTING_RULE_KINDS, useCreateRoutingRule, useSaveRoutingRule, type RoutingConditions, type RoutingRule, type RoutingRuleInput, type RoutingRuleKind,
} from '../../api/routing';
import { fieldErrors } from '../../lib/field-errors';
import { ACCOUNT_TIERS, options } from '../../lib/vocabulary';
import { ErrorAlert } from '../ErrorAlert';
import { OwnerSelect } from '../OwnerSelect';
import { AccountMultiSelect } from './AccountMultiSelect';
import { CONDITION_KEYS, KIND_HELP, KIND_LABEL } from './RuleWords';

type Tier = NonNullable<RoutingConditions['tiers']>[number];
const num = (v: string | number) => (v === '' || v === null || v === undefined ? undefined : Number(v));

/** The conditions a kind reads, with empty lists and blanks left out (the API keeps what it is sent). */
function conditionsFor(kind: RoutingRuleKind, c: RoutingConditions): RoutingConditions {
  const out: Record<string, unknown> = {};
  for (const key of CONDITION_KEYS[kind]) {
    const v = c[key];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[key] = v;
  }
  return out as RoutingConditions;
}

/**
 * Add or edit a routing rule. The API checks that the target can take leads (an active user, a
 * team with someone active); its field errors (`errors[].path`) show beside each field.
 */
export function RuleForm({ rule, rules, onClose }: { rule: RoutingRule | null; rules: RoutingRule[]; onClose: () => void }) {
  const create = useCreateRoutingRule();
  const save = useSaveRoutingRule();
  const teams = useTeams();
  const [name, setName] = useState(rule?.name ?? '');
  const [kind, setKind] = useState<RoutingRuleKind>(rule?.kind ?? 'territory');
  const [c, setC] = useState<RoutingConditions>(rule?.conditions ?? {});
  const [targetUserId, setTargetUserId] = useState<string | null>(rule?.targetUserId ?? null);
  const [targetTeamId, setTargetTeamId] = useState<string | null>(rule?.targetTeamId ?? null);
  const [targetBy, setTargetBy] = useState<'user' | 'team'>(rule?.targetTeamId ? 'team' : 'user');
  const [active, setActive] = useState(rule?.active ?? true);
  const [place, setPlace] = useState<string>('end');
  const mutation = rule ? save : create;
  const errors = fieldErrors(mutation.error);
  const problem = mutation.error instanceof ApiError ? mutation.error.problem : null;
  /** A field's error, or that of something inside it (`conditions.countries.2`). */
  const err = (path: string): string | undefined => {
    const key = Object.keys(errors).find((k) => k === path || k.startsWith(`${path}.`));
    if (!key) return undefined;
    // A target the API refused (disabled user, empty team) reads best in the API's own words.
    return problem && problem.code !== 'validation_failed' && problem.detail ? `${errors[key]}: ${problem.detail}` : errors[key];
  };
  const set = <K extends keyof RoutingConditions>(key: K, value: RoutingConditions[K]) => setC((prev) => ({ ...prev, [key]: value }));
  const shown = new Set(CONDITION_KEYS[kind]);
  const takesTarget = kind !== 'account_owner';
  const by = kind === 'round_robin' ? 'team' : targetBy;
  const fields = ['name', 'kind', 'targetUserId', 'targetTeamId', 'active', 'position', ...[...shown].map((k) => `conditions.${k}`)];
  const placed = Object.keys(errors).some((k) => fields.some((f) => k === f || k.startsWith(`${f}.`)));

  const submit = () => {
    const body: RoutingRuleInput = {
      name, kind, active, conditions: conditionsFor(kind, c),
      targetUserId: takesTarget && by === 'user' ? targetUserId : null,
      targetTeamId: takesTarget && by === 'team' ? targetTeamId : null,
    };
    if (!rule && place !== 'end') body.position = Number(place);
    if (rule) save.mutate({ id: rule.id, ...body }, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={rule ? `Edit rule: ${rule.name}` : 'New routing rule'} size="lg">
      <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate aria-label={rule ? 'Edit rule' : 'New rule'}>
        <Stack>
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={err('name')} data-autofocus />
          <Select label="Kind" required allowDeselect={false} value={kind} onChange={(v) => v && setKind(v as RoutingRuleKind)} error={err('kind')}
            data={ROUTING_RULE_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))} description={KIND_HELP[kind]} comboboxProps={{ withinPortal: false }} />

          {shown.has('countries') ? (
            <>
              <Text size="sm" fw={500}>Conditions <Text span c="dimmed" size="xs">(every one given must hold; leave blank for any)</Text></Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TagsInput label="Countries" description="ISO codes or names, any of them; the person’s, else the account’s" value={c.countries ?? []}
                  onChange={(v) => set('countries', v)} error={err('conditions.countries')} splitChars={[',', ' ']} clearable />
                <TagsInput label="Regions" description="Any of them" value={c.regions ?? []} onChange={(v) => set('regions', v)} error={err('conditions.regions')} splitChars={[',']} clearable />
                <TagsInput label="Industries" description="The account’s industry, any of them" value={c.industries ?? []} onChange={(v) => set('industries', v)}
                  error={err('conditions.industries')} splitChars={[',']} clearable />
                <MultiSelect label="Tiers" description="The account’s tier, any of them" data={options(ACCOUNT_TIERS)} value={c.tiers ?? []}
                  onChange={(v) => set('tiers', v as Tier[])} error={err('conditions.tiers')} clearable comboboxProps={{ withinPortal: false }} />
                <NumberInput label="Min. employees" min={0} allowDecimal={false} allowNegative={false} value={c.minEmployees ?? ''}
                  onChange={(v) => set('minEmployees', num(v))} error={err('conditions.minEmployees')} />
                <NumberInput label="Max. employees" min={0} allowDecimal={false} allowNegative={false} value={c.maxEmployees ?? ''}
                  onChange={(v) => set('maxEmployees', num(v))} error={err('conditions.maxEmployees')} />
              </SimpleGrid>
            </>
          ) : null}
          {shown.has('accountIds') ? (
            <AccountMultiSelect label="Named accounts" required description="Type part of a name or domain" value={c.accountIds ?? []}
              onChange={(v) => set('accountIds', v)} error={err('conditions.accountIds')} comboboxProps={{ withinPortal: false }} />
          ) : null}
          {shown.has('minConfidence') ? (
            <NumberInput label="Min. match confidence" description="How sure the lead-to-account match must be (by e-mail domain: 100%; by company name: less). Default 80%."
              min={0} max={100} suffix="%" allowNegative={false} decimalScale={1} placeholder="80%"
              value={c.minConfidence === undefined ? '' : Math.round(c.minConfidence * 1000) / 10}
              onChange={(v) => { const n = num(v); set('minConfidence', n === undefined ? undefined : n / 100); }} error={err('conditions.minConfidence')} />
          ) : null}

          {takesTarget ? (
            <Stack gap={6}>
              <Group justify="space-between" align="end">
                <Text size="sm" fw={500}>Target</Text>
                {kind !== 'round_robin' ? (
                  <SegmentedControl size="xs" value={targetBy} onChange={(v) => setTargetBy(v as 'user' | 'team')} aria-label="Target is"
                    data={[{ value: 'user', label: 'A person' }, { value: 'team', label: 'A team (round-robin)' }]} />
                ) : null}
              </Group>
              {by === 'user' ? (
                <OwnerSelect label="Target user" required value={targetUserId} onChange={setTargetUserId} error={err('targetUserId')}
                  description="Who gets the leads this rule places" comboboxProps={{ withinPortal: false }} />
              ) : (
                <Select label="Target team" required searchable clearable value={targetTeamId} onChange={setTargetTeamId} error={err('targetTeamId') ?? (kind === 'round_robin' ? undefined : err('targetUserId'))}
                  data={(teams.data?.data ?? []).map((t) => ({ value: t.id, label: t.name }))} nothingFoundMessage="No team by that name"
                  description="Its members share the leads by weight (see Members)" comboboxProps={{ withinPortal: false }} />
              )}
            </Stack>
          ) : <Text size="sm" c="dimmed">Leads go to the matched account’s owner; this kind takes no target.</Text>}

          <Group justify="space-between">
            <Switch label="Active" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} error={err('active')} />
            {!rule && rules.length ? (
              <Select label="Tried" size="xs" allowDeselect={false} value={place} onChange={(v) => setPlace(v ?? 'end')} w={260} error={err('position')} comboboxProps={{ withinPortal: false }}
                data={[...rules.map((r, i) => ({ value: String(i), label: `before ${i + 1}. ${r.name}` })), { value: 'end', label: 'last' }]} />
            ) : null}
          </Group>
          {mutation.error && !placed ? <ErrorAlert error={mutation.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={mutation.isPending}>{rule ? 'Save rule' : 'Add rule'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
