import { useMemo, type Key } from 'react';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  EntityRefLink,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import {
  Cell,
  CellText,
  Flex,
  SearchField,
  Select,
  Table,
  Text,
  useTable,
  type ColumnConfig,
  type SortDescriptor,
} from '@backstage/ui';
import {
  kubernetesMinor,
  type EnvironmentStatus,
} from '@multicloud/plugin-environments-common';
import {
  environmentTypeLabel,
  providerLabel,
  roleLabel,
} from '../../lib/environment';
import {
  formatBytes,
  formatCores,
  isStale,
  parseTime,
  serverMinor,
  shortAgo,
} from './format';
import { HEALTH_ORDER, HealthChip, healthRank, healthStyle } from './health';
import { normalizeMinor } from './fleet';
import { useNow } from './useNow';

type FleetRow = EnvironmentStatus & { id: string };

/** Values picked in each filter; an empty list means "all". */
export interface FleetTableFilter {
  provider: string[];
  role: string[];
  type: string[];
  health: string[];
}

const NO_FILTER: FleetTableFilter = {
  provider: [],
  role: [],
  type: [],
  health: [],
};

const DASH = '—';

export function filterEnvironments<T extends EnvironmentStatus>(
  rows: T[],
  filter: FleetTableFilter,
): T[] {
  const keep = (picked: string[], value: string) =>
    picked.length === 0 || picked.includes(value);
  return rows.filter(
    row =>
      keep(filter.provider, row.provider) &&
      keep(filter.role, row.role) &&
      keep(filter.type, row.type) &&
      keep(filter.health, row.status.health),
  );
}

export function searchEnvironments<T extends EnvironmentStatus>(
  rows: T[],
  search: string,
): T[] {
  const needle = search.trim().toLocaleLowerCase('en-US');
  if (!needle) return rows;
  return rows.filter(row =>
    [
      row.name,
      row.region,
      row.regionName,
      row.provider,
      providerLabel(row.provider),
      row.owner,
      row.status.reason,
      row.kubernetes?.version,
      row.status.serverVersion,
    ].some(text => text?.toLocaleLowerCase('en-US').includes(needle)),
  );
}

type SortValue = string | number | undefined;

const SORT_KEYS: Record<string, (row: EnvironmentStatus) => SortValue> = {
  name: r => r.name,
  where: r => `${providerLabel(r.provider)}\u0000${r.regionName}`,
  role: r => `${r.role}\u0000${r.type}`,
  wave: r => r.rolloutWave,
  kubernetes: r => kubernetesMinor(normalizeMinor(r.kubernetes?.version)),
  health: r => healthRank(r.status.health),
  nodes: r =>
    r.status.nodes ? r.status.nodes.total - r.status.nodes.ready : undefined,
  capacity: r => r.status.allocatable?.cpuCores,
  workloads: r =>
    r.status.pods || r.status.deployments
      ? (r.status.pods?.notRunning ?? 0) * 1000 +
        (r.status.deployments?.unavailable ?? 0)
      : undefined,
  checked: r => parseTime(r.status.checkedAt)?.getTime(),
};

export function sortEnvironments<T extends EnvironmentStatus>(
  rows: T[],
  sort: SortDescriptor,
): T[] {
  const keyOf = SORT_KEYS[String(sort.column)];
  if (!keyOf) return rows;
  const sign = sort.direction === 'descending' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = keyOf(a);
    const y = keyOf(b);
    // Rows without a value go last either way.
    if (x === undefined || y === undefined) {
      if (x === y) return a.name.localeCompare(b.name);
      return x === undefined ? 1 : -1;
    }
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y));
    return sign * order || a.name.localeCompare(b.name);
  });
}

/** `platform-team` for `group:default/platform-team`; anything unparsable as written. */
function ownerLabel(owner: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(owner, { defaultKind: 'group' }), {
      defaultKind: 'group',
    });
  } catch {
    return owner;
  }
}

function Muted() {
  return (
    <Cell>
      <Text as="span" color="secondary">
        {DASH}
      </Text>
    </Cell>
  );
}

function CheckedCell(props: { checkedAt?: string }) {
  const now = useNow();
  const at = parseTime(props.checkedAt);
  if (!at) return <CellText title="never" color="secondary" />;
  const stale = isStale(at, now);
  return (
    <Cell>
      <Flex direction="column" gap="0.5">
        <time dateTime={at.toISOString()} title={at.toLocaleString()}>
          <Text as="span" variant="body-small">
            {shortAgo(at, now)}
          </Text>
        </time>
        {stale && (
          <Text as="span" variant="body-x-small" color="warning" weight="bold">
            stale
          </Text>
        )}
      </Flex>
    </Cell>
  );
}

function Workloads(props: { status: EnvironmentStatus['status'] }) {
  const { pods, deployments } = props.status;
  if (!pods && !deployments) return <Muted />;
  return (
    <Cell>
      <Flex direction="column" gap="0.5">
        {pods && (
          <Text
            as="span"
            variant="body-small"
            color={pods.notRunning > 0 ? 'danger' : undefined}
            weight={pods.notRunning > 0 ? 'bold' : undefined}
          >
            {pods.notRunning} of {pods.total} not running
          </Text>
        )}
        {deployments && (
          <Text
            as="span"
            variant="body-x-small"
            color={deployments.unavailable > 0 ? 'danger' : 'secondary'}
            title={`${deployments.total} deployments in all`}
          >
            {deployments.unavailable} unavailable · {deployments.rollingOut}{' '}
            rolling out
          </Text>
        )}
      </Flex>
    </Cell>
  );
}

function Kubernetes(props: { env: EnvironmentStatus }) {
  const declared = props.env.kubernetes?.version;
  const server = props.env.status.serverVersion;
  if (!declared && !server) return <Muted />;
  const minor = normalizeMinor(declared);
  const differs =
    !!server && minor !== undefined && serverMinor(server) !== minor;
  return (
    <Cell>
      <Flex direction="column" gap="0.5">
        <Text as="span" variant="body-small">
          {declared ?? DASH}
        </Text>
        <Text
          as="span"
          variant="body-x-small"
          color={differs ? 'warning' : 'secondary'}
          weight={differs ? 'bold' : undefined}
          title={
            differs
              ? `The file declares ${declared}, the server runs ${server}`
              : undefined
          }
        >
          {server ? `server ${server}` : `server ${DASH}`}
        </Text>
      </Flex>
    </Cell>
  );
}

function columns(): ColumnConfig<FleetRow>[] {
  return [
    {
      id: 'name',
      label: 'Name',
      isRowHeader: true,
      isSortable: true,
      defaultWidth: '1.4fr',
      minWidth: 150,
      cell: row => (
        <Cell>
          <Flex direction="column" gap="0.5">
            <EntityRefLink entityRef={row.entityRef} hideIcon>
              {row.name}
            </EntityRefLink>
            {row.owner && (
              <Text as="span" variant="body-x-small" color="secondary">
                {ownerLabel(row.owner)}
              </Text>
            )}
          </Flex>
        </Cell>
      ),
    },
    {
      id: 'where',
      label: 'Provider',
      isSortable: true,
      defaultWidth: '1.2fr',
      minWidth: 170,
      cell: row => (
        <CellText
          title={providerLabel(row.provider)}
          description={
            row.regionName === row.region
              ? row.region
              : `${row.regionName} (${row.region})`
          }
        />
      ),
    },
    {
      id: 'role',
      label: 'Role',
      isSortable: true,
      defaultWidth: 125,
      cell: row => (
        <CellText
          title={roleLabel(row.role)}
          description={environmentTypeLabel(row.type)}
        />
      ),
    },
    {
      id: 'wave',
      label: 'Wave',
      isSortable: true,
      defaultWidth: 90,
      cell: row =>
        row.rolloutWave === undefined ? (
          <Muted />
        ) : (
          <CellText title={String(row.rolloutWave)} />
        ),
    },
    {
      id: 'kubernetes',
      label: 'Kubernetes',
      isSortable: true,
      defaultWidth: 140,
      cell: row => <Kubernetes env={row} />,
    },
    {
      id: 'health',
      label: 'Health',
      isSortable: true,
      defaultWidth: '1.4fr',
      minWidth: 160,
      cell: row => (
        <Cell>
          <Flex direction="column" gap="1" align="start">
            <HealthChip health={row.status.health} />
            {row.status.reason && (
              <Text as="span" variant="body-x-small" color="secondary">
                {row.status.reason}
              </Text>
            )}
          </Flex>
        </Cell>
      ),
    },
    {
      id: 'nodes',
      label: 'Nodes',
      isSortable: true,
      defaultWidth: 100,
      cell: row => {
        const nodes = row.status.nodes;
        if (!nodes) return <Muted />;
        const short = nodes.ready < nodes.total;
        return (
          <Cell>
            <Text
              as="span"
              color={short ? 'warning' : undefined}
              weight={short ? 'bold' : undefined}
              title={`${nodes.ready} of ${nodes.total} nodes ready`}
            >
              {nodes.ready} / {nodes.total}
            </Text>
          </Cell>
        );
      },
    },
    {
      id: 'capacity',
      label: 'Capacity',
      isSortable: true,
      defaultWidth: 120,
      cell: row => {
        const a = row.status.allocatable;
        return a ? (
          <CellText
            title={formatCores(a.cpuCores)}
            description={formatBytes(a.memoryBytes)}
          />
        ) : (
          <Muted />
        );
      },
    },
    {
      id: 'workloads',
      label: 'Workloads',
      isSortable: true,
      defaultWidth: '1.4fr',
      minWidth: 160,
      cell: row => <Workloads status={row.status} />,
    },
    {
      id: 'checked',
      label: 'Age',
      isSortable: true,
      defaultWidth: 110,
      cell: row => <CheckedCell checkedAt={row.status.checkedAt} />,
    },
  ];
}

function options(values: Iterable<string>, label: (value: string) => string) {
  return [...new Set(values)]
    .map(id => ({ id, label: label(id) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

function keys(selection: Key | Key[] | null): string[] {
  if (selection === null) return [];
  return (Array.isArray(selection) ? selection : [selection]).map(String);
}

/** Every environment with its live status: filter, search and sort. */
export function FleetTable(props: { environments: EnvironmentStatus[] }) {
  const { environments } = props;
  const rows = useMemo<FleetRow[]>(
    () => environments.map(env => ({ ...env, id: env.name })),
    [environments],
  );
  const columnConfig = useMemo(columns, []);
  const { tableProps, filter, search } = useTable<FleetRow, FleetTableFilter>({
    mode: 'complete',
    data: rows,
    initialFilter: NO_FILTER,
    initialSort: { column: 'health', direction: 'ascending' },
    filterFn: filterEnvironments,
    searchFn: searchEnvironments,
    sortFn: sortEnvironments,
    paginationOptions: { pageSize: 50 },
  });
  const current = filter.value ?? NO_FILTER;
  const set = (patch: Partial<FleetTableFilter>) =>
    filter.onChange({ ...current, ...patch });

  const pickers: Array<{
    key: keyof FleetTableFilter;
    label: string;
    options: Array<{ id: string; label: string }>;
  }> = [
    {
      key: 'provider',
      label: 'Provider',
      options: options(
        environments.map(e => e.provider),
        providerLabel,
      ),
    },
    {
      key: 'role',
      label: 'Role',
      options: options(
        environments.map(e => e.role),
        roleLabel,
      ),
    },
    {
      key: 'type',
      label: 'Type',
      options: options(
        environments.map(e => e.type),
        environmentTypeLabel,
      ),
    },
    {
      key: 'health',
      label: 'Health',
      options: HEALTH_ORDER.filter(h =>
        environments.some(e => e.status.health === h),
      ).map(h => ({ id: h, label: healthStyle(h).label })),
    },
  ];

  return (
    <Flex direction="column" gap="3">
      <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
        <SearchField
          aria-label="Search environments"
          placeholder="Search by name, region, reason"
          size="small"
          value={search.value}
          onChange={search.onChange}
          style={{ minWidth: 240 }}
        />
        {pickers.map(picker => (
          <Select
            key={picker.key}
            label={picker.label}
            selectionMode="multiple"
            placeholder="All"
            size="small"
            options={picker.options}
            value={current[picker.key]}
            onChange={selection => set({ [picker.key]: keys(selection) })}
            style={{ minWidth: 160 }}
          />
        ))}
      </Flex>
      <div style={{ overflowX: 'auto' }}>
        <Table
          columnConfig={columnConfig}
          {...tableProps}
          style={{ minWidth: 1330 }}
          emptyState={
            <Text as="p" color="secondary">
              No environment matches the search and filters.
            </Text>
          }
        />
      </div>
    </Flex>
  );
}
