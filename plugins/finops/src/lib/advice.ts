import { ENTITY_TAG_KEYS } from '@multicloud/plugin-finops-common';

/** Said wherever there is no cost at all. */
export const NO_COST_DATA_TITLE = 'No cost data ingested yet';

export const NO_COST_DATA_ADVICE =
  'Configure finops.focus.directories in app-config.yaml with the folders your cloud billing exports are written to (FOCUS CSV, plain or .csv.gz: AWS Data Exports, Azure Cost Management, Google Cloud, OCI, IBM Cloud). The FinOps backend ingests them every 10 minutes; the ingested sources and their problems are listed on this page.';

/** How a charge comes to belong to an environment. */
export function environmentTagAdvice(environment: string): string {
  return `Tag its cloud resources with environment: ${environment}, or list its cloud accounts under cost.accounts of ${environment} in environments.yaml.`;
}

/** How a charge comes to belong to a component. */
export function componentTagAdvice(name: string): string {
  return `Tag its cloud resources with ${
    ENTITY_TAG_KEYS[1]
  }: ${name} (also read: ${ENTITY_TAG_KEYS.filter((_, i) => i !== 1).join(
    ', ',
  )}; the value may be name, namespace/name or kind:namespace/name).`;
}
