export { AnomaliesSection } from './AnomaliesSection';
