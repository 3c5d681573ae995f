/**
 * Backend of the FinOps plugins: ingestion of FOCUS cost and usage exports
 * (CSV, gzip, Parquet; folders and URLs) and of OpenCost allocations into
 * daily costs per environment, namespace and workload.
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
  type CostSourceKind,
  type EnvironmentCost,
  type NamespaceDailyCost,
  type NamespaceDailyRow,
  type OpenCostSourceMeta,
} from './database/CostStore';
export {
  isGzipFile,
  readFocusCsv,
  type FocusCsvRecord,
  type FocusCsvSkip,
  type ReadFocusCsvOptions,
} from './ingest/readFocusCsv';
export {
  openFileAsyncBuffer,
  readFocusParquet,
  type FileAsyncBuffer,
  type ReadFocusParquetOptions,
} from './ingest/readFocusParquet';
export {
  MAX_REPORTED_PROBLEMS,
  focusFileFormat,
  ingestFocusFile,
  localFocusFile,
  type FocusFileFormat,
  type IngestFocusFileOptions,
  type IngestFocusFileResult,
  type RandomAccessFile,
} from './ingest/ingestFocusFile';
export {
  focusLocationKind,
  ingestFocusLocations,
  type FocusLocationKind,
  type IngestFocusLocationsOptions,
} from './ingest/ingestFocusLocations';
export {
  ingestFocusDirectories,
  listFocusFiles,
  type IngestFocusDirectoriesOptions,
  type IngestFocusDirectoriesResult,
} from './ingest/ingestFocusDirectories';
export {
  OpenCostClient,
  OpenCostError,
  type HttpGet,
  type OpenCostAllocations,
} from './opencost/OpenCostClient';
export {
  allocationRows,
  ingestOpenCost,
  openCostSourceKey,
  type IngestOpenCostOptions,
  type IngestOpenCostResult,
} from './opencost/ingestOpenCost';
export {
  openCostTargets,
  type OpenCostTarget,
  type SkippedOpenCostTarget,
} from './opencost/targets';
