import { Anchor, Group, Select, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { peopleExportUrl, usePeople } from '../api/people';
import type { PeopleSort, Person, SortOrder } from '../api/types';
import { columnChoices, type Column } from '../components/DataTable';
import { ListToolbar } from '../components/ListToolbar';
import { NewRecordButton } from '../components/forms/RecordFormButtons';
import { useHiddenColumns } from '../lib/use-hidden-columns';
import { PagedTable } from '../components/PagedTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { SearchInput } from '../components/SearchInput';
import { StageBadge } from '../components/StageBadge';
import { useStageLabel } from '../api/stage-labels';
import { formatDate, fullName } from '../lib/format';
import { useCursorPages } from '../lib/use-cursor-pages';
import { compact, useUrlState } from '../lib/use-url-state';
import { LIFECYCLE_STAGES, options, SENIORITIES } from '../lib/vocabulary';
import { useTitle } from '../lib/use-title';

const DEFAULTS = { q: '', stage: '', seniority: '', country: '', sort: 'createdAt', order: 'desc' };

const COLUMNS: Column<Person>[] = [
  { id: 'email', header: 'E-mail', sortKey: 'email', cell: ({ row }) => <Anchor component={Link} to={`/people/${row.original.id}`}>{row.original.email}</Anchor> },
  { id: 'name', header: 'Name', sortKey: 'lastName', cell: ({ row }) => fullName({ ...row.original, email: '' }) },
  { id: 'title', header: 'Title', accessorKey: 'title' },
  { id: 'company', header: 'Company', accessorKey: 'companyName' },
  { id: 'country', header: 'Country', accessorKey: 'country' },
  { id: 'stage', header: 'Stage', sortKey: 'lifecycleStage', cell: ({ row }) => <StageBadge stage={row.original.lifecycleStage} /> },
  { id: 'createdAt', header: 'Created', sortKey: 'createdAt', cell: ({ row }) => formatDate(row.original.createdAt) },
];

export function PeoplePage() {
  useTitle('People');
  const [state, set] = useUrlState(DEFAULTS);
  const filters = compact({ q: state.q, stage: state.stage, seniority: state.seniority, country: state.country });
  const sort = { sort: state.sort as PeopleSort, order: state.order as SortOrder };
  const [hidden, setHidden] = useHiddenColumns();
  const pages = useCursorPages(JSON.stringify([filters, sort]));
  const query = usePeople(filters, sort, pages.cursor);
  const stageLabel = useStageLabel();
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>People</Title>
        <Group gap="xs">
          <NewRecordButton kind="person" />
          <ListToolbar list="people" columns={columnChoices(COLUMNS)} hidden={hidden} onHiddenChange={setHidden} exportHref={peopleExportUrl(filters, sort)} />
        </Group>
      </Group>
      <Group mb="md" align="end" role="search" aria-label="Filter people">
        <SearchInput label="Search" placeholder="name, e-mail or company" value={state.q} onSearch={(q) => set({ q })} w={260} />
        <Select label="Stage" placeholder="Any stage" clearable data={LIFECYCLE_STAGES.map((value) => ({ value, label: stageLabel(value) }))} value={state.stage || null} onChange={(v) => set({ stage: v })} w={170} />
        <Select label="Seniority" placeholder="Any seniority" clearable data={options(SENIORITIES)} value={state.seniority || null} onChange={(v) => set({ seniority: v })} w={170} />
        <SearchInput label="Country" placeholder="DE" value={state.country} onSearch={(country) => set({ country: country.toUpperCase() })} w={90} maxLength={2} />
      </Group>
      <ErrorAlert error={query.error} />
      <PagedTable<Person>
        label="People"
        columns={COLUMNS}
        hidden={hidden}
        getRowId={(p) => p.id}
        query={query}
        pages={pages}
        sort={sort}
        onSort={(s) => set({ sort: s.sort, order: s.order })}
      />
    </>
  );
}
