export type {
  FeatureKernels,
  FeatureParams,
  SimilarityParams,
  ClusterParams,
  FrameFeatures,
  SimilarityFeatures,
  ShotCluster,
} from './types';
export { KernelInputError, THUMB_WIDTH, THUMB_HEIGHT } from './types';
export { loadKernels, loadNativeKernels, type LoadedKernels } from './load-kernels';
export { typescriptKernels } from './typescript-kernels';
export { significantClusters } from './cluster-shot';
export { measureKernelSpeed, type KernelSpeed, type KernelTiming, type MeasureOptions } from './measure-kernel-speed';
