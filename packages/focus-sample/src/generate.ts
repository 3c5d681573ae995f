/**
 * Deterministic FOCUS 1.0 cost and usage exports for a fleet: one CSV per
 * cloud provider and month, plus one for the on-premises sites whose Azure
 * Arc / Azure Stack HCI charges Microsoft bills.
 */
import {
  findRegion,
  type Environment,
} from '@multicloud/plugin-environments-common';
import { FOCUS_COLUMNS } from '@multicloud/plugin-finops-common';

/** Options of {@link generateFocusExports}. */
export interface GenerateFocusOptions {
  /** Months to write, as `YYYY-MM`. */
  months: string[];
  /** Seed of the pseudo-random numbers; the same seed gives the same text. */
  seed?: number;
}

/** One generated export file. */
export interface FocusExportFile {
  /** Relative path, e.g. `aws/2026-10.csv`. */
  name: string;
  /** Provider id of the file: azure, aws, gcp, ibm, oracle or onprem. */
  provider: string;
  /** The CSV text, header included. */
  text: string;
}

/** Seed used when none is given. */
export const DEFAULT_SEED = 20261;

/** The FOCUS 1.0 columns, in the order of the catalogue. */
export const FOCUS_1_0_HEADER: readonly string[] = Object.values(FOCUS_COLUMNS)
  .filter(column => column.versions.includes('1.0'))
  .map(column => column.name);

type TagMode = 'full' | 'env' | 'none';

interface Service {
  name: string;
  category: string;
  share: number;
  unit: string;
  /** Price per pricing unit. */
  price: number;
  resourceType: string;
  tags: TagMode;
}

interface Billing {
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

const BILLING: Readonly<Record<string, Billing>> = {
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
const FILE_PROVIDERS = ['azure', 'aws', 'gcp', 'ibm', 'oracle', 'onprem'];

/** Provider whose files carry a Tax row. */
const TAX_PROVIDER_ORDER = ['oracle', 'aws', 'azure', 'gcp', 'ibm', 'onprem'];

// --- deterministic pseudo-random numbers ---------------------------------

function hashString(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

/** mulberry32: small, fast and good enough for sample data. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// --- helpers ---------------------------------------------------------------

/** The provider file an environment's charges go to, if any. */
export function fileProviderOf(env: Environment): string | undefined {
  if (env.provider === 'onprem') {
    return env.hci?.arc?.enabled ? 'onprem' : undefined;
  }
  return BILLING[env.provider] ? env.provider : undefined;
}

function parseMonth(month: string): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const value = match ? Number(match[2]) : 0;
  if (!match || value < 1 || value > 12) {
    throw new Error(`"${month}" is not a month (YYYY-MM)`);
  }
  return { year: Number(match[1]), month: value };
}

const isoDay = (time: number) =>
  `${new Date(time).toISOString().slice(0, 10)}T00:00:00Z`;

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const money = (value: number) => {
  const text = value.toFixed(4);
  return text === '-0.0000' ? '0.0000' : text;
};

const currencyOf = (env: Environment) =>
  env.cost?.currency === 'EUR' ? 'EUR' : 'USD';

const accountOf = (env: Environment) => env.cost?.accounts?.[0] ?? env.name;

const budgetOf = (env: Environment) => env.cost?.budget_monthly ?? 1000;

/**
 * The environment whose spend is designed to run clearly over budget: the
 * enabled environment with the largest budget that is not the admin region.
 */
export function overBudgetEnvironment(
  environments: Environment[],
): string | undefined {
  const candidates = environments
    .filter(env => env.enabled && fileProviderOf(env) && env.role !== 'admin')
    .sort((a, b) => budgetOf(b) - budgetOf(a) || a.name.localeCompare(b.name));
  return candidates[0]?.name;
}

/** The environment that gets a one-day spike in the latest month. */
export function anomalyEnvironment(
  environments: Environment[],
  seed: number = DEFAULT_SEED,
): string | undefined {
  const over = overBudgetEnvironment(environments);
  const candidates = environments
    .filter(env => env.enabled && fileProviderOf(env) && env.name !== over)
    .map(env => env.name)
    .sort();
  return candidates.length
    ? candidates[hashString(`anomaly:${seed}`) % candidates.length]
    : undefined;
}

// --- generation ------------------------------------------------------------

type Row = Record<string, string>;

interface MonthContext {
  periodStart: string;
  periodEnd: string;
  days: number[];
}

function monthContext(month: string): MonthContext {
  const { year, month: m } = parseMonth(month);
  const start = Date.UTC(year, m - 1, 1);
  const end = Date.UTC(year, m, 1);
  const days: number[] = [];
  for (let time = start; time < end; time += 86_400_000) {
    days.push(time);
  }
  return { periodStart: isoDay(start), periodEnd: isoDay(end), days };
}

/**
 * Writes one FOCUS 1.0 CSV per provider present in the fleet and per month,
 * plus one per month for the on-premises sites billed through Azure Arc.
 */
export function generateFocusExports(
  environments: Environment[],
  options: GenerateFocusOptions,
): FocusExportFile[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const months = [...options.months].sort();
  const latest = months[months.length - 1];
  const over = overBudgetEnvironment(environments);
  const anomaly = anomalyEnvironment(environments, seed);
  const providers = FILE_PROVIDERS.filter(provider =>
    environments.some(env => fileProviderOf(env) === provider),
  );
  const taxProvider = TAX_PROVIDER_ORDER.find(p => providers.includes(p));

  const files: FocusExportFile[] = [];
  for (const month of months) {
    const ctx = monthContext(month);
    for (const provider of providers) {
      const random = createRandom(hashString(`${seed}:${provider}:${month}`));
      const billing = BILLING[provider];
      const fleet = environments.filter(
        env => fileProviderOf(env) === provider,
      );
      const rows: Row[] = [];
      const base = (currency: string): Row => ({
        BillingAccountId: billing.billingAccountId,
        BillingAccountName: billing.billingAccountName,
        BillingCurrency: currency,
        BillingPeriodStart: ctx.periodStart,
        BillingPeriodEnd: ctx.periodEnd,
        InvoiceIssuerName: billing.invoiceIssuer,
        ProviderName: billing.providerName,
        PublisherName: billing.publisherName,
        PricingCategory: 'Standard',
      });
      const costs = (row: Row, billed: number, list = billed) => {
        row.BilledCost = money(billed);
        row.EffectiveCost = money(billed);
        row.ContractedCost = money(billed);
        row.ListCost = money(list);
      };
      const usageTotals = new Map<string, number>();

      for (const env of fleet) {
        const currency = currencyOf(env);
        const region = env.region;
        const regionName =
          findRegion(env.provider, region)?.displayName ?? region;
        const account = accountOf(env);
        const components = env.components?.length
          ? env.components
          : ['platform'];
        const services = env.enabled
          ? billing.services
          : billing.services.filter(s => s.category === 'Storage');
        const shareSum = services.reduce((sum, s) => sum + s.share, 0);
        let factor = 0.86 + random() * 0.24;
        if (env.name === over) factor = 1.4 + random() * 0.1;
        if (env.name === anomaly) factor = 0.84 + random() * 0.08;
        const monthly = env.enabled
          ? budgetOf(env) * factor
          : budgetOf(env) * (0.2 + random() * 0.1);
        const weights = ctx.days.map(time => {
          const weekday = new Date(time).getUTCDay();
          return weekday === 0 || weekday === 6 ? 0.72 : 1;
        });
        const weightSum = weights.reduce((a, b) => a + b, 0);
        const spikeDay =
          env.name === anomaly && month === latest
            ? Math.floor(ctx.days.length * 0.55)
            : -1;
        const envTags: Record<string, string> = {};
        for (const [key, value] of Object.entries(env.tags ?? {})) {
          envTags[`${billing.tagPrefix}${key}`] = String(value);
        }

        ctx.days.forEach((time, dayIndex) => {
          const dayCost = (monthly * weights[dayIndex]) / weightSum;
          for (const service of services) {
            const parts =
              service.tags === 'full' && env.enabled ? components : [''];
            for (const component of parts) {
              let cost =
                ((dayCost * service.share) / shareSum / parts.length) *
                (0.94 + random() * 0.12);
              if (dayIndex === spikeDay && service.category === 'Compute') {
                cost += (budgetOf(env) * 0.12 * service.share) / 0.5;
              }
              const discount = service.category === 'Compute' ? 0.82 : 0.95;
              const quantity = cost / (service.price * discount);
              const tags: Record<string, string> = {};
              if (
                service.tags !== 'none' &&
                (dayIndex + rows.length) % 5 !== 0
              ) {
                Object.assign(tags, envTags);
                tags[`${billing.tagPrefix}${billing.envTagKey}`] = env.name;
                if (component) {
                  tags[`${billing.tagPrefix}component`] = component;
                }
              }
              const slug = service.resourceType
                .toLowerCase()
                .replace(/\W+/g, '-');
              const resourceName = component
                ? `${env.name}-${component}-${slug}`
                : `${env.name}-${slug}`;
              const row: Row = {
                ...base(currency),
                ChargeCategory: 'Usage',
                ChargeClass: '',
                ChargeDescription: `${service.name} ${service.resourceType} in ${regionName}`,
                ChargeFrequency: 'Usage-Based',
                ChargePeriodStart: isoDay(time),
                ChargePeriodEnd: isoDay(time + 86_400_000),
                ConsumedQuantity: quantity.toFixed(4),
                ConsumedUnit: service.unit,
                PricingQuantity: quantity.toFixed(4),
                PricingUnit: service.unit,
                ListUnitPrice: service.price.toFixed(6),
                ContractedUnitPrice: (service.price * discount).toFixed(6),
                RegionId: region,
                RegionName: regionName,
                ResourceId: `${provider}:${account}/${resourceName}`,
                ResourceName: resourceName,
                ResourceType: service.resourceType,
                ServiceCategory: service.category,
                ServiceName: service.name,
                SkuId: `${provider}-${slug}-${service.unit.toLowerCase()}`,
                SkuPriceId: `${provider}-${slug}-${region}`,
                SubAccountId: account,
                SubAccountName: env.name,
                Tags: Object.keys(tags).length ? JSON.stringify(tags) : '',
              };
              costs(row, cost, cost / discount);
              rows.push(row);
              usageTotals.set(
                currency,
                (usageTotals.get(currency) ?? 0) + cost,
              );
            }
          }
        });
      }

      // Shared charges with no attribution: an account of no environment,
      // no region and no tags.
      const fileCurrency = fleet.length ? currencyOf(fleet[0]) : 'USD';
      const fileTotal = usageTotals.get(fileCurrency) ?? 0;
      const shared = (
        time: number,
        end: number,
        name: string,
        category: string,
        frequency: string,
        cost: number,
      ): Row => {
        const row: Row = {
          ...base(fileCurrency),
          ChargeCategory: 'Usage',
          ChargeClass: '',
          ChargeDescription: name,
          ChargeFrequency: frequency,
          ChargePeriodStart: isoDay(time),
          ChargePeriodEnd: isoDay(end),
          PricingQuantity: '1',
          PricingUnit: frequency === 'Recurring' ? 'Months' : 'Hours',
          ResourceId: `${provider}:${billing.sharedAccountId}/${name
            .toLowerCase()
            .replace(/\W+/g, '-')}`,
          ResourceName: name,
          ServiceCategory: category,
          ServiceName: name,
          SubAccountId: billing.sharedAccountId,
          SubAccountName: billing.sharedAccountName,
          Tags: '',
        };
        costs(row, cost);
        return row;
      };
      const monthEnd = ctx.days[ctx.days.length - 1] + 86_400_000;
      for (const time of ctx.days) {
        rows.push(
          shared(
            time,
            time + 86_400_000,
            billing.sharedNetwork,
            'Networking',
            'Usage-Based',
            ((fileTotal * 0.04) / ctx.days.length) * (0.9 + random() * 0.2),
          ),
        );
      }
      rows.push(
        shared(
          ctx.days[0],
          monthEnd,
          billing.support,
          'Other',
          'Recurring',
          Math.max(100, fileTotal * 0.03),
        ),
      );

      // A credit at billing account level and a refund for one environment.
      const adjustment = (
        category: 'Credit' | 'Adjustment' | 'Tax',
        description: string,
        cost: number,
        env?: Environment,
      ): Row => {
        const row: Row = {
          ...base(env ? currencyOf(env) : fileCurrency),
          ChargeCategory: category,
          ChargeClass: '',
          ChargeDescription: description,
          ChargeFrequency: 'One-Time',
          ChargePeriodStart: ctx.periodStart,
          ChargePeriodEnd: ctx.periodEnd,
          PricingQuantity: '',
          PricingUnit: '',
          PricingCategory: '',
          RegionId: env?.region ?? '',
          RegionName: env
            ? findRegion(env.provider, env.region)?.displayName ?? env.region
            : '',
          ServiceCategory: 'Other',
          ServiceName: category === 'Tax' ? 'Tax' : billing.support,
          SubAccountId: env ? accountOf(env) : '',
          SubAccountName: env?.name ?? '',
          Tags: '',
        };
        costs(row, cost);
        return row;
      };
      rows.push(
        adjustment(
          'Credit',
          'Promotional credit',
          -Math.round(fileTotal * (0.02 + random() * 0.02) * 100) / 100 - 10,
        ),
      );
      const refunded = fleet.find(env => env.enabled) ?? fleet[0];
      rows.push(
        adjustment(
          'Adjustment',
          'Refund: service level agreement credit for a regional outage',
          -Math.round(budgetOf(refunded) * (0.005 + random() * 0.01) * 100) /
            100 -
            5,
          refunded,
        ),
      );
      if (provider === taxProvider) {
        rows.push(
          adjustment(
            'Tax',
            fileCurrency === 'EUR' ? 'VAT 19%' : 'Sales tax',
            Math.round(
              fileTotal * (fileCurrency === 'EUR' ? 0.19 : 0.07) * 100,
            ) / 100,
          ),
        );
      }

      const lines = [FOCUS_1_0_HEADER.map(csvField).join(',')];
      for (const row of rows) {
        lines.push(
          FOCUS_1_0_HEADER.map(column => csvField(row[column] ?? '')).join(','),
        );
      }
      files.push({
        name: `${provider}/${month}.csv`,
        provider,
        text: `${lines.join('\n')}\n`,
      });
    }
  }
  return files;
}
