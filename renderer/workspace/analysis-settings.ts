import type { AnalysisParams } from '../../app/keyframes';

/** The analysis settings the Video step offers: each with its range (within what the analysis accepts) and step. */
export const ANALYSIS_SETTINGS = [
  { key: 'delta', min: 0.5, max: 0.99, step: 0.01 },
  { key: 'minClusterFraction', min: 0, max: 0.5, step: 0.01 },
  { key: 'duplicateSimilarity', min: 0.5, max: 1, step: 0.01 },
  { key: 'cutSensitivity', min: 1, max: 10, step: 0.1 },
] as const satisfies ReadonlyArray<{ key: keyof AnalysisParams; min: number; max: number; step: number }>;

export type AnalysisSettingKey = (typeof ANALYSIS_SETTINGS)[number]['key'];
export type AnalysisSettings = Pick<AnalysisParams, AnalysisSettingKey>;

/** Only the settings that differ from the defaults: what startKeyframes is given (the rest stays the app's). */
export function changedSettings(values: AnalysisSettings, defaults: AnalysisSettings): Partial<AnalysisSettings> {
  return Object.fromEntries(ANALYSIS_SETTINGS.filter((s) => values[s.key] !== defaults[s.key]).map((s) => [s.key, values[s.key]]));
}

/** A value typed or slid, kept inside the setting's range. */
export function clampSetting(key: AnalysisSettingKey, value: number): number {
  const s = ANALYSIS_SETTINGS.find((x) => x.key === key)!;
  return Number.isFinite(value) ? Math.min(s.max, Math.max(s.min, value)) : s.min;
}
