export { BudgetsSection } from './BudgetsSection';
