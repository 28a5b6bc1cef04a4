import type { Figure, MarketingCard, MoneyRow, RepCard, SdrCard } from './report-card.schema.js';

const pct = (f: Figure) => (f.value === null ? `— (${f.why})` : `${Math.round(f.value * 100)} %`);
const n1 = (f: Figure, unit: string) => (f.value === null ? `— (${f.why})` : `${f.value.toFixed(1)}${unit}`);
const money = (rows: { currency: string; amount: number }[]) =>
  rows.length ? rows.map((r) => `${Math.round(r.amount).toLocaleString('en-US')} ${r.currency}`).join(' + ') : '0';
const count = (rows: MoneyRow[]) => rows.reduce((n, r) => n + r.count, 0);

/** A card as plain text lines for the weekly e-mail: every figure, and why a missing one is missing. */
export function cardLines(card: RepCard | SdrCard | MarketingCard): string[] {
  const notes = card.notes.map((n) => `Note: ${n}`);
  if (card.kind === 'marketing') {
    return [
      `MQLs: ${card.mqls} · MQL→SAL ${pct(card.mqlToSal)} · MQL→SQL ${pct(card.mqlToSql)}`,
      `Rejected: ${Object.entries(card.rejectionReasons).map(([k, v]) => `${k.replace(/_/g, ' ')} ${v}`).join(', ') || 'none'}`,
      `Pipeline sourced ${money(card.pipelineSourced)} · influenced ${money(card.pipelineInfluenced)}`,
      `Revenue sourced ${money(card.revenueSourced)} · influenced ${money(card.revenueInfluenced)}`,
      `Cost ${money(card.cost)} · per MQL ${n1(card.costPerMql, '')} · per SQL ${n1(card.costPerSql, '')} · per opportunity ${n1(card.costPerOpportunity, '')}`,
      ...notes,
    ];
  }
  const l = card.leads;
  const leads = `Leads: ${l.received} received, ${l.accepted} accepted, ${l.rejected} rejected (acceptance ${pct(l.acceptanceRate)}); time to accept ${n1(l.hoursToAccept, ' h')}; first touch ${n1(l.hoursToFirstTouch, ' h')}; SLA breaches ${l.slaBreaches.accept + l.slaBreaches.firstTouch}; waiting now ${l.openNow}`;
  if (card.kind === 'sdr') return [leads, `Qualification rate ${pct(card.qualificationRate)} · SQLs passed ${card.sqlsPassed}`, ...notes];
  return [
    `Quota: ${card.quota ? `${Math.round(card.quota.amount).toLocaleString('en-US')} ${card.quota.currency} (${card.quota.startsOn} – ${card.quota.endsOn})` : '— (no quota set for this period)'} · attainment ${pct(card.attainment)} · coverage ${n1(card.coverage, '×')}`,
    `Pipeline created ${money(card.pipelineCreated)} (${count(card.pipelineCreated)} deals) · won ${money(card.won)} (${count(card.won)}) · win rate ${pct(card.winRate)} · cycle ${n1(card.cycleDays, ' days')}`,
    leads,
    `Activities logged: ${card.activitiesLogged}`,
    ...notes,
  ];
}
