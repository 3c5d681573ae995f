/**
 * Backend of the FinOps plugins: ingestion of FOCUS cost and usage exports
 * into daily costs per environment.
 *
 * @packageDocumentation
 */

export { finopsPlugin as default } from './plugin';

export {
  CostStore,
  MAX_STORED_PROBLEMS,
  type CostDailyRow,
  type CostFileMeta,
  type CostFileState,
  type EnvironmentCost,
} from './database/CostStore';
export {
  isGzipFile,
  readFocusCsv,
  type FocusCsvRecord,
  type FocusCsvSkip,
  type ReadFocusCsvOptions,
} from './ingest/readFocusCsv';
export {
  MAX_REPORTED_PROBLEMS,
  ingestFocusFile,
  type IngestFocusFileOptions,
  type IngestFocusFileResult,
} from './ingest/ingestFocusFile';
export {
  ingestFocusDirectories,
  listFocusFiles,
  type IngestFocusDirectoriesOptions,
  type IngestFocusDirectoriesResult,
} from './ingest/ingestFocusDirectories';
