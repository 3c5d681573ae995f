export { fleetApiRef, type FleetApi } from './FleetApi';
export { FleetClient, FleetResponseError } from './FleetClient';
export { usePolling, REFRESH_INTERVAL_MS, type Polled } from './usePolling';
