export {
  CostSummary,
  UNATTRIBUTED_ADVICE,
  mixedCurrenciesNotice,
} from './CostSummary';
