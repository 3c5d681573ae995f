import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EnvironmentInput } from '@multicloud/plugin-environments-common';
import { EnvironmentsDocument } from './EnvironmentsDocument';

const FILE = 'config/environments.yaml';
const sample = readFileSync(
  resolve(__dirname, '../../../config/environments.yaml'),
  'utf8',
);

function open(text: string) {
  return EnvironmentsDocument.parse(text, { file: FILE });
}

/** The `+` and `-` lines of a diff, without its headers. */
function changes(diff: string) {
  return diff
    .split('\n')
    .filter(line => /^[+-]/.test(line) && !/^(\+\+\+|---) /.test(line));
}

/** `text` with `insert` placed right after the first occurrence of `marker`. */
function insertedAfter(text: string, marker: string, insert: string) {
  const at = text.indexOf(marker);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(marker, at + 1)).toBe(-1);
  const end = at + marker.length;
  return `${text.slice(0, end)}${insert}${text.slice(end)}`;
}

/** 1-based line of the item of that environment in the sample. */
const sampleLine = (name: string) =>
  sample.split('\n').indexOf(`  - name: ${name}`) + 1;

const euWest: EnvironmentInput = {
  terraform: { state_key: 'workload/euwest1.tfstate' },
  rollout: { wave: 2 },
  infrastructure: {
    kubernetes: {
      provider: 'eks',
      version: '1.30',
      node_pools: { system: { count: 3, vm_size: 'm6i.xlarge' } },
    },
    network: { cidr: '10.70.0.0/16' },
  },
  description: undefined,
  components: ['ledger-peer'],
  tags: { 'cost-center': '4711', env: 'prod' },
  region: 'eu-west-1',
  type: 'cloud',
  provider: 'aws',
  role: 'workload',
  name: 'workload-aws-euwest1',
  owner: 'group:default/platform-team',
};

const euWestBlock = `  - name: workload-aws-euwest1
    role: workload
    provider: aws
    type: cloud
    region: eu-west-1
    owner: group:default/platform-team
    components:
      - ledger-peer
    tags:
      cost-center: "4711"
      env: prod
    infrastructure:
      kubernetes:
        provider: eks
        version: "1.30"
        node_pools:
          system:
            count: 3
            vm_size: m6i.xlarge
      network:
        cidr: 10.70.0.0/16
    rollout:
      wave: 2
    terraform:
      state_key: workload/euwest1.tfstate`;

const admin: EnvironmentInput = {
  name: 'admin-aws-useast1',
  role: 'admin',
  provider: 'aws',
  type: 'cloud',
  region: 'us-east-1',
};

const adminBlock = `  - name: admin-aws-useast1
    role: admin
    provider: aws
    type: cloud
    region: us-east-1`;

const small = `# A small fleet
environments:
  - name: admin-aws-useast1
    role: admin
    provider: aws
    type: cloud
    region: us-east-1
  - name: workload-aws-euwest1
    role: workload
    provider: aws
    type: cloud
    region: eu-west-1
`;

describe('EnvironmentsDocument', () => {
  describe('parse', () => {
    it('gives back the sample byte for byte when nothing is edited', () => {
      const doc = open(sample);
      expect(doc.text).toBe(sample);
      expect(doc.originalText).toBe(sample);
      expect(doc.diff()).toBe('');
      expect(doc.commit()).toEqual({
        text: sample,
        diff: '',
        parsed: doc.parsed,
      });
      expect(doc.names()).toHaveLength(10);
      expect(doc.find('workload-gcp-uscentral1')?.enabled).toBe(false);
      expect(doc.find('missing')).toBeUndefined();
    });

    it('refuses a text that is not an environments file, listing the problems', () => {
      expect(() => open('environments: 3\n')).toThrow(
        expect.objectContaining({
          name: 'InputError',
          message: expect.stringContaining(
            `${FILE}:1:15 environments: must be a list of environments`,
          ),
        }),
      );
      expect(() => open('environments: [a\n')).toThrow(
        expect.objectContaining({
          name: 'InputError',
          message: expect.stringMatching(/not valid YAML/),
        }),
      );
    });

    it('names every item with a name, valid or not', () => {
      const text = `${small}  - role: workload
  - name: broken-aws
    role: workload
    provider: aws
    type: cloud
    region: us-east-9
`;
      const doc = open(text);
      expect(doc.names()).toEqual([
        'admin-aws-useast1',
        'workload-aws-euwest1',
        'broken-aws',
      ]);
      expect(doc.find('broken-aws')).toBeUndefined();

      // An item without a name in the middle is no anchor for appending.
      doc.addEnvironment({ ...admin, name: 'admin-aws-useast2' });
      expect(doc.text.startsWith(text)).toBe(true);
      expect(doc.names()[3]).toBe('admin-aws-useast2');
    });
  });

  describe('addEnvironment', () => {
    it('appends to the sample in its style, with the fields in order', () => {
      const doc = open(sample);
      doc.addEnvironment(euWest);

      expect(doc.text).toBe(`${sample}\n${euWestBlock}\n`);
      expect(changes(doc.diff()).every(line => line.startsWith('+'))).toBe(
        true,
      );
      const { parsed } = doc.commit();
      expect(parsed.problems).toEqual([]);
      expect(doc.find('workload-aws-euwest1')).toMatchObject({
        enabled: true,
        infrastructure: { kubernetes: { version: '1.30' } },
        terraform: { state_key: 'workload/euwest1.tfstate' },
      });
    });

    it('inserts right after an item in the middle', () => {
      const doc = open(sample);
      doc.addEnvironment(euWest, { after: 'workload-aws-useast1' });

      expect(doc.text).toBe(
        insertedAfter(
          sample,
          '    rollout:\n      wave: 0\n',
          `\n${euWestBlock}\n`,
        ),
      );
      expect(doc.names().slice(2, 5)).toEqual([
        'workload-aws-useast1',
        'workload-aws-euwest1',
        'workload-aws-apsoutheast1',
      ]);
      expect(doc.commit().parsed.problems).toEqual([]);
    });

    it('keeps a version such as "1.30" and YAML 1.1 booleans quoted', () => {
      const doc = open(small);
      doc.addEnvironment({
        name: 'workload-gcp-europewest4',
        role: 'workload',
        provider: 'gcp',
        type: 'cloud',
        region: 'europe-west4',
        tags: { approved: 'yes' },
        infrastructure: { kubernetes: { provider: 'gke', version: '1.30' } },
      });

      expect(doc.text).toContain('        version: "1.30"\n');
      expect(doc.text).toContain('      approved: "yes"\n');
      const added = doc.commit().parsed.environments[2];
      expect(added.infrastructure?.kubernetes?.version).toBe('1.30');
      expect(added.tags).toEqual({ approved: 'yes' });
    });

    it('replaces an empty flow list by a block list', () => {
      const doc = open(
        '# No fleet yet\nenvironments: []   # filled by the portal\n',
      );
      doc.addEnvironment(admin);

      expect(doc.text).toBe(
        `# No fleet yet\nenvironments:   # filled by the portal\n${adminBlock}\n`,
      );
      expect(doc.commit().parsed.environments.map(e => e.name)).toEqual([
        'admin-aws-useast1',
      ]);
    });

    it('adds to a file without a trailing newline, and keeps it without one', () => {
      const text = small.trimEnd();
      const doc = open(text);
      doc.addEnvironment({ ...euWest, name: 'workload-aws-euwest2' });

      expect(doc.text).toBe(
        `${text}\n${euWestBlock.replace(
          'workload-aws-euwest1',
          'workload-aws-euwest2',
        )}`,
      );
      expect(doc.names()).toHaveLength(3);
    });

    it('keeps CRLF line endings', () => {
      const crlf = sample.replace(/\n/g, '\r\n');
      const doc = open(crlf);
      doc.addEnvironment(euWest);

      expect(doc.text).toBe(
        `${crlf}\r\n${euWestBlock.replace(/\n/g, '\r\n')}\r\n`,
      );
      doc.setEnabled('workload-aws-euwest1', false);
      expect(doc.text).toContain(
        '    region: eu-west-1\r\n    enabled: false\r\n    owner:',
      );
      expect(doc.text).not.toMatch(/[^\r]\n/);
      expect(doc.commit().parsed.problems).toEqual([]);
    });

    it('adds after the last item and before a comment that ends the file', () => {
      const text = `${small}\n# Add new environments above this line\n`;
      const doc = open(text);
      doc.addEnvironment({ ...euWest, name: 'workload-aws-euwest2' });

      expect(doc.text.startsWith(small)).toBe(true);
      expect(
        doc.text.endsWith(
          `      state_key: workload/euwest1.tfstate\n\n# Add new environments above this line\n`,
        ),
      ).toBe(true);
      expect(changes(doc.diff()).every(line => line.startsWith('+'))).toBe(
        true,
      );
    });

    it('follows the indentation of the existing items', () => {
      const text =
        'environments:\n- name: admin-aws-useast1\n  role: admin\n  provider: aws\n  type: cloud\n  region: us-east-1\n';
      const doc = open(text);
      doc.addEnvironment({
        name: 'workload-aws-euwest1',
        role: 'workload',
        provider: 'aws',
        type: 'cloud',
        region: 'eu-west-1',
        components: ['ledger-peer'],
      });

      expect(doc.text).toBe(
        `${text}- name: workload-aws-euwest1\n  role: workload\n  provider: aws\n  type: cloud\n  region: eu-west-1\n  components:\n    - ledger-peer\n`,
      );
    });

    it('refuses a name that is taken, by a valid or a skipped environment', () => {
      const doc = open(`${small}  - name: broken-aws
    role: workload
    provider: aws
    type: cloud
    region: us-east-9
`);
      for (const name of ['admin-aws-useast1', 'broken-aws']) {
        expect(() => doc.addEnvironment({ ...admin, name })).toThrow(
          expect.objectContaining({ name: 'ConflictError' }),
        );
      }
      expect(doc.diff()).toBe('');
    });

    it('refuses to add after an unknown environment', () => {
      const doc = open(sample);
      expect(() => doc.addEnvironment(euWest, { after: 'missing' })).toThrow(
        expect.objectContaining({ name: 'NotFoundError' }),
      );
    });

    it('refuses a non-empty flow list, which cannot be edited line by line', () => {
      const doc = open(
        'environments: [{ name: admin-aws-useast1, role: admin, provider: aws, type: cloud, region: us-east-1 }]\n',
      );
      expect(() => doc.addEnvironment(euWest)).toThrow(
        expect.objectContaining({ name: 'InputError' }),
      );
    });
  });

  describe('setEnabled', () => {
    it('replaces an existing value in place', () => {
      const doc = open(sample);
      doc.setEnabled('admin-azure-westus', false);

      expect(doc.text).toBe(
        sample.replace('    enabled: true\n', '    enabled: false\n'),
      );
      expect(changes(doc.diff())).toEqual([
        '-    enabled: true',
        '+    enabled: false',
      ]);
    });

    it('keeps the inline comment after the value', () => {
      const doc = open(sample);
      doc.setEnabled('workload-gcp-uscentral1', true);

      expect(changes(doc.diff())).toEqual([
        '-    enabled: false   # decommissioned 2026-09; kept until the data is archived',
        '+    enabled: true   # decommissioned 2026-09; kept until the data is archived',
      ]);
      expect(doc.find('workload-gcp-uscentral1')?.enabled).toBe(true);
    });

    it('inserts the key below region: when there is none', () => {
      const doc = open(sample);
      doc.setEnabled('workload-aws-useast1', false);

      expect(doc.text).toBe(
        insertedAfter(
          sample,
          '    region: us-east-1\n',
          '    enabled: false\n',
        ),
      );
      expect(changes(doc.diff())).toEqual(['+    enabled: false']);
      expect(doc.commit().parsed.problems).toEqual([]);
      expect(doc.find('workload-aws-useast1')?.enabled).toBe(false);
    });

    it('gives an empty value one, before its comment', () => {
      const text = small.replace(
        '    region: eu-west-1\n',
        '    region: eu-west-1\n    enabled:   # to be decided\n',
      );
      const doc = open(text);
      doc.setEnabled('workload-aws-euwest1', false);

      expect(doc.text).toBe(
        small.replace(
          '    region: eu-west-1\n',
          '    region: eu-west-1\n    enabled: false   # to be decided\n',
        ),
      );
    });

    it('edits a flow map item and a file without a trailing newline', () => {
      const text =
        'environments:\n  - name: admin-aws-useast1\n    role: admin\n    provider: aws\n    type: cloud\n    region: us-east-1\n  - { name: workload-aws-euwest1, role: workload, provider: aws, type: cloud, region: eu-west-1 }';
      const doc = open(text);
      doc.setEnabled('workload-aws-euwest1', false);
      doc.setEnabled('admin-aws-useast1', true);

      expect(doc.text).toBe(
        text
          .replace('region: eu-west-1 }', 'region: eu-west-1, enabled: false }')
          .replace(
            '    region: us-east-1\n',
            '    region: us-east-1\n    enabled: true\n',
          ),
      );
      expect(doc.find('workload-aws-euwest1')?.enabled).toBe(false);
    });

    it('throws NotFoundError for an unknown environment', () => {
      const doc = open(sample);
      expect(() => doc.setEnabled('missing', true)).toThrow(
        expect.objectContaining({ name: 'NotFoundError' }),
      );
    });
  });

  describe('removeEnvironment', () => {
    it('removes a middle item with the comment block above it', () => {
      const doc = open(sample);
      doc.removeEnvironment('workload-azure-westeurope');

      const start = sample.indexOf('  # --- Workload regions');
      const end = sample.indexOf('  - name: workload-aws-useast1');
      expect(doc.text).toBe(`${sample.slice(0, start)}${sample.slice(end)}`);
      expect(doc.text).not.toContain('\n\n\n');
      expect(doc.text).toContain(
        '      state_key: admin/westus.tfstate\n\n  - name: workload-aws-useast1\n',
      );
      expect(changes(doc.diff()).every(line => line.startsWith('-'))).toBe(
        true,
      );
      expect(doc.names()).not.toContain('workload-azure-westeurope');
    });

    it('keeps a comment that a blank line separates from the item', () => {
      const text = small.replace(
        '  - name: workload-aws-euwest1\n',
        '\n  # Regions in Europe\n\n  # Dublin\n  - name: workload-aws-euwest1\n',
      );
      const doc = open(`${text}\n  - name: workload-aws-useast2
    role: workload
    provider: aws
    type: cloud
    region: us-east-2
`);
      doc.removeEnvironment('workload-aws-euwest1');

      expect(doc.text).toBe(`${small.slice(
        0,
        small.indexOf('  - name: workload-aws-euwest1'),
      )}\n  # Regions in Europe\n\n  - name: workload-aws-useast2
    role: workload
    provider: aws
    type: cloud
    region: us-east-2
`);
    });

    it('removes the last item without leaving a blank line at the end', () => {
      const doc = open(sample);
      doc.removeEnvironment('hci-vsphere-ams01');

      const start = sample.indexOf('\n  - name: hci-vsphere-ams01');
      expect(doc.text).toBe(sample.slice(0, start));
      expect(doc.text.endsWith('      wave: 2\n')).toBe(true);
      expect(doc.commit().parsed.problems).toEqual([]);
    });

    it('removes the last item of a file without a trailing newline', () => {
      const doc = open(small.trimEnd());
      doc.removeEnvironment('workload-aws-euwest1');

      expect(doc.text).toBe(
        small.slice(0, small.indexOf('\n  - name: workload-aws-euwest1')),
      );
    });

    it('leaves an empty list when the only item goes', () => {
      const doc = open(
        `environments:   # the fleet\n${adminBlock}\nowners: [platform-team]\n`,
      );
      doc.removeEnvironment('admin-aws-useast1');

      expect(doc.text).toBe(
        'environments: []   # the fleet\nowners: [platform-team]\n',
      );
      expect(doc.names()).toEqual([]);
    });

    it('keeps CRLF line endings', () => {
      const crlf = sample.replace(/\n/g, '\r\n');
      const doc = open(crlf);
      doc.removeEnvironment('workload-ibm-ussouth');

      const start = crlf.indexOf('  - name: workload-ibm-ussouth');
      const end = crlf.indexOf('  - name: workload-oracle-frankfurt');
      expect(doc.text).toBe(`${crlf.slice(0, start)}${crlf.slice(end)}`);
    });

    it('throws NotFoundError for an unknown environment', () => {
      const doc = open(sample);
      expect(() => doc.removeEnvironment('missing')).toThrow(
        expect.objectContaining({ name: 'NotFoundError' }),
      );
    });
  });

  it('touches nothing but its own lines for every environment of the sample', () => {
    for (const name of open(sample).names()) {
      const added = open(sample);
      added.addEnvironment(euWest, { after: name });
      expect(changes(added.diff()).every(line => line.startsWith('+'))).toBe(
        true,
      );

      const removed = open(sample);
      removed.removeEnvironment(name);
      expect(changes(removed.diff()).every(line => line.startsWith('-'))).toBe(
        true,
      );
      expect(removed.text).not.toContain('\n\n\n');
      expect(removed.parsed.fatal).toBe(false);

      const disabled = open(sample);
      disabled.setEnabled(name, false);
      expect(changes(disabled.diff()).length).toBeLessThanOrEqual(2);
      expect(disabled.find(name)?.enabled).toBe(false);
    }
  });

  describe('commit', () => {
    it('refuses an environment in a region its provider does not have', () => {
      const doc = open(sample);
      doc.addEnvironment({ ...euWest, region: 'us-east-9' });

      const line = doc.text.split('\n').indexOf('    region: us-east-9') + 1;
      expect(() => doc.commit()).toThrow(
        expect.objectContaining({
          name: 'InputError',
          message: expect.stringContaining(
            `The change would make ${FILE} invalid:\n${FILE}:${line}:13 environments[10].region: "us-east-9" is not an aws region`,
          ),
        }),
      );
    });

    it('refuses an address range that overlaps another environment', () => {
      const doc = open(sample);
      doc.addEnvironment({
        ...euWest,
        infrastructure: { network: { cidr: '10.30.128.0/17' } },
      });
      const line =
        doc.text.split('\n').indexOf('        cidr: 10.30.128.0/17') + 1;

      expect(() => doc.commit()).toThrow(
        expect.objectContaining({
          name: 'InputError',
          message: expect.stringContaining(
            `invalid:\n${FILE}:${line}:15 environments[10].infrastructure.network.cidr: 10.30.128.0/17 overlaps 10.30.0.0/16 of environments[2] "workload-aws-useast1" (line ${sampleLine(
              'workload-aws-useast1',
            )})`,
          ),
        }),
      );
    });

    it('refuses disabling the only admin environment', () => {
      const doc = open(sample);
      doc.setEnabled('admin-azure-westus', false);
      expect(() => doc.commit()).toThrow(/no enabled admin environment/);
    });

    it('lets edits through when an unrelated environment was already invalid', () => {
      const broken = `
  - name: broken-aws
    role: workload
    provider: aws
    type: cloud
    region: us-east-1
    infrastructure:
      network: { cidr: 10.30.0.0/24 }
`;
      const doc = open(`${sample}${broken}`);
      expect(doc.parsed.problems.map(p => p.message)).toEqual([
        expect.stringMatching(/of environments\[2\] .* \(line \d+\)$/),
      ]);

      // Moves the broken item and the one it overlaps up: new indices and lines.
      doc.removeEnvironment('workload-azure-westeurope');
      doc.addEnvironment(euWest);
      const { parsed, diff } = doc.commit();

      const errors = parsed.problems.filter(p => p.severity === 'error');
      expect(errors.map(p => p.message)).toEqual([
        expect.stringMatching(/of environments\[1\] .* \(line \d+\)$/),
      ]);
      expect(errors[0].message).not.toContain(
        `(line ${sampleLine('workload-aws-useast1')})`,
      );
      expect(diff).toContain('+  - name: workload-aws-euwest1');
    });
  });

  describe('diff', () => {
    it('is a unified diff with a/ and b/ headers and 3 lines of context', () => {
      const doc = open(sample);
      doc.setEnabled('workload-aws-useast1', false);

      const line = sample.split('\n').indexOf('    region: us-east-1') + 1;
      expect(doc.diff()).toBe(
        [
          `--- a/${FILE}`,
          `+++ b/${FILE}`,
          `@@ -${line - 2},6 +${line - 2},7 @@`,
          '     provider: aws',
          '     type: cloud',
          '     region: us-east-1',
          '+    enabled: false',
          '     owner: group:default/platform-team',
          '     description: Canary region; every release lands here first',
          '     components: [ledger-peer, ledger-gateway, ledger-orderer]',
          '',
        ].join('\n'),
      );
    });
  });
});
