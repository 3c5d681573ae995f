import { readFile, writeFile } from 'node:fs/promises';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { EnvironmentsDocument } from '@multicloud/plugin-environments-node';

/** Where templates keep the fleet file inside the workspace, unless they say otherwise. */
export const DEFAULT_FLEET_FILE = 'config/environments.yaml';

interface WorkspaceContext {
  workspacePath: string;
  logger: LoggerService;
}

/** Reads the fleet file of the workspace; a path outside the workspace is refused. */
export async function openFleetFile(
  ctx: WorkspaceContext,
  file: string = DEFAULT_FLEET_FILE,
): Promise<{ path: string; document: EnvironmentsDocument }> {
  const path = resolveSafeChildPath(ctx.workspacePath, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(
      `${file} is not in the workspace: fetch the infrastructure repository (or run the local fetch step) before this step`,
      error,
    );
  }
  return { path, document: EnvironmentsDocument.parse(text, { file }) };
}

/**
 * Validates the edited file with the one parser, writes it, and logs the
 * diff; refuses (InputError) when the edit would make the file invalid.
 */
export async function saveFleetFile(
  ctx: WorkspaceContext,
  path: string,
  document: EnvironmentsDocument,
): Promise<{ diff: string }> {
  const { text, diff } = document.commit();
  await writeFile(path, text, 'utf8');
  ctx.logger.info(`Updated ${document.file}:\n${diff}`);
  return { diff };
}
