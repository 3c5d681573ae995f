import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { fireEvent, screen, within } from '@testing-library/react';
import { FleetFileProblemsCard } from './FleetFileProblemsCard';

const TARGET = 'config/environments.yaml';

function fleetFile(spec: Record<string, unknown>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'environments-file-main',
      namespace: 'default',
      annotations: {
        'backstage.io/view-url':
          'https://github.com/acme/fleet/blob/main/config/environments.yaml',
      },
    },
    spec: {
      type: 'environments-file',
      owner: 'group:default/platform',
      target: TARGET,
      readAt: new Date(Date.now() - 5 * 60 * 1000).toISOString(),
      environments: [],
      skipped: [],
      problems: [],
      ...spec,
    },
  };
}

function render(entity: Entity) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <FleetFileProblemsCard />
    </EntityProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const WARNING = {
  severity: 'warning',
  file: TARGET,
  line: 31,
  column: 5,
  environment: 'workload-aws-useast1',
  path: 'environments[1].cost.budjet_monthly',
  message: 'unknown key "budjet_monthly" (did you mean "budget_monthly"?)',
  text: `${TARGET}:31:5 environments[1].cost.budjet_monthly: warning: unknown key "budjet_monthly" (did you mean "budget_monthly"?)`,
};

const ERROR = {
  severity: 'error',
  file: TARGET,
  line: 44,
  column: 13,
  environment: 'workload-aws-useast9',
  path: 'environments[2].region',
  message: '"us-east-9" is not an aws region (did you mean "us-east-1"?)',
  text: `${TARGET}:44:13 environments[2].region: "us-east-9" is not an aws region (did you mean "us-east-1"?)`,
};

const UNNAMED_ERROR = {
  severity: 'error',
  file: TARGET,
  line: 52,
  column: 11,
  path: 'environments[3].name',
  message: 'must be a DNS label',
  text: `${TARGET}:52:11 environments[3].name: must be a DNS label`,
};

describe('FleetFileProblemsCard', () => {
  it('lists problems, errors first, with what to do about them', async () => {
    await render(
      fleetFile({
        environments: [
          'resource:default/admin-azure-westeurope',
          'resource:default/workload-aws-useast1',
        ],
        skipped: [
          { index: 2, name: 'workload-aws-useast9', line: 40 },
          { index: 3, line: 50 },
        ],
        problems: [WARNING, UNNAMED_ERROR, ERROR],
      }),
    );

    expect(
      screen.getByText('2 environments loaded', { exact: false }),
    ).toBeInTheDocument();
    expect(screen.getByText('2 skipped')).toBeInTheDocument();
    expect(screen.getByText('2 errors')).toBeInTheDocument();
    expect(screen.getByText('1 warning')).toBeInTheDocument();
    expect(screen.getByText('5 minutes ago')).toBeInTheDocument();

    expect(
      screen.getByText(
        `Fix these in ${TARGET}; skipped environments stay out of the catalog until the file is valid. The portal reloads the file on its schedule.`,
      ),
    ).toBeInTheDocument();

    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[0]).getByText('Error')).toBeInTheDocument();
    expect(within(rows[0]).getByText('44:13')).toBeInTheDocument();
    expect(within(rows[0]).getByText(ERROR.message)).toBeInTheDocument();
    expect(
      within(rows[0]).getByText('environments[2].region'),
    ).toBeInTheDocument();
    expect(within(rows[1]).getByText('52:11')).toBeInTheDocument();
    expect(within(rows[1]).getByText('environments[3]')).toBeInTheDocument();
    expect(within(rows[2]).getByText('Warning')).toBeInTheDocument();
    expect(within(rows[2]).getByText('31:5')).toBeInTheDocument();

    // The line points into the file in its Git host.
    expect(
      within(rows[0]).getByRole('link', { name: '44:13' }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/fleet/blob/main/config/environments.yaml#L44',
    );

    // A loaded environment links to its entity page; a skipped one cannot.
    expect(
      within(rows[2]).getByRole('link', { name: 'workload-aws-useast1' }),
    ).toHaveAttribute('href', '/catalog/default/resource/workload-aws-useast1');
    expect(
      within(rows[0]).queryByRole('link', { name: 'workload-aws-useast9' }),
    ).not.toBeInTheDocument();
    expect(within(rows[0]).getByText('not loaded')).toBeInTheDocument();

    const skipped = screen.getByRole('list');
    const items = within(skipped).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      'workload-aws-useast9, line 40',
      'environments[3], line 50',
    ]);
  });

  it('offers every problem as one line of text, ready to copy', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText },
      configurable: true,
    });
    await render(
      fleetFile({
        environments: ['resource:default/workload-aws-useast1'],
        problems: [WARNING, ERROR],
        skipped: [{ index: 2, name: 'workload-aws-useast9', line: 40 }],
      }),
    );

    fireEvent.click(screen.getByRole('button', { name: /problems as text/i }));
    const expected = `${ERROR.text}\n${WARNING.text}`;
    expect(
      screen.getByText(
        (_content, element) =>
          element?.tagName === 'PRE' && element.textContent === expected,
      ),
    ).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(expected);
    expect(
      await screen.findByRole('button', { name: 'Copied' }),
    ).toBeInTheDocument();
  });

  it('says so plainly when the file has no problems', async () => {
    await render(
      fleetFile({
        environments: [
          'resource:default/admin-azure-westeurope',
          'resource:default/workload-aws-useast1',
          'resource:default/workload-onprem-ber1',
        ],
      }),
    );

    expect(
      screen.getByText(`No problems: every environment of ${TARGET} loaded`),
    ).toBeInTheDocument();
    expect(
      screen.getByText('3 environments loaded', { exact: false }),
    ).toBeInTheDocument();
    expect(screen.getByText('0 errors')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByText('Skipped environments')).not.toBeInTheDocument();
  });

  it('survives a spec it does not fully understand', async () => {
    await render(
      fleetFile({
        readAt: 'not a date',
        environments: 'nope',
        problems: [{ severity: 'error' }, 42],
      }),
    );

    expect(
      screen.getByText(`No problems: every environment of ${TARGET} loaded`),
    ).toBeInTheDocument();
    expect(screen.queryByText(/ago$/)).not.toBeInTheDocument();
  });
});
