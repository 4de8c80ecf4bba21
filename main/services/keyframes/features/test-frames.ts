import { spawnSync } from 'node:child_process';
import type { RgbFrame } from '../../../../app/video';
import { locateFfmpeg } from '../../video/locate-ffmpeg';

/**
 * Decodes `count` frames of an ffmpeg input (a file, or `-f lavfi -i ...` arguments) to RGB24 `width` pixels wide
 * (even height, aspect kept). For tests and the benchmark only: the product decodes through main/services/video.
 */
export function decodeTestFrames(inputArgs: string[], width: number, count: number, extraFilter = ''): RgbFrame[] {
  const filter = `${extraFilter ? `${extraFilter},` : ''}scale=${width}:-2:flags=area,format=rgb24`;
  const args = ['-hide_banner', '-loglevel', 'error', ...inputArgs, '-vf', filter, '-frames:v', String(count)];
  const probe = spawnSync(locateFfmpeg().path, [...args, '-f', 'rawvideo', '-vsync', '0', '-'], {
    maxBuffer: 1 << 30,
    timeout: 60000,
  });
  if (probe.status !== 0) throw new Error(`decodeTestFrames ${inputArgs.join(' ')}: ${probe.stderr.toString()}`);
  const data = new Uint8Array(probe.stdout.buffer, probe.stdout.byteOffset, probe.stdout.length);
  // The height follows from the byte count (ffmpeg chose it from the aspect).
  const frames = Math.min(count, data.length > 0 ? count : 0);
  const bytesPerFrame = data.length / frames;
  const height = bytesPerFrame / (width * 3);
  if (!Number.isInteger(height)) throw new Error(`decodeTestFrames: ${data.length} bytes is not ${frames} frames`);
  return Array.from({ length: frames }, (_, index) => ({
    index,
    time: index,
    width,
    height,
    data: data.slice(index * bytesPerFrame, (index + 1) * bytesPerFrame),
  }));
}

/** A lavfi source as ffmpeg input arguments, e.g. lavfi('testsrc2=size=320x180:rate=25'). */
export function lavfi(graph: string): string[] {
  return ['-f', 'lavfi', '-i', graph];
}
