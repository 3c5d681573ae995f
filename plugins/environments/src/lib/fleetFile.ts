import { parseEntityRef, type Entity } from '@backstage/catalog-model';
import type {
  EnvironmentsFileProblem,
  SkippedEnvironment,
} from '@multicloud/plugin-environments-common';

/** One problem of the last read of a fleet file, as the catalog entity carries it. */
export type FleetFileProblem = EnvironmentsFileProblem;

/** An environment left out of the catalog because of an error. */
export type FleetFileSkipped = SkippedEnvironment;

/** What the fleet-file entity says about its last read. */
export interface FleetFileStatus {
  target: string;
  /** Absent when the entity carries no valid timestamp. */
  readAt?: Date;
  /** Entity refs of the environments that loaded. */
  environments: string[];
  skipped: FleetFileSkipped[];
  problems: FleetFileProblem[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function toProblem(value: unknown, target: string): FleetFileProblem[] {
  if (!isRecord(value)) return [];
  const message = asString(value.message);
  if (!message) return [];
  const severity = value.severity === 'warning' ? 'warning' : 'error';
  const file = asString(value.file) ?? target;
  const line = asNumber(value.line) ?? 1;
  const column = asNumber(value.column) ?? 1;
  const path = asString(value.path) ?? '';
  return [
    {
      severity,
      file,
      line,
      column,
      environment: asString(value.environment),
      path,
      message,
      text:
        asString(value.text) ??
        `${file}:${line}:${column} ${path ? `${path}: ` : ''}${message}`,
    },
  ];
}

function toSkipped(value: unknown): FleetFileSkipped[] {
  if (!isRecord(value)) return [];
  const index = asNumber(value.index);
  if (index === undefined) return [];
  return [
    { index, name: asString(value.name), line: asNumber(value.line) ?? 0 },
  ];
}

/**
 * Reads the spec of an `environments-file` entity. The spec is plain JSON
 * from the catalog, so every field is checked rather than trusted: a card
 * that crashes on a hand-edited or older entity would hide the very problems
 * it exists to show.
 */
export function readFleetFile(entity: Entity): FleetFileStatus {
  const spec: Record<string, unknown> = isRecord(entity.spec)
    ? entity.spec
    : {};
  const target = asString(spec.target) ?? entity.metadata.name;
  const readAtText = asString(spec.readAt);
  const readAt = readAtText ? new Date(readAtText) : undefined;
  return {
    target,
    readAt: readAt && !Number.isNaN(readAt.getTime()) ? readAt : undefined,
    environments: asArray(spec.environments).filter(
      (ref): ref is string => typeof ref === 'string',
    ),
    skipped: asArray(spec.skipped).flatMap(toSkipped),
    problems: asArray(spec.problems).flatMap(p => toProblem(p, target)),
  };
}

/** Errors first, then in file order, so the blocking ones are read first. */
export function sortProblems(
  problems: readonly FleetFileProblem[],
): FleetFileProblem[] {
  const rank = (p: FleetFileProblem) => (p.severity === 'error' ? 0 : 1);
  return [...problems].sort(
    (a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column,
  );
}

/**
 * The loaded environment's entity ref, by the environment's name; undefined
 * when the environment was skipped (or its name is not known).
 */
export function loadedEnvironmentRef(
  environments: readonly string[],
  name: string | undefined,
): string | undefined {
  if (!name) return undefined;
  return environments.find(ref => {
    try {
      return parseEntityRef(ref).name === name;
    } catch {
      return false;
    }
  });
}

/** Position in the `environments` list that a field path points into, e.g. 2 for `environments[2].region`. */
export function environmentIndexOf(path: string): number | undefined {
  const match = /^environments\[(\d+)\]/.exec(path);
  return match ? Number(match[1]) : undefined;
}

/** How a skipped environment is called: its name, or its place in the list when it has none. */
export function skippedLabel(skipped: FleetFileSkipped): string {
  return skipped.name ?? `environments[${skipped.index}]`;
}
