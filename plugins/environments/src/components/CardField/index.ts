export { CardField, CARD_COLUMNS } from './CardField';
