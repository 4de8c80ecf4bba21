// InstaGAN: instance-aware translation of an image and its instance masks, in sequential mini-batches.
export { translateInstances } from './translate-instances';
export type { InstaGanOptions, InstaGanResult } from './translate-instances';
export { planMiniBatches } from './instance-order';
export { processingSize } from './processing-size';
export { translatePeople } from './translate-people';
export type { TranslatePeopleOptions, TranslatePeopleResult } from './translate-people';
