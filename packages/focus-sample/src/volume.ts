/**
 * One large FOCUS 1.0 export of the whole fleet, for volume tests and
 * benchmarks of ingestion: many resources a day, each billed daily.
 */
import {
  findRegion,
  regionsOf,
  type CloudProvider,
  type Environment,
} from '@multicloud/plugin-environments-common';
import {
  BILLING,
  FILE_PROVIDERS,
  accountOf,
  budgetOf,
  currencyOf,
  fileProviderOf,
  type Billing,
  type Service,
} from './billing';
import { csvField, isoDay, money } from './csv';
import { DEFAULT_SEED, FOCUS_1_0_HEADER, utcDayStart } from './generate';
import { createRandom, hashString } from './random';

/** Options of {@link generateFocusRows}. */
export interface GenerateFocusRowsOptions {
  /** Number of data rows, the header not counted. */
  rows: number;
  /** Seed of the pseudo-random numbers; the same seed gives the same text. */
  seed?: number;
  /**
   * The last day of charges. The rows cover the three months before its
   * month and its month up to that day. Defaults to the real clock.
   */
  now?: Date;
}

const DAY_MS = 86_400_000;
const MONTH_DAYS = 30.4;

/** What one resource is billed for, before it is multiplied into instances. */
interface Template {
  provider: string;
  billing: Billing;
  currency: string;
  /** Usage, Credit or Tax. */
  category: string;
  serviceCategory: string;
  serviceName: string;
  resourceType: string;
  unit: string;
  /** Price per pricing unit; 0 for credits and tax. */
  price: number;
  /** Cost of the template per weekday, all its instances together. */
  daily: number;
  /** Share of the resources (and so of the rows) it gets. */
  weight: number;
  env?: Environment;
  region: string;
  regionName: string;
  component: string;
  tags: Service['tags'];
}

/** One billed resource: its constant cells and its cost per weekday. */
interface Resource {
  cells: string[];
  daily: number;
  discount: number;
  price: number;
  usage: boolean;
}

const column = (name: string) => {
  const index = FOCUS_1_0_HEADER.indexOf(name);
  if (index < 0) {
    throw new Error(`FOCUS 1.0 has no column ${name}`);
  }
  return index;
};

const regionNameOf = (env: Environment, region: string) =>
  findRegion(env.provider, region)?.displayName ?? region;

/** A second region of the provider, where backups and replicas live. */
function pairedRegion(env: Environment): string | undefined {
  if (env.provider === 'onprem') {
    return undefined;
  }
  const regions = regionsOf(env.provider as CloudProvider);
  const index = regions.findIndex(region => region.id === env.region);
  const paired = regions[(index + 1) % regions.length];
  return paired && paired.id !== env.region ? paired.id : undefined;
}

function templatesOf(environments: Environment[], seed: number): Template[] {
  const random = createRandom(hashString(`${seed}:volume-templates`));
  const templates: Template[] = [];
  for (const provider of FILE_PROVIDERS) {
    const billing = BILLING[provider];
    const fleet = environments.filter(env => fileProviderOf(env) === provider);
    if (fleet.length === 0) {
      continue;
    }
    let providerDaily = 0;
    for (const env of fleet) {
      const services = env.enabled
        ? billing.services
        : billing.services.filter(s => s.category === 'Storage');
      const shareSum = services.reduce((sum, s) => sum + s.share, 0);
      const envDaily =
        (budgetOf(env) * (env.enabled ? 0.85 + random() * 0.3 : 0.25)) /
        MONTH_DAYS;
      providerDaily += envDaily;
      const components = env.components?.length ? env.components : ['platform'];
      const paired = pairedRegion(env);
      for (const service of services) {
        const parts =
          service.tags === 'full' && env.enabled ? components : [''];
        const regions =
          service.category === 'Storage' && paired
            ? [env.region, paired]
            : [env.region];
        for (const component of parts) {
          for (const region of regions) {
            // The replica region holds a quarter of the storage.
            let regionShare = 1;
            if (regions.length > 1) {
              regionShare = region === env.region ? 0.75 : 0.25;
            }
            const share =
              (service.share / shareSum / parts.length) * regionShare;
            templates.push({
              provider,
              billing,
              currency: currencyOf(env),
              category: 'Usage',
              serviceCategory: service.category,
              serviceName: service.name,
              resourceType: service.resourceType,
              unit: service.unit,
              price: service.price,
              daily: envDaily * share,
              // Compute has many small resources, the rest fewer.
              weight:
                (budgetOf(env) / 1000) *
                share *
                (service.category === 'Compute' ? 3 : 1),
              env,
              region,
              regionName: regionNameOf(env, region),
              component,
              tags: service.tags,
            });
          }
        }
      }
    }
    const currency = currencyOf(fleet[0]);
    const common = {
      provider,
      billing,
      currency,
      unit: '',
      price: 0,
      region: '',
      regionName: '',
      component: '',
      tags: 'none' as const,
    };
    // Shared networking of no environment: about a tenth of the rows, so
    // that part of the cost stays unattributed.
    const providerWeight = templates
      .filter(t => t.provider === provider)
      .reduce((sum, t) => sum + t.weight, 0);
    templates.push({
      ...common,
      category: 'Usage',
      serviceCategory: 'Networking',
      serviceName: billing.sharedNetwork,
      resourceType: 'Network hub',
      unit: 'Hours',
      price: 0.05,
      daily: providerDaily * 0.04,
      weight: providerWeight * 0.11,
    });
    templates.push({
      ...common,
      category: 'Credit',
      serviceCategory: 'Other',
      serviceName: billing.support,
      resourceType: 'Credit',
      daily: -providerDaily * 0.03,
      weight: 0,
    });
    if (currency === 'EUR') {
      templates.push({
        ...common,
        category: 'Tax',
        serviceCategory: 'Other',
        serviceName: 'Tax',
        resourceType: 'VAT',
        daily: providerDaily * 0.19,
        weight: 0,
      });
    }
  }
  return templates;
}

/**
 * Spreads `slots` resources over the templates: one each while they last
 * (credits and tax first, then usage by weight), the rest by weight.
 */
function allocate(templates: Template[], slots: number): number[] {
  const counts = templates.map(() => 0);
  const order = templates
    .map((template, index) => ({ template, index }))
    .sort((a, b) => a.template.weight - b.template.weight)
    .map(entry => entry.index);
  let left = slots;
  for (const index of order) {
    if (left === 0) {
      break;
    }
    counts[index] = 1;
    left--;
  }
  const totalWeight = templates.reduce((sum, t) => sum + t.weight, 0);
  let assigned = 0;
  templates.forEach((template, index) => {
    const extra = Math.floor((left * template.weight) / totalWeight);
    counts[index] += extra;
    assigned += extra;
  });
  // Rounding leftovers go to the heaviest templates.
  const heaviest = [...order].reverse();
  for (let i = 0; assigned < left; i++, assigned++) {
    counts[heaviest[i % heaviest.length]]++;
  }
  return counts;
}

function resourcesOf(
  templates: Template[],
  counts: number[],
  seed: number,
): Resource[] {
  const resources: Resource[] = [];
  const random = createRandom(hashString(`${seed}:volume-resources`));
  templates.forEach((t, index) => {
    const count = counts[index];
    const slug = t.resourceType.toLowerCase().replace(/\W+/g, '-');
    const usage = t.category === 'Usage';
    let discount = 1;
    if (usage) {
      discount = t.serviceCategory === 'Compute' ? 0.82 : 0.95;
    }
    const account = t.env ? accountOf(t.env) : t.billing.sharedAccountId;
    const accountName = t.env ? t.env.name : t.billing.sharedAccountName;
    for (let instance = 0; instance < count; instance++) {
      const stem = t.env
        ? [t.env.name, t.component, slug].filter(Boolean).join('-')
        : `${t.billing.sharedAccountName}-${slug}`;
      const name = `${stem}-${String(instance + 1).padStart(4, '0')}`;
      const tags: Record<string, string> = {};
      // One resource in five lacks its tags; its account still names it.
      if (t.env && t.tags !== 'none' && random() >= 0.2) {
        for (const [key, value] of Object.entries(t.env.tags ?? {})) {
          tags[`${t.billing.tagPrefix}${key}`] = String(value);
        }
        tags[`${t.billing.tagPrefix}${t.billing.envTagKey}`] = t.env.name;
        if (t.component) {
          tags[`${t.billing.tagPrefix}component`] = t.component;
        }
      }
      const row: Record<string, string> = {
        BillingAccountId: t.billing.billingAccountId,
        BillingAccountName: t.billing.billingAccountName,
        BillingCurrency: t.currency,
        ChargeCategory: t.category,
        ChargeDescription: usage
          ? `${t.serviceName} ${t.resourceType}${
              t.regionName ? ` in ${t.regionName}` : ''
            }`
          : `${t.serviceName} ${t.resourceType}`,
        ChargeFrequency: usage ? 'Usage-Based' : 'One-Time',
        ConsumedUnit: t.unit,
        ContractedUnitPrice: usage ? (t.price * discount).toFixed(6) : '',
        InvoiceIssuerName: t.billing.invoiceIssuer,
        ListUnitPrice: usage ? t.price.toFixed(6) : '',
        PricingCategory: usage ? 'Standard' : '',
        PricingUnit: t.unit,
        ProviderName: t.billing.providerName,
        PublisherName: t.billing.publisherName,
        RegionId: t.region,
        RegionName: t.regionName,
        ResourceId: usage ? `${t.provider}:${account}/${name}` : '',
        ResourceName: usage ? name : '',
        ResourceType: usage ? t.resourceType : '',
        ServiceCategory: t.serviceCategory,
        ServiceName: t.serviceName,
        SkuId: usage ? `${t.provider}-${slug}-${t.unit.toLowerCase()}` : '',
        SkuPriceId: usage
          ? `${t.provider}-${slug}-${t.region || 'global'}`
          : '',
        // Credits and tax are booked on the billing account alone.
        SubAccountId: usage ? account : '',
        SubAccountName: usage ? accountName : '',
        Tags: Object.keys(tags).length ? JSON.stringify(tags) : '',
      };
      resources.push({
        cells: FOCUS_1_0_HEADER.map(key => csvField(row[key] ?? '')),
        // Instances of one template differ in size.
        daily: (t.daily / count) * (0.5 + random()),
        discount,
        price: t.price,
        usage,
      });
    }
  });
  return resources;
}

/**
 * The lines of one FOCUS 1.0 export of the fleet with `rows` data rows:
 * the header, then each day's charges of every resource, day after day, up
 * to the day of `now`. One line at a time, so that a caller can stream
 * millions of them to disk.
 *
 * Every provider of the fleet, every region of its environments plus a
 * replica region for storage, every service of the sample exports, tags on
 * four resources in five, shared networking of no environment (about a
 * tenth of the rows), daily credits and, for EUR providers, tax. The
 * resources are spread so that each day has the same number of rows; the
 * more rows, the more resources a day.
 */
export function* generateFocusRows(
  environments: Environment[],
  options: GenerateFocusRowsOptions,
): Generator<string, void, undefined> {
  if (!Number.isInteger(options.rows) || options.rows < 0) {
    throw new Error(`rows must be a whole number, not ${options.rows}`);
  }
  const seed = options.seed ?? DEFAULT_SEED;
  const today = utcDayStart(options.now ?? new Date());
  const first = new Date(today);
  const start = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() - 3, 1);
  const days: number[] = [];
  for (let time = start; time <= today; time += DAY_MS) {
    days.push(time);
  }

  const templates = templatesOf(environments, seed);
  if (templates.length === 0) {
    throw new Error('the fleet has no environment that a provider bills');
  }
  const perDay = Math.max(1, Math.ceil(options.rows / days.length));
  const resources = resourcesOf(templates, allocate(templates, perDay), seed);

  const at = {
    billed: column('BilledCost'),
    effective: column('EffectiveCost'),
    contracted: column('ContractedCost'),
    list: column('ListCost'),
    consumed: column('ConsumedQuantity'),
    pricing: column('PricingQuantity'),
    periodStart: column('BillingPeriodStart'),
    periodEnd: column('BillingPeriodEnd'),
    chargeStart: column('ChargePeriodStart'),
    chargeEnd: column('ChargePeriodEnd'),
  };
  const random = createRandom(hashString(`${seed}:volume-rows`));

  yield FOCUS_1_0_HEADER.map(csvField).join(',');
  let written = 0;
  for (const time of days) {
    const date = new Date(time);
    const periodStart = isoDay(
      Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1),
    );
    const periodEnd = isoDay(
      Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1),
    );
    const chargeStart = isoDay(time);
    const chargeEnd = isoDay(time + DAY_MS);
    const weekday = date.getUTCDay();
    const dayFactor = weekday === 0 || weekday === 6 ? 0.72 : 1;
    for (const resource of resources) {
      if (written === options.rows) {
        return;
      }
      const cells = resource.cells.slice();
      const cost = resource.daily * dayFactor * (0.9 + random() * 0.2);
      const billed = money(cost);
      cells[at.billed] = billed;
      cells[at.effective] = billed;
      cells[at.contracted] = billed;
      cells[at.list] = money(cost / resource.discount);
      if (resource.usage) {
        const quantity = (cost / (resource.price * resource.discount)).toFixed(
          4,
        );
        cells[at.consumed] = quantity;
        cells[at.pricing] = quantity;
      }
      cells[at.periodStart] = periodStart;
      cells[at.periodEnd] = periodEnd;
      cells[at.chargeStart] = chargeStart;
      cells[at.chargeEnd] = chargeEnd;
      yield cells.join(',');
      written++;
    }
  }
}
