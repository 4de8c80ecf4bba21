export { Job, CancelledError, throwIfAborted } from './job';
export type { JobState } from './job';
