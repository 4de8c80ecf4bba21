import type { VideoInfo } from '../../../app/video';
import { CancelledError } from '../jobs';
import { ffmpegFeatures } from './ffmpeg-features';
import { locateFfmpeg } from './locate-ffmpeg';
import { assertReadableFile, probeVideo } from './probe';
import { inputArg, runTool } from './run-tool';
import { scaleArgs } from './stream-frames';
import { classifyFailure, VideoError } from './video-error';
import { analysisSize } from './video-geometry';

/**
 * The floor for analysis speed: wall-clock seconds of ffmpeg alone doing the same decode, scale (fast_bilinear to
 * analysisSize(info, width)) and RGB24 conversion as streamFrames, rawvideo into the null muxer, with ffmpeg's own
 * choice of decoder threads (streamFrames sets one per core, to leave room for its reader).
 * Benchmarks report our time against this.
 */
export async function decodeSpeedReference(
  path: string,
  width: number,
  opts: { info?: VideoInfo; signal?: AbortSignal } = {},
): Promise<number> {
  await assertReadableFile(path);
  const info = opts.info ?? (await probeVideo(path, opts));
  const size = analysisSize(info, width);
  const { passthrough } = await ffmpegFeatures();
  const args = ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error', '-i', inputArg(path)];
  args.push('-map', '0:V:0', '-an', '-sn', '-dn', ...scaleArgs(size.width, size.height, passthrough));
  args.push('-c:v', 'rawvideo', '-pix_fmt', 'rgb24', '-f', 'null', '-');
  const started = process.hrtime.bigint();
  const r = await runTool(locateFfmpeg().path, args, { signal: opts.signal });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (opts.signal?.aborted) throw new CancelledError();
  if (r.code !== 0) {
    const { code, cause } = classifyFailure(r.stderr);
    throw new VideoError(code, path, cause);
  }
  return seconds;
}
