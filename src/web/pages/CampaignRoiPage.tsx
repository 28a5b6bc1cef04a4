import { Anchor, Group, Loader, MultiSelect, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { Link } from 'react-router-dom';
import { MODEL_LABEL, MODELS, roiUrl, useCampaignRoi } from '../api/attribution';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatMoney } from '../lib/format';
import { useTitle } from '../lib/use-title';
import { humanize } from '../lib/vocabulary';

/** Campaign ROI: attributed revenue ÷ actual cost, one column pair per model, side by side. */
export function CampaignRoiPage() {
  useTitle('Campaign ROI');
  const [models, setModels] = useState<string[]>(['first_touch', 'w_shaped', 'markov']);
  const q = useCampaignRoi({});
  return (
    <Stack gap="md">
      <Group justify="space-between" align="end">
        <Title order={1} size="h2">Campaign ROI</Title>
        <Group align="end">
          <MultiSelect label="Models side by side" data={MODELS.map((m) => ({ value: m, label: MODEL_LABEL[m]! }))} value={models} onChange={setModels} maxValues={4} w={420} />
          <Anchor href={roiUrl({}, true)} size="sm">Export CSV (every model)</Anchor>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">Revenue credited to each campaign's touches by each model, divided by the campaign's actual cost. Only revenue in the campaign's currency is divided; a campaign without a cost has no ROI.</Text>
      <ErrorAlert error={q.error} />
      {q.isPending ? <Loader aria-label="Loading ROI" /> : (
        <Table striped aria-label="Campaign ROI">
          <Table.Thead><Table.Tr>
            <Table.Th>Campaign</Table.Th><Table.Th>Channel</Table.Th><Table.Th>Actual cost</Table.Th>
            {models.map((m) => <Table.Th key={m} colSpan={2}>{MODEL_LABEL[m]}</Table.Th>)}
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {(q.data?.data ?? []).map((c) => (
              <Table.Tr key={c.campaignId}>
                <Table.Td><Anchor component={Link} to={`/campaigns/${c.campaignId}`}>{c.name}</Anchor></Table.Td>
                <Table.Td>{humanize(c.channel)}</Table.Td>
                <Table.Td>{c.actualCost === null ? '—' : formatMoney(c.actualCost, c.currency)}</Table.Td>
                {models.map((m) => (
                  <Fragment key={m}>
                    <Table.Td>{formatMoney(c.models[m]?.revenue ?? 0, c.currency)}</Table.Td>
                    <Table.Td fw={600}>{c.models[m]?.roi === null || c.models[m]?.roi === undefined ? '—' : `${c.models[m]!.roi!.toFixed(2)}×`}</Table.Td>
                  </Fragment>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
