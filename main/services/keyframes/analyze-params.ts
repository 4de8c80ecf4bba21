import type { AnalysisParams } from '../../../app/keyframes';

/** Analysis parameters out of range: names the parameter, its value and what is allowed. */
export class AnalysisParamsError extends Error {
  readonly code = 'E_ANALYSIS_PARAMS';
  constructor(readonly param: string, message: string) {
    super(`analysis parameter ${param}: ${message}`);
    this.name = 'AnalysisParamsError';
  }
}

type Range = [min: number, max: number, integer?: boolean];

/** Allowed ranges (inclusive); the feature kernels check their own (bins, levels, offsets) again. */
const RANGES: Partial<Record<keyof AnalysisParams, Range>> = {
  analysisWidth: [32, 1920, true],
  glcmLevels: [2, 256, true],
  histogramWeight: [0, 1],
  delta: [0, 1],
  minClusterFraction: [0, 1],
  duplicateSimilarity: [0, 1],
  minShotSeconds: [0, 60],
  cutSensitivity: [1, 100],
  cutMinDifference: [0, 1],
  cutWindowSeconds: [0.05, 30],
  flashMaxSeconds: [0, 10],
  blankMaxStd: [0, 0.5],
  blankLumaMargin: [0, 0.5],
  sameContentDistance: [0, 1],
  fadeMaxSeconds: [0, 10],
  dissolveMaxSeconds: [0.1, 10],
  dissolveMaxResidual: [0, 2],
};

/** Throws AnalysisParamsError for the first parameter that is missing, not a number, or out of range. */
export function validateAnalysisParams(params: AnalysisParams): void {
  for (const [name, [min, max, integer]] of Object.entries(RANGES) as Array<[string, Range]>) {
    const value = (params as unknown as Record<string, unknown>)[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new AnalysisParamsError(name, `expected a number, got ${JSON.stringify(value)}`);
    }
    if (value < min || value > max || (integer && !Number.isInteger(value))) {
      throw new AnalysisParamsError(name, `${value} is outside ${integer ? 'the whole numbers ' : ''}${min}..${max}`);
    }
  }
  const { h, s, v } = params.hsvBins ?? ({} as AnalysisParams['hsvBins']);
  for (const [axis, bins] of [['h', h], ['s', s], ['v', v]] as const) {
    if (!Number.isInteger(bins) || bins < 1 || bins > 256) {
      throw new AnalysisParamsError(`hsvBins.${axis}`, `${JSON.stringify(bins)} is outside the whole numbers 1..256`);
    }
  }
  if (!Array.isArray(params.glcmOffsets) || params.glcmOffsets.length === 0) {
    throw new AnalysisParamsError('glcmOffsets', 'expected at least one [dx, dy] offset');
  }
}
