import type { VideoInfo } from '../../../app/video';
import { VideoError } from './video-error';
import { displaySize, normaliseRotation, parseRatio } from './video-geometry';

/** The parts of `ffprobe -show_streams -show_format -of json` we read. */
interface ProbeStream {
  index?: number;
  codec_type?: string;
  codec_name?: string;
  codec_tag_string?: string;
  width?: number;
  height?: number;
  sample_aspect_ratio?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  start_time?: string;
  duration?: string;
  nb_frames?: string;
  pix_fmt?: string;
  color_space?: string;
  color_range?: string;
  disposition?: { attached_pic?: number };
  tags?: Record<string, string>;
  side_data_list?: Array<{ side_data_type?: string; rotation?: number | string }>;
}

export interface ProbeJson {
  streams?: ProbeStream[];
  format?: { format_name?: string; duration?: string; start_time?: string };
}

const num = (s: string | undefined): number | undefined => {
  const n = s === undefined ? NaN : Number(s);
  return Number.isFinite(n) ? n : undefined;
};

/** Matroska keeps duration and frame count in statistics tags ("DURATION-eng": "00:00:02.002000000"). */
function tag(stream: ProbeStream, name: string): string | undefined {
  const tags = stream.tags ?? {};
  const key = Object.keys(tags).find((k) => k.toUpperCase() === name || k.toUpperCase().startsWith(`${name}-`));
  return key ? tags[key] : undefined;
}

function clock(text: string | undefined): number | undefined {
  const m = text ? /^(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(text.trim()) : null;
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : undefined;
}

/** Clockwise degrees. The display matrix's "rotation" is counter-clockwise; the legacy `rotate` tag is clockwise. */
function rotationOf(stream: ProbeStream): VideoInfo['rotation'] {
  const matrix = stream.side_data_list?.find((d) => /display matrix/i.test(d.side_data_type ?? ''));
  const ccw = matrix?.rotation !== undefined ? Number(matrix.rotation) : NaN;
  if (Number.isFinite(ccw)) return normaliseRotation(-ccw);
  const tagged = num(stream.tags?.rotate);
  return tagged === undefined ? 0 : normaliseRotation(tagged);
}

/** True when the rates differ by more than 1 %: timestamps are irregular (phone footage, screen recordings). */
export function isVariableRate(nominal: number, average: number): boolean {
  return Math.abs(nominal - average) / Math.max(nominal, average) > 0.01;
}

/** Pure: ffprobe's JSON → VideoInfo, or a VideoError when there is nothing to decode. */
export function parseFfprobeJson(json: ProbeJson, path: string): VideoInfo {
  const streams = json.streams ?? [];
  // Cover art in audio files is a "video" stream with the attached_pic disposition: not a video.
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  if (!video) {
    const kinds = streams.map((s) => s.codec_type ?? 'unknown');
    const what = kinds.length ? `only ${[...new Set(kinds)].join(', ')} streams` : 'no streams';
    throw new VideoError('NO_VIDEO_STREAM', path, `no video stream (the file has ${what})`);
  }
  if (!video.codec_name || video.codec_name === 'none' || video.codec_name === 'unknown') {
    const tagText = video.codec_tag_string ? ` "${video.codec_tag_string}"` : '';
    throw new VideoError('UNSUPPORTED_CODEC', path, `its video codec${tagText} is unknown to ffmpeg`);
  }
  const codedWidth = video.width ?? 0;
  const codedHeight = video.height ?? 0;
  if (!codedWidth || !codedHeight) throw new VideoError('CORRUPT', path, 'the video stream has no frame size');
  const rotation = rotationOf(video);
  const sampleAspectRatio = parseRatio(video.sample_aspect_ratio) ?? 1;
  const nominal = parseRatio(video.r_frame_rate);
  const average = parseRatio(video.avg_frame_rate);
  const fps = nominal ?? average ?? 25;
  const averageFps = average ?? fps;
  const startTime = num(video.start_time) ?? num(json.format?.start_time) ?? 0;
  const formatStart = num(json.format?.start_time) ?? startTime;
  const formatDuration = num(json.format?.duration);
  const duration =
    num(video.duration) ??
    clock(tag(video, 'DURATION')) ??
    (formatDuration !== undefined ? Math.max(0, formatDuration - (startTime - formatStart)) : 0);
  const counted = num(video.nb_frames) ?? num(tag(video, 'NUMBER_OF_FRAMES'));
  const frameCount = counted && counted > 0 ? counted : Math.max(1, Math.round(duration * averageFps));
  return {
    path,
    container: json.format?.format_name ?? 'unknown',
    codec: video.codec_name,
    codedWidth,
    codedHeight,
    ...displaySize(codedWidth, codedHeight, sampleAspectRatio, rotation),
    rotation,
    sampleAspectRatio,
    fps,
    averageFps,
    variableFrameRate: isVariableRate(fps, averageFps),
    duration,
    frameCount,
    frameCountIsEstimate: !(counted && counted > 0),
    startTime,
    hasAudio: streams.some((s) => s.codec_type === 'audio'),
    ...colourOf(video.pix_fmt, video.color_space, video.color_range),
  };
}

/** The pixel format and colour tags, leaving out what is unknown ("unknown", "unspecified", missing). */
export function colourOf(pixFmt?: string, space?: string, range?: string): Pick<VideoInfo, 'pixelFormat' | 'colorSpace' | 'colorRange'> {
  const known = (v?: string) => (v && !/^(unknown|unspecified|reserved|none)$/i.test(v) ? v : undefined);
  const r = known(range);
  const colorRange = r === 'tv' || r === 'mpeg' ? 'tv' : r === 'pc' || r === 'jpeg' ? 'pc' : undefined;
  return {
    ...(known(pixFmt) ? { pixelFormat: pixFmt } : {}),
    ...(known(space) ? { colorSpace: space } : {}),
    ...(colorRange ? { colorRange } : {}),
  };
}
