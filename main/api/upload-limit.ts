/** 20 GiB: a feature film in high quality fits; a runaway or hostile upload cannot fill the disk unnoticed. */
export const DEFAULT_UPLOAD_MAX_BYTES = 20 * 1024 ** 3;

/** The browser host's largest upload: YOUR_CARTOON_UPLOAD_MAX_BYTES when set (a positive integer), else the default. */
export function uploadMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env.YOUR_CARTOON_UPLOAD_MAX_BYTES);
  return Number.isSafeInteger(set) && set > 0 ? set : DEFAULT_UPLOAD_MAX_BYTES;
}
