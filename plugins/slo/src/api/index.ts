export { sloApiRef, type SloApi, type SloSeriesRequest } from './SloApi';
export { SloClient } from './SloClient';
export { BACKEND_UNREACHABLE, errorMessage } from './errors';
export { usePolling, REFRESH_INTERVAL_MS, type Polled } from './usePolling';
