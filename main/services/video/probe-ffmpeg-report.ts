import type { VideoInfo } from '../../../app/video';
import { classifyFailure, VideoError } from './video-error';
import { colourOf, isVariableRate } from './probe-ffprobe';
import { displaySize, normaliseRotation, parseRatio, snapRate } from './video-geometry';

interface StreamBlock {
  kind: string;
  line: string;
  meta: Map<string, string>;
}

function streamBlocks(lines: string[]): StreamBlock[] {
  const blocks: StreamBlock[] = [];
  for (const line of lines) {
    const m = /^\s*Stream #\d+:\d+\S*: (\w+): (.*)$/.exec(line);
    if (m) blocks.push({ kind: m[1], line: m[2], meta: new Map() });
    else if (blocks.length && /^\s{4,}\S/.test(line)) {
      const kv = /^\s*([^:]+?)\s*:\s*(.*)$/.exec(line);
      if (kv) blocks[blocks.length - 1].meta.set(kv[1].toLowerCase(), kv[2]);
    } else if (!/^\s/.test(line)) break; // the input report ends where unindented output starts
  }
  return blocks;
}

/** "1k" → 1000, "23.98" → 23.98. */
function rate(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const value = text.endsWith('k') ? Number(text.slice(0, -1)) * 1000 : Number(text);
  return Number.isFinite(value) && value > 0 ? snapRate(value) : undefined;
}

function clock(text: string | undefined): number | undefined {
  const m = text ? /(\d+):(\d+):(\d+(?:\.\d+)?)/.exec(text) : null;
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : undefined;
}

/**
 * Pure: the report `ffmpeg -i <file>` prints on stderr → VideoInfo. Used when no ffprobe is installed.
 * The report has no frame count, so it is always an estimate (duration × rate).
 */
export function parseFfmpegInputReport(stderr: string, path: string): VideoInfo {
  const lines = stderr.split(/\r?\n/);
  const start = lines.findIndex((l) => /^Input #0, /.test(l));
  if (start < 0) {
    const { code, cause } = classifyFailure(stderr);
    throw new VideoError(code, path, cause);
  }
  const container = /^Input #0, (.*), from '/.exec(lines[start])?.[1] ?? 'unknown';
  const durationLine = lines.find((l) => /^\s+Duration: /.test(l)) ?? '';
  const blocks = streamBlocks(lines.slice(start + 1));
  const video = blocks.find((b) => b.kind === 'Video' && !/\(attached pic\)/.test(b.line));
  if (!video) {
    const kinds = [...new Set(blocks.map((b) => b.kind.toLowerCase()))];
    const what = kinds.length ? `only ${kinds.join(', ')} streams` : 'no streams';
    throw new VideoError('NO_VIDEO_STREAM', path, `no video stream (the file has ${what})`);
  }
  const codec = /^(\w+)/.exec(video.line)?.[1] ?? 'none';
  if (codec === 'none') throw new VideoError('UNSUPPORTED_CODEC', path, 'its video codec is unknown to ffmpeg');
  const size = /, (\d+)x(\d+)[\s,[]/.exec(`${video.line} `);
  if (!size) throw new VideoError('CORRUPT', path, 'the video stream has no frame size');
  const codedWidth = Number(size[1]);
  const codedHeight = Number(size[2]);
  const sampleAspectRatio = parseRatio(/\[SAR (\d+:\d+)/.exec(video.line)?.[1]) ?? 1;
  const matrix = /rotation of (-?[\d.]+) degrees/.exec(video.meta.get('displaymatrix') ?? '');
  const rotation = matrix
    ? normaliseRotation(-Number(matrix[1]))
    : normaliseRotation(Number(video.meta.get('rotate') ?? 0) || 0);
  const averageFps = rate(/([\d.]+k?) fps\b/.exec(video.line)?.[1]);
  const nominal = rate(/([\d.]+k?) tbr\b/.exec(video.line)?.[1]);
  const fps = nominal ?? averageFps ?? 25;
  const startTime = Number(/start: (-?[\d.]+)/.exec(durationLine)?.[1] ?? 0);
  const duration = clock(video.meta.get('duration-eng') ?? video.meta.get('duration')) ?? clock(durationLine) ?? 0;
  const tagged = Number(video.meta.get('number_of_frames-eng') ?? video.meta.get('number_of_frames'));
  const frameCount = tagged > 0 ? tagged : Math.max(1, Math.round(duration * (averageFps ?? fps)));
  return {
    path,
    container,
    codec,
    codedWidth,
    codedHeight,
    ...displaySize(codedWidth, codedHeight, sampleAspectRatio, rotation),
    rotation,
    sampleAspectRatio,
    fps,
    averageFps: averageFps ?? fps,
    variableFrameRate: isVariableRate(fps, averageFps ?? fps),
    duration,
    frameCount,
    frameCountIsEstimate: !(tagged > 0),
    startTime,
    hasAudio: blocks.some((b) => b.kind === 'Audio'),
    ...reportedColour(video.line),
  };
}

/**
 * "h264 (High) (avc1 / 0x31637661), yuv420p(tv, bt709, progressive), 1920x1080" → yuv420p, bt709, tv. In the
 * brackets the range comes first when known; the matrix next, as "space" or "space/primaries/transfer".
 */
function reportedColour(line: string): ReturnType<typeof colourOf> {
  const m = /\), ([a-z0-9_]+)(?:\(([^)]*)\))?, \d+x\d+/.exec(line) ?? /^\w+[^,]*, ([a-z0-9_]+)(?:\(([^)]*)\))?,/.exec(line);
  if (!m) return {};
  const items = (m[2] ?? '').split(',').map((t) => t.trim()).filter((t) => t && !/^(progressive|top first|bottom first|top coded first.*|bottom coded first.*)$/.test(t));
  const range = items[0] === 'tv' || items[0] === 'pc' ? items.shift() : undefined;
  return colourOf(m[1], items[0]?.split('/')[0], range);
}
