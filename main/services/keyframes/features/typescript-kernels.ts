import { clusterShotReference } from './cluster-shot';
import { frameFeaturesReference } from './frame-features';
import { glcmProperties } from './glcm';
import { frameSimilarity, glcmSimilarity, histogramIntersection, thumbDifference } from './similarity';
import type { FeatureKernels } from './types';
import {
  checkClusterParams,
  checkFeatureParams,
  checkFrame,
  checkGreyImage,
  checkSameLength,
  checkWeight,
} from './validate';

/** The TypeScript reference kernels: the oracle the native module is tested against, and the fallback. */
export const typescriptKernels: FeatureKernels = {
  kind: 'typescript',
  frameFeatures(rgb, width, height, params) {
    checkFrame(rgb, width, height);
    checkFeatureParams(params);
    return frameFeaturesReference(rgb, width, height, params);
  },
  async frameFeaturesAsync(rgb, width, height, params) {
    return typescriptKernels.frameFeatures(rgb, width, height, params);
  },
  glcmProperties(grey, width, height, levels, offsets) {
    checkGreyImage(grey, width, height, levels, offsets);
    return glcmProperties(grey, width, height, levels, offsets);
  },
  histogramIntersection(a, b) {
    checkSameLength('histogramIntersection', a, b);
    return histogramIntersection(a, b);
  },
  glcmSimilarity(a, b) {
    return glcmSimilarity(a, b);
  },
  frameSimilarity(a, b, params) {
    checkWeight(params.histogramWeight);
    checkSameLength('frameSimilarity', a.hsv, b.hsv);
    return frameSimilarity(a, b, params.histogramWeight);
  },
  thumbDifference(a, b) {
    checkSameLength('thumbDifference', a, b);
    return thumbDifference(a, b);
  },
  clusterShot(frames, params) {
    checkClusterParams(params);
    for (const f of frames) checkSameLength('clusterShot', f.hsv, frames[0].hsv);
    return clusterShotReference(frames, params);
  },
};
