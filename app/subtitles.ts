/**
 * Subtitles (SubRip .srt and WebVTT .vtt) parsed into cues: start and end in seconds and the words, styling tags
 * (<i>, <b>, <font>, <c.class>, {\an8}, <00:00:01.000> karaoke stamps) removed, lines kept as lines. A file that is
 * not well formed is refused with the line number of the first fault, so a user can fix it.
 */
export interface SubtitleCue {
  start: number;
  end: number;
  text: string;
}

export class SubtitleError extends Error {
  readonly code = 'BAD_SUBTITLES';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'SubtitleError';
  }
}

const TIME = /^(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})$/;

function seconds(stamp: string, line: number): number {
  const m = TIME.exec(stamp.trim());
  if (!m) throw new SubtitleError(line, `"${stamp.trim()}" is not a time (HH:MM:SS,mmm)`);
  const [h, min, s, ms] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3]), Number(m[4].padEnd(3, '0'))];
  if (min > 59 || s > 59) throw new SubtitleError(line, `"${stamp.trim()}" is not a time (minutes and seconds go to 59)`);
  return h * 3600 + min * 60 + s + ms / 1000;
}

/** The words of a cue without markup. */
export function plainText(text: string): string {
  return text
    .replace(/\{\\[^}]*\}/g, '') // ASS overrides SubRip files carry ({\an8}, {\i1})
    .replace(/<\d{2}:\d{2}[:.\d]*>/g, '') // WebVTT karaoke time stamps
    .replace(/<\/?[a-z][^>]*>/gi, '') // <i>, <b>, <u>, <font color=…>, <c.yellow>, <v Bob>, <ruby>, <rt>
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, '\u00a0').replace(/&lrm;|&rlm;/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

/** Parses SubRip or WebVTT (told apart by the WEBVTT header). */
export function parseSubtitles(source: string): SubtitleCue[] {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return /^WEBVTT(?:[ \t].*)?(?:\n|$)/.test(text) ? parseVtt(text) : parseSrt(text);
}

interface Block {
  line: number;
  lines: string[];
}

function blocks(text: string): Block[] {
  const out: Block[] = [];
  let current: Block | undefined;
  text.split('\n').forEach((l, i) => {
    if (l.trim() === '') current = undefined;
    else {
      if (!current) out.push((current = { line: i + 1, lines: [] }));
      current.lines.push(l);
    }
  });
  return out;
}

function timing(line: string, at: number): { start: number; end: number } {
  const m = /^\s*(\S+)\s+-->\s+(\S+)/.exec(line);
  if (!m) throw new SubtitleError(at, `expected "start --> end", found "${line.trim().slice(0, 60)}"`);
  const start = seconds(m[1], at);
  const end = seconds(m[2], at);
  if (end < start) throw new SubtitleError(at, `the cue ends (${m[2]}) before it starts (${m[1]})`);
  return { start, end };
}

export function parseSrt(text: string): SubtitleCue[] {
  const cues: SubtitleCue[] = [];
  for (const b of blocks(text)) {
    let i = 0;
    if (/^\d+$/.test(b.lines[0].trim())) i = 1;
    else if (!b.lines[0].includes('-->')) throw new SubtitleError(b.line, `expected a cue number, found "${b.lines[0].trim().slice(0, 60)}"`);
    if (i >= b.lines.length) throw new SubtitleError(b.line, 'a cue number with no time line after it');
    const { start, end } = timing(b.lines[i], b.line + i);
    const words = plainText(b.lines.slice(i + 1).join('\n'));
    if (words) cues.push({ start, end, text: words });
  }
  if (!cues.length) throw new SubtitleError(1, 'no subtitle in the file');
  return cues;
}

export function parseVtt(text: string): SubtitleCue[] {
  const cues: SubtitleCue[] = [];
  for (const [n, b] of blocks(text).entries()) {
    if (n === 0 && b.lines[0].startsWith('WEBVTT')) continue;
    const head = b.lines[0].trim();
    if (/^(NOTE|STYLE|REGION)\b/.test(head)) continue;
    // An optional cue identifier before the timing line.
    const i = b.lines[0].includes('-->') ? 0 : 1;
    if (i >= b.lines.length || !b.lines[i].includes('-->')) throw new SubtitleError(b.line + i, `expected "start --> end", found "${(b.lines[i] ?? head).trim().slice(0, 60)}"`);
    const { start, end } = timing(b.lines[i], b.line + i);
    const words = plainText(b.lines.slice(i + 1).join('\n'));
    if (words) cues.push({ start, end, text: words });
  }
  if (!cues.length) throw new SubtitleError(1, 'no cue in the file');
  return cues;
}

/**
 * Which kept key frame shows each cue: the key frame of the shot on screen at the cue's middle, the one nearest in
 * time to it (a shot may have several). Cues between shots' key frames go to the nearest; none is lost.
 */
export function cueFrames<K extends { id: string; shot: number; time: number }>(
  cues: SubtitleCue[],
  keyframes: K[],
  shots: ReadonlyArray<{ index: number; startTime: number; endTime: number }>,
): Map<string, SubtitleCue[]> {
  const byFrame = new Map<string, SubtitleCue[]>();
  if (!keyframes.length) return byFrame;
  for (const cue of cues) {
    const t = (cue.start + cue.end) / 2;
    const shot = shots.find((s) => t >= s.startTime && t < s.endTime)?.index;
    const inShot = keyframes.filter((k) => k.shot === shot);
    const pool = inShot.length ? inShot : keyframes;
    const best = pool.reduce((a, b) => (Math.abs(b.time - t) < Math.abs(a.time - t) ? b : a));
    byFrame.set(best.id, [...(byFrame.get(best.id) ?? []), cue]);
  }
  return byFrame;
}
