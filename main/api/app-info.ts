import type { AppInfo } from '../../app/api';
import { DEFAULT_ANALYSIS_PARAMS } from '../../app/keyframes';
import { loadKernels } from '../services/keyframes';
import { dataDir, packageInfo } from '../services/store';
import { DEFAULT_MODEL_ID, listProviders } from '../services/stylize';
import { locateFfmpeg, locateFfprobe } from '../services/video';
import { uploadMaxBytes } from './upload-limit';

/**
 * What the app runs on, for the UI to show: which ffmpeg (and where it came from), which kernels, which inference
 * providers and why the others are missing. A missing ffmpeg is reported, not thrown: the UI must still open to say so.
 */
export function appInfo(host: AppInfo['host']): AppInfo {
  let ffmpeg: AppInfo['ffmpeg'];
  try {
    const f = locateFfmpeg();
    ffmpeg = { path: f.path, source: f.source, version: f.version };
  } catch (err) {
    ffmpeg = { error: (err as Error).message };
  }
  const probe = locateFfprobe();
  const kernels = loadKernels();
  const electron = process.versions.electron;
  return {
    ...packageInfo(),
    host,
    versions: { node: process.versions.node, ...(electron ? { electron, chrome: process.versions.chrome } : {}) },
    ffmpeg,
    ffprobe: probe ? { path: probe.path, source: probe.source, version: probe.version } : null,
    kernels: { kind: kernels.kind, ...(kernels.reason ? { reason: kernels.reason } : {}) },
    providers: listProviders().map((p) => ({ name: p.name, available: p.available, ...(p.reason ? { reason: p.reason } : {}) })),
    defaultModel: DEFAULT_MODEL_ID,
    dataDir: dataDir(),
    defaultParams: DEFAULT_ANALYSIS_PARAMS,
    ...(host === 'browser' ? { uploadMaxBytes: uploadMaxBytes() } : {}),
  };
}
