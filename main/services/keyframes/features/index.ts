// The per-frame feature kernels and the clustering of the key-frame method (HSV histogram + GLCM texture,
// Sim = w · histogram intersection + (1 − w) · GLCM similarity, sequential clustering inside a shot).
// loadKernels() picks the C++ module (main/native) when it loads, else the TypeScript reference; both agree.
export type {
  FeatureKernels,
  FeatureParams,
  SimilarityParams,
  ClusterParams,
  FrameFeatures,
  SimilarityFeatures,
  ShotCluster,
} from './types';
export { KernelInputError, THUMB_WIDTH, THUMB_HEIGHT, COLOUR_THUMB_WIDTH, COLOUR_THUMB_HEIGHT } from './types';
export { colourThumbnail } from './thumbnail';
export { GLCM_CONTRAST, GLCM_CORRELATION, GLCM_ENERGY, GLCM_HOMOGENEITY } from './glcm';
export { loadKernels, loadNativeKernels, type LoadedKernels } from './load-kernels';
export { typescriptKernels } from './typescript-kernels';
export { significantClusters } from './cluster-shot';
export { measureKernelSpeed, type KernelSpeed, type KernelTiming, type MeasureOptions } from './measure-kernel-speed';
