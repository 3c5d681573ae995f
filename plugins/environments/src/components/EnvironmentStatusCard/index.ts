export { EnvironmentStatusCard } from './EnvironmentStatusCard';
