import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem, parseEnvironments } from './parse';

const FILE = 'config/environments.yaml';

function parse(text: string) {
  return parseEnvironments(text, { file: FILE });
}

/** Lines of the form teams already write, with `extra` spliced into one environment. */
function fleet(extra = '', more = '') {
  return `environments:
  - name: admin-azure-westus
    role: admin
    provider: azure
    type: cloud
    region: westus
    enabled: true
    components:
      - cicd
      - monitoring
      - orchestration
    infrastructure:
      kubernetes:
        provider: aks
        version: "1.28"
        node_pools:
          system:
            count: 3
            vm_size: "Standard_D4s_v3"
  - name: workload-aws-useast1
    role: workload
    provider: aws
    type: cloud
    region: us-east-1
${extra}${more}`;
}

const errors = (r: ReturnType<typeof parse>) =>
  r.problems.filter(p => p.severity === 'error').map(formatProblem);
const warnings = (r: ReturnType<typeof parse>) =>
  r.problems.filter(p => p.severity === 'warning').map(formatProblem);

describe('parseEnvironments', () => {
  it('parses the form teams already use, unchanged', () => {
    const result = parse(fleet());
    expect(result.problems).toEqual([]);
    expect(result.fatal).toBe(false);
    expect(result.environments.map(e => e.name)).toEqual([
      'admin-azure-westus',
      'workload-aws-useast1',
    ]);
    const [admin, workload] = result.environments;
    expect(admin.infrastructure?.kubernetes?.node_pools?.system).toEqual({
      count: 3,
      vm_size: 'Standard_D4s_v3',
    });
    expect(admin.components).toEqual(['cicd', 'monitoring', 'orchestration']);
    expect(workload.enabled).toBe(true);
    expect(result.locations['workload-aws-useast1']).toEqual({
      index: 1,
      line: 20,
      column: 5,
    });
  });

  it('parses the sample fleet of the repository without a problem', () => {
    const text = readFileSync(
      resolve(__dirname, '../../../config/environments.yaml'),
      'utf8',
    );
    const result = parse(text);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.environments.length).toBeGreaterThanOrEqual(9);
    const providers = new Set(result.environments.map(e => e.provider));
    expect([...providers].sort()).toEqual([
      'aws',
      'azure',
      'gcp',
      'ibm',
      'onprem',
      'oracle',
    ]);
  });

  it('keeps unknown keys', () => {
    const result = parse(
      fleet(`    terraform:
      state_key: aws/use1.tfstate
    infrastructure:
      kubernetes:
        provider: eks
        version: "1.29"
        karpenter: { enabled: true }
`),
    );
    expect(result.problems).toEqual([]);
    const env = result.environments[1] as Record<string, any>;
    expect(env.terraform).toEqual({ state_key: 'aws/use1.tfstate' });
    expect(env.infrastructure.kubernetes.karpenter).toEqual({ enabled: true });
  });

  it('names file, line, column, environment and field of a bad region, and loads the rest', () => {
    const result = parse(
      fleet().replace('region: us-east-1', 'region: us-east-9'),
    );
    expect(errors(result)).toEqual([
      'config/environments.yaml:24:13 environments[1].region: "us-east-9" is not an aws region (did you mean "us-east-1", "us-east-2", "us-west-1"?)',
    ]);
    expect(result.problems[0].environment).toBe('workload-aws-useast1');
    expect(result.environments.map(e => e.name)).toEqual([
      'admin-azure-westus',
    ]);
    expect(result.skipped).toEqual([
      { index: 1, name: 'workload-aws-useast1', line: 20 },
    ]);
  });

  it('explains schema errors in words', () => {
    const result = parse(
      fleet(`    infrastructure:
      kubernetes:
        provider: eks
        version: 1.30
        node_pools:
          system: { count: -1, vm_size: m5.large }
          big: { count: 3, vm_size: m5.large, min: 5, max: 2 }
`).replace('role: workload', 'role: worker'),
    );
    expect(errors(result)).toEqual([
      'config/environments.yaml:21:11 environments[1].role: "worker" is not one of admin, workload (did you mean "workload"?)',
      'config/environments.yaml:28:18 environments[1].infrastructure.kubernetes.version: must be a string such as "1.30", not the number 1.3: quote it, since YAML reads 1.30 as 1.3',
      'config/environments.yaml:30:28 environments[1].infrastructure.kubernetes.node_pools.system.count: must be at least 0, not -1',
      'config/environments.yaml:31:52 environments[1].infrastructure.kubernetes.node_pools.big.min: min (5) is greater than max (2)',
    ]);
  });

  it('reports a missing required field at the environment', () => {
    const result = parse(fleet().replace('    provider: aws\n', ''));
    expect(errors(result)).toEqual([
      'config/environments.yaml:20:5 environments[1].provider: is required',
    ]);
  });

  it('checks the name is a DNS label', () => {
    const result = parse(
      fleet().replace('workload-aws-useast1', 'Workload_AWS'),
    );
    expect(errors(result)[0]).toContain(
      'environments[1].name: "Workload_AWS" must be a DNS label',
    );
  });

  it('refuses a second environment of the same name and says where the first is', () => {
    const result = parse(
      fleet(
        '',
        `  - name: workload-aws-useast1
    role: workload
    provider: aws
    type: cloud
    region: us-east-2
`,
      ),
    );
    expect(errors(result)).toEqual([
      'config/environments.yaml:25:11 environments[2].name: "workload-aws-useast1" is already the name of environments[1] "workload-aws-useast1" (line 20)',
    ]);
    expect(result.environments).toHaveLength(2);
  });

  it('wants exactly one enabled admin', () => {
    const none = parse(fleet().replace('role: admin', 'role: workload'));
    expect(errors(none)).toEqual([
      'config/environments.yaml:2:3 environments: the fleet has no enabled admin environment; mark exactly one environment "role: admin"',
    ]);
    expect(none.environments).toHaveLength(2);

    const two = parse(fleet().replace('role: workload', 'role: admin'));
    expect(errors(two)[0]).toContain(
      'environments[1].role: a fleet has exactly one enabled admin environment, and environments[0] "admin-azure-westus" (line 2) is already it',
    );

    const disabledSecond = parse(
      fleet('    enabled: false\n').replace('role: workload', 'role: admin'),
    );
    expect(disabledSecond.problems).toEqual([]);
  });

  it('refuses overlapping networks', () => {
    const result = parse(
      fleet(
        `    infrastructure:
      network: { cidr: 10.10.128.0/17 }
`,
      ).replace(
        '      kubernetes:\n        provider: aks',
        '      network: { cidr: 10.10.0.0/16 }\n      kubernetes:\n        provider: aks',
      ),
    );
    expect(errors(result)).toEqual([
      'config/environments.yaml:27:24 environments[1].infrastructure.network.cidr: 10.10.128.0/17 overlaps 10.10.0.0/16 of environments[0] "admin-azure-westus" (line 2)',
    ]);
  });

  it('checks the CIDR form', () => {
    const result = parse(
      fleet(`    infrastructure:
      network: { cidr: 10.300.0.0/16 }
`),
    );
    expect(errors(result)[0]).toContain(
      'environments[1].infrastructure.network.cidr: "10.300.0.0/16" must be a CIDR block such as 10.20.0.0/16',
    );
  });

  it('refuses a Kubernetes flavour that does not fit the cloud', () => {
    const result = parse(fleet().replace('provider: aks', 'provider: eks'));
    expect(errors(result)).toEqual([
      'config/environments.yaml:2:3 environments: the fleet has no enabled admin environment; mark exactly one environment "role: admin"',
      'config/environments.yaml:14:19 environments[0].infrastructure.kubernetes.provider: "eks" does not run on Microsoft Azure; use one of aks, openshift, kubeadm, k3s, rke2',
    ]);
  });

  it('fits flavours to HCI platforms', () => {
    const hci = (platform: string, flavour: string) =>
      parse(
        fleet(
          '',
          `  - name: hci-fra01
    role: workload
    provider: onprem
    type: hci
    region: fra01
    infrastructure:
      kubernetes: { provider: ${flavour}, version: "1.29" }
    hci:
      platform: ${platform}
      cluster: hci-fra-01
      arc: { enabled: true, resource_group: rg-arc, location: westeurope }
`,
        ),
      );
    expect(hci('azure-stack-hci', 'aks-hci').problems).toEqual([]);
    expect(hci('vsphere', 'tanzu').problems).toEqual([]);
    expect(errors(hci('vsphere', 'aks-hci'))[0]).toContain(
      '"aks-hci" does not run on vsphere; use one of tanzu, openshift, kubeadm, k3s, rke2',
    );
  });

  it('refuses an on-premises "cloud" and a bad Arc location', () => {
    const result = parse(
      fleet(
        '',
        `  - name: hci-fra01
    role: workload
    provider: onprem
    type: cloud
    region: fra01
    hci:
      platform: azure-stack-hci
      cluster: c1
      arc: { enabled: true, location: westeurop }
`,
      ),
    );
    expect(errors(result)).toEqual([
      expect.stringContaining(
        'environments[2].type: "cloud" needs a public cloud provider',
      ),
      expect.stringContaining(
        'environments[2].hci.arc.location: "westeurop" is not an Azure region (did you mean "westeurope"',
      ),
    ]);
  });

  it('warns about a misspelt key and keeps the environment', () => {
    const result = parse(
      fleet(`    rolout: { wave: 1 }
    infrastructure:
      kubernetes: { provider: eks, version: "1.29", node_pool: {} }
`),
    );
    expect(warnings(result)).toEqual([
      'config/environments.yaml:25:5 environments[1].rolout: warning: "rolout" is not a known field and is passed through untouched; did you mean "rollout"?',
      'config/environments.yaml:27:53 environments[1].infrastructure.kubernetes.node_pool: warning: "node_pool" is not a known field and is passed through untouched; did you mean "node_pools"?',
    ]);
    expect(result.environments).toHaveLength(2);
  });

  it('warns about a link to an environment that is not in the file', () => {
    const result = parse(
      fleet(`    links:
      - to: admin-azure-westus
        cost: 4
      - to: nowhere
`),
    );
    expect(warnings(result)).toEqual([
      'config/environments.yaml:28:13 environments[1].links[1].to: warning: "nowhere" is not an environment of this file; the link is ignored',
    ]);
  });

  it('loads nothing from a file that is not YAML, and says where it broke', () => {
    const result = parse('environments:\n  - name: a\n    role: [admin\n');
    expect(result.fatal).toBe(true);
    expect(result.environments).toEqual([]);
    expect(errors(result)[0]).toMatch(
      /^config\/environments\.yaml:\d+:\d+ not valid YAML: /,
    );
  });

  it('loads nothing from a file without an environments list', () => {
    expect(errors(parse('clusters: []\n'))).toEqual([
      'config/environments.yaml:1:1 the file has no top-level "environments:" list',
    ]);
    expect(parse('environments: {}\n').fatal).toBe(true);
    expect(parse('').fatal).toBe(true);
  });

  it('skips an item that is not a map', () => {
    const result = parse(fleet('', '  - just-a-string\n'));
    expect(errors(result)).toEqual([
      'config/environments.yaml:25:5 environments[2]: each environment must be a map of fields, not the string "just-a-string"',
    ]);
    expect(result.environments).toHaveLength(2);
  });
});
