export { CostsPage } from './CostsPage';
export { CostsIcon } from './CostsIcon';
export { costsRouteRef } from './routes';
