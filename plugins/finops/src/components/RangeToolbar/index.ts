export { RangeToolbar, useRangeChoice, type RangeChoice } from './RangeToolbar';
