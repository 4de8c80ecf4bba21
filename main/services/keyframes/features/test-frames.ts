import { spawnSync } from 'node:child_process';
import type { RgbFrame } from '../../../../app/video';
import { locateFfmpeg } from '../../video/locate-ffmpeg';
import { COLOUR_THUMB_HEIGHT, COLOUR_THUMB_WIDTH } from './types';

/**
 * Decodes up to `count` frames of an ffmpeg input (a file, or `-f lavfi -i ...` arguments) to RGB24 `width` pixels
 * wide (`height` pixels high, or an even height that keeps the aspect). For tests and the benchmark only: the
 * product decodes through main/services/video.
 */
export function decodeTestFrames(
  inputArgs: string[],
  width: number,
  count: number,
  extraFilter = '',
  height = -2,
): RgbFrame[] {
  const filter = `${extraFilter ? `${extraFilter},` : ''}scale=${width}:${height}:flags=area,format=rgb24`;
  const args = ['-hide_banner', '-loglevel', 'error', ...inputArgs, '-vf', filter, '-frames:v', String(count)];
  const probe = spawnSync(locateFfmpeg().path, [...args, '-f', 'rawvideo', '-vsync', '0', '-'], {
    maxBuffer: 1 << 30,
    timeout: 60000,
  });
  if (probe.status !== 0) throw new Error(`decodeTestFrames ${inputArgs.join(' ')}: ${probe.stderr.toString()}`);
  const data = new Uint8Array(probe.stdout.buffer, probe.stdout.byteOffset, probe.stdout.length);
  // The height follows from the first frame's size when ffmpeg chose it from the aspect: read it from the filter.
  const rows = height > 0 ? height : outputHeight(inputArgs, width, extraFilter);
  const bytesPerFrame = width * rows * 3;
  const frames = Math.floor(data.length / bytesPerFrame);
  if (frames * bytesPerFrame !== data.length) throw new Error(`decodeTestFrames: ${data.length} bytes is not whole frames`);
  return Array.from({ length: frames }, (_, index) => ({
    index,
    time: index,
    width,
    height: rows,
    data: data.slice(index * bytesPerFrame, (index + 1) * bytesPerFrame),
  }));
}

/** A lavfi source as ffmpeg input arguments, e.g. lavfi('testsrc2=size=320x180:rate=25'). */
export function lavfi(graph: string): string[] {
  return ['-f', 'lavfi', '-i', graph];
}

/**
 * A 32x18 RGB24 frame, 2x2 pixels per colour-thumbnail cell, whose cell means fall on quarters and halves
 * (R: (cell % 4) / 4, G: 101.5, B: 10.5), for tests of the thumbnails' rounding.
 */
export function quarterCells(): Uint8Array {
  const w = 2 * COLOUR_THUMB_WIDTH;
  const data = new Uint8Array(w * 2 * COLOUR_THUMB_HEIGHT * 3);
  for (let i = 0; i < data.length / 3; i++) {
    const x = i % w;
    const y = Math.floor(i / w);
    const corner = (x % 2) + 2 * (y % 2); // 0..3 inside the cell
    const cell = Math.floor(x / 2) + Math.floor(y / 2);
    // R: 1 in `cell % 4` of the 4 pixels (mean 0, 1/4, 1/2 or 3/4); G: 100 + the corner (mean 101.5); B: 7 · corner.
    data.set([corner < cell % 4 ? 1 : 0, 100 + corner, 7 * corner], 3 * i);
  }
  return data;
}

function outputHeight(inputArgs: string[], width: number, extraFilter: string): number {
  const filter = `${extraFilter ? `${extraFilter},` : ''}scale=${width}:-2:flags=area,format=rgb24,showinfo`;
  const r = spawnSync(locateFfmpeg().path, ['-hide_banner', ...inputArgs, '-vf', filter, '-frames:v', '1', '-f', 'null', '-'], {
    encoding: 'utf8',
    timeout: 60000,
  });
  const m = / s:(\d+)x(\d+) /.exec(r.stderr ?? '');
  if (!m) throw new Error(`decodeTestFrames: cannot tell the output size of ${inputArgs.join(' ')}`);
  return Number(m[2]);
}
