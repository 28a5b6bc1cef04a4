import { List, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Figure, LeadFigures, Money, MoneyRow } from '../../api/cards';
import { DASH, formatMoney } from '../../lib/format';
import { humanize } from '../../lib/vocabulary';

export const pct = (f: Figure) => (f.value === null ? DASH : `${(f.value * 100).toFixed(f.value < 0.1 ? 1 : 0)} %`);
export const num = (f: Figure, digits = 1, unit = '') => (f.value === null ? DASH : `${f.value.toFixed(digits)}${unit}`);
export const monies = (rows: (Money | MoneyRow)[]) => (rows.length ? rows.map((r) => formatMoney(r.amount, r.currency)).join(' + ') : formatMoney(0, 'USD'));

/** One figure on a card: its value, and when it is missing, why (never a bare dash). */
export function Stat({ label, value, why, hint }: { label: string; value: ReactNode; why?: string | null | undefined; hint?: string | undefined }) {
  return (
    <Paper withBorder p="sm" radius="md" className="card-stat" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{label}</Text>
      <Text fz="lg" fw={700} data-testid={`stat-${label}`}>{value}</Text>
      {why ? <Text size="xs" c="orange.8">{why}</Text> : hint ? <Text size="xs" c="dimmed">{hint}</Text> : null}
    </Paper>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <Title order={2} size="h4" mb="xs" mt="md">{title}</Title>
      <SimpleGrid cols={{ base: 2, md: 4 }}>{children}</SimpleGrid>
    </section>
  );
}

export function LeadStats({ leads }: { leads: LeadFigures }) {
  const reasons = Object.entries(leads.rejectionReasons).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${humanize(k)} ${n}`).join(', ');
  return (
    <Section title="Leads handed over">
      <Stat label="Received" value={leads.received} />
      <Stat label="Accepted" value={leads.accepted} />
      <Stat label="Rejected" value={leads.rejected} hint={reasons || undefined} />
      <Stat label="Acceptance rate" value={pct(leads.acceptanceRate)} why={leads.acceptanceRate.why} />
      <Stat label="Time to accept" value={num(leads.hoursToAccept, 1, ' h')} why={leads.hoursToAccept.why} hint="median, business hours" />
      <Stat label="Time to first touch" value={num(leads.hoursToFirstTouch, 1, ' h')} why={leads.hoursToFirstTouch.why} hint="median, business hours" />
      <Stat label="SLA breaches" value={leads.slaBreaches.accept + leads.slaBreaches.firstTouch} hint={`${leads.slaBreaches.accept} to accept, ${leads.slaBreaches.firstTouch} first touch`} />
      <Stat label="Waiting now" value={leads.openNow} />
    </Section>
  );
}

export function Notes({ notes }: { notes: string[] }) {
  return notes.length ? <List size="sm" c="dimmed" mt="md">{notes.map((n) => <List.Item key={n}>{n}</List.Item>)}</List> : null;
}

export { DASH, formatMoney };
