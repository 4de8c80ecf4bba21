import { basename } from 'node:path';

export type VideoErrorCode =
  | 'NOT_FOUND'
  | 'NOT_A_VIDEO'
  | 'NO_VIDEO_STREAM'
  | 'EMPTY'
  | 'CORRUPT'
  | 'UNSUPPORTED_CODEC'
  | 'DECODE_FAILED'
  /** A still picture's contents match no picture format. */
  | 'NOT_AN_IMAGE'
  /** A still picture over the pixel limit (a decompression bomb, or simply too large to hold). */
  | 'TOO_LARGE';

/** A video (or image) the service cannot read. The message always names the file and the cause. */
export class VideoError extends Error {
  constructor(
    readonly code: VideoErrorCode,
    readonly path: string,
    cause: string,
    /** ffmpeg/ffprobe's own diagnostic lines, for logs and bug reports. */
    readonly details: string[] = [],
  ) {
    super(`${basename(path) || path}: ${cause}`);
    this.name = 'VideoError';
  }
}

/** The lines of an ffmpeg/ffprobe report that explain a failure (not banners, stream listings or progress). */
export function diagnosticLines(stderr: string): string[] {
  const out: string[] = [];
  for (const raw of stderr.split(/\r?\n|\r/)) {
    const line = raw.trimEnd();
    if (!line || /^\s/.test(line)) continue; // metadata, stream descriptions, build configuration
    if (/^(ffmpeg|ffprobe) version|^(Input|Output) #|^Stream mapping|^Press \[q\]|^frame=|^size=|^video:/.test(line)) continue;
    if (/^\[Parsed_showinfo|^At least one output file/.test(line)) continue;
    out.push(line);
  }
  return out;
}

/** Maps ffmpeg's reasons for giving up on an input to our codes (pure, so it can be tested on real reports). */
export function classifyFailure(stderr: string): { code: VideoErrorCode; cause: string } {
  const lines = diagnosticLines(stderr);
  const text = lines.join('\n');
  const first = lines.find((l) => /error|invalid|not found|unsupported|unknown|corrupt|failed/i.test(l)) ?? lines[0];
  const why = first ? `ffmpeg says "${first.replace(/^\[[^\]]*\]\s*/, '').replace(/^file:.*?: (?=\S)/, '')}"` : 'ffmpeg gave no reason';
  if (/No such file or directory/i.test(text)) return { code: 'NOT_FOUND', cause: 'file not found' };
  // A demuxer that only matched the extension ("low score") or a bad magic number: this is not media at all.
  if (/detected only with low score|Invalid \w+ signature|could not find (a )?(demuxer|format)|Unknown input format/i.test(text)) {
    return { code: 'NOT_A_VIDEO', cause: 'not a video file (its contents match no format ffmpeg reads)' };
  }
  // "Read error": the demuxer ran out of file inside an element (a Matroska file cut before its first whole frame, which
  // then also reads "Could not find codec parameters" though the codec is fine).
  if (/moov atom not found|partial file|truncat|corrupt|Invalid NAL|error while decoding|EBML|end of file|\bRead error\b/i.test(text)) {
    return { code: 'CORRUPT', cause: `the file is damaged or incomplete (${why})` };
  }
  if (/Decoder \(codec [^)]*\) not found|no decoder|Unsupported codec|unknown codec|Could not find codec parameters/i.test(text)) {
    return { code: 'UNSUPPORTED_CODEC', cause: `its video codec cannot be decoded by this ffmpeg (${why})` };
  }
  if (/Invalid data found when processing input/i.test(text)) {
    return { code: 'NOT_A_VIDEO', cause: `not a video file ffmpeg can read (${why})` };
  }
  return { code: 'DECODE_FAILED', cause: `decoding failed (${why})` };
}
