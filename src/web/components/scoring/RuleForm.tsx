import { ActionIcon, Badge, Button, Card, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ScoringDefinition } from '../../api/scoring-models';
import type { RulePreview } from '../../api/scoring-preview';
import { CHANNELS, options, TOUCH_KINDS } from '../../lib/vocabulary';

type Condition = { field: string; op: string; value?: unknown };
type FitRule = { id: string; label: string; points: number; when: Condition[] };
type EngagementRule = {
  id: string; label: string; points: number; halfLifeDays?: number; cap?: { maxPoints: number; periodDays: number };
  when: { kinds?: string[]; channels?: string[]; campaignIds?: string[]; assetContains?: string; pageContains?: string };
};
const FIELDS = ['person.title', 'person.seniority', 'person.country', 'person.emailDomain', 'person.isFreeMail',
  'account.industry', 'account.employeeCount', 'account.annualRevenue', 'account.country', 'account.tier'];
const OPS = ['eq', 'ne', 'in', 'notIn', 'gte', 'lte', 'between', 'contains', 'exists', 'empty'];

/** A condition's value as typed: lists comma-separated, numbers as numbers, true/false as booleans. */
function parseValue(op: string, text: string): unknown {
  if (op === 'exists' || op === 'empty') return undefined;
  const one = (s: string): string | number | boolean => (s === 'true' ? true : s === 'false' ? false : s !== '' && !Number.isNaN(Number(s)) ? Number(s) : s);
  if (op === 'in' || op === 'notIn' || op === 'between') return text.split(',').map((s) => one(s.trim())).filter((v) => v !== '');
  return one(text.trim());
}
const showValue = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === undefined ? '' : String(v));

/**
 * The rules as a form: every fit and engagement rule with its points, conditions, half-life and
 * cap; how many people each fires for (the last preview) beside it; the API's problems by path
 * (definition.engagement.2.halfLifeDays …) beside the field they concern.
 */
export function RuleForm({ value, onChange, errors, preview }: {
  value: ScoringDefinition; onChange: (d: ScoringDefinition) => void; errors: Record<string, string>; preview: RulePreview | null;
}) {
  const fit = value.fit as unknown as FitRule[];
  const engagement = value.engagement as unknown as EngagementRule[];
  const err = (path: string) => errors[`definition.${path}`];
  const reach = (id: string) => {
    const r = preview?.rules.find((x) => x.ruleId === id);
    return r ? <Badge variant="light" color={r.people ? 'blue' : 'gray'} aria-label={`People for ${id}`}>{r.people.toLocaleString()} people · {r.points.toLocaleString()} pts</Badge> : null;
  };
  const setFit = (rules: FitRule[]) => onChange({ ...value, fit: rules as never });
  const setEng = (rules: EngagementRule[]) => onChange({ ...value, engagement: rules as never });
  const putFit = (i: number, r: Partial<FitRule>) => setFit(fit.map((x, k) => (k === i ? { ...x, ...r } : x)));
  const putEng = (i: number, r: Partial<EngagementRule>) => setEng(engagement.map((x, k) => (k === i ? { ...x, ...r } : x)));
  const nextId = (prefix: string) => { let n = 1; const ids = new Set([...fit, ...engagement].map((r) => r.id)); while (ids.has(`${prefix}-${n}`)) n++; return `${prefix}-${n}`; };
  return (
    <Stack gap="sm">
      <Group grow>
        <NumberInput label="MQL threshold" value={value.mqlThreshold} onChange={(v) => onChange({ ...value, mqlThreshold: Number(v) })} error={err('mqlThreshold')} />
        <NumberInput label="Half-life (days)" value={value.halfLifeDays} onChange={(v) => onChange({ ...value, halfLifeDays: Number(v) })} error={err('halfLifeDays')} />
      </Group>
      <Group justify="space-between"><Title order={4} size="h5">Fit rules</Title>
        <Button size="xs" variant="default" onClick={() => setFit([...fit, { id: nextId('fit'), label: 'New fit rule', points: 10, when: [{ field: 'person.seniority', op: 'eq', value: 'vp' }] }])}>Add fit rule</Button></Group>
      {fit.map((r, i) => (
        <Card key={i} withBorder padding="xs" component="fieldset" aria-label={`Fit rule ${r.id}`}>
          <Group align="end" gap="xs">
            <TextInput label="Id" w={120} value={r.id} onChange={(e) => putFit(i, { id: e.currentTarget.value })} error={err(`fit.${i}.id`)} />
            <TextInput label="Label" style={{ flex: 1 }} value={r.label} onChange={(e) => putFit(i, { label: e.currentTarget.value })} error={err(`fit.${i}.label`)} />
            <NumberInput label="Points" w={90} value={r.points} onChange={(v) => putFit(i, { points: Number(v) })} error={err(`fit.${i}.points`)} />
            {reach(r.id)}
            <ActionIcon variant="subtle" color="red" aria-label={`Remove ${r.id}`} onClick={() => setFit(fit.filter((_, k) => k !== i))}>✕</ActionIcon>
          </Group>
          {r.when.map((c, j) => (
            <Group key={j} gap="xs" mt={4} align="start">
              <Select aria-label="Field" w={200} data={FIELDS} searchable value={c.field} onChange={(v) => putFit(i, { when: r.when.map((x, k) => (k === j ? { ...x, field: v ?? x.field } : x)) })} error={err(`fit.${i}.when.${j}.field`)} />
              <Select aria-label="Operator" w={100} data={OPS} value={c.op} onChange={(v) => putFit(i, { when: r.when.map((x, k) => (k === j ? { ...x, op: v ?? x.op, value: parseValue(v ?? x.op, showValue(x.value)) } : x)) })} />
              <TextInput aria-label="Value" style={{ flex: 1 }} placeholder={c.op === 'in' || c.op === 'notIn' ? 'a, b, c' : c.op === 'between' ? 'min, max' : ''} disabled={c.op === 'exists' || c.op === 'empty'}
                defaultValue={showValue(c.value)} onBlur={(e) => putFit(i, { when: r.when.map((x, k) => (k === j ? { ...x, value: parseValue(x.op, e.currentTarget.value) } : x)) })} error={err(`fit.${i}.when.${j}.value`)} />
              <ActionIcon variant="subtle" aria-label="Remove condition" disabled={r.when.length === 1} onClick={() => putFit(i, { when: r.when.filter((_, k) => k !== j) })}>−</ActionIcon>
            </Group>
          ))}
          <Button size="compact-xs" variant="subtle" mt={4} onClick={() => putFit(i, { when: [...r.when, { field: 'account.industry', op: 'eq', value: '' }] })}>and another condition</Button>
        </Card>
      ))}
      <Group justify="space-between"><Title order={4} size="h5">Engagement rules</Title>
        <Button size="xs" variant="default" onClick={() => setEng([...engagement, { id: nextId('engagement'), label: 'New engagement rule', points: 5, when: { kinds: ['page_view'] } }])}>Add engagement rule</Button></Group>
      {engagement.map((r, i) => (
        <Card key={i} withBorder padding="xs" component="fieldset" aria-label={`Engagement rule ${r.id}`}>
          <Group align="end" gap="xs">
            <TextInput label="Id" w={120} value={r.id} onChange={(e) => putEng(i, { id: e.currentTarget.value })} error={err(`engagement.${i}.id`)} />
            <TextInput label="Label" style={{ flex: 1 }} value={r.label} onChange={(e) => putEng(i, { label: e.currentTarget.value })} error={err(`engagement.${i}.label`)} />
            <NumberInput label="Points" w={90} value={r.points} onChange={(v) => putEng(i, { points: Number(v) })} error={err(`engagement.${i}.points`)} />
            {reach(r.id)}
            <ActionIcon variant="subtle" color="red" aria-label={`Remove ${r.id}`} onClick={() => setEng(engagement.filter((_, k) => k !== i))}>✕</ActionIcon>
          </Group>
          <Group grow gap="xs" mt={4} align="start">
            <MultiSelect label="Kinds" data={options(TOUCH_KINDS)} searchable clearable value={r.when.kinds ?? []} error={err(`engagement.${i}.when`) ?? err(`engagement.${i}.when.kinds`)}
              onChange={(v) => putEng(i, { when: { ...r.when, kinds: v.length ? v : undefined } })} />
            <MultiSelect label="Channels" data={options(CHANNELS)} searchable clearable value={r.when.channels ?? []}
              onChange={(v) => putEng(i, { when: { ...r.when, channels: v.length ? v : undefined } })} />
          </Group>
          <Group grow gap="xs" mt={4} align="start">
            <TextInput label="Asset contains" value={r.when.assetContains ?? ''} onChange={(e) => putEng(i, { when: { ...r.when, assetContains: e.currentTarget.value || undefined } })} />
            <TextInput label="Page contains" value={r.when.pageContains ?? ''} onChange={(e) => putEng(i, { when: { ...r.when, pageContains: e.currentTarget.value || undefined } })} />
            <NumberInput label="Half-life (days)" placeholder={`model: ${value.halfLifeDays}`} value={r.halfLifeDays ?? ''} error={err(`engagement.${i}.halfLifeDays`)}
              onChange={(v) => putEng(i, { halfLifeDays: v === '' ? undefined : Number(v) })} />
            <NumberInput label="Cap (points)" value={r.cap?.maxPoints ?? ''} error={err(`engagement.${i}.cap.maxPoints`)}
              onChange={(v) => putEng(i, { cap: v === '' ? undefined : { maxPoints: Number(v), periodDays: r.cap?.periodDays ?? 30 } })} />
            <NumberInput label="per (days)" value={r.cap?.periodDays ?? ''} disabled={!r.cap} error={err(`engagement.${i}.cap.periodDays`)}
              onChange={(v) => r.cap && putEng(i, { cap: { ...r.cap, periodDays: Number(v) } })} />
          </Group>
        </Card>
      ))}
      {preview ? <Text size="sm" aria-label="Preview summary">{preview.population.toLocaleString()} people scored today: {preview.mqlsByScore.toLocaleString()} at or over the threshold, {preview.handRaisers.toLocaleString()} raised a hand.</Text> : null}
    </Stack>
  );
}
