import type { Environment } from '@multicloud/plugin-environments-common';
import type { CostRow } from './row';

/** Tag keys that name the environment of a charge, in order of preference. */
export const ENVIRONMENT_TAG_KEYS = [
  'environment',
  'env-name',
  'multicloud-environment',
] as const;

/** Tag keys that name the catalog component of a charge, in order of preference. */
export const ENTITY_TAG_KEYS = [
  'backstage.io/component',
  'component',
  'service',
] as const;

/** How a charge was attributed to an environment. */
export type AttributionMethod = 'account' | 'tag' | 'region';

/** Result of {@link attributeToEnvironment}; empty when unattributed. */
export interface EnvironmentAttribution {
  environment?: string;
  by?: AttributionMethod;
}

/**
 * Non-empty values of the tags whose keys match, case-insensitively and with
 * or without a `user:` prefix, in the order of `keys`.
 */
function tagValues(
  tags: Record<string, string>,
  keys: readonly string[],
): string[] {
  // One pass over the tags (this runs for every row of an export), then
  // the values in the order of their keys.
  let found: Array<{ rank: number; value: string }> | undefined;
  for (const tagKey of Object.keys(tags)) {
    const lower = tagKey.toLowerCase();
    // AWS writes user-defined cost allocation tags as `user:<key>`.
    const rank = keys.indexOf(
      lower.startsWith('user:') ? lower.slice(5) : lower,
    );
    const value = rank < 0 ? '' : tags[tagKey].trim();
    if (value !== '') {
      (found ??= []).push({ rank, value });
    }
  }
  if (!found) {
    return [];
  }
  return found.sort((a, b) => a.rank - b.rank).map(entry => entry.value);
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The forms of an account id: itself and, for a resource path as Azure
 * writes it (`/subscriptions/<id>`,
 * `/providers/Microsoft.Billing/billingAccounts/<id>`), its last segment,
 * which is how the fleet file names the account.
 */
function accountForms(id: string): string[] {
  const text = id.trim().toLowerCase();
  const last = text.startsWith('/')
    ? text
        .split('/')
        .filter(part => part.length > 0)
        .pop()
    : undefined;
  return last ? [text, last] : [text];
}

/** Environments by lower-case name, and by each lower-case form of their account ids. */
interface FleetIndex {
  byName: Map<string, Environment>;
  byAccount: Map<string, Environment[]>;
}

// Attribution runs for every row of an export against the same fleet, so
// each fleet (an array the caller does not change) is indexed once.
const fleetIndexes = new WeakMap<readonly Environment[], FleetIndex>();

function fleetIndexOf(environments: readonly Environment[]): FleetIndex {
  let index = fleetIndexes.get(environments);
  if (!index) {
    index = { byName: new Map(), byAccount: new Map() };
    for (const env of environments) {
      const name = env.name.toLowerCase();
      if (!index.byName.has(name)) {
        index.byName.set(name, env);
      }
      for (const id of new Set(
        (env.cost?.accounts ?? []).flatMap(accountForms),
      )) {
        index.byAccount.set(id, [...(index.byAccount.get(id) ?? []), env]);
      }
    }
    fleetIndexes.set(environments, index);
  }
  return index;
}

/**
 * Attributes a charge to one environment of the fleet, trying in order:
 *
 * 1. a tag `environment`, `env-name` or `multicloud-environment` (also with
 *    the `user:` prefix of AWS) whose value is the name of an environment;
 * 2. the `cost.accounts` of an environment containing the row's sub account
 *    (then billing account); when several environments share the account,
 *    the region decides among them;
 * 3. the provider and region of the row matching exactly one environment.
 *
 * Account ids, regions and tag keys are compared without regard to case; an
 * account written as a resource path (`/subscriptions/<id>`) matches its id.
 * Anything else, including a region shared by several environments, stays
 * unattributed.
 */
export function attributeToEnvironment(
  row: CostRow,
  environments: Environment[],
): EnvironmentAttribution {
  const index = fleetIndexOf(environments);
  for (const value of tagValues(row.tags, ENVIRONMENT_TAG_KEYS)) {
    const environment = index.byName.get(value.toLowerCase());
    if (environment) {
      return { environment: environment.name, by: 'tag' };
    }
  }

  let candidates = environments;
  for (const account of [row.subAccountId, row.billingAccountId]) {
    if (!account) {
      continue;
    }
    const owners = [
      ...new Set(
        accountForms(account).flatMap(form => index.byAccount.get(form) ?? []),
      ),
    ];
    if (owners.length === 1) {
      return { environment: owners[0].name, by: 'account' };
    }
    if (owners.length > 1) {
      candidates = owners;
      break;
    }
  }

  const region = row.region;
  if (region) {
    const matches = candidates.filter(
      env => env.provider === row.provider && same(env.region, region),
    );
    if (matches.length === 1) {
      return { environment: matches[0].name, by: 'region' };
    }
  }
  return {};
}

const ENTITY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const ENTITY_KIND = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Reads a catalog entity ref from a tag value: `ledger-peer`,
 * `default/ledger-peer` or `component:default/ledger-peer`. The kind
 * defaults to `component` and the namespace to `default`.
 */
export function entityRefFromTag(value: string): string | undefined {
  const text = value.trim();
  const kindMatch = /^([^:/]+):(.*)$/.exec(text);
  const kind = kindMatch ? kindMatch[1] : 'component';
  const rest = kindMatch ? kindMatch[2] : text;
  const parts = rest.split('/');
  if (parts.length > 2) {
    return undefined;
  }
  const [namespace, name] = parts.length === 2 ? parts : ['default', parts[0]];
  if (
    !ENTITY_KIND.test(kind) ||
    !ENTITY_NAME.test(namespace) ||
    !ENTITY_NAME.test(name)
  ) {
    return undefined;
  }
  return `${kind.toLowerCase()}:${namespace.toLowerCase()}/${name}`;
}

/**
 * The catalog entity a charge belongs to, from the tags
 * `backstage.io/component`, `component` or `service` (first usable one), as
 * an entity ref such as `component:default/ledger-peer`; `undefined` when no
 * tag names one.
 */
export function attributeToEntity(row: CostRow): string | undefined {
  for (const value of tagValues(row.tags, ENTITY_TAG_KEYS)) {
    const ref = entityRefFromTag(value);
    if (ref) {
      return ref;
    }
  }
  return undefined;
}

/**
 * Kubernetes labels (and namespace annotations) that name the catalog
 * entity of a workload, in order of preference: the label the Backstage
 * Kubernetes plugin selects by, then the recommended name label.
 */
export const KUBERNETES_ENTITY_LABEL_KEYS = [
  'backstage.io/kubernetes-id',
  'app.kubernetes.io/name',
] as const;

/** A label name as Prometheus (and so OpenCost) writes it. */
function sanitizedLabel(name: string): string {
  return name.replace(/[^a-zA-Z0-9_]/g, '_');
}

/**
 * The catalog entity of a workload from its Kubernetes labels, as an entity
 * ref such as `component:default/ledger-peer`: the first of
 * {@link KUBERNETES_ENTITY_LABEL_KEYS} found in the first map that has one,
 * under its own name or the sanitised one OpenCost reports
 * (`backstage_io_kubernetes_id`). Pass the maps in order of preference, e.g.
 * the pod labels, then the namespace's labels and annotations.
 */
export function entityRefFromKubernetesLabels(
  ...maps: Array<Record<string, string> | undefined>
): string | undefined {
  for (const map of maps) {
    for (const key of KUBERNETES_ENTITY_LABEL_KEYS) {
      const value = map?.[key] ?? map?.[sanitizedLabel(key)];
      const ref = value === undefined ? undefined : entityRefFromTag(value);
      if (ref) {
        return ref;
      }
    }
  }
  return undefined;
}
