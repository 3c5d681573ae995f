export { NotEvaluatedCell, SloCell } from './SloCell';
