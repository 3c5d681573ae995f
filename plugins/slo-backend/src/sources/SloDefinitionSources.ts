import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type {
  AuthService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  ANNOTATION_LOCATION,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  parseSloDocuments,
  type SloDefinition,
  type SloProblem,
  SLO_DEFINITIONS_ANNOTATION,
} from '@multicloud/plugin-slo-common';
import type { SloSettings } from '../config';

/**
 * The text of one file of SLO definitions; read from a catalog entity's
 * annotation, its SLOs belong to that entity unless they name another.
 */
interface SourceText {
  file: string;
  text: string;
  defaultEntityRef?: string;
}

/** What reading one source gave: its text, what went wrong, or both (a stale text). */
interface SourceRead {
  source?: SourceText;
  problems: SloProblem[];
}

/** Every definition read, and what is wrong with the sources. */
export interface SloDefinitionSet {
  definitions: SloDefinition[];
  problems: SloProblem[];
}

const YAML_FILE = /\.ya?ml$/i;

function unreadable(file: string, error: unknown): SloProblem {
  return {
    file,
    severity: 'error',
    message: `cannot be read: ${stringifyError(error)}`,
  };
}

async function listYamlFiles(directory: string): Promise<string[]> {
  const entries = await readdir(resolve(directory), {
    recursive: true,
    withFileTypes: true,
  });
  return entries
    .filter(e => e.isFile() && YAML_FILE.test(e.name))
    .map(e =>
      join(directory, relative(resolve(directory), join(e.parentPath, e.name))),
    )
    .sort();
}

/** `file:/a/b/catalog-info.yaml` or `url:https://...`, as the catalog writes it. */
function parseLocationRef(ref: string): { type: string; target: string } {
  const colon = ref.indexOf(':');
  return { type: ref.slice(0, colon), target: ref.slice(colon + 1) };
}

/**
 * Reads the SLO definitions of every configured source: files and folders
 * on the backend's disk, URLs through the backend's integrations, and the
 * locations named by catalog entities' `multicloud.io/slo-definitions`
 * annotation. A source that cannot be read or parsed becomes a problem and
 * never hides the others; a URL or catalog read that fails keeps what was
 * last read from it, with the failure as a warning.
 */
export class SloDefinitionSources {
  static create(
    settings: SloSettings['definitions'],
    deps: {
      urlReader: UrlReaderService;
      logger: LoggerService;
      catalog?: { service: CatalogService; auth: AuthService };
    },
  ): SloDefinitionSources {
    return new SloDefinitionSources(settings, deps);
  }

  /** Last good text of remote sources, so that a network blip does not drop SLOs. */
  readonly #lastRemote = new Map<string, SourceText>();
  #lastCatalog?: Array<{ entityRef: string; location: string; base?: string }>;

  private constructor(
    private readonly settings: SloSettings['definitions'],
    private readonly deps: {
      urlReader: UrlReaderService;
      logger: LoggerService;
      catalog?: { service: CatalogService; auth: AuthService };
    },
  ) {}

  async read(): Promise<SloDefinitionSet> {
    const problems: SloProblem[] = [];
    const texts: SourceText[] = [];
    const collect = (read: SourceRead) => {
      if (read.source) texts.push(read.source);
      problems.push(...read.problems);
    };

    for (const file of this.settings.files) {
      collect(await this.readLocalFile(file));
    }
    for (const directory of this.settings.directories) {
      let files: string[];
      try {
        files = await listYamlFiles(directory);
      } catch (error) {
        collect({ problems: [unreadable(directory, error)] });
        continue;
      }
      for (const file of files) collect(await this.readLocalFile(file));
    }
    for (const url of this.settings.urls) {
      collect(await this.readRemote(url));
    }
    if (this.settings.catalog && this.deps.catalog) {
      for (const result of await this.readCatalog()) collect(result);
    }

    // One parse over every text: an SLO may use an SLI or alert policy of
    // another file, and ids are unique across all of them.
    const parsed = parseSloDocuments(texts);
    return {
      definitions: parsed.definitions,
      problems: [...problems, ...parsed.problems],
    };
  }

  private async readLocalFile(
    file: string,
    defaultEntityRef?: string,
  ): Promise<SourceRead> {
    try {
      const text = await readFile(resolve(file), 'utf8');
      return {
        source: {
          file,
          text,
          ...(defaultEntityRef ? { defaultEntityRef } : {}),
        },
        problems: [],
      };
    } catch (error) {
      return { problems: [unreadable(file, error)] };
    }
  }

  private async readRemote(
    url: string,
    defaultEntityRef?: string,
  ): Promise<SourceRead> {
    try {
      const response = await this.deps.urlReader.readUrl(url);
      const source: SourceText = {
        file: url,
        text: (await response.buffer()).toString('utf8'),
        ...(defaultEntityRef ? { defaultEntityRef } : {}),
      };
      this.#lastRemote.set(url, source);
      return { source, problems: [] };
    } catch (error) {
      const last = this.#lastRemote.get(url);
      if (!last) return { problems: [unreadable(url, error)] };
      return {
        source: last,
        problems: [
          {
            file: url,
            severity: 'warning',
            message: `cannot be read now (${stringifyError(
              error,
            )}); its SLOs are the ones last read`,
          },
        ],
      };
    }
  }

  /** Locations named by annotated entities; on a catalog failure the last list read. */
  private async catalogLocations(): Promise<{
    locations: Array<{ entityRef: string; location: string; base?: string }>;
    problems: SloProblem[];
  }> {
    const { service, auth } = this.deps.catalog!;
    try {
      const { items } = await service.getEntities(
        {
          filter: {
            [`metadata.annotations.${SLO_DEFINITIONS_ANNOTATION}`]:
              CATALOG_FILTER_EXISTS,
          },
          fields: [
            'kind',
            'metadata.namespace',
            'metadata.name',
            'metadata.annotations',
          ],
        },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      const locations = items.flatMap((entity: Entity) => {
        const annotations = entity.metadata.annotations ?? {};
        const entityRef = stringifyEntityRef(entity);
        return annotations[SLO_DEFINITIONS_ANNOTATION].split(',')
          .map(l => l.trim())
          .filter(Boolean)
          .map(location => ({
            entityRef,
            location,
            base: annotations[ANNOTATION_LOCATION],
          }));
      });
      this.#lastCatalog = locations;
      return { locations, problems: [] };
    } catch (error) {
      this.deps.logger.warn(
        `Cannot list catalog entities with ${SLO_DEFINITIONS_ANNOTATION}: ${stringifyError(
          error,
        )}`,
      );
      return {
        locations: this.#lastCatalog ?? [],
        problems: [
          {
            file: 'catalog',
            severity: 'warning',
            message: `the catalog could not be asked for entities annotated with ${SLO_DEFINITIONS_ANNOTATION} (${stringifyError(
              error,
            )}); ${
              this.#lastCatalog
                ? 'the locations last listed are read'
                : 'their SLOs are missing until it answers'
            }`,
          },
        ],
      };
    }
  }

  private async readCatalog(): Promise<SourceRead[]> {
    const { locations, problems } = await this.catalogLocations();
    const results: SourceRead[] = [{ problems }];
    for (const { entityRef, location, base } of locations) {
      const target = this.resolveCatalogTarget(location, base);
      if ('problem' in target) {
        results.push({
          problems: [
            {
              file: `${entityRef} (${SLO_DEFINITIONS_ANNOTATION})`,
              severity: 'error',
              message: target.problem,
            },
          ],
        });
      } else if (target.url) {
        results.push(await this.readRemote(target.url, entityRef));
      } else {
        results.push(await this.readLocalFile(target.path!, entityRef));
      }
    }
    return results;
  }

  /**
   * A URL as it is; a relative path against the entity's own location: a
   * URL location gives a URL, a file location (entities registered from the
   * backend's disk) a path beside that file.
   */
  private resolveCatalogTarget(
    location: string,
    base: string | undefined,
  ): { url?: string; path?: string } | { problem: string } {
    const target = location.replace(/^url:/, '');
    if (/^https?:\/\//i.test(target)) return { url: target };
    if (!base) {
      return {
        problem: `"${location}" is a relative path, but the entity has no ${ANNOTATION_LOCATION} to resolve it against; use a URL`,
      };
    }
    const { type, target: baseTarget } = parseLocationRef(base);
    if (type === 'url') return { url: new URL(target, baseTarget).toString() };
    if (type === 'file') return { path: resolve(dirname(baseTarget), target) };
    return {
      problem: `"${location}" is a relative path, and the entity's location "${base}" is neither a URL nor a file; use a URL`,
    };
  }
}
