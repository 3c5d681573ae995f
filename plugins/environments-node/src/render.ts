import type { EnvironmentInput } from '@multicloud/plugin-environments-common';
import { Document } from 'yaml';

/** The order in which the fields of a new environment are written. */
const KEY_ORDER = [
  'name',
  'role',
  'provider',
  'type',
  'region',
  'enabled',
  'owner',
  'description',
  'components',
  'tags',
  'infrastructure',
  'hci',
  'cost',
  'observability',
  'links',
  'rollout',
];

/** How a new list item is laid out: the column of its `-` and of its keys. */
export interface ItemIndentation {
  dashColumn: number;
  keyColumn: number;
}

/**
 * Renders one environment as the lines of a block list item, without line
 * breaks. The YAML 1.1 schema decides the quoting because the same file is
 * read by YAML 1.1 tools (Helm), where a plain `yes`, `on` or `2026-01-01`
 * would not stay a string; the quoted output reads the same under YAML 1.2.
 */
export function renderItem(
  environment: EnvironmentInput,
  { dashColumn, keyColumn }: ItemIndentation,
): string[] {
  const fields: Record<string, unknown> = environment;
  const ordered: Record<string, unknown> = {};
  const keys = [
    ...KEY_ORDER.filter(key => key in fields),
    ...Object.keys(fields).filter(key => !KEY_ORDER.includes(key)),
  ];
  for (const key of keys) {
    if (fields[key] !== undefined) ordered[key] = fields[key];
  }
  const body = new Document(ordered, { version: '1.1' })
    .toString({ lineWidth: 0, indent: Math.max(keyColumn - dashColumn, 2) })
    .replace(/\n$/, '')
    .split('\n');
  const dash = `${' '.repeat(dashColumn)}-${' '.repeat(
    keyColumn - dashColumn - 1,
  )}`;
  const indent = ' '.repeat(keyColumn);
  return body.map((line, i) => {
    if (i === 0) return `${dash}${line}`;
    return line === '' ? line : `${indent}${line}`;
  });
}
