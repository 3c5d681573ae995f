export { SloEntityContent } from './SloEntityContent';
