// Instance and region masks: from the person segmenter, split into instances, feathered, composited.
// Drawing masks (box, lasso, brush) is pure geometry in app/masks.ts, shared with the editor.
export { findPeople } from './person-masks';
export type { PersonMaskOptions, PersonMasks } from './person-masks';
export { splitInstances } from './connected-components';
export type { SplitOptions } from './connected-components';
export { featherMask } from './feather';
export { compositeAlpha } from './composite';
export { resizeMask, resizePlane, thresholdPlane, maskToPlane } from './resize-plane';
export type { Plane } from './resize-plane';
export { readMaskFile, fitMask } from './mask-file';
export { peopleInstances } from './people-source';
export type { PeopleSource, PeopleInstances } from './people-source';
