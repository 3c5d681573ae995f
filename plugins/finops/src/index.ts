/**
 * Placeholder entry point while the plugin is built.
 *
 * @packageDocumentation
 */
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';

export default createFrontendPlugin({ pluginId: 'finops', extensions: [] });
