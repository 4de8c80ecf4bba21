export { Job, CancelledError, throwIfAborted } from './job';
export { forEachConcurrently } from './concurrency';
export type { JobState } from './job';
