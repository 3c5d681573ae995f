export { MoversSection } from './MoversSection';
