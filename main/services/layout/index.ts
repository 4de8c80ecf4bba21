export { autoLayout } from './auto-layout';
