export { FleetFileProblemsCard } from './FleetFileProblemsCard';
