// The stylize service's whole public surface.
export { stylizeImage, segmentImage, inferTensors, shutdownInference, toResolved } from './stylize-image';
export type { StylizeOptions, StylizeResult, SegmentOptions, SegmentResult, InferenceOptions } from './stylize-image';
export { stylizeFiles, listInputImages } from './stylize-files';
export type { StylizedFile } from './stylize-files';
export { processImageFiles, outputNames } from './process-files';
export type { FailedFile, ImageWork, ProcessedFile, ProcessFilesResult } from './process-files';
export { resolveModel, modelFileFor, DEFAULT_MODEL_ID } from './model-resolve';
export { processingLongSide } from './processing-size';
export { modelAttribution, attributionText } from './attribution';
export type { ModelAttribution, ModelCredit } from './attribution';
export type { ResolvedModel, ModelRef } from './model-resolve';
export {
  loadCatalog,
  validateCatalog,
  entryProblems,
  findModel,
  getModel,
  findModelBySha256,
  findModelByFile,
  sha256File,
  CATALOG_PATH,
  MODELS_DIR,
} from './catalog';
export { listProviders, planProviders, isProviderChoice } from './providers';
export type { ProviderInfo } from './providers';
export { physicalCores, sessionOptions } from './session-options';
export type { SessionOptionsPreset } from './session-options';
export { imageToTensor, tensorToImage, tensorToFloatImage } from './tensor-codec';
export type { FloatTensor } from './tensor-codec';
export { resizeImage, resizeFloat, toRgbImage, padToMultiple, cropImage, fitLongSide } from './image-ops';
export type { FloatRgbImage } from './image-ops';
export { planTiles } from './tiling';
export { DEFAULT_TILE, DEFAULT_TILE_GLOBAL_NORM, DEFAULT_OVERLAP, fitFixed, letterboxTensor } from './pipeline';
export type { Segmentation } from './segment-pipeline';
export { StylizeError } from './errors';
export type { StylizeErrorCode } from './errors';
export type { InferReply } from './worker-protocol';
export { planStylize, CLI_LABELS } from './plan';
export type { FileReport, PlanLabels, StylizePlan, StylizeRequest as StylizePlanRequest } from './plan';
