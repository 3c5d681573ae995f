/**
 * What each provider bills and how its exports name things: billing
 * accounts, services with their share of an environment's spend, units and
 * prices, tag conventions, and the shared charges of no environment.
 */
import type { Environment } from '@multicloud/plugin-environments-common';

export type TagMode = 'full' | 'env' | 'none';

export interface Service {
  name: string;
  category: string;
  share: number;
  unit: string;
  /** Price per pricing unit. */
  price: number;
  resourceType: string;
  tags: TagMode;
}

export interface Billing {
  providerName: string;
  publisherName: string;
  invoiceIssuer: string;
  billingAccountId: string;
  billingAccountName: string;
  /** Sub account of the shared networking and support charges. */
  sharedAccountId: string;
  sharedAccountName: string;
  /** Tag key prefix, `user:` on AWS. */
  tagPrefix: string;
  /** Tag key naming the environment. */
  envTagKey: string;
  services: Service[];
  sharedNetwork: string;
  support: string;
}

const svc = (
  name: string,
  category: string,
  share: number,
  unit: string,
  price: number,
  resourceType: string,
  tags: TagMode,
): Service => ({ name, category, share, unit, price, resourceType, tags });

export const BILLING: Readonly<Record<string, Billing>> = {
  azure: {
    providerName: 'Microsoft',
    publisherName: 'Microsoft',
    invoiceIssuer: 'Microsoft',
    billingAccountId: '71234567',
    billingAccountName: 'Ledger Network EA',
    sharedAccountId: '5b6c7d8e-9f01-4a2b-8c3d-4e5f6a7b8c9d',
    sharedAccountName: 'sub-fleet-connectivity',
    tagPrefix: '',
    envTagKey: 'environment',
    services: [
      svc(
        'Azure Kubernetes Service',
        'Compute',
        0.08,
        'Hours',
        0.1,
        'Managed Cluster',
        'full',
      ),
      svc(
        'Virtual Machines',
        'Compute',
        0.42,
        'Hours',
        0.504,
        'Virtual machine scale set',
        'full',
      ),
      svc(
        'Storage',
        'Storage',
        0.12,
        'GB-Months',
        0.0052,
        'Managed disk',
        'env',
      ),
      svc(
        'Azure Blob Storage',
        'Storage',
        0.05,
        'GB-Months',
        0.0006,
        'Storage account',
        'env',
      ),
      svc(
        'Azure Database for PostgreSQL',
        'Databases',
        0.13,
        'Hours',
        0.71,
        'PostgreSQL flexible server',
        'full',
      ),
      svc(
        'Bandwidth',
        'Networking',
        0.07,
        'GB',
        0.087,
        'Virtual network',
        'none',
      ),
      svc(
        'Load Balancer',
        'Networking',
        0.04,
        'Hours',
        0.025,
        'Load balancer',
        'none',
      ),
      svc(
        'Azure Monitor',
        'Management and Governance',
        0.06,
        'GB',
        2.3,
        'Log Analytics workspace',
        'env',
      ),
      svc(
        'Key Vault',
        'Security',
        0.03,
        'Operations',
        0.03,
        'Key vault',
        'none',
      ),
    ],
    sharedNetwork: 'Virtual WAN',
    support: 'Azure Support',
  },
  aws: {
    providerName: 'AWS',
    publisherName: 'Amazon Web Services, Inc.',
    invoiceIssuer: 'Amazon Web Services, Inc.',
    billingAccountId: '400000000001',
    billingAccountName: 'ledger-network-payer',
    sharedAccountId: '412345678999',
    sharedAccountName: 'network-shared',
    tagPrefix: 'user:',
    envTagKey: 'env-name',
    services: [
      svc(
        'Amazon Elastic Kubernetes Service',
        'Compute',
        0.06,
        'Hours',
        0.1,
        'Cluster',
        'full',
      ),
      svc(
        'Amazon Elastic Compute Cloud',
        'Compute',
        0.45,
        'Hours',
        0.504,
        'Instance',
        'full',
      ),
      svc(
        'Amazon Elastic Block Store',
        'Storage',
        0.1,
        'GB-Months',
        0.0027,
        'Volume',
        'env',
      ),
      svc(
        'Amazon Simple Storage Service',
        'Storage',
        0.06,
        'GB-Months',
        0.0008,
        'Bucket',
        'env',
      ),
      svc(
        'Amazon Relational Database Service',
        'Databases',
        0.13,
        'Hours',
        0.48,
        'DB instance',
        'full',
      ),
      svc(
        'Amazon Virtual Private Cloud',
        'Networking',
        0.05,
        'Hours',
        0.045,
        'NAT gateway',
        'none',
      ),
      svc(
        'AWS Data Transfer',
        'Networking',
        0.05,
        'GB',
        0.09,
        'Data transfer',
        'none',
      ),
      svc(
        'Elastic Load Balancing',
        'Networking',
        0.04,
        'Hours',
        0.0225,
        'Load balancer',
        'env',
      ),
      svc(
        'Amazon CloudWatch',
        'Management and Governance',
        0.04,
        'GB',
        0.5,
        'Log group',
        'env',
      ),
      svc(
        'AWS Key Management Service',
        'Security',
        0.02,
        'Requests',
        0.03,
        'Key',
        'none',
      ),
    ],
    sharedNetwork: 'AWS Transit Gateway',
    support: 'AWS Support (Business)',
  },
  gcp: {
    providerName: 'Google Cloud',
    publisherName: 'Google Cloud',
    invoiceIssuer: 'Google Cloud',
    billingAccountId: '01F2E3-D4C5B6-A7980F',
    billingAccountName: 'Ledger Network billing',
    sharedAccountId: 'ledger-shared-vpc',
    sharedAccountName: 'ledger-shared-vpc',
    tagPrefix: '',
    envTagKey: 'env-name',
    services: [
      svc(
        'Kubernetes Engine',
        'Compute',
        0.08,
        'Hours',
        0.1,
        'Cluster',
        'full',
      ),
      svc('Compute Engine', 'Compute', 0.44, 'Hours', 0.54, 'Instance', 'full'),
      svc(
        'Persistent Disk',
        'Storage',
        0.08,
        'GB-Months',
        0.0056,
        'Disk',
        'env',
      ),
      svc(
        'Cloud Storage',
        'Storage',
        0.08,
        'GB-Months',
        0.0007,
        'Bucket',
        'env',
      ),
      svc('Cloud SQL', 'Databases', 0.13, 'Hours', 0.52, 'Instance', 'full'),
      svc(
        'Cloud Load Balancing',
        'Networking',
        0.05,
        'Hours',
        0.025,
        'Forwarding rule',
        'none',
      ),
      svc('Networking', 'Networking', 0.06, 'GB', 0.085, 'Egress', 'none'),
      svc(
        'Cloud Monitoring',
        'Management and Governance',
        0.04,
        'Mebibytes',
        0.26,
        'Metrics',
        'env',
      ),
      svc(
        'Cloud Logging',
        'Management and Governance',
        0.04,
        'GB',
        0.5,
        'Log bucket',
        'env',
      ),
    ],
    sharedNetwork: 'Cloud Interconnect',
    support: 'Cloud Support (Enhanced)',
  },
  ibm: {
    providerName: 'IBM Cloud',
    publisherName: 'IBM',
    invoiceIssuer: 'IBM',
    billingAccountId: 'f0e1d2c3b4a5968778695a4b3c2d1e0f',
    billingAccountName: 'Ledger Network enterprise',
    sharedAccountId: '0a9b8c7d6e5f40312233445566778899',
    sharedAccountName: 'fs-cloud-connectivity',
    tagPrefix: '',
    envTagKey: 'env-name',
    services: [
      svc(
        'Kubernetes Service',
        'Compute',
        0.5,
        'Instance-Hours',
        0.42,
        'Worker node',
        'full',
      ),
      svc(
        'Block Storage for VPC',
        'Storage',
        0.1,
        'GB-Months',
        0.004,
        'Volume',
        'env',
      ),
      svc(
        'Cloud Object Storage',
        'Storage',
        0.06,
        'GB-Months',
        0.0007,
        'Bucket',
        'env',
      ),
      svc(
        'Databases for PostgreSQL',
        'Databases',
        0.14,
        'GB-Hours',
        0.13,
        'Database',
        'full',
      ),
      svc(
        'VPC Infrastructure',
        'Networking',
        0.08,
        'GB',
        0.09,
        'Public gateway',
        'none',
      ),
      svc(
        'Load Balancer for VPC',
        'Networking',
        0.04,
        'Hours',
        0.03,
        'Load balancer',
        'none',
      ),
      svc(
        'IBM Cloud Monitoring',
        'Management and Governance',
        0.05,
        'Node-Hours',
        0.2,
        'Instance',
        'env',
      ),
      svc('Key Protect', 'Security', 0.03, 'Keys', 1, 'Key', 'none'),
    ],
    sharedNetwork: 'Direct Link',
    support: 'IBM Cloud Support (Premium)',
  },
  oracle: {
    providerName: 'Oracle Cloud Infrastructure',
    publisherName: 'Oracle',
    invoiceIssuer: 'Oracle',
    billingAccountId: 'ocid1.tenancy.oc1..aaaaaaaaledgerbilling',
    billingAccountName: 'ledger-network',
    sharedAccountId: 'ocid1.compartment.oc1..aaaaaaaasharednet',
    sharedAccountName: 'shared-network',
    tagPrefix: '',
    envTagKey: 'environment',
    services: [
      svc(
        'Container Engine for Kubernetes',
        'Compute',
        0.05,
        'Hours',
        0.1,
        'Cluster',
        'full',
      ),
      svc('Compute', 'Compute', 0.45, 'OCPU-Hours', 0.025, 'Instance', 'full'),
      svc(
        'Block Volume',
        'Storage',
        0.12,
        'GB-Months',
        0.0017,
        'Volume',
        'env',
      ),
      svc(
        'Object Storage',
        'Storage',
        0.1,
        'GB-Months',
        0.0008,
        'Bucket',
        'full',
      ),
      svc(
        'Autonomous Database',
        'Databases',
        0.12,
        'OCPU-Hours',
        1.34,
        'Autonomous database',
        'full',
      ),
      svc(
        'Load Balancer',
        'Networking',
        0.05,
        'Hours',
        0.0113,
        'Load balancer',
        'none',
      ),
      svc(
        'Networking',
        'Networking',
        0.05,
        'GB',
        0.0085,
        'Outbound data transfer',
        'none',
      ),
      svc(
        'Monitoring',
        'Management and Governance',
        0.03,
        'Datapoints',
        0.0015,
        'Metrics',
        'env',
      ),
      svc(
        'Logging',
        'Management and Governance',
        0.03,
        'GB',
        0.05,
        'Log group',
        'env',
      ),
    ],
    sharedNetwork: 'FastConnect',
    support: 'Oracle Premier Support',
  },
  onprem: {
    providerName: 'Microsoft',
    publisherName: 'Microsoft',
    invoiceIssuer: 'Microsoft',
    billingAccountId: '71234567',
    billingAccountName: 'Ledger Network EA',
    sharedAccountId: '5b6c7d8e-9f01-4a2b-8c3d-4e5f6a7b8c9d',
    sharedAccountName: 'sub-fleet-connectivity',
    tagPrefix: '',
    envTagKey: 'environment',
    services: [
      svc(
        'Azure Stack HCI',
        'Compute',
        0.55,
        'Core-Days',
        0.33,
        'Cluster',
        'full',
      ),
      svc(
        'AKS enabled by Azure Arc',
        'Compute',
        0.2,
        'vCPU-Hours',
        0.0083,
        'Connected cluster',
        'full',
      ),
      svc(
        'Azure Arc-enabled servers',
        'Management and Governance',
        0.05,
        'Server-Hours',
        0.0083,
        'Machine',
        'env',
      ),
      svc(
        'Azure Monitor',
        'Management and Governance',
        0.1,
        'GB',
        2.3,
        'Log Analytics workspace',
        'env',
      ),
      svc(
        'Microsoft Defender for Cloud',
        'Security',
        0.1,
        'Server-Hours',
        0.02,
        'Machine',
        'none',
      ),
    ],
    sharedNetwork: 'ExpressRoute',
    support: 'Azure Support',
  },
};

/** Providers in file order. */
export const FILE_PROVIDERS: readonly string[] = [
  'azure',
  'aws',
  'gcp',
  'ibm',
  'oracle',
  'onprem',
];

/** The provider file an environment's charges go to, if any. */
export function fileProviderOf(env: Environment): string | undefined {
  if (env.provider === 'onprem') {
    return env.hci?.arc?.enabled ? 'onprem' : undefined;
  }
  return BILLING[env.provider] ? env.provider : undefined;
}

export const currencyOf = (env: Environment) =>
  env.cost?.currency === 'EUR' ? 'EUR' : 'USD';

export const accountOf = (env: Environment) =>
  env.cost?.accounts?.[0] ?? env.name;

export const budgetOf = (env: Environment) => env.cost?.budget_monthly ?? 1000;
