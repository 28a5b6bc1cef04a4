import { Button, Group, Loader, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { useCard, type CardKind, type MarketingCard, type RepCard, type SdrCard } from '../api/cards';
import { useUserRefs } from '../api/lists';
import { useSession } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { MarketingCardView, RepCardView, SdrCardView } from '../components/reporting/Cards';
import { useTitle } from '../lib/use-title';

const PERIODS = [{ value: 'week', label: 'This week' }, { value: 'last_week', label: 'Last week' }, { value: 'month', label: 'Month' }, { value: 'quarter', label: 'Quarter' }, { value: 'year', label: 'Year' }];
const KIND_OF: Record<string, CardKind> = { sales_rep: 'rep', sales_manager: 'rep', sdr: 'sdr', marketing: 'marketing' };

/** A report card (rep, SDR or marketing) for a period; the same figures as the API, printable as a page. */
export function ReportCardPage() {
  useTitle('Report card');
  const session = useSession().data!;
  const [params, setParams] = useSearchParams();
  const users = useUserRefs().data ?? [];
  const userId = params.get('user') ?? (session.role === 'marketing' || session.role === 'admin' || session.role === 'exec' ? null : session.user.id);
  const subject = users.find((u) => u.id === userId);
  const kind: CardKind = (params.get('kind') as CardKind | null) ?? (subject ? KIND_OF[subject.role] ?? 'rep' : userId ? KIND_OF[session.role] ?? 'rep' : 'marketing');
  const period = params.get('period') ?? 'week';
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v === null) next.delete(k); else next.set(k, v);
    setParams(next, { replace: true });
  };
  const q = useCard<RepCard | SdrCard | MarketingCard>(kind, userId, period);
  const scoped = session.role === 'sales_rep' || session.role === 'sdr';
  const choices = users.filter((u) => (session.role === 'sales_manager' ? session.teamUserIds.includes(u.id) || u.id === session.user.id : true) && ['sales_rep', 'sales_manager', 'sdr', 'marketing'].includes(u.role));
  const title = q.data ? (q.data.kind === 'marketing' ? `Marketing scorecard · ${q.data.owner?.name ?? 'whole team'}` : `${q.data.kind === 'sdr' ? 'SDR' : 'Rep'} card · ${q.data.person.name}`) : 'Report card';
  return (
    <Stack gap="sm" className="report-card">
      <Group justify="space-between" className="no-print">
        <Group>
          {scoped ? null : (
            <Select aria-label="Whose card" placeholder="Marketing team" clearable searchable value={userId} w={240}
              data={choices.map((u) => ({ value: u.id, label: `${u.name} (${u.role.replace('_', ' ')})` }))}
              onChange={(v) => set({ user: v, kind: null })} />
          )}
          <SegmentedControl aria-label="Period" value={period} onChange={(v) => set({ period: v })} data={PERIODS} />
        </Group>
        <Button variant="default" onClick={() => window.print()}>Print</Button>
      </Group>
      <div>
        <Title order={1} size="h2">{title}</Title>
        {q.data ? <Text c="dimmed" size="sm">{q.data.period.label} · {q.data.period.from.slice(0, 10)} to {q.data.period.to.slice(0, 10)} (exclusive)</Text> : null}
      </div>
      <ErrorAlert error={q.error} />
      {q.isPending ? <Loader aria-label="Loading the card" /> : q.data?.kind === 'rep' ? <RepCardView card={q.data} />
        : q.data?.kind === 'sdr' ? <SdrCardView card={q.data} /> : q.data?.kind === 'marketing' ? <MarketingCardView card={q.data} /> : null}
    </Stack>
  );
}
