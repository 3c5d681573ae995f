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
import {
  BILLING,
  FILE_PROVIDERS,
  accountOf,
  budgetOf,
  currencyOf,
  fileProviderOf,
} from './billing';
import { csvField, isoDay, money } from './csv';
import { createRandom, hashString } from './random';

/** Options of {@link generateFocusExports}. */
export interface GenerateFocusOptions {
  /** Months to write, as `YYYY-MM`. */
  months: string[];
  /** Seed of the pseudo-random numbers; the same seed gives the same text. */
  seed?: number;
  /**
   * The present: charges stop at its UTC day (included), as in an export
   * refreshed daily, so the month of `now` is partial and later months are
   * not written. Defaults to the real clock.
   */
  now?: Date;
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

const DAY_MS = 86_400_000;

/** Provider whose files carry a Tax row. */
const TAX_PROVIDER_ORDER = ['oracle', 'aws', 'azure', 'gcp', 'ibm', 'onprem'];

function parseMonth(month: string): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const value = match ? Number(match[2]) : 0;
  if (!match || value < 1 || value > 12) {
    throw new Error(`"${month}" is not a month (YYYY-MM)`);
  }
  return { year: Number(match[1]), month: value };
}

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
  month: string;
  periodStart: string;
  periodEnd: string;
  /** Midnight UTC of every day of the month. */
  days: number[];
  /** How many of `days` have charges: all but those after `now`. */
  written: number;
}

/** Midnight UTC of the day of `time`. */
export function utcDayStart(time: Date): number {
  return Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate());
}

function monthContext(month: string, today: number): MonthContext {
  const { year, month: m } = parseMonth(month);
  const start = Date.UTC(year, m - 1, 1);
  const end = Date.UTC(year, m, 1);
  const days: number[] = [];
  for (let time = start; time < end; time += DAY_MS) {
    days.push(time);
  }
  return {
    month,
    periodStart: isoDay(start),
    periodEnd: isoDay(end),
    days,
    written: days.filter(time => time <= today).length,
  };
}

/**
 * Writes one FOCUS 1.0 CSV per provider present in the fleet and per month,
 * plus one per month for the on-premises sites billed through Azure Arc.
 *
 * Charges stop at the day of `now`: its month is written up to that day and
 * months after it not at all. A day's usage does not depend on `now`, so a
 * later `now` mostly appends days, as a real export does. What follows the
 * month's usage so far changes with it: the credit, and the anomaly spike,
 * which stays a few days before `now` in the latest month. Tax is only
 * written for months that have ended.
 */
export function generateFocusExports(
  environments: Environment[],
  options: GenerateFocusOptions,
): FocusExportFile[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const today = utcDayStart(options.now ?? new Date());
  const contexts = [...new Set(options.months)]
    .sort()
    .map(month => monthContext(month, today))
    .filter(ctx => ctx.written > 0);
  const latest = contexts[contexts.length - 1]?.month;
  const over = overBudgetEnvironment(environments);
  const anomaly = anomalyEnvironment(environments, seed);
  const providers = FILE_PROVIDERS.filter(provider =>
    environments.some(env => fileProviderOf(env) === provider),
  );
  const taxProvider = TAX_PROVIDER_ORDER.find(p => providers.includes(p));

  const files: FocusExportFile[] = [];
  for (const ctx of contexts) {
    const month = ctx.month;
    const complete = ctx.written === ctx.days.length;
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
      // Usage of the whole month as planned, and of the days written so far.
      const planned = new Map<string, number>();
      const incurred = new Map<string, number>();
      let generated = 0;

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
        // In a partial month the spike stays a few days before today, where
        // the latest days can show it.
        const spikeDay =
          env.name === anomaly && month === latest
            ? Math.min(
                Math.floor(ctx.days.length * 0.55),
                Math.max(0, ctx.written - 3),
              )
            : -1;
        const envTags: Record<string, string> = {};
        for (const [key, value] of Object.entries(env.tags ?? {})) {
          envTags[`${billing.tagPrefix}${key}`] = String(value);
        }

        for (let dayIndex = 0; dayIndex < ctx.days.length; dayIndex++) {
          const time = ctx.days[dayIndex];
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
              const untagged = (dayIndex + generated++) % 5 === 0;
              planned.set(currency, (planned.get(currency) ?? 0) + cost);
              // Later days are drawn all the same, so that the days written
              // do not depend on how many follow them.
              if (dayIndex >= ctx.written) {
                continue;
              }
              const tags: Record<string, string> = {};
              if (service.tags !== 'none' && !untagged) {
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
                ChargePeriodEnd: isoDay(time + DAY_MS),
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
              incurred.set(currency, (incurred.get(currency) ?? 0) + cost);
            }
          }
        }
      }

      // Shared charges with no attribution: an account of no environment,
      // no region and no tags.
      const fileCurrency = fleet.length ? currencyOf(fleet[0]) : 'USD';
      const plannedTotal = planned.get(fileCurrency) ?? 0;
      const incurredTotal = incurred.get(fileCurrency) ?? 0;
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
      const monthEnd = ctx.days[ctx.days.length - 1] + DAY_MS;
      ctx.days.forEach((time, dayIndex) => {
        const cost =
          ((plannedTotal * 0.04) / ctx.days.length) * (0.9 + random() * 0.2);
        if (dayIndex < ctx.written) {
          rows.push(
            shared(
              time,
              time + DAY_MS,
              billing.sharedNetwork,
              'Networking',
              'Usage-Based',
              cost,
            ),
          );
        }
      });
      // Support is billed for the month ahead, on its first day.
      rows.push(
        shared(
          ctx.days[0],
          monthEnd,
          billing.support,
          'Other',
          'Recurring',
          Math.max(100, plannedTotal * 0.03),
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
          -Math.round(incurredTotal * (0.02 + random() * 0.02) * 100) / 100 -
            10,
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
      // Tax comes with the invoice, once the month has ended.
      if (provider === taxProvider && complete) {
        rows.push(
          adjustment(
            'Tax',
            fileCurrency === 'EUR' ? 'VAT 19%' : 'Sales tax',
            Math.round(
              incurredTotal * (fileCurrency === 'EUR' ? 0.19 : 0.07) * 100,
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
