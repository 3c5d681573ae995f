export { FleetPage } from './FleetPage';
export { FleetIcon } from './FleetIcon';
export { fleetRouteRef, createEnvironmentRouteRef } from './routes';
