import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parseEnvironments } from '@multicloud/plugin-environments-common';
import { createAddHciClusterAction } from './hciAdd';
import { createLocalFetchAction, createLocalPublishAction } from './local';
import { createAddRegionAction } from './regionAdd';
import { createRetireEnvironmentAction } from './environmentRetire';
import { createValidateAction } from './validate';

const SAMPLE = readFileSync(
  resolve(__dirname, '../../../../config/environments.yaml'),
  'utf8',
);
const FILE = 'config/environments.yaml';

const workspace = createMockDirectory();

// One context type for every action: the actions are called with inputs
// their schemas would accept, and the tests read outputs by name.
type AnyActionContext = Parameters<
  ReturnType<typeof createAddRegionAction>['handler']
>[0] &
  Parameters<ReturnType<typeof createValidateAction>['handler']>[0] &
  Parameters<ReturnType<typeof createLocalFetchAction>['handler']>[0] &
  Parameters<ReturnType<typeof createLocalPublishAction>['handler']>[0] &
  Parameters<ReturnType<typeof createRetireEnvironmentAction>['handler']>[0] &
  Parameters<ReturnType<typeof createAddHciClusterAction>['handler']>[0];

function context(input: Record<string, unknown>, isDryRun = false) {
  const outputs: Record<string, unknown> = {};
  // The mock keeps its own output spy and dry-run flag; these replace them.
  const ctx = {
    ...createMockActionContext({
      input: input as JsonObject,
      workspacePath: workspace.path,
    }),
    isDryRun,
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
  } as unknown as AnyActionContext;
  return { ctx, outputs };
}

function written(): string {
  return readFileSync(resolve(workspace.path, FILE), 'utf8');
}

/**
 * Asserts that `after` is `before` with lines only added at one place (or
 * only removed, or one line replaced): every other byte is the same.
 */
function expectOnlyChangeAt(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail++;
  }
  return {
    removed: a.slice(head, a.length - tail),
    added: b.slice(head, b.length - tail),
    // Everything outside [head, length - tail) is identical by construction;
    // this checks the construction covered the whole file.
    unchanged: head + tail,
  };
}

beforeEach(() => {
  workspace.setContent({ [FILE]: SAMPLE });
});

describe('environments:region:add', () => {
  const action = createAddRegionAction();

  it('adds a region with defaults from the cloud and the fleet, and keeps every other byte', async () => {
    const { ctx, outputs } = context({ provider: 'aws', region: 'eu-west-1' });
    await action.handler(ctx);

    const after = written();
    const change = expectOnlyChangeAt(SAMPLE, after);
    expect(change.removed).toEqual([]);
    expect(change.unchanged).toBe(SAMPLE.split('\n').length);
    expect(change.added.join('\n')).toContain('- name: workload-aws-euwest1');

    const parsed = parseEnvironments(after);
    expect(parsed.problems).toEqual([]);
    const env = parsed.environments.find(
      e => e.name === 'workload-aws-euwest1',
    )!;
    expect(env).toMatchObject({
      role: 'workload',
      provider: 'aws',
      type: 'cloud',
      region: 'eu-west-1',
      infrastructure: {
        kubernetes: {
          provider: 'eks',
          version: '1.36',
          node_pools: { system: { count: 3, vm_size: 'm6i.xlarge' } },
        },
        network: { cidr: '10.0.0.0/16' },
      },
    });
    expect(outputs).toMatchObject({
      name: 'workload-aws-euwest1',
      entityRef: 'resource:default/workload-aws-euwest1',
    });
    expect(outputs.diff).toMatch(/^--- a\/config\/environments\.yaml/m);
    expect(outputs.diff).toContain('+  - name: workload-aws-euwest1');
  });

  it('takes the name, owner, network, pools and wave it is given', async () => {
    const { ctx } = context({
      provider: 'gcp',
      region: 'europe-west1',
      name: 'workload-gcp-belgium',
      owner: 'group:default/ledger-team',
      kubernetesVersion: '1.35',
      cidr: '10.70.0.0/16',
      wave: 2,
      nodePools: [
        { name: 'system', count: 3, vmSize: 'e2-standard-4' },
        { name: 'ledger', count: 4, vmSize: 'n2-highmem-8', min: 2, max: 10 },
      ],
    });
    await action.handler(ctx);
    const env = parseEnvironments(written()).environments.find(
      e => e.name === 'workload-gcp-belgium',
    )!;
    expect(env.owner).toBe('group:default/ledger-team');
    expect(env.rollout).toEqual({ wave: 2 });
    expect(env.infrastructure?.kubernetes?.node_pools?.ledger).toEqual({
      count: 4,
      vm_size: 'n2-highmem-8',
      min: 2,
      max: 10,
    });
    expect(written()).toContain('version: "1.35"');
  });

  it.each([
    [
      { provider: 'aws', region: 'us-east-9' },
      '"us-east-9" is not an aws region (did you mean "us-east-1", "us-east-2", "us-west-1"?)',
    ],
    [
      { provider: 'azure', region: 'westus2', kubernetesVersion: '1.30' },
      'Kubernetes 1.30 is 6 minor versions from the admin region admin-azure-westus (1.36); the fleet allows at most 1. Choose 1.35, 1.36 or 1.37, or set force to accept the skew.',
    ],
    [
      { provider: 'aws', region: 'eu-west-1', cidr: '10.30.128.0/17' },
      '10.30.128.0/17 overlaps 10.30.0.0/16 of workload-aws-useast1; 10.0.0.0/16 is free',
    ],
    [
      { provider: 'aws', region: 'eu-west-1', name: 'workload-aws-useast1' },
      'workload-aws-useast1',
    ],
    [
      { provider: 'azure', region: 'westus2', kubernetesFlavour: 'eks' },
      '"eks" does not run on Microsoft Azure',
    ],
  ])('refuses %j and changes nothing', async (input, message) => {
    const { ctx } = context(input);
    await expect(action.handler(ctx)).rejects.toThrow(message);
    expect(written()).toBe(SAMPLE);
  });

  it('accepts the skew when forced', async () => {
    const { ctx } = context({
      provider: 'azure',
      region: 'westus2',
      kubernetesVersion: '1.30',
      force: true,
    });
    await action.handler(ctx);
    expect(written()).toContain('version: "1.30"');
  });

  it('says what to do when the workspace has no fleet file', async () => {
    workspace.clear();
    const { ctx } = context({ provider: 'aws', region: 'eu-west-1' });
    await expect(action.handler(ctx)).rejects.toThrow(
      'config/environments.yaml is not in the workspace',
    );
  });
});

describe('environments:hci:add', () => {
  const action = createAddHciClusterAction();

  it('adds an Azure Stack HCI cluster with its Arc onboarding', async () => {
    const { ctx, outputs } = context({
      platform: 'azure-stack-hci',
      site: 'muc01',
      cluster: 'hci-muc-01',
      arc: {
        enabled: true,
        resourceGroup: 'rg-arc',
        location: 'germanywestcentral',
      },
    });
    await action.handler(ctx);
    const after = written();
    expect(expectOnlyChangeAt(SAMPLE, after).removed).toEqual([]);
    const env = parseEnvironments(after).environments.find(
      e => e.name === outputs.name,
    )!;
    expect(outputs.name).toBe('hci-azurestack-muc01');
    expect(env).toMatchObject({
      provider: 'onprem',
      type: 'hci',
      region: 'muc01',
      infrastructure: { kubernetes: { provider: 'aks-hci' } },
      hci: {
        platform: 'azure-stack-hci',
        cluster: 'hci-muc-01',
        arc: {
          enabled: true,
          resource_group: 'rg-arc',
          location: 'germanywestcentral',
        },
      },
    });
  });

  it('defaults vSphere to Tanzu', async () => {
    const { ctx, outputs } = context({
      platform: 'vsphere',
      site: 'rtm01',
      cluster: 'vsan-rtm-01',
    });
    await action.handler(ctx);
    expect(outputs.name).toBe('hci-vsphere-rtm01');
    expect(written()).toContain('provider: tanzu');
  });

  it.each([
    [
      {
        platform: 'vsphere',
        site: 'rtm01',
        cluster: 'c',
        kubernetesFlavour: 'aks-hci',
      },
      '"aks-hci" does not run on vsphere; use one of tanzu, openshift, kubeadm, k3s, rke2',
    ],
    [
      {
        platform: 'azure-stack-hci',
        site: 'muc01',
        cluster: 'c',
        arc: { enabled: true },
      },
      'Azure Arc onboarding needs the Azure region',
    ],
    [
      {
        platform: 'azure-stack-hci',
        site: 'muc01',
        cluster: 'c',
        arc: { enabled: true, location: 'germany' },
      },
      '"germany" is not an Azure region',
    ],
    [
      { platform: 'vsphere', site: 'Rotterdam 1', cluster: 'c' },
      'is not a site id',
    ],
  ])('refuses %j', async (input, message) => {
    const { ctx } = context(input);
    await expect(action.handler(ctx)).rejects.toThrow(message);
    expect(written()).toBe(SAMPLE);
  });
});

describe('environments:environment:retire', () => {
  const action = createRetireEnvironmentAction();

  it('disables an environment by changing one line only', async () => {
    const { ctx, outputs } = context({ name: 'workload-ibm-ussouth' });
    await action.handler(ctx);
    const change = expectOnlyChangeAt(SAMPLE, written());
    expect(change.removed.length + change.added.length).toBeGreaterThan(0);
    expect(change.removed).toEqual([]);
    expect(change.added.map(l => l.trim())).toEqual(['enabled: false']);
    const env = parseEnvironments(written()).environments.find(
      e => e.name === 'workload-ibm-ussouth',
    );
    expect(env?.enabled).toBe(false);
    expect(outputs.entityRef).toBe('resource:default/workload-ibm-ussouth');
  });

  it('removes an environment and nothing else', async () => {
    const { ctx } = context({ name: 'workload-ibm-ussouth', mode: 'remove' });
    await action.handler(ctx);
    const change = expectOnlyChangeAt(SAMPLE, written());
    expect(change.added).toEqual([]);
    expect(change.removed.join('\n')).toContain('- name: workload-ibm-ussouth');
    expect(change.removed.join('\n')).not.toContain(
      'name: workload-oracle-frankfurt',
    );
    expect(
      parseEnvironments(written()).environments.map(e => e.name),
    ).not.toContain('workload-ibm-ussouth');
  });

  it('refuses to retire the admin region and says why', async () => {
    const { ctx } = context({ name: 'admin-azure-westus', mode: 'remove' });
    await expect(action.handler(ctx)).rejects.toThrow(
      'admin-azure-westus is the admin region of the fleet: 8 workload environments depend on it. Make another environment the admin first, or set force.',
    );
    expect(written()).toBe(SAMPLE);
  });

  it('refuses to retire an environment others link to, naming them', async () => {
    const { ctx } = context({ name: 'hci-azurestack-fra01' });
    await expect(action.handler(ctx)).rejects.toThrow(
      'workload-azure-westeurope, hci-vsphere-ams01 link to hci-azurestack-fra01. Remove those links first, or set force.',
    );
  });

  it('retires a linked environment when forced; the dangling links become warnings', async () => {
    const { ctx } = context({
      name: 'hci-azurestack-fra01',
      mode: 'remove',
      force: true,
    });
    await action.handler(ctx);
    const parsed = parseEnvironments(written());
    expect(parsed.problems.filter(p => p.severity === 'error')).toEqual([]);
    expect(parsed.problems.map(p => p.message)).toContain(
      '"hci-azurestack-fra01" is not an environment of this file; the link is ignored',
    );
  });

  it('knows unknown and already disabled environments', async () => {
    await expect(
      action.handler(context({ name: 'nowhere' }).ctx),
    ).rejects.toThrow(
      'There is no environment "nowhere" in config/environments.yaml',
    );
    await expect(
      action.handler(context({ name: 'workload-gcp-uscentral1' }).ctx),
    ).rejects.toThrow('workload-gcp-uscentral1 is already disabled');
  });
});

describe('environments:validate', () => {
  const action = createValidateAction();

  it('reports a valid file', async () => {
    const { ctx, outputs } = context({});
    await action.handler(ctx);
    expect(outputs).toMatchObject({ valid: true, environments: 10, errors: 0 });
  });

  it('fails on errors with line and column, or only reports them when asked', async () => {
    workspace.setContent({
      [FILE]: SAMPLE.replace('region: us-east-1', 'region: us-east-9'),
    });
    await expect(action.handler(context({}).ctx)).rejects.toThrow(
      /config\/environments\.yaml has 1 error:\nconfig\/environments\.yaml:\d+:13 environments\[2\]\.region: "us-east-9" is not an aws region/,
    );
    const { ctx, outputs } = context({ failOnError: false });
    await action.handler(ctx);
    expect(outputs).toMatchObject({ valid: false, errors: 1, environments: 9 });
  });
});

describe('local mode', () => {
  const portal = createMockDirectory();

  beforeEach(() => {
    portal.setContent({ 'environments.yaml': SAMPLE });
  });

  const config = () =>
    new ConfigReader({
      environments: { localFile: portal.resolve('environments.yaml') },
    });

  it('fetches the portal file, and publishes the edit back', async () => {
    workspace.clear();
    const fetch = context({});
    await createLocalFetchAction({ config: config() }).handler(fetch.ctx);
    expect(written()).toBe(SAMPLE);

    await createAddRegionAction().handler(
      context({ provider: 'oracle', region: 'uk-london-1' }).ctx,
    );
    await createLocalPublishAction({ config: config() }).handler(
      context({ expectedHash: fetch.outputs.hash }).ctx,
    );
    expect(readFileSync(portal.resolve('environments.yaml'), 'utf8')).toContain(
      'name: workload-oracle-uklondon1',
    );
  });

  it('does not write in a dry run', async () => {
    const fetch = context({});
    await createLocalFetchAction({ config: config() }).handler(fetch.ctx);
    workspace.setContent({ [FILE]: `${SAMPLE}# edited\n` });
    const publish = context({ expectedHash: fetch.outputs.hash }, true);
    await createLocalPublishAction({ config: config() }).handler(publish.ctx);
    expect(readFileSync(portal.resolve('environments.yaml'), 'utf8')).toBe(
      SAMPLE,
    );
  });

  it('refuses to overwrite a file that changed since the fetch', async () => {
    const fetch = context({});
    await createLocalFetchAction({ config: config() }).handler(fetch.ctx);
    portal.setContent({ 'environments.yaml': `${SAMPLE}# someone else\n` });
    await expect(
      createLocalPublishAction({ config: config() }).handler(
        context({ expectedHash: fetch.outputs.hash }).ctx,
      ),
    ).rejects.toThrow('changed since this task read it');
  });

  it('is off unless configured, and says what to do instead', async () => {
    await expect(
      createLocalFetchAction({ config: new ConfigReader({}) }).handler(
        context({}).ctx,
      ),
    ).rejects.toThrow(
      'Local mode is off on this portal (environments.localFile is not set): choose "pull request"',
    );
  });
});
