export { TrendChart, TrendLegend, TREND_COLORS } from './TrendChart';
