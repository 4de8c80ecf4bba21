// The ComicApi service (app/api.ts implemented once, in plain Node) and what its two adapters need.
export { createComicApi } from './comic-api';
export type { ComicService, ComicServiceOptions } from './comic-api';
export { dispatchCommand } from './dispatch';
export { toErrorInfo, RequestError } from './error-info';
export { imageContentType, imageRefFromUrlPath } from './image-roots';
export { defaultProjectDir } from './keyframes-command';
export { answerRange, rangeHeaders, type RangeAnswer } from './byte-range';
export { fileResponse } from './file-response';
export { PickedExports } from './picked-exports';
