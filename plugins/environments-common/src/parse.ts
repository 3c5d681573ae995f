import {
  Document,
  LineCounter,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Node,
} from 'yaml';
import type { z } from 'zod';
import { DisjointNetworks, parseCidr } from './cidr';
import { compatibleFlavours } from './flavours';
import {
  findRegion,
  isCloudProvider,
  PROVIDER_DISPLAY_NAMES,
  unknownRegionMessage,
} from './regions';
import { environmentSchema, KNOWN_KEYS, type Environment } from './schema';
import { closestMatches } from './text';

/** Something wrong (or suspicious) in environments.yaml, with where it is. */
export interface EnvironmentsProblem {
  /** An error skips the environment (or, file-wide, loads nothing); a warning skips nothing. */
  severity: 'error' | 'warning';
  file: string;
  /** 1-based line of the offending value (or of its closest enclosing node). */
  line: number;
  /** 1-based column. */
  column: number;
  /** Name of the environment, when the problem is inside one and it has a readable name. */
  environment?: string;
  /** Field path such as `environments[2].region`. */
  path: string;
  message: string;
}

/** Where a valid environment starts in the file. */
export interface EnvironmentLocation {
  /** Position in the `environments` list, from 0. */
  index: number;
  line: number;
  column: number;
}

/** An environment that was left out because of an error. */
export interface SkippedEnvironment {
  index: number;
  name?: string;
  line: number;
}

/** A problem as the fleet-file catalog entity carries it, with its one-line form. */
export type EnvironmentsFileProblem = EnvironmentsProblem & { text: string };

export interface ParseEnvironmentsResult {
  file: string;
  /** The valid environments, in file order, with defaults applied. */
  environments: Environment[];
  /** Where each valid environment starts, by name. */
  locations: Record<string, EnvironmentLocation>;
  /** Every error and warning, in file order. */
  problems: EnvironmentsProblem[];
  skipped: SkippedEnvironment[];
  /**
   * True when the text is not a usable list of environments (not YAML, no
   * `environments:` list): nothing is loaded, and a reader keeps its last good
   * state.
   */
  fatal: boolean;
}

export interface ParseEnvironmentsOptions {
  /** File name used in problems; defaults to `environments.yaml`. */
  file?: string;
}

type Path = ReadonlyArray<string | number>;

/** `environments[2].infrastructure.kubernetes.version` */
export function formatPath(path: Path): string {
  return path
    .map((segment, i) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const plain = /^[A-Za-z_][\w-]*$/.test(segment);
      if (!plain) return `[${JSON.stringify(segment)}]`;
      return i === 0 ? segment : `.${segment}`;
    })
    .join('');
}

/** `config/environments.yaml:14:15 environments[2].region: "us-east-9" is not an aws region` */
export function formatProblem(problem: EnvironmentsProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${where} ${problem.path ? `${problem.path}: ` : ''}${prefix}${
    problem.message
  }`;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return String(value);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return `the ${typeof value} ${show(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a map of fields',
  array: 'a list',
  record: 'a map',
};

function valueAt(root: unknown, path: Path): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const field = issue.path[issue.path.length - 1];
  if (input === undefined && issue.code !== 'custom') return 'is required';
  switch (issue.code) {
    case 'invalid_type': {
      if (
        field === 'version' &&
        typeof input === 'number' &&
        issue.expected === 'string'
      ) {
        return `must be a string such as "1.30", not the number ${input}: quote it, since YAML reads 1.30 as 1.3`;
      }
      return `must be ${
        EXPECTED[issue.expected] ?? issue.expected
      }, not ${describeType(input)}`;
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      const hint =
        typeof input === 'string'
          ? closestMatches(input, options, { limit: 1 })
          : [];
      return `${show(input)} is not one of ${options.join(', ')}${
        hint.length ? ` (did you mean "${hint[0]}"?)` : ''
      }`;
    }
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array') return 'must not be an empty list';
      return `must be ${issue.inclusive ? 'at least' : 'more than'} ${
        issue.minimum
      }, not ${show(input)}`;
    case 'too_big':
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${
        issue.maximum
      }, not ${show(input)}`;
    case 'invalid_format':
      return `${show(input)} ${
        issue.message.startsWith('must')
          ? issue.message
          : `is not a valid ${issue.format}`
      }`;
    case 'invalid_union':
      return `${show(input)} must be a string, a number or true/false`;
    default:
      return issue.message.startsWith('must') && input !== undefined
        ? `${show(input)} ${issue.message}`
        : issue.message;
  }
}

/** The YAML node at `path`, or its deepest existing ancestor. */
function nodeAt(doc: Document, path: Path): Node | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (node && typeof node === 'object' && 'range' in (node as object)) {
      return node as Node;
    }
  }
  return undefined;
}

/** The key node of `key` in the map at `mapPath`. */
function keyNodeAt(
  doc: Document,
  mapPath: Path,
  key: string,
): Node | undefined {
  const map = doc.getIn(mapPath, true);
  if (!isMap(map)) return undefined;
  const pair = map.items.find(p => isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.key) ? pair.key : undefined;
}

class ProblemCollector {
  readonly problems: EnvironmentsProblem[] = [];

  constructor(
    private readonly file: string,
    private readonly lineCounter: LineCounter,
  ) {}

  positionOf(node: Node | undefined | null): { line: number; column: number } {
    const offset = node?.range?.[0];
    if (offset === undefined) return { line: 1, column: 1 };
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }

  add(
    severity: EnvironmentsProblem['severity'],
    node: Node | undefined | null,
    path: Path,
    message: string,
    environment?: string,
  ) {
    this.problems.push({
      severity,
      file: this.file,
      ...this.positionOf(node),
      ...(environment ? { environment } : {}),
      path: formatPath(path),
      message,
    });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Warns about keys that are unknown but one or two typos away from a known key. */
function checkMisspeltKeys(
  doc: Document,
  collector: ProblemCollector,
  raw: Record<string, unknown>,
  base: Path,
  name: string | undefined,
) {
  const visit = (value: unknown, pattern: string, path: Path) => {
    const known = KNOWN_KEYS[pattern];
    if (!known || !isPlainObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (!known.includes(key)) {
        const [suggestion] = closestMatches(key, known, {
          limit: 1,
          maxDistance: 2,
        });
        if (suggestion && !(suggestion in value)) {
          collector.add(
            'warning',
            keyNodeAt(doc, [...base, ...path], key),
            [...base, ...path, key],
            `"${key}" is not a known field and is passed through untouched; did you mean "${suggestion}"?`,
            name,
          );
        }
        continue;
      }
      const childPattern = pattern ? `${pattern}.${key}` : key;
      const itemPattern = `${childPattern}.*`;
      if (Array.isArray(child)) {
        child.forEach((item, i) => visit(item, itemPattern, [...path, key, i]));
      } else if (KNOWN_KEYS[itemPattern] && isPlainObject(child)) {
        for (const [entry, item] of Object.entries(child)) {
          visit(item, itemPattern, [...path, key, entry]);
        }
      } else {
        visit(child, childPattern, [...path, key]);
      }
    }
  };
  visit(raw, '', []);
}

interface Candidate {
  index: number;
  environment: Environment;
  path: Path;
}

/**
 * The YAML document of a fleet file, with the line index of its text: parsed
 * once and shared by every reader of the same text (the validator, and an
 * editor that needs the source ranges).
 */
export interface EnvironmentsYaml {
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/**
 * Parses the YAML of a fleet file. `sourceTokens` keeps the concrete syntax
 * of every node, which an editor needs and a reader does not pay for.
 */
export function readEnvironmentsYaml(
  text: string,
  options: { sourceTokens?: boolean } = {},
): EnvironmentsYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    keepSourceTokens: options.sourceTokens ?? false,
  });
  return { text, doc, lineCounter };
}

/**
 * Parses and validates environments.yaml. Returns the valid environments and
 * every problem with its file, line, column, environment and field; one
 * invalid environment is skipped and never stops the others from loading.
 */
export function parseEnvironments(
  input: string | EnvironmentsYaml,
  options: ParseEnvironmentsOptions = {},
): ParseEnvironmentsResult {
  const file = options.file ?? 'environments.yaml';
  const { doc, lineCounter } =
    typeof input === 'string' ? readEnvironmentsYaml(input) : input;
  const collector = new ProblemCollector(file, lineCounter);
  const result: ParseEnvironmentsResult = {
    file,
    environments: [],
    locations: {},
    problems: collector.problems,
    skipped: [],
    fatal: false,
  };

  const fail = (node: Node | undefined | null, path: Path, message: string) => {
    collector.add('error', node, path, message);
    result.fatal = true;
    return result;
  };

  const yamlProblems = [
    ...doc.errors.map(e => ['error', e] as const),
    ...doc.warnings.map(w => ['warning', w] as const),
  ];
  for (const [severity, { linePos, message }] of yamlProblems) {
    const [start] = linePos ?? [{ line: 1, col: 1 }];
    const firstLine = message.split('\n')[0];
    collector.problems.push({
      severity,
      file,
      line: start.line,
      column: start.col,
      path: '',
      message:
        severity === 'error' ? `not valid YAML: ${firstLine}` : firstLine,
    });
  }
  if (doc.errors.length > 0) {
    result.fatal = true;
    return result;
  }

  const root = doc.contents;
  if (!isMap(root)) {
    return fail(
      root,
      [],
      'the file must be a map with an "environments:" list at the top',
    );
  }
  const list = root.get('environments', true);
  if (!isSeq(list)) {
    return fail(
      list ?? root,
      list === undefined ? [] : ['environments'],
      list === undefined
        ? 'the file has no top-level "environments:" list'
        : 'must be a list of environments',
    );
  }

  const data = doc.toJS({ maxAliasCount: 1000 }) as { environments: unknown[] };
  const rawItems = data.environments ?? [];
  const namesInFile = new Set<string>();
  const candidates: Candidate[] = [];

  rawItems.forEach((raw, index) => {
    const path: Path = ['environments', index];
    const itemNode = list.items[index] as Node | undefined;
    const name =
      isPlainObject(raw) && typeof raw.name === 'string' ? raw.name : undefined;
    if (name) namesInFile.add(name);
    const skip = () =>
      result.skipped.push({
        index,
        ...(name ? { name } : {}),
        line: collector.positionOf(itemNode).line,
      });

    if (!isPlainObject(raw)) {
      collector.add(
        'error',
        itemNode,
        path,
        `each environment must be a map of fields, not ${describeType(raw)}`,
      );
      skip();
      return;
    }
    checkMisspeltKeys(doc, collector, raw, path, name);
    const parsed = environmentSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const issuePath = [...path, ...(issue.path as Array<string | number>)];
        collector.add(
          'error',
          nodeAt(doc, issuePath),
          issuePath,
          describeIssue(issue, valueAt(raw, issue.path as Path)),
          name,
        );
      }
      skip();
      return;
    }
    candidates.push({ index, environment: parsed.data, path });
  });

  const accepted = applyFleetRules(doc, collector, candidates, list);
  const acceptedIndexes = new Set(accepted.map(c => c.index));
  for (const candidate of candidates) {
    if (!acceptedIndexes.has(candidate.index)) {
      result.skipped.push({
        index: candidate.index,
        name: candidate.environment.name,
        line: collector.positionOf(list.items[candidate.index] as Node).line,
      });
    }
  }

  for (const { environment, index, path } of accepted) {
    result.environments.push(environment);
    result.locations[environment.name] = {
      index,
      ...collector.positionOf(list.items[index] as Node),
    };
    environment.links?.forEach((link, i) => {
      if (!namesInFile.has(link.to)) {
        const linkPath = [...path, 'links', i, 'to'];
        collector.add(
          'warning',
          nodeAt(doc, linkPath),
          linkPath,
          `"${link.to}" is not an environment of this file; the link is ignored`,
          environment.name,
        );
      }
    });
  }

  result.skipped.sort((a, b) => a.index - b.index);
  collector.problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return result;
}

/**
 * Rules across environments, applied in file order: the first environment to
 * claim a name, the admin role or an address range keeps it, and a later one
 * that conflicts is skipped with a reason that names the first.
 */
function applyFleetRules(
  doc: Document,
  collector: ProblemCollector,
  candidates: Candidate[],
  list: Node,
): Candidate[] {
  const accepted: Candidate[] = [];
  const byName = new Map<string, Candidate>();
  const networks = new DisjointNetworks<Candidate>();
  let admin: Candidate | undefined;
  const lineOf = (c: Candidate) =>
    collector.positionOf(nodeAt(doc, c.path)).line;
  const describe = (c: Candidate) =>
    `environments[${c.index}] "${c.environment.name}" (line ${lineOf(c)})`;

  for (const candidate of candidates) {
    const { environment: env, path } = candidate;
    const errors: Array<[Path, string]> = [];

    const twin = byName.get(env.name);
    if (twin) {
      errors.push([
        [...path, 'name'],
        `"${env.name}" is already the name of ${describe(twin)}`,
      ]);
    }

    if (isCloudProvider(env.provider)) {
      if (!findRegion(env.provider, env.region)) {
        errors.push([
          [...path, 'region'],
          unknownRegionMessage(env.provider, env.region),
        ]);
      }
    } else if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(env.region)) {
      errors.push([
        [...path, 'region'],
        `"${env.region}" is not a valid site id for an on-premises environment (a DNS label such as "fra01")`,
      ]);
    }

    if (env.provider === 'onprem' && env.type === 'cloud') {
      errors.push([
        [...path, 'type'],
        `"cloud" needs a public cloud provider; an on-premises environment is "hci" or "hybrid"`,
      ]);
    }
    if (
      env.type === 'hci' &&
      env.provider !== 'onprem' &&
      !env.hci &&
      env.provider !== 'azure'
    ) {
      errors.push([
        [...path, 'type'],
        `"hci" goes with provider "onprem" or an "hci:" block naming the platform`,
      ]);
    }

    const flavour = env.infrastructure?.kubernetes?.provider;
    if (flavour) {
      const allowed = compatibleFlavours(env);
      if (!allowed.includes(flavour)) {
        const where =
          env.hci?.platform && env.type !== 'cloud'
            ? `on ${env.hci.platform}`
            : `on ${PROVIDER_DISPLAY_NAMES[env.provider]}${
                env.type === 'cloud' ? '' : ` (${env.type})`
              }`;
        errors.push([
          [...path, 'infrastructure', 'kubernetes', 'provider'],
          `"${flavour}" does not run ${where}; use one of ${allowed.join(
            ', ',
          )}`,
        ]);
      }
    }

    const arcLocation = env.hci?.arc?.location;
    if (arcLocation && !findRegion('azure', arcLocation)) {
      errors.push([
        [...path, 'hci', 'arc', 'location'],
        unknownRegionMessage('azure', arcLocation, 'an Azure region'),
      ]);
    }

    if (env.role === 'admin' && env.enabled && admin && errors.length === 0) {
      errors.push([
        [...path, 'role'],
        `a fleet has exactly one enabled admin environment, and ${describe(
          admin,
        )} is already it; make this one a workload or disable it`,
      ]);
    }

    const cidrText = env.infrastructure?.network?.cidr;
    const cidr = cidrText ? parseCidr(cidrText) : undefined;
    if (cidr && errors.length === 0) {
      const clash = networks.findOverlap(cidr);
      if (clash) {
        errors.push([
          [...path, 'infrastructure', 'network', 'cidr'],
          `${cidr.text} overlaps ${clash.cidr.text} of ${describe(
            clash.value,
          )}`,
        ]);
      }
    }

    if (errors.length > 0) {
      for (const [errorPath, message] of errors) {
        collector.add(
          'error',
          nodeAt(doc, errorPath),
          errorPath,
          message,
          env.name,
        );
      }
      continue;
    }
    accepted.push(candidate);
    byName.set(env.name, candidate);
    if (env.role === 'admin' && env.enabled) admin = candidate;
    if (cidr) networks.add(cidr, candidate);
  }

  if (!admin) {
    collector.add(
      'error',
      list,
      ['environments'],
      'the fleet has no enabled admin environment; mark exactly one environment "role: admin"',
    );
  }
  return accepted;
}
