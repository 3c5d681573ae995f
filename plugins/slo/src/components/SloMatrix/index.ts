export {
  matrixRows,
  SloMatrix,
  sortRows,
  type SloMatrixLinks,
  type SloMatrixRow,
} from './SloMatrix';
