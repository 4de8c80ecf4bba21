import type { TFunction } from 'i18next';

const KNOWN = new Set(['starting', 'decode', 'analyse', 'cluster', 'extract', 'stylize', 'export', 'done']);

/** A job stage as the user reads it, in the UI's language ("Reading the video"); an unknown stage as it is named. */
export function stageLabel(t: TFunction, stage: string | undefined): string {
  const s = stage ?? 'starting';
  return KNOWN.has(s) ? t(`stage.${s}`) : s[0].toUpperCase() + s.slice(1);
}
