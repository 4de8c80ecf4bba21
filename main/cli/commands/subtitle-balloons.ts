import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { newBalloon, type Balloon } from '../../../app/balloons';
import type { ComicPage } from '../../../app/page';
import { cueFrames, parseSubtitles, SubtitleError, type SubtitleCue } from '../../../app/subtitles';
import { locateFfmpeg } from '../../services/video';

/** A subtitle file or stream that cannot be used, named, with the line at fault when there is one. */
export class SubtitlesError extends Error {
  readonly code = 'BAD_SUBTITLES';
  constructor(message: string) {
    super(message);
    this.name = 'SubtitlesError';
  }
}

/**
 * The cues of `--subtitles`: FILE.srt or FILE.vtt, or stream:N, the video's N-th subtitle stream (0 the first),
 * converted to WebVTT by ffmpeg.
 */
export async function readCues(source: string, video: string, signal?: AbortSignal): Promise<SubtitleCue[]> {
  let text: string;
  let name = source;
  const stream = /^stream:(\d+)$/.exec(source);
  if (stream) {
    name = `${video} (subtitle stream ${stream[1]})`;
    text = await new Promise<string>((done, fail) =>
      execFile(
        locateFfmpeg().path,
        ['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', video, '-map', `0:s:${stream[1]}`, '-f', 'webvtt', '-'],
        { maxBuffer: 64 << 20, signal, encoding: 'utf8' },
        (err, stdout, stderr) => (err ? fail(new SubtitlesError(`${name}: ffmpeg could not read it (${(stderr || err.message).trim().split('\n').pop()})`)) : done(stdout)),
      ),
    );
  } else {
    try {
      text = await readFile(source, 'utf8');
    } catch (err) {
      throw new SubtitlesError(`${source}: cannot read the subtitles (${(err as NodeJS.ErrnoException).code ?? err})`);
    }
  }
  try {
    return parseSubtitles(text);
  } catch (err) {
    if (err instanceof SubtitleError) throw new SubtitlesError(`${name}: ${err.message}`);
    throw err;
  }
}

/** Balloons for the cues a panel shows: speech balloons down the panel, alternating sides, tails towards the middle. */
export function cueBalloons(cues: SubtitleCue[], prefix: string): Balloon[] {
  const rows = Math.max(1, cues.length);
  return cues.map((cue, i) => {
    const left = i % 2 === 0;
    const y = rows === 1 ? 0.22 : 0.16 + (0.62 * i) / (rows - 1);
    return { ...newBalloon(`${prefix}-${i}`, 'speech', cue.text), x: left ? 0.3 : 0.7, y, width: 0.42, height: 0.16, tailX: left ? 0.42 : 0.58, tailY: Math.min(0.95, y + 0.3) };
  });
}

/**
 * Puts each cue in a speech balloon on the panel shown at that moment: the panel of the nearest kept key frame of
 * the shot on screen. `frames[i]` is panel picture i's key frame.
 */
export function letterPages<K extends { id: string; shot: number; time: number }>(
  pages: ComicPage[],
  frames: K[],
  cues: SubtitleCue[],
  shots: ReadonlyArray<{ index: number; startTime: number; endTime: number }>,
): { pages: ComicPage[]; lettered: number } {
  const byFrame = cueFrames(cues, frames, shots);
  let lettered = 0;
  const out = pages.map((page) => ({
    ...page,
    panels: page.panels.map((panel) => {
      const k = frames[panel.picture];
      const mine = k ? byFrame.get(k.id) : undefined;
      if (!mine?.length) return panel;
      lettered += mine.length;
      return { ...panel, balloons: [...(panel.balloons ?? []), ...cueBalloons(mine, `sub-${k.id}`)] };
    }),
  }));
  return { pages: out, lettered };
}
