export { EntityCostsContent } from './EntityCostsContent';
