import {
  memo,
  useMemo,
  useState,
  type ComponentProps,
  type KeyboardEvent,
} from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import type { EnvironmentStatus } from '@multicloud/plugin-environments-common';
import {
  ComposableMap,
  Geographies,
  Geography,
  Marker,
} from 'react-simple-maps';
import countries110m from 'world-atlas/countries-110m.json';
import { providerLabel } from '../../lib/environment';
import { mapPoints } from './fleet';
import { HEALTH, HEALTH_ORDER, HealthChip, healthStyle } from './health';

const WIDTH = 800;
const HEIGHT = 360;

type GeographySource = ComponentProps<typeof Geographies>['geography'];
const WORLD = countries110m as unknown as GeographySource;

// Antarctica (ISO 3166 numeric 010) hosts no region and takes a fifth of the height.
const withoutAntarctica = <T extends { id?: string | number }>(features: T[]) =>
  features.filter(f => String(f.id) !== '010');

/**
 * The countries, drawn once: the shapes never change, and the map library
 * compares its input by serialising it, which is not cheap for the world.
 */
const Countries = memo(function CountryShapes() {
  return (
    <Geographies geography={WORLD} parseGeographies={withoutAntarctica}>
      {({ geographies }) =>
        geographies.map(geo => (
          <Geography
            key={geo.rsmKey}
            geography={geo}
            tabIndex={-1}
            aria-hidden
            style={{
              fill: 'var(--bui-border-1, #dcdcdc)',
              stroke: 'var(--bui-bg-neutral-1, #ffffff)',
              strokeWidth: 0.5,
              outline: 'none',
            }}
          />
        ))
      }
    </Geographies>
  );
});

function describe(env: EnvironmentStatus): string {
  const health = healthStyle(env.status.health).label;
  return [
    `${env.name}, ${env.regionName}`,
    env.status.reason ? `${health}: ${env.status.reason}` : health,
  ].join(', ');
}

function Details(props: { env?: EnvironmentStatus }) {
  const { env } = props;
  if (!env) {
    return (
      <Text as="p" variant="body-small" color="secondary">
        Point at a marker, or focus one with the keyboard, for its details.
      </Text>
    );
  }
  return (
    <Flex
      gap="2"
      align="center"
      style={{ flexWrap: 'wrap', minHeight: 28 }}
      aria-live="polite"
    >
      <EntityRefLink entityRef={env.entityRef} hideIcon>
        {env.name}
      </EntityRefLink>
      <Text as="span" variant="body-small" color="secondary">
        {providerLabel(env.provider)} · {env.regionName}
      </Text>
      <HealthChip health={env.status.health} />
      {env.status.reason && (
        <Text as="span" variant="body-small">
          {env.status.reason}
        </Text>
      )}
    </Flex>
  );
}

function Legend(props: { environments: readonly EnvironmentStatus[] }) {
  const present = new Set(props.environments.map(e => e.status.health));
  return (
    <Flex gap="3" style={{ flexWrap: 'wrap' }}>
      {HEALTH_ORDER.filter(h => present.has(h)).map(h => (
        <Text key={h} as="span" variant="body-x-small" color="secondary">
          <svg width="10" height="10" aria-hidden style={{ marginRight: 4 }}>
            <circle cx="5" cy="5" r="5" fill={HEALTH[h].color} />
          </svg>
          {HEALTH[h].label}
        </Text>
      ))}
    </Flex>
  );
}

/** Where the fleet runs, one marker per environment, coloured by health. */
export function FleetMap(props: {
  environments: readonly EnvironmentStatus[];
}) {
  const { environments } = props;
  const { points, unplaced } = useMemo(
    () => mapPoints(environments),
    [environments],
  );
  const [hovered, setHovered] = useState<string>();
  const [pinned, setPinned] = useState<string>();
  const shownName = hovered ?? pinned;
  const shown = environments.find(e => e.name === shownName);

  const onKey = (name: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      setPinned(current => (current === name ? undefined : name));
    }
  };

  return (
    <Card style={{ height: '100%' }}>
      <CardHeader>
        <Flex direction="column" gap="1">
          <Text as="h2" variant="title-x-small" weight="bold">
            Where the fleet runs
          </Text>
          <Text as="p" variant="body-small" color="secondary">
            {points.length} of {environments.length} environments on the map
          </Text>
        </Flex>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="3">
          <ComposableMap
            width={WIDTH}
            height={HEIGHT}
            projection="geoEqualEarth"
            projectionConfig={{ scale: 150, center: [10, 18] }}
            role="group"
            aria-label="Map of the fleet"
            style={{ width: '100%', height: 'auto', display: 'block' }}
          >
            <Countries />
            {points.map(({ env, coordinates, offset }) => {
              const active = env.name === shownName;
              const label = describe(env);
              return (
                <Marker
                  key={env.name}
                  coordinates={coordinates}
                  role="button"
                  tabIndex={0}
                  aria-label={label}
                  aria-pressed={env.name === pinned}
                  data-health={env.status.health}
                  style={{ cursor: 'pointer', outline: 'none' }}
                  onMouseEnter={() => setHovered(env.name)}
                  onMouseLeave={() => setHovered(undefined)}
                  onFocus={() => setHovered(env.name)}
                  onBlur={() => setHovered(undefined)}
                  onClick={() =>
                    setPinned(current =>
                      current === env.name ? undefined : env.name,
                    )
                  }
                  onKeyDown={onKey(env.name)}
                >
                  <title>{label}</title>
                  <circle
                    cx={offset[0]}
                    cy={offset[1]}
                    r={active ? 8 : 6}
                    fill={healthStyle(env.status.health).color}
                    strokeWidth={active ? 2 : 1.5}
                    style={{
                      stroke: active ? 'var(--bui-fg-primary, #000)' : '#fff',
                    }}
                  />
                </Marker>
              );
            })}
          </ComposableMap>
          <Legend environments={environments} />
          <Details env={shown} />
          {unplaced.length > 0 && (
            <section aria-label="Not on the map">
              <Flex direction="column" gap="1">
                <Text as="h3" variant="body-small" weight="bold">
                  Not on the map: no coordinates for these sites
                </Text>
                <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
                  {unplaced.map(env => (
                    <li key={env.name} style={{ marginBottom: 4 }}>
                      <Flex gap="2" align="center" style={{ flexWrap: 'wrap' }}>
                        <EntityRefLink entityRef={env.entityRef} hideIcon>
                          {env.name}
                        </EntityRefLink>
                        <Text as="span" variant="body-small" color="secondary">
                          {providerLabel(env.provider)} · {env.regionName}
                        </Text>
                        <HealthChip health={env.status.health} />
                      </Flex>
                    </li>
                  ))}
                </ul>
              </Flex>
            </section>
          )}
        </Flex>
      </CardBody>
    </Card>
  );
}
