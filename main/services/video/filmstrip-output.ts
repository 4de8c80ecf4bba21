import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FILMSTRIP_SCHEMA, filmstripTileCount, type FilmstripIndex, type FilmstripSpec } from '../../../app/filmstrip';

/** What a decoding ffmpeg writes besides the analysis frames: the filmstrip's sprite sheets, into `dir`. */
export interface FilmstripOutput extends FilmstripSpec {
  dir: string;
}

export const FILMSTRIP_SHEET_PATTERN = 'sheet-%04d.jpg';

/**
 * The filmstrip's branch of a decoding graph that splits the decoded frames (stream-frames.ts): from `[strip]`, timed
 * from the first frame, sampled at the filmstrip's rate, scaled to a tile and packed into sheets written as JPEG files
 * (`output`). ffmpeg decodes each frame once for the analysis and for this. The tiles are scaled to full range, as
 * JPEG readers take it, and handed to the encoder as plain yuv420p (-strict -1): the yuvj formats would print a
 * deprecation line the decode counts as a problem.
 */
export function filmstripArgs(strip: FilmstripOutput, passthrough: string[]): { branch: string; output: string[] } {
  const { rate, tileWidth, tileHeight, columns, rows } = strip;
  const branch = `[strip]setpts=PTS-STARTPTS,fps=${rate},scale=${tileWidth}:${tileHeight}:out_range=full,tile=${columns}x${rows},format=yuv420p[sheets]`;
  // image2 reads % in the name as a pattern: one in the folder's name is written %%.
  const pattern = join(strip.dir.replace(/%/g, '%%'), FILMSTRIP_SHEET_PATTERN);
  // Quality 5 of 31: small sheets whose tiles still read at a glance.
  return { branch, output: ['-map', '[sheets]', ...passthrough, '-q:v', '5', '-strict', '-1', '-f', 'image2', pattern] };
}

/**
 * After the decode: the sheets ffmpeg wrote into the folder, listed in FILMSTRIP_INDEX beside them. `lastFrameTime`
 * (the last decoded frame's time) bounds the tiles to those certainly written.
 */
export async function finishFilmstrip(strip: FilmstripOutput, lastFrameTime: number): Promise<FilmstripIndex> {
  const sheets = (await readdir(strip.dir)).filter((f) => /^sheet-\d{4,}\.jpg$/.test(f)).sort();
  if (!sheets.length) throw new Error(`${strip.dir}: ffmpeg wrote no filmstrip sheet`);
  const { rate, tileWidth, tileHeight, columns, rows } = strip;
  const count = Math.min(filmstripTileCount(strip, lastFrameTime), sheets.length * columns * rows);
  const index: FilmstripIndex = { schema: FILMSTRIP_SCHEMA, rate, tileWidth, tileHeight, columns, rows, count, sheets };
  await writeFile(join(strip.dir, FILMSTRIP_INDEX), `${JSON.stringify(index, null, 2)}\n`);
  return index;
}

export const FILMSTRIP_INDEX = 'index.json';
