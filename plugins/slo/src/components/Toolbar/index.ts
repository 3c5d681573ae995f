export { RefreshFailed, Toolbar } from './Toolbar';
