export { SourcesSection } from './SourcesSection';
