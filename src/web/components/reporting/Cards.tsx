import { Table, Text } from '@mantine/core';
import type { MarketingCard, RepCard, SdrCard } from '../../api/cards';
import { humanize } from '../../lib/vocabulary';
import { formatMoney, LeadStats, monies, Notes, num, pct, Section, Stat } from './CardParts';

export function RepCardView({ card }: { card: RepCard }) {
  const q = card.quota;
  return (
    <>
      <Section title="Quota and pipeline">
        <Stat label="Quota" value={q ? formatMoney(q.amount, q.currency) : '—'} why={q ? null : 'no quota set for this period'} hint={q ? `${q.startsOn} – ${q.endsOn}` : undefined} />
        <Stat label="Attainment" value={pct(card.attainment)} why={card.attainment.why} hint={q && card.wonInQuotaPeriod.value !== null ? `${formatMoney(card.wonInQuotaPeriod.value, q.currency)} won, quota to date` : undefined} />
        <Stat label="Coverage" value={num(card.coverage, 1, '×')} why={card.coverage.why} hint="open pipeline ÷ quota still to win" />
        <Stat label="Pipeline created" value={monies(card.pipelineCreated)} hint={`${card.pipelineCreated.reduce((n, r) => n + r.count, 0)} deals`} />
        <Stat label="Won" value={monies(card.won)} hint={`${card.won.reduce((n, r) => n + r.count, 0)} deals`} />
        <Stat label="Win rate" value={pct(card.winRate)} why={card.winRate.why} hint="won ÷ closed, by count" />
        <Stat label="Average deal size" value={card.averageDealSize.length ? card.averageDealSize.map((a) => formatMoney(a.amount, a.currency)).join(' / ') : '—'} why={card.averageDealSize.length ? null : 'no deal was won in the period'} />
        <Stat label="Cycle length" value={num(card.cycleDays, 0, ' days')} why={card.cycleDays.why} hint="median, created → won" />
      </Section>
      <LeadStats leads={card.leads} />
      <Section title="Activity">
        <Stat label="Activities logged" value={card.activitiesLogged} hint="calls, meetings, messages" />
        <Stat label="Feedback items" value="—" why={card.feedbackItems.why} />
      </Section>
      <Notes notes={card.notes} />
    </>
  );
}

export function SdrCardView({ card }: { card: SdrCard }) {
  return (
    <>
      <LeadStats leads={card.leads} />
      <Section title="Qualification">
        <Stat label="Qualification rate" value={pct(card.qualificationRate)} why={card.qualificationRate.why} hint="accepted leads that reached SQL" />
        <Stat label="SQLs passed" value={card.sqlsPassed} />
      </Section>
      <Notes notes={card.notes} />
    </>
  );
}

export function MarketingCardView({ card }: { card: MarketingCard }) {
  const reasons = Object.entries(card.rejectionReasons).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${humanize(k)} ${n}`).join(', ');
  return (
    <>
      <Section title="Leads">
        <Stat label="MQLs" value={card.mqls} />
        <Stat label="MQL → SAL" value={pct(card.mqlToSal)} why={card.mqlToSal.why} hint={`${card.sals} accepted so far`} />
        <Stat label="MQL → SQL" value={pct(card.mqlToSql)} why={card.mqlToSql.why} hint={`${card.sqls} qualified so far`} />
        <Stat label="Rejected, why" value={Object.values(card.rejectionReasons).reduce((a, b) => a + b, 0)} hint={reasons || 'no rejections'} />
      </Section>
      <Section title="Pipeline and revenue">
        <Stat label="Pipeline sourced" value={monies(card.pipelineSourced)} hint={`${card.opportunitiesSourced} deals`} />
        <Stat label="Pipeline influenced" value={monies(card.pipelineInfluenced)} />
        <Stat label="Revenue sourced" value={monies(card.revenueSourced)} />
        <Stat label="Revenue influenced" value={monies(card.revenueInfluenced)} />
      </Section>
      <Section title="Cost">
        <Stat label="Cost in the period" value={monies(card.cost)} />
        <Stat label="Cost per MQL" value={card.costPerMql.value === null ? '—' : formatMoney(card.costPerMql.value, card.cost[0]?.currency)} why={card.costPerMql.why} />
        <Stat label="Cost per SQL" value={card.costPerSql.value === null ? '—' : formatMoney(card.costPerSql.value, card.cost[0]?.currency)} why={card.costPerSql.why} />
        <Stat label="Cost per opportunity" value={card.costPerOpportunity.value === null ? '—' : formatMoney(card.costPerOpportunity.value, card.cost[0]?.currency)} why={card.costPerOpportunity.why} />
      </Section>
      {card.campaigns.length ? (
        <Table mt="md" striped aria-label="Campaign ROI">
          <Table.Thead><Table.Tr><Table.Th>Campaign</Table.Th><Table.Th>Cost</Table.Th><Table.Th>Revenue credited (W-shaped)</Table.Th><Table.Th>ROI</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {card.campaigns.slice(0, 25).map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.name}</Table.Td><Table.Td>{formatMoney(c.cost, c.currency)}</Table.Td><Table.Td>{formatMoney(c.revenue, c.currency)}</Table.Td>
                <Table.Td>{c.roi.value === null ? <Text size="xs" c="orange.8">{c.roi.why}</Text> : `${c.roi.value.toFixed(1)}×`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Notes notes={card.notes} />
    </>
  );
}
