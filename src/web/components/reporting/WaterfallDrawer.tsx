import { Anchor, Drawer, Loader, Table, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useWaterfallPeople, type DrillParams } from '../../api/waterfall';
import { formatDate } from '../../lib/format';
import { humanize } from '../../lib/vocabulary';
import { ErrorAlert } from '../ErrorAlert';

/** The people behind one number of the waterfall. */
export function WaterfallDrawer({ params, title, onClose }: { params: DrillParams | null; title: string; onClose: () => void }) {
  const q = useWaterfallPeople(params);
  return (
    <Drawer opened={params !== null} onClose={onClose} title={`People behind: ${title}`} position="right" size="xl">
      <ErrorAlert error={q.error} />
      {q.isFetching && !q.data ? <Loader aria-label="Loading the people" /> : null}
      {q.data ? (
        <>
          <Text size="sm" mb="xs">{q.data.total} {q.data.total === 1 ? 'person' : 'people'}{q.data.total > q.data.data.length ? ` (first ${q.data.data.length} shown)` : ''}</Text>
          <Table striped aria-label="People behind the figure">
            <Table.Thead><Table.Tr><Table.Th>Person</Table.Th><Table.Th>Stage now</Table.Th><Table.Th>Pass began</Table.Th><Table.Th>Entered the stage</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {q.data.data.map((p) => (
                <Table.Tr key={`${p.personId}-${p.episodeStart}`}>
                  <Table.Td><Anchor component={Link} to={`/people/${p.personId}`}>{p.name ?? p.email}</Anchor></Table.Td>
                  <Table.Td>{humanize(p.lifecycleStage)}</Table.Td>
                  <Table.Td>{formatDate(p.episodeStart)}</Table.Td>
                  <Table.Td>{p.enteredAt ? formatDate(p.enteredAt) : 'skipped'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Drawer>
  );
}
