import { stat } from 'node:fs/promises';
import type { VideoInfo } from '../../../app/video';
import { ffmpegFeatures } from './ffmpeg-features';
import { locateFfmpeg, locateFfprobe } from './locate-ffmpeg';
import { parseFfmpegInputReport } from './probe-ffmpeg-report';
import { parseFfprobeJson, type ProbeJson } from './probe-ffprobe';
import { inputArg, runTool, type ToolResult } from './run-tool';
import { classifyFailure, diagnosticLines, VideoError } from './video-error';

const PROBE_TIMEOUT_MS = 60_000;

/** NOT_FOUND / EMPTY before any tool runs, so those messages never depend on ffmpeg's wording. */
export async function assertReadableFile(path: string): Promise<void> {
  const s = await stat(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR') throw new VideoError('NOT_FOUND', path, `file not found (${path})`);
    throw new VideoError('NOT_FOUND', path, `cannot read the file (${e.code ?? e.message})`);
  });
  if (!s.isFile()) throw new VideoError('NOT_A_VIDEO', path, 'it is a folder, not a video file');
  if (s.size === 0) throw new VideoError('EMPTY', path, 'the file is empty (0 bytes)');
}

/**
 * ffprobe ended without a word: killed by a signal we did not send, or a failure exit with nothing on stderr. Some
 * static ffprobe builds (the one @ffprobe-installer ships, N-66595) segfault on every MPEG-TS file, even a whole one,
 * while ffmpeg reads it fine; such a crash says nothing about the file.
 */
function crashed(r: ToolResult): boolean {
  if (r.signal) return r.signal !== 'SIGKILL';
  return r.code !== 0 && diagnosticLines(r.stderr).length === 0;
}

async function probeWithFfprobe(bin: string, path: string, signal?: AbortSignal): Promise<VideoInfo> {
  // warning level: the "detected only with low score" line is what tells a non-video from a damaged video.
  const args = ['-v', 'warning', '-show_streams', '-show_format', '-of', 'json', inputArg(path)];
  const r = await runTool(bin, args, { signal, timeoutMs: PROBE_TIMEOUT_MS });
  if (crashed(r)) return probeWithFfmpeg(path, signal);
  let json: ProbeJson | undefined;
  try {
    json = JSON.parse(r.stdout.toString('utf8')) as ProbeJson;
  } catch {
    json = undefined;
  }
  if (r.code !== 0 || !json || !json.streams) {
    const { code, cause } = classifyFailure(r.stderr);
    throw new VideoError(code, path, cause, diagnosticLines(r.stderr));
  }
  return parseFfprobeJson(json, path);
}

async function probeWithFfmpeg(path: string, signal?: AbortSignal): Promise<VideoInfo> {
  // `ffmpeg -i` with no output prints the input report and exits 1: the report is what we want.
  const r = await runTool(locateFfmpeg().path, ['-hide_banner', '-nostdin', '-i', inputArg(path)], {
    signal,
    timeoutMs: PROBE_TIMEOUT_MS,
  });
  return parseFfmpegInputReport(r.stderr, path);
}

/**
 * Everything the product needs to know about a video before decoding it. Uses ffprobe when installed and falls
 * back to ffmpeg's own input report (also when ffprobe crashes). Throws VideoError (NOT_FOUND, EMPTY, NOT_A_VIDEO, NO_VIDEO_STREAM, CORRUPT,
 * UNSUPPORTED_CODEC) for files that cannot be decoded.
 */
/** Demuxers of single pictures (animated GIF and WebP-in-Matroska are videos and stay allowed). */
const STILL_IMAGE_CONTAINERS = /(^|,)(image2|[a-z0-9]+_pipe)(,|$)/;

export async function probeVideo(path: string, opts: { signal?: AbortSignal } = {}): Promise<VideoInfo> {
  await assertReadableFile(path);
  const ffprobe = locateFfprobe();
  const info = ffprobe ? await probeWithFfprobe(ffprobe.path, path, opts.signal) : await probeWithFfmpeg(path, opts.signal);
  // ffprobe may be newer than ffmpeg: it can name a codec that the decoding ffmpeg cannot decode.
  const { decodableCodecs } = await ffmpegFeatures();
  if (decodableCodecs.size > 0 && !decodableCodecs.has(info.codec)) {
    throw new VideoError('UNSUPPORTED_CODEC', path, `its video codec "${info.codec}" cannot be decoded by this ffmpeg`);
  }
  // ffmpeg reads a still picture as a one-frame "video" (demuxers png_pipe, jpeg_pipe, image2, ...): say what it is.
  if (STILL_IMAGE_CONTAINERS.test(info.container)) {
    throw new VideoError('NOT_A_VIDEO', path, `it is a still picture (${info.codec}), not a video: give the video the pictures come from`);
  }
  return info;
}
