export { StateChip, StateDot } from './StateChip';
