export { SloDetail } from './SloDetail';
